using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Preservation;

public class PreserverTests
{
    private TempDir _dir = null!;
    private string Certs => Path.Combine(_dir.Path, "Certificates");
    private SnapshotStore Store => new(Path.Combine(_dir.Path, "Backups"));

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Snapshot()
    {
        var classes = new FolderClassifier().Classify(new LayoutScanner().Scan(Certs), []);
        return Store.Create(new SnapshotRequest(Certs, "test") { Classify = p => classes[p] }).Id;
    }

    [Test]
    public void Preserve_WhenAdminReplacedThirdPartyCertificateOnPurpose_LeavesItAndReports()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var id = Snapshot();
        // The admin renews the server certificate with the outside CA (a new third-party certificate, new key).
        var renewed = Path.Combine(_dir.Path, "renewed");
        builder.BuildServer(renewed, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, KeySeed = "renewed", ExternalCa = builder.ExternalCa(new IcFolderSpec()) });
        foreach (var f in new[] { "ic1_ServerCertificate.cer", "ic1_ServerPrivateKey.bin" })
            File.Copy(Path.Combine(renewed, "Client", "Local_Subsystems", f), Path.Combine(Certs, "Client", "Local_Subsystems", f), overwrite: true);
        var before = FolderPicture.Of(Certs).Hashes;

        var result = new Preserver(Store).Preserve(id, Certs);

        Assert.That(result.Items.Single(i => i.RelativePath.EndsWith("ic1_ServerCertificate.cer")).Decision, Is.EqualTo(PreservationDecision.KeptChangedByAdmin));
        Assert.That(FolderPicture.Of(Certs).Hashes, Is.EqualTo(before));
    }

    [Test]
    public void Preserve_WhenInstallRemovedThirdPartyFile_PutsItBack()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var before = FolderPicture.Of(Certs).Hashes;
        var id = Snapshot();
        File.Delete(Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer"));

        var result = new Preserver(Store).Preserve(id, Certs);

        Assert.That(result.Items.Single(i => i.Decision != PreservationDecision.Unchanged).Decision, Is.EqualTo(PreservationDecision.PutBackMissing));
        Assert.That(FolderPicture.Of(Certs).Hashes, Is.EqualTo(before));
    }

    [Test]
    public void Preserve_WhenRegenerated_KeepsRegeneratedFilesInDisplacedArea()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var id = Snapshot();
        builder.BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated" });
        var regenerated = File.ReadAllBytes(Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer"));

        var result = new Preserver(Store).Preserve(id, Certs);

        var displaced = result.Restore!.Files.Single(f => f.RelativePath == "Client/Local_Subsystems/ic1_ServerCertificate.cer").DisplacedPath;
        Assert.That(displaced, Is.Not.Null);
        var displacedFile = Directory.EnumerateFiles(Path.Combine(_dir.Path, "Backups"), "ic1_ServerCertificate.cer", SearchOption.AllDirectories)
            .Single(f => f.Contains("displaced"));
        Assert.That(File.ReadAllBytes(displacedFile), Is.EqualTo(regenerated));
    }

    private const string RemoteCertificate = "Client/Remote_Subsystems/peer001/ic1_ClientCertificate.cer";
    private const string RemoteKey = "Client/Remote_Subsystems/peer001/ic1_ClientPrivateKey.bin";

    private string Live(string relative) => Path.Combine(Certs, relative.Replace('/', Path.DirectorySeparatorChar));

    private IReadOnlyList<Core.Validation.Finding> Findings(Core.Validation.FindingCode code) =>
        new Core.Validation.FolderValidator().Validate(new Core.Validation.ValidationContext
        {
            Layout = new LayoutScanner().Scan(Certs),
            Policy = Core.Validation.ValidationPolicy.Installer,
            At = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }).Findings.Where(f => f.Code == code).ToList();

    [Test(Description = "issue 11 §2: Preserve put the removed certificate back next to the admin's new key (CI2001), and a second run changed the folder again")]
    public void Preserve_WhenAdminReplacedKeyAndRemovedItsCertificate_LeavesThePairAloneAndAgainOnASecondRun()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup, RemotePeers = 1 });
        var id = Snapshot();
        var newKey = CertInstaller.Samples.Issuing.KeyCache.Shared.Get(CertInstaller.Samples.Issuing.KeySpec.Rsa2048, "preserve/admin-new-key");
        File.WriteAllText(Live(RemoteKey), CertInstaller.Samples.Issuing.PkiWriter.PrivateKeyPem(newKey.Private, Core.Pki.KeyFormat.Pkcs1));
        File.Delete(Live(RemoteCertificate));
        var before = FolderPicture.Of(Certs).Hashes;

        var first = new Preserver(Store).Preserve(id, Certs);

        Assert.That(first.Items.Where(i => i.RelativePath is RemoteCertificate or RemoteKey).Select(i => i.Decision),
            Is.EqualTo(new[] { PreservationDecision.KeptChangedByAdmin, PreservationDecision.KeptChangedByAdmin }));
        Assert.That(Findings(Core.Validation.FindingCode.KeyMismatch), Is.Empty);
        Assert.That(FolderPicture.Of(Certs).Hashes, Is.EqualTo(before));

        var second = new Preserver(Store).Preserve(id, Certs);

        Assert.That(second.Restore, Is.Null, "the second run put something back");
        Assert.That(FolderPicture.Of(Certs).Hashes, Is.EqualTo(before));
        Assert.That(second.Items.Select(i => i.Decision), Is.EqualTo(first.Items.Select(i => i.Decision)));
    }

    [Test(Description = "issue 11 §2: a certificate is put back with a key that is its own")]
    public void Preserve_WhenCertificateRemovedAndKeyReencodedByAdmin_PutsTheCertificateBackAndIsIdempotent()
    {
        var site = new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup, RemotePeers = 1 });
        var id = Snapshot();
        var sameKey = (Org.BouncyCastle.Crypto.AsymmetricKeyParameter)new Core.Pki.Reading.PkiReader().ReadFile(Live(RemoteKey)).Objects
            .OfType<Core.Pki.Reading.PrivateKeyObject>().Single().Key;
        File.WriteAllText(Live(RemoteKey), CertInstaller.Samples.Issuing.PkiWriter.PrivateKeyPem(sameKey, Core.Pki.KeyFormat.Pkcs8));
        File.Delete(Live(RemoteCertificate));

        var first = new Preserver(Store).Preserve(id, Certs);

        Assert.That(first.Items.Single(i => i.RelativePath == RemoteCertificate).Decision, Is.EqualTo(PreservationDecision.PutBackMissing));
        Assert.That(first.Items.Single(i => i.RelativePath == RemoteKey).Decision, Is.EqualTo(PreservationDecision.KeptChangedByAdmin));
        Assert.That(Findings(Core.Validation.FindingCode.KeyMismatch), Is.Empty);
        var after = FolderPicture.Of(Certs).Hashes;

        var second = new Preserver(Store).Preserve(id, Certs);

        Assert.That(second.Restore, Is.Null, "the second run put something back");
        Assert.That(FolderPicture.Of(Certs).Hashes, Is.EqualTo(after));
        Assert.That(site, Is.Not.Null);
    }

    [Test(Description = "issue 11 §2: when the install regenerated a pair, both come back together")]
    public void Preserve_WhenInstallRegeneratedThePair_PutsBothBackAndSecondRunChangesNothing()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var before = FolderPicture.Of(Certs).Hashes;
        var id = Snapshot();
        builder.BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated" });

        new Preserver(Store).Preserve(id, Certs);
        var second = new Preserver(Store).Preserve(id, Certs);

        Assert.That(Findings(Core.Validation.FindingCode.KeyMismatch), Is.Empty);
        Assert.That(second.Restore, Is.Null);
        Assert.That(second.Items.Select(i => i.Decision).Distinct(), Is.EqualTo(new[] { PreservationDecision.Unchanged }));
        Assert.That(second.Items.Select(i => FolderPicture.HashFile(Live(i.RelativePath))), Is.EqualTo(second.Items.Select(i => before[i.RelativePath])));
    }
}
