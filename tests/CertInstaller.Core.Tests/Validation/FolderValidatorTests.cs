using System.Runtime.Versioning;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Validation;

public class FolderValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private const string Local = "Client/Local_Subsystems/";
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private IcFolder Build(IcFolderSpec? spec = null, string sub = "Certificates") =>
        new IcFolderBuilder().BuildServer(Path.Combine(_dir.Path, sub), spec ?? new IcFolderSpec());

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private ValidationReport Validate(ValidationPolicy? policy = null, string? host = null, string? peer = null, IReadOnlyList<BaselineFile>? baseline = null) =>
        new FolderValidator().Validate(new ValidationContext
        {
            Layout = new LayoutScanner().Scan(Certs),
            Policy = policy ?? ValidationPolicy.Installer,
            At = Now,
            Host = host,
            Peer = peer is null ? null : new LayoutScanner().Scan(peer),
            Baseline = baseline ?? [],
        });

    private static IEnumerable<(FindingCode, string)> Codes(ValidationReport report) => report.Findings.Select(f => (f.Code, f.Path));

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Validate_WhenHealthyFolder_HasNoFindings(TrustMode trust)
    {
        Build(new IcFolderSpec { Trust = trust });

        var report = Validate();

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Valid, Is.True);
    }

    [Test]
    public void Validate_WhenFolderMissing_ReportsFolderMissing()
    {
        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.FolderMissing, "") }));
    }

    [Test]
    public void Validate_WhenKeyBelongsToAnotherCertificate_ReportsKeyMismatch()
    {
        Build();
        File.Copy(Path.Combine(Certs, Local + "ic1_ClientPrivateKey.bin"), Path.Combine(Certs, Local + "ic1_ServerPrivateKey.bin"), overwrite: true);

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.KeyMismatch, Local + "ic1_ServerPrivateKey.bin") }));
    }

    [Test]
    public void Validate_WhenThirdPartyExpired_ReportsExpiredAsErrorAndFails()
    {
        Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(-1) });

        var report = Validate();

        Assert.That(Codes(report), Is.EquivalentTo(new[] { (FindingCode.Expired, Local + "ic1_ClientCertificate.cer"), (FindingCode.Expired, Local + "ic1_ServerCertificate.cer") }));
        Assert.That(report.Valid, Is.False);
    }

    [Test]
    public void Validate_WhenExpiringWithinWindow_WarnsButStaysValid()
    {
        Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(10) });

        var report = Validate();

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity)).Distinct(), Is.EqualTo(new[] { (FindingCode.ExpiringSoon, Severity.Warning) }));
        Assert.That(report.Valid, Is.True);
        Assert.That(Validate(ValidationPolicy.Strict).Valid, Is.False, "strict fails on warnings");
    }

    [Test]
    public void Validate_WhenIntermediateMissingFromTrustedFile_ReportsChainNotTrusted()
    {
        var folder = Build(new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        File.WriteAllText(Path.Combine(Certs, Local + "ic1_TrustedCertificate.cer"),
            PkiWriter.CertificatesPem([folder.ServerGroup.Certificate, folder.ExternalCa!.Value.Root.Certificate]));

        Assert.That(Codes(Validate()), Is.EquivalentTo(new[] { (FindingCode.ChainNotTrusted, Local + "ic1_ClientCertificate.cer"), (FindingCode.ChainNotTrusted, Local + "ic1_ServerCertificate.cer") }));
    }

    [Test]
    public void Validate_WhenSha1LegacyFolder_ReportsWeakDigestUnlessPolicyAllowsIt()
    {
        var folder = Build(new IcFolderSpec { Digest = DigestAlgorithm.Sha1 });

        var report = Validate();
        var relaxed = Validate(ValidationPolicy.Installer with { MinDigest = DigestAlgorithm.Sha1 });

        // The HTTPS certificate is also judged by the web PKI profile, where SHA-1 stays a (warning-level) failure.
        var https = (FindingCode.HttpsChainNotTrusted, Severity.Warning);
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity)).Distinct(), Is.EquivalentTo(new[] { (FindingCode.WeakDigest, Severity.Error), https }));
        Assert.That(report.Findings.Where(f => f.Code == FindingCode.WeakDigest).Select(f => f.Path).Distinct().Count(), Is.EqualTo(folder.Files.Count(f => f.EndsWith(".cer"))));
        Assert.That(relaxed.Findings.Select(f => (f.Code, f.Severity)).Distinct(), Is.EqualTo(new[] { https }));
    }

    [Test]
    public void Validate_When1024BitKeys_ReportsWeakKey()
    {
        Build(new IcFolderSpec { RsaBits = 1024, KeySeed = "small" });

        // The web PKI profile judges the HTTPS certificate too: RSA under 2048 bits fails it, at warning level.
        Assert.That(Validate().Findings.Select(f => (f.Code, f.Severity)).Distinct(),
            Is.EquivalentTo(new[] { (FindingCode.WeakKey, Severity.Error), (FindingCode.HttpsChainNotTrusted, Severity.Warning) }));
    }

    [Test]
    public void Validate_WhenCertificateTruncated_ReportsUnreadableFile()
    {
        Build();
        var path = Path.Combine(Certs, Local + "ic1_ServerCertificate.cer");
        var der = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(File.ReadAllBytes(path)).GetEncoded();
        File.WriteAllBytes(path, der[..(der.Length / 2)]);

        var codes = Codes(Validate()).ToList();

        Assert.That(codes, Does.Contain((FindingCode.UnreadableFile, Local + "ic1_ServerCertificate.cer")));
    }

    [Test]
    public void Validate_WhenMapHostile_ReportsMapFileUnreadable()
    {
        Build();
        File.WriteAllText(Path.Combine(Certs, "ic1_ININ_Certificates.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.MapFileUnreadable, "ic1_ININ_Certificates.xml") }));
    }

    [Test]
    public void Validate_WhenMapEscapesOrMisses_ReportsBoth()
    {
        Build();
        File.WriteAllText(Path.Combine(Certs, "ic1_ININ_Certificates.xml"),
            @"<Certificates><Certificate Path=""D:\I3\IC\Certificates\..\..\..\Windows\system.ini.cer""/><Certificate Path=""D:\I3\IC\Certificates\ServerGroup\gone.cer""/></Certificates>");

        Assert.That(Codes(Validate()).Select(c => c.Item1), Is.EquivalentTo(new[] { FindingCode.MapEntryOutsideFolder, FindingCode.MapEntryMissing }));
    }

    [TestCase("ic1.example.com", false)]
    [TestCase("IC1.EXAMPLE.COM", false)]
    [TestCase("ic2.example.com", true)]
    public void Validate_WhenHostGiven_ChecksServerSans(string host, bool finding)
    {
        Build();

        var codes = Codes(Validate(host: host)).Select(c => c.Item1).ToList();

        Assert.That(codes.Contains(FindingCode.HostNotInSan), Is.EqualTo(finding));
    }

    [Test]
    public void Validate_WhenSwitchoverPairSharesServerGroup_HasNoFindingDespiteOwnLineCertificates()
    {
        var primary = Build(new IcFolderSpec { Server = "ic1" });
        Build(new IcFolderSpec { Server = "ic2", SharedServerGroup = primary.ServerGroup }, "Peer");

        Assert.That(Validate(peer: Path.Combine(_dir.Path, "Peer")).Findings, Is.Empty);
    }

    [Test]
    public void Validate_WhenSwitchoverPairDiffers_ReportsSwitchoverMismatch()
    {
        Build(new IcFolderSpec { Server = "ic1" });
        Build(new IcFolderSpec { Server = "ic2", KeySeed = "other" }, "Peer");

        Assert.That(Codes(Validate(peer: Path.Combine(_dir.Path, "Peer"))).Select(c => c.Item1), Is.EqualTo(new[] { FindingCode.SwitchoverMismatch }));
        Assert.That(Codes(Validate(peer: Path.Combine(_dir.Path, "Nowhere"))).Select(c => c.Item1), Is.EqualTo(new[] { FindingCode.PeerFolderMissing }));
    }

    [Test]
    public void Validate_WhenBaselineFileChangedOrMissing_ReportsIt()
    {
        Build();
        var baseline = new[]
        {
            new BaselineFile(Local + "ic1_ServerCertificate.cer", new string('0', 64)),
            new BaselineFile(Local + "gone.cer", new string('0', 64)),
        };

        Assert.That(Codes(Validate(baseline: baseline)), Is.EquivalentTo(new[]
        {
            (FindingCode.ThirdPartyChanged, Local + "ic1_ServerCertificate.cer"),
            (FindingCode.ThirdPartyMissing, Local + "gone.cer"),
        }));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win", Reason = "Unix mode bits; Windows ACLs are left to the OS policy")]
    public void Validate_WhenServerGroupPrivateKeyWorldReadable_FailsAsSigningKey()
    {
        Build();
        File.SetUnixFileMode(Path.Combine(Certs, "ServerGroup/ServerGroupPrivateKey.bin"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var report = Validate();

        // Issue 26: anyone on the box could mint certificates IC trusts, so it is an error (it was a CI6001 warning).
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.SigningKeyWorldReadable, Severity.Error, "ServerGroup/ServerGroupPrivateKey.bin") }));
        Assert.That(report.Valid, Is.False);
    }

    [Test]
    public void Validate_WhenLeftoverBackupPresent_ReportsInfoUnlessPolicyDropsIt()
    {
        Build();
        File.Copy(Path.Combine(Certs, "ServerGroup/ServerGroupCertificate.cer"), Path.Combine(Certs, "ServerGroup/ServerGroupCertificate.cer.1"));
        var drop = ValidationPolicy.Parse("""{ "severities": { "CI7001": "off" } }""", "test.json", ValidationPolicy.Installer);

        Assert.That(Validate().Findings.Select(f => (f.Code, f.Severity)), Is.EqualTo(new[] { (FindingCode.LeftoverBackup, Severity.Info) }));
        Assert.That(Validate(drop).Findings, Is.Empty);
    }
}
