using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Preservation;

public class FolderClassifierTests
{
    private static IReadOnlyDictionary<string, FileClassification> Classify(string root, params string[] patterns) =>
        new FolderClassifier().Classify(new LayoutScanner().Scan(root), patterns);

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Classify_WhenTrustMode_MarksExactlyTheThirdPartyFiles(TrustMode trust)
    {
        using var dir = new TempDir();
        var folder = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec { Trust = trust });

        var classes = Classify(dir.Path);

        var thirdParty = classes.Where(c => c.Value.Origin == FileOrigin.ThirdParty).Select(c => c.Key);
        Assert.That(thirdParty, Is.EquivalentTo(folder.ThirdPartyFiles));
        Assert.That(classes["ic1_ININ_Certificates.xml"].Origin, Is.EqualTo(FileOrigin.Other));
        if (trust == TrustMode.SelfSigned)
            Assert.That(classes.Where(c => c.Key != "ic1_ININ_Certificates.xml").Select(c => c.Value.Origin), Has.All.EqualTo(FileOrigin.IcIssued));
    }

    [Test]
    public void Classify_WhenCsrWorkAreaOrPattern_ForcesThirdParty()
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        dir.Write("CSRs/ic1_request.csr", "-----BEGIN CERTIFICATE REQUEST-----\n");
        dir.Write("CSRs/ic1_requestPrivateKey.bin", "key");

        var classes = Classify(dir.Path, "HTTPS/*.cer");

        Assert.That(classes["CSRs/ic1_request.csr"].Origin, Is.EqualTo(FileOrigin.ThirdParty));
        Assert.That(classes["CSRs/ic1_requestPrivateKey.bin"].Origin, Is.EqualTo(FileOrigin.ThirdParty));
        Assert.That(classes["HTTPS/ic1.example.com.cer"].Origin, Is.EqualTo(FileOrigin.ThirdParty));
        Assert.That(classes["HTTPS/ic1.example.com.key"], Is.EqualTo(new FileClassification(FileOrigin.ThirdParty, "key of HTTPS/ic1.example.com.cer")), "a key follows its certificate");
        Assert.That(classes["Client/Local_Subsystems/ic1_ServerCertificate.cer"].Origin, Is.EqualTo(FileOrigin.IcIssued), "a pattern forces only what it matches");
    }

    [Test]
    public void Classify_WhenCertificateUnreadable_RecordsWhyAsOther()
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        dir.Write("Client/Local_Subsystems/ic1_ClientCertificate.cer", new byte[] { 0x30, 0x82, 0x7f, 0xff, 0x01 });

        var c = Classify(dir.Path)["Client/Local_Subsystems/ic1_ClientCertificate.cer"];

        Assert.That(c.Origin, Is.EqualTo(FileOrigin.Other));
        Assert.That(c.Reason, Does.StartWith("not readable"));
    }
}
