using System.Runtime.Versioning;
using System.Text;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>Issue 9's cases, built by code: per-set trust, consistency after Preserve, not a certificates folder,
/// keys and passwords, switchover in third-party mode, permissions everywhere, expiry everywhere, CSRs\ and usage per slot.</summary>
public class FolderVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private const string Local = "Client/Local_Subsystems/";
    private const string LocalTrusted = Local + "ic1_TrustedCertificate.cer";
    private const string Peer = "Client/Remote_Subsystems/peer001/";
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private string At(string relative) => Path.Combine(Certs, relative.Replace('/', Path.DirectorySeparatorChar));

    private IcFolder Build(IcFolderSpec? spec = null, string sub = "Certificates") =>
        new IcFolderBuilder().BuildServer(Path.Combine(_dir.Path, sub), spec ?? new IcFolderSpec());

    private ValidationReport Validate(ValidationPolicy? policy = null, string? peer = null, params string[] passwords) =>
        new FolderValidator().Validate(new ValidationContext
        {
            Layout = new LayoutScanner().Scan(Certs),
            Policy = policy ?? ValidationPolicy.Installer,
            At = Now,
            Peer = peer is null ? null : new LayoutScanner().Scan(peer),
            Passwords = passwords,
        });

    private static List<(FindingCode Code, string Path)> Codes(ValidationReport report) => report.Findings.Select(f => (f.Code, f.Path)).ToList();

    private void WritePem(string relative, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllText(At(relative), pem);
    }

    private void WriteKey(string relative, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllBytes(At(relative), content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(At(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    // §1 trust per set

    [Test]
    public void Trust_WhenLocalSetChainsOnlyToAnotherSetsTrustedFile_ReportsChainNotTrustedNamingItsTrustedFile()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, RemotePeers = 1 });
        WritePem(LocalTrusted, PkiWriter.CertificatesPem([folder.ServerGroup.Certificate]));

        var report = Validate();

        Assert.That(Codes(report), Is.EquivalentTo(new[] { (FindingCode.ChainNotTrusted, Local + "ic1_ClientCertificate.cer"), (FindingCode.ChainNotTrusted, Local + "ic1_ServerCertificate.cer") }),
            "the outside root sits in the peer's trusted file only; it must not vouch for the local set");
        Assert.That(report.Findings.Select(f => f.Message), Has.All.Contain(LocalTrusted));
    }

    [Test]
    public void Trust_WhenPeerSetChainsOnlyToTheLocalTrustedFile_ReportsChainNotTrustedForThePeer()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup, RemotePeers = 1 });
        WritePem(Peer + "ic1_TrustedCertificate.cer", PkiWriter.CertificatesPem([folder.ExternalCa!.Value.Issuing.Certificate]));

        var report = Validate();

        Assert.That(Codes(report), Is.EqualTo(new[] { (FindingCode.ChainNotTrusted, Peer + "ic1_ClientCertificate.cer") }),
            "an intermediate in a trusted file is not an anchor (openssl verify -CAfile gives error 2)");
        Assert.That(report.Findings[0].Message, Does.Contain(Peer + "ic1_TrustedCertificate.cer"));
    }

    [Test]
    public void Trust_WhenComponentTrustedFileHoldsOnlyTheIntermediate_ReportsChainNotTrusted()
    {
        var server = Build(sub: "Server");
        var component = new IcFolderBuilder().BuildComponent(Certs, new IcFolderSpec { Server = "media1", Trust = TrustMode.ThirdPartyPerUseType }, server.ServerGroup);
        Assert.That(Validate().Findings, Is.Empty, "a healthy component folder");

        WritePem("media1_TrustedCertificate.cer", PkiWriter.CertificatesPem([component.ExternalCa!.Value.Issuing.Certificate]));

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.ChainNotTrusted, "media1_ClientCertificate.cer") }));
    }

    // §2 consistency

    [Test]
    public void Consistency_AfterPreserve_ReportsFilesTheInstallAddedUnderTheDisplacedRoot()
    {
        Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var store = new SnapshotStore(Path.Combine(_dir.Path, "Backups"));
        var snapshot = ClassifiedSnapshot.Create(store, Certs, "before upgrade", []);
        Build(new IcFolderSpec { KeySeed = "regenerated", RemotePeers = 1 }); // the install regenerates and adds a peer
        new Preserver(store).Preserve(snapshot.Id, Certs);
        Assert.That(File.ReadAllText(At("ServerGroup/ServerGroupCertificate.cer")), Is.EqualTo(File.ReadAllText(Path.Combine(snapshot.Path, "files", "ServerGroup", "ServerGroupCertificate.cer"))),
            "Preserve put the third-party Server Group back");

        var report = Validate();

        Assert.That(Codes(report), Is.EqualTo(new[] { (FindingCode.OrphanedByDisplacedRoot, Peer + "ic1_ClientCertificate.cer") }));
        Assert.That(report.Findings[0].Severity, Is.EqualTo(Severity.Error));
        Assert.That(report.Findings[0].Message, Does.Contain("Fix:").And.Contain("no longer in ServerGroup"));
        Assert.That(File.Exists(At(Peer + "ic1_ClientCertificate.cer")), Is.True, "validation reports orphans; nothing deletes them");
    }

    [Test]
    public void Consistency_WhenPreservePutBackTheServerGroupByPattern_ReportsTheIcCaAndRemoteTrust()
    {
        Build(new IcFolderSpec { RemotePeers = 1 });
        var store = new SnapshotStore(Path.Combine(_dir.Path, "Backups"));
        var snapshot = ClassifiedSnapshot.Create(store, Certs, "before upgrade", ["ServerGroup/**"]);
        Build(new IcFolderSpec { KeySeed = "regenerated", RemotePeers = 1 });
        new Preserver(store).Preserve(snapshot.Id, Certs);

        var codes = Codes(Validate());

        Assert.That(codes, Does.Contain((FindingCode.CaNotIssuedByServerGroup, "ICCertificateAuthority/ic1_ICCertificateAuthorityCertificate.cer")));
        Assert.That(codes, Does.Contain((FindingCode.RemoteTrustIncomplete, Peer + "ic1_TrustedCertificate.cer")));
    }

    [Test]
    public void Consistency_WhenRemoteFolderHasNoTrustedFile_ReportsRemoteTrustIncomplete()
    {
        Build(new IcFolderSpec { RemotePeers = 1 });
        File.Delete(At(Peer + "ic1_TrustedCertificate.cer"));

        Assert.That(Codes(Validate()).Select(c => c.Code), Does.Contain(FindingCode.RemoteTrustIncomplete));
    }

    [Test]
    public void Consistency_WhenThisServersRemoteTrustedFileLacksTheServerGroup_ReportsItButNotAPeersOwnRoot()
    {
        var folder = Build(new IcFolderSpec { RemotePeers = 1 });
        var other = Build(new IcFolderSpec { Server = "peer001", KeySeed = "peer" }, "PeerSite");
        WritePem(Peer + "peer001_TrustedCertificate.cer", PkiWriter.CertificatePem(other.ServerGroup.Certificate));
        Assert.That(Validate().Findings, Is.Empty, "the peer's own root beside ours is no finding");

        WritePem(Peer + "ic1_TrustedCertificate.cer", PkiWriter.CertificatePem(other.ServerGroup.Certificate) + PkiWriter.CertificatePem(folder.Issued["ICCertificateAuthority"].Certificate));

        Assert.That(Codes(Validate()), Does.Contain((FindingCode.RemoteTrustIncomplete, Peer + "ic1_TrustedCertificate.cer")));
    }

    // §3 not a certificates folder

    [Test]
    public void Folder_WhenEmpty_IsAnErrorNamingThePathAndTheFix()
    {
        Directory.CreateDirectory(Certs);

        var report = Validate();

        Assert.That(Codes(report), Is.EqualTo(new[] { (FindingCode.FolderEmpty, "") }));
        Assert.That(report.Valid, Is.False);
        Assert.That(report.Findings[0].Message, Does.Contain(Certs));
    }

    [Test]
    public void Folder_WhenNotACertificatesFolder_IsAnError()
    {
        _dir.Write("Certificates/readme.txt", "hello");
        _dir.Write("Certificates/bin/tool.dll", "MZ");

        var report = Validate();

        Assert.That(Codes(report), Is.EqualTo(new[] { (FindingCode.FolderUnrecognised, "") }));
        Assert.That(report.Valid, Is.False);
    }

    // §4 keys and passwords

    [Test]
    public void Keys_WhenPublicKeyBinIsOfAnotherKeyPair_ReportsPublicKeyMismatch()
    {
        var folder = Build();
        WritePem("ServerGroup/ServerGroupPublicKey.bin", PkiWriter.PublicKeyPem(folder.Issued["ICCertificateAuthority"].Keys.Public));

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.PublicKeyMismatch, "ServerGroup/ServerGroupPublicKey.bin") }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Keys_WhenPublicKeyBinIsPkcs1_ReadsAndMatches(bool pem)
    {
        var folder = Build();
        var rsa = (Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters)folder.ServerGroup.Keys.Public;
        var der = new Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure(rsa.Modulus, rsa.Exponent).GetEncoded();
        var path = At("ServerGroup/ServerGroupPublicKey.bin");
        if (pem) File.WriteAllText(path, "-----BEGIN RSA PUBLIC KEY-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END RSA PUBLIC KEY-----\n");
        else File.WriteAllBytes(path, der);

        Assert.That(Validate().Findings, Is.Empty);

        var other = (Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters)folder.Issued["ICCertificateAuthority"].Keys.Public;
        File.WriteAllBytes(path, new Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure(other.Modulus, other.Exponent).GetEncoded());
        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.PublicKeyMismatch, "ServerGroup/ServerGroupPublicKey.bin") }));
    }

    private (IcFolder Folder, IssuedCertificate Signed) WithCsrWorkArea(IcFolderSpec? spec = null)
    {
        var folder = Build(spec ?? new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var server = folder.Issued["Server"];
        var ca = folder.ExternalCa!.Value;
        var csr = CsrFactory.Create(new CsrSpec
        {
            Subject = "C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic1.example.com",
            Sans = [SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5")],
        }, server.Keys);
        WritePem("CSRs/ic1_Server.csr", PkiWriter.CsrPem(csr));
        WriteKey("CSRs/ic1_ServerPrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(server.Keys.Private, KeyFormat.Pkcs1)));
        var signed = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic1.example.com",
            SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5")) with { NotBefore = Now.AddDays(-10), NotAfter = Now.AddYears(2) }, server.Keys, ca.Issuing);
        WritePem("CSRs/ic1_ServerCertificate.cer", PkiWriter.CertificatePem(signed.Certificate));
        WriteKey("CSRs/ic1_Server.pfx", PkiWriter.Pkcs12(signed.Certificate, server.Keys.Private, [ca.Issuing.Certificate, ca.Root.Certificate], "pfx-pw"));
        return (folder, signed);
    }

    [Test]
    public void Passwords_WhenPfxIsEncryptedAndNoPasswordGiven_WarnsNamingFileAndHowNeverAnError()
    {
        WithCsrWorkArea();

        var report = Validate();

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.PasswordRequired, Severity.Warning, "CSRs/ic1_Server.pfx") }));
        Assert.That(report.Valid, Is.True, "an encrypted file without its password never fails an install");
    }

    [Test]
    public void Passwords_WhenGiven_OpenThePfxAndCheckIt()
    {
        WithCsrWorkArea();

        Assert.That(Validate(passwords: "pfx-pw").Findings, Is.Empty);
        Assert.That(Codes(Validate(passwords: "wrong")), Is.EqualTo(new[] { (FindingCode.PasswordWrong, "CSRs/ic1_Server.pfx") }));
        Assert.That(Validate(passwords: ["wrong", "pfx-pw"]).Findings, Is.Empty, "each password is tried in turn");
    }

    [Test]
    public void Passwords_WhenTheMapFileGivesOne_UsesIt()
    {
        WithCsrWorkArea();
        var map = At("ic1_ININ_Certificates.xml");
        File.WriteAllText(map, File.ReadAllText(map).Replace("</Certificates>", "<Password>pfx-pw</Password></Certificates>"));

        Assert.That(Validate().Findings, Is.Empty);
    }

    // §5 CSRs work area

    [Test]
    public void CsrArea_WhenSignedCertificateIsForAnotherKey_Warns()
    {
        var (folder, _) = WithCsrWorkArea();
        var other = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic1.example.com",
            SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5")) with { NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) },
            folder.Issued["Client"].Keys, folder.ExternalCa!.Value.Issuing);
        WritePem("CSRs/ic1_ServerCertificate.cer", PkiWriter.CertificatePem(other.Certificate));

        var report = Validate(passwords: "pfx-pw");

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.CsrCertificateKeyMismatch, Severity.Warning, "CSRs/ic1_ServerCertificate.cer") }));
        Assert.That(report.Findings[0].Message, Does.Contain("CSRs/ic1_Server.csr"));
    }

    [Test]
    public void CsrArea_WhenCsrIsWeakBrokenOrHasNoSan_WarnsWithItsCode()
    {
        var folder = Build();
        var keys = folder.Issued["Server"].Keys;
        var sans = new[] { SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5") };
        WritePem("CSRs/sha1.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=ic1.example.com", Sans = sans, Digest = DigestAlgorithm.Sha1 }, keys)));
        WritePem("CSRs/small.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=ic1.example.com", Sans = sans }, KeyCache.Shared.Get(KeySpec.Rsa(1024), "verdict/small"))));
        WritePem("CSRs/broken.csr", PkiWriter.CsrPem(CsrFactory.WithBrokenSignature(CsrFactory.Create(new CsrSpec { Subject = "CN=ic1.example.com", Sans = sans }, keys))));
        WritePem("CSRs/nosan.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=ic1.example.com" }, keys)));
        WritePem("CSRs/dnsonly.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=ic1.example.com", Sans = [sans[0]] }, keys)));
        WriteKey("CSRs/ic1_ServerPrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(keys.Private, KeyFormat.Pkcs1)));
        WriteKey("CSRs/smallPrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(KeyCache.Shared.Get(KeySpec.Rsa(1024), "verdict/small").Private, KeyFormat.Pkcs1)));

        var report = Validate();

        Assert.That(Codes(report), Is.EquivalentTo(new[]
        {
            (FindingCode.CsrDigestTooWeak, "CSRs/sha1.csr"), (FindingCode.CsrKeyTooWeak, "CSRs/small.csr"), (FindingCode.CsrSignatureInvalid, "CSRs/broken.csr"),
            (FindingCode.CsrSanMissing, "CSRs/nosan.csr"), (FindingCode.CsrSanMissing, "CSRs/dnsonly.csr"),
        }));
        Assert.That(report.Findings.Select(f => f.Severity).Distinct(), Is.EqualTo(new[] { Severity.Warning }));
        Assert.That(report.Valid, Is.True);
    }

    [Test]
    public void CsrArea_WhenKeyIsNotTheCsrsOrNamesChangedOrPfxMismatched_Warns()
    {
        var (folder, signed) = WithCsrWorkArea();
        WriteKey("CSRs/ic1_ServerPrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(folder.Issued["Client"].Keys.Private, KeyFormat.Pkcs1)));
        var renamed = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Server, OU=Contact Center, CN=ic1.example.com",
            SubjectAltName.Dns("ic1.example.com")) with { NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) }, folder.Issued["Server"].Keys, folder.ExternalCa!.Value.Issuing);
        WritePem("CSRs/ic1_ServerCertificate.cer", PkiWriter.CertificatePem(renamed.Certificate));
        WriteKey("CSRs/ic1_Server.pfx", PkiWriter.Pkcs12(signed.Certificate, folder.Issued["Client"].Keys.Private, [], "pfx-pw"));

        var codes = Codes(Validate(passwords: "pfx-pw"));

        Assert.That(codes, Is.EquivalentTo(new[]
        {
            (FindingCode.CsrKeyMismatch, "CSRs/ic1_ServerPrivateKey.bin"),
            (FindingCode.CsrCertificateNamesChanged, "CSRs/ic1_ServerCertificate.cer"),
            (FindingCode.CsrCertificateKeyMismatch, "CSRs/ic1_ServerCertificate.cer"),
            (FindingCode.PfxKeyMismatch, "CSRs/ic1_Server.pfx"),
        }));
    }

    // The guide's own names (issue 22 §4): IC's CSR, the CA's certificate under the CA's name, the key under the guide's.
    private (IcFolder Folder, IssuedCertificate Signed) GuideNamedWorkArea(string keyOf = "Server")
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var server = folder.Issued["Server"];
        WritePem("CSRs/winstoric2.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec
        {
            Subject = "C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic1.example.com",
            Sans = [SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5")],
        }, server.Keys)));
        var signed = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic1.example.com",
            SubjectAltName.Dns("ic1.example.com"), SubjectAltName.Ip("10.0.0.5")) with { NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) },
            server.Keys, folder.ExternalCa!.Value.Issuing);
        WritePem("CSRs/winstoric2.cer", PkiWriter.CertificatePem(signed.Certificate));
        WriteKey("CSRs/ServerGroupPrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(folder.Issued[keyOf].Keys.Private, KeyFormat.Pkcs1)));
        return (folder, signed);
    }

    // What openssl pkcs12 -export says of the pair, the step of the guide the findings predict.
    private bool OpenSslExports(string certificate, string key) =>
        CertInstaller.TestSupport.OpenSsl.TryLine($"pkcs12 -export -in {At(certificate)} -inkey {At(key)} -passout pass:x -out {At("CSRs/out.p12.tmp")}").Code == 0;

    [Test]
    public void CsrArea_WhenKeyCsrAndCertificateShareAKeyUnderUnrelatedNames_PairsThemByKey()
    {
        GuideNamedWorkArea();

        Assert.That(Validate().Findings, Is.Empty);
        Assert.That(OpenSslExports("CSRs/winstoric2.cer", "CSRs/ServerGroupPrivateKey.bin"), Is.True);
    }

    [Test]
    public void CsrArea_WhenTheKeyMatchesNeitherCsrNorCertificate_ReportsTheKeyAndTheCertificate()
    {
        GuideNamedWorkArea(keyOf: "Client");

        var report = Validate();

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EquivalentTo(new[]
        {
            (FindingCode.CsrAreaKeyUnmatched, Severity.Warning, "CSRs/ServerGroupPrivateKey.bin"),
            (FindingCode.CsrCertificateKeyMissing, Severity.Warning, "CSRs/winstoric2.cer"),
        }));
        Assert.That(OpenSslExports("CSRs/winstoric2.cer", "CSRs/ServerGroupPrivateKey.bin"), Is.False, "openssl refuses the pair the findings predict");
    }

    [Test]
    public void CsrArea_WhenACsrHasNoKeyAndNoCertificate_ReportsTheCsr()
    {
        GuideNamedWorkArea();
        File.Delete(At("CSRs/ServerGroupPrivateKey.bin"));
        File.Delete(At("CSRs/winstoric2.cer"));

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.CsrKeyMissing, "CSRs/winstoric2.csr") }));
    }

    [Test]
    public void CsrArea_WhenOnlyTheSignedCertificateLacksItsKey_ReportsTheCertificateOnce()
    {
        GuideNamedWorkArea();
        File.Delete(At("CSRs/ServerGroupPrivateKey.bin"));

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.CsrCertificateKeyMissing, "CSRs/winstoric2.cer") }));
    }

    [Test]
    public void CsrArea_WhenAPfxHoldsTheCertificatesKey_TheKeyIsThere()
    {
        var (folder, signed) = GuideNamedWorkArea();
        File.Delete(At("CSRs/ServerGroupPrivateKey.bin"));
        WriteKey("CSRs/winstoric2.pfx", PkiWriter.Pkcs12(signed.Certificate, folder.Issued["Server"].Keys.Private, [], "pfx-pw"));

        Assert.That(Validate(passwords: "pfx-pw").Findings, Is.Empty);
        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.PasswordRequired, "CSRs/winstoric2.pfx") }), "a sealed PFX may hold the key: no missing-key finding");
    }

    [Test]
    public void CsrArea_WhenTwoCsrsShareAReusedKey_TheCertificatesNameBreaksTheTie()
    {
        var (folder, _) = GuideNamedWorkArea();
        var server = folder.Issued["Server"];
        // The switchover backup server's CSR reuses the key (csr create --key); its certificate names ic2.
        WritePem("CSRs/ic2.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec
        {
            Subject = "C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic2.example.com",
            Sans = [SubjectAltName.Dns("ic2.example.com"), SubjectAltName.Ip("10.0.0.6")],
        }, server.Keys)));
        var ic2 = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, OU=Server, CN=ic2.example.com",
            SubjectAltName.Dns("ic2.example.com"), SubjectAltName.Ip("10.0.0.6")) with { NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) },
            server.Keys, folder.ExternalCa!.Value.Issuing);
        WritePem("CSRs/ic2.cer", PkiWriter.CertificatePem(ic2.Certificate));
        WritePem("CSRs/aaa-ic2-renamed.cer", PkiWriter.CertificatePem(ic2.Certificate));

        Assert.That(Validate().Findings, Is.Empty, "ic2.cer pairs with ic2.csr by stem, the renamed copy with it by subject, winstoric2.cer with winstoric2.csr");
    }

    // §6 usage per slot

    [Test]
    public void Usage_WhenServerAuthOnlyCertificateSitsInTheClientSlot_Fails()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var client = folder.Issued["Client"];
        var serverOnly = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, OU=Client, CN=ic1.example.com", SubjectAltName.Dns("ic1.example.com"))
            with { ExtendedKeyUsages = [ExtendedKeyUsages.ServerAuth], NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) }, client.Keys, folder.ExternalCa!.Value.Issuing);
        WritePem(Local + "ic1_ClientCertificate.cer", PkiWriter.CertificatePem(serverOnly.Certificate));

        var report = Validate();
        var strict = Validate(ValidationPolicy.Strict);

        // Issue 26: one rule, one severity: an error, as import-check's EkuMissing (it was a warning here).
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.ExtendedKeyUsageWrong, Severity.Error, Local + "ic1_ClientCertificate.cer") }));
        Assert.That(report.Valid, Is.False);
        Assert.That(strict.Findings.Single(f => f.Code == FindingCode.ExtendedKeyUsageWrong).Severity, Is.EqualTo(Severity.Error));
        Assert.That(strict.Valid, Is.False);
    }

    [Test]
    public void Usage_InSingleCertificateMode_NeedsBothAndKeyUsageMustAllowTls()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var server = folder.Issued["Server"];
        var single = CertificateFactory.Issue(CertificateSpec.Leaf("C=US, O=Example Corp, OU=Contact Center, CN=ic1.example.com", SubjectAltName.Dns("ic1.example.com"))
            with { ExtendedKeyUsages = [ExtendedKeyUsages.ServerAuth], KeyUsage = KeyUsageFlags.NonRepudiation, NotBefore = Now.AddDays(-1), NotAfter = Now.AddYears(1) },
            server.Keys, folder.ExternalCa!.Value.Issuing);
        WritePem(Local + "ic1_ServerCertificate.cer", PkiWriter.CertificatePem(single.Certificate));
        WritePem(Local + "ic1_ClientCertificate.cer", PkiWriter.CertificatePem(single.Certificate));
        File.Copy(At(Local + "ic1_ServerPrivateKey.bin"), At(Local + "ic1_ClientPrivateKey.bin"), overwrite: true);

        var report = Validate();

        Assert.That(Codes(report), Is.EquivalentTo(new[]
        {
            (FindingCode.ExtendedKeyUsageWrong, Local + "ic1_ServerCertificate.cer"), (FindingCode.ExtendedKeyUsageWrong, Local + "ic1_ClientCertificate.cer"),
            (FindingCode.KeyUsageNotTls, Local + "ic1_ServerCertificate.cer"), (FindingCode.KeyUsageNotTls, Local + "ic1_ClientCertificate.cer"),
        }));
        Assert.That(report.Findings.First(f => f.Code == FindingCode.ExtendedKeyUsageWrong).Message, Does.Contain("single third-party certificate"));
    }

    [Test]
    public void Usage_WhenTheOutsideCaIssuedServerGroupAllowsOnlyServerAuth_Fails()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var sg = CertificateFactory.Issue(CertificateSpec.Ca("C=US, O=Example Corp, OU=Interaction Center, CN=ic1 Server Group") with
            { ExtendedKeyUsages = [ExtendedKeyUsages.ServerAuth], NotBefore = Now.AddDays(-30), NotAfter = Now.AddYears(3) }, folder.ServerGroup.Keys, folder.ExternalCa!.Value.Issuing);
        WritePem("ServerGroup/ServerGroupCertificate.cer", PkiWriter.CertificatePem(sg.Certificate));

        var report = Validate();

        // The slot's own EKU is an error (issue 26); the client certificate it issued no longer builds for clientAuth, because a CA
        // whose EKU excludes the purpose fails the path (openssl -purpose sslclient and Windows CryptoAPI agree).
        Assert.That(Codes(report), Is.EquivalentTo(new[]
        {
            (FindingCode.ExtendedKeyUsageWrong, "ServerGroup/ServerGroupCertificate.cer"),
            (FindingCode.ChainNotTrusted, Local + "ic1_ClientCertificate.cer"),
        }));
        Assert.That(report.Findings.Single(f => f.Code == FindingCode.ExtendedKeyUsageWrong).Message, Does.Contain("serverAuth and clientAuth"));
        Assert.That(report.Findings.Single(f => f.Code == FindingCode.ChainNotTrusted).Message, Does.Contain("extended key usage excludes"));
    }

    // §7 switchover in third-party mode

    [Test]
    public void Switchover_InThirdPartyMode_MatchesOnTheSharedKeyAndSaysWhichRuleApplied()
    {
        var primary = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var ca = primary.ExternalCa!.Value;
        var backupSg = CertificateFactory.Issue(CertificateSpec.Ca("C=US, O=Example Corp, OU=Interaction Center, CN=ic2 Server Group") with { NotBefore = Now.AddDays(-30), NotAfter = Now.AddYears(3) },
            primary.ServerGroup.Keys, ca.Issuing);
        Build(new IcFolderSpec { Server = "ic2", Trust = TrustMode.ThirdPartyServerGroup, ExternalCa = ca, SharedServerGroup = backupSg }, "Peer");
        var peer = Path.Combine(_dir.Path, "Peer");

        var report = Validate(peer: peer);

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity)), Is.EqualTo(new[] { (FindingCode.SwitchoverSharedKey, Severity.Info) }));
        Assert.That(report.Findings[0].Message, Does.Contain("third-party rule"));
        Assert.That(report.Valid, Is.True);
    }

    [Test]
    public void Switchover_InThirdPartyMode_WhenKeysDiffer_ReportsMismatchUnderTheThirdPartyRule()
    {
        var primary = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        Build(new IcFolderSpec { Server = "ic2", Trust = TrustMode.ThirdPartyServerGroup, ExternalCa = primary.ExternalCa, KeySeed = "other" }, "Peer");

        var report = Validate(peer: Path.Combine(_dir.Path, "Peer"));

        Assert.That(Codes(report).Select(c => c.Code), Is.EqualTo(new[] { FindingCode.SwitchoverMismatch }));
        Assert.That(report.Findings[0].Message, Does.Contain("third-party rule"));
    }

    [Test]
    public void Switchover_InSelfSignedMode_KeepsTheByteIdenticalRule()
    {
        Build(new IcFolderSpec { Server = "ic1" });
        Build(new IcFolderSpec { Server = "ic2", KeySeed = "other" }, "Peer");

        var report = Validate(peer: Path.Combine(_dir.Path, "Peer"));

        Assert.That(report.Findings.Single(f => f.Code == FindingCode.SwitchoverMismatch).Message, Does.Contain("self-signed rule"));
    }

    // §8 private-key permissions everywhere

    [TestCase("Client/Local_Subsystems/ic1_ServerPrivateKey.bin.1")]
    [TestCase("Client/Local_Subsystems/ic1_ServerPrivateKey.bin.backup")]
    [TestCase("CSRs/ic1_ServerPrivateKey.bin")]
    [TestCase("CSRs/site.pfx")]
    [TestCase("HTTPS/ic1.example.com.key")]
    [UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win", Reason = "Unix mode bits")]
    public void Permissions_WhenAnyPrivateKeyFileIsWorldOrGroupReadable_Warns(string relative)
    {
        var folder = Build();
        var source = relative.EndsWith(".pfx")
            ? PkiWriter.Pkcs12(folder.Issued["Server"].Certificate, folder.Issued["Server"].Keys.Private, [], "pw")
            : File.ReadAllBytes(At("ServerGroup/ServerGroupPrivateKey.bin"));
        WriteKey(relative, source);
        File.SetUnixFileMode(At(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var world = Validate(passwords: "pw").Findings.Where(f => f.Code is FindingCode.PrivateKeyWorldReadable or FindingCode.PrivateKeyGroupReadable).ToList();
        File.SetUnixFileMode(At(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var group = Validate(passwords: "pw").Findings.Where(f => f.Code is FindingCode.PrivateKeyWorldReadable or FindingCode.PrivateKeyGroupReadable).ToList();

        Assert.That(world.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.PrivateKeyWorldReadable, Severity.Warning, relative) }));
        Assert.That(group.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.PrivateKeyGroupReadable, Severity.Warning, relative) }));
    }

    [Test]
    public void Permissions_OnWindows_EveryoneUsersOrAuthenticatedUsersReadingIsBroad()
    {
        Assert.That(CertInstaller.Core.IO.AccessControl.BroadReaders([("S-1-5-18", true, true), ("S-1-5-32-544", true, true)]), Is.Empty);
        Assert.That(CertInstaller.Core.IO.AccessControl.BroadReaders([("S-1-1-0", true, true), ("S-1-5-32-545", true, true), ("S-1-5-11", true, true)]),
            Is.EqualTo(new[] { "Everyone", "Users", "Authenticated Users" }));
        Assert.That(CertInstaller.Core.IO.AccessControl.BroadReaders([("S-1-5-32-545", true, true), ("S-1-5-32-545", false, true), ("S-1-5-11", true, false)]), Is.Empty,
            "a deny wins; write-only access does not read");
    }

    // §9 expiry everywhere

    [Test]
    public void Expiry_EveryCertificateWhereverItSits_IsChecked()
    {
        var folder = Build();
        var expired = CertificateFactory.Issue(CertificateSpec.Leaf("CN=old.example.com", SubjectAltName.Dns("old.example.com")) with { NotBefore = Now.AddYears(-3), NotAfter = Now.AddDays(-3) },
            folder.Issued["Server"].Keys, folder.Issued["ICCertificateAuthority"]);
        File.WriteAllBytes(At("HTTPS/chain.p7b"), PkiWriter.Pkcs7Der([expired.Certificate]));
        WritePem("CSRs/old.cer", PkiWriter.CertificatePem(expired.Certificate));
        WritePem("ServerGroup/ServerGroupCertificate.cer.1", PkiWriter.CertificatePem(expired.Certificate));
        WritePem("notes/old-root.crt", PkiWriter.CertificatePem(expired.Certificate));

        var codes = Codes(Validate());

        Assert.That(codes, Does.Contain((FindingCode.Expired, "HTTPS/chain.p7b")));
        Assert.That(codes, Does.Contain((FindingCode.InactiveCertificateDates, "CSRs/old.cer")));
        Assert.That(codes, Does.Contain((FindingCode.InactiveCertificateDates, "ServerGroup/ServerGroupCertificate.cer.1")));
        Assert.That(codes, Does.Contain((FindingCode.InactiveCertificateDates, "notes/old-root.crt")));
    }
}
