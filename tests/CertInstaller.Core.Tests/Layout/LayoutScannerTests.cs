using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Tests.Layout;

public class LayoutScannerTests
{
    [TestCase("ServerGroup/ServerGroupCertificate.cer", CertificateRole.ServerGroup, FilePart.Certificate, null, "ServerGroup", null)]
    [TestCase("ServerGroup/ServerGroupPrivateKey.bin", CertificateRole.ServerGroup, FilePart.PrivateKey, null, "ServerGroup", null)]
    [TestCase("ICCertificateAuthority/ic1_ICCertificateAuthorityCertificate.cer", CertificateRole.CertificateAuthority, FilePart.Certificate, "ic1", "ICCertificateAuthority", null)]
    [TestCase("Client/Local_Subsystems/ic1_ServerCertificate.cer", CertificateRole.LocalSubsystem, FilePart.Certificate, "ic1", "Server", null)]
    [TestCase("client/local_subsystem/IC1_ClientPrivateKey.bin", CertificateRole.LocalSubsystem, FilePart.PrivateKey, "IC1", "Client", null)]
    [TestCase("Client/LocalSubsystems/ic1_TrustedCertificate.cer", CertificateRole.LocalSubsystem, FilePart.Trusted, "ic1", "Trusted", null)]
    [TestCase("Client/Remote_Subsystems/ic2/ic1_ClientCertificate.cer", CertificateRole.RemoteSubsystem, FilePart.Certificate, "ic1", "Client", "ic2")]
    [TestCase("Client/Remote_Client/ic1/ic1_TrustedCertificate.cer", CertificateRole.RemoteClient, FilePart.Trusted, "ic1", "Trusted", "ic1")]
    [TestCase("Client/Local_Subsystems/ic-a_LineCertificate.cer", CertificateRole.Line, FilePart.Certificate, "ic-a", "Line", null)]
    [TestCase("HTTPS/ic1.example.com.cer", CertificateRole.Https, FilePart.Other, null, null, null)]
    [TestCase("CSRs/ic1_request.csr", CertificateRole.CsrWorkArea, FilePart.Request, null, null, null)]
    [TestCase("CSRs/third.pfx", CertificateRole.CsrWorkArea, FilePart.Pkcs12, null, null, null)]
    [TestCase("ServerGroup/ServerGroupCertificate.cer.1", CertificateRole.LeftoverBackup, FilePart.Other, null, null, null)]
    [TestCase("Client/Local_Subsystems/ic1_ServerCertificate.backup", CertificateRole.LeftoverBackup, FilePart.Other, null, null, null)]
    [TestCase("ic1_ININ_Certificates.xml", CertificateRole.MapFile, FilePart.Other, "ic1", null, null)]
    [TestCase("media1_ClientCertificate.cer", CertificateRole.Component, FilePart.Certificate, "media1", "Client", null)]
    [TestCase("notes.txt", CertificateRole.Unknown, FilePart.Other, null, null, null)]
    public void Classify_WhenFieldSpelling_RecognisesRole(string path, CertificateRole role, FilePart part, string? server, string? use, string? peer)
    {
        var entry = LayoutScanner.Classify(path);

        Assert.That(entry, Is.EqualTo(new LayoutEntry(path, role, part, server, use, peer)));
    }

    [Test]
    public void Scan_WhenFolderMissing_ReportsMissing()
    {
        var layout = new LayoutScanner().Scan(Path.Combine(Path.GetTempPath(), "ci-missing-" + Guid.NewGuid()));

        Assert.That(layout.Kind, Is.EqualTo(FolderKind.Missing));
    }

    [Test]
    public void Scan_WhenEmpty_ReportsEmpty()
    {
        using var dir = new TempDir();

        Assert.That(new LayoutScanner().Scan(dir.Path).Kind, Is.EqualTo(FolderKind.Empty));
    }

    [Test]
    public void Scan_WhenIcFolder_PairsTriplesPerUseType()
    {
        using var dir = new TempDir();
        foreach (var f in new[]
                 {
                     "ServerGroup/ServerGroupCertificate.cer", "ServerGroup/ServerGroupPrivateKey.bin", "ServerGroup/ServerGroupPublicKey.bin",
                     "Client/Local_Subsystems/ic1_ServerCertificate.cer", "Client/Local_Subsystems/ic1_ServerPrivateKey.bin",
                     "Client/Local_Subsystems/ic1_ClientCertificate.cer", "Client/Local_Subsystems/ic1_ClientPrivateKey.bin",
                     "Client/Local_Subsystems/ic1_TrustedCertificate.cer",
                 })
            dir.Write(f, "x");

        var layout = new LayoutScanner().Scan(dir.Path);

        Assert.That(layout.Kind, Is.EqualTo(FolderKind.IcServer));
        Assert.That(layout.ServerName, Is.EqualTo("ic1"));
        var server = layout.Sets.Single(s => s.UseType == "Server");
        Assert.That(server, Is.EqualTo(new CertificateSet("Client/Local_Subsystems", "ic1", "Server", CertificateRole.LocalSubsystem,
            "Client/Local_Subsystems/ic1_ServerCertificate.cer", "Client/Local_Subsystems/ic1_ServerPrivateKey.bin", null,
            "Client/Local_Subsystems/ic1_TrustedCertificate.cer")));
        Assert.That(layout.Sets.Single(s => s.UseType == "ServerGroup").PublicKey, Is.EqualTo("ServerGroup/ServerGroupPublicKey.bin"));
    }

    [Test]
    public void Scan_WhenFlatComponentFolder_ReportsOffServerComponent()
    {
        using var dir = new TempDir();
        dir.Write("media1_ClientCertificate.cer", "x");
        dir.Write("media1_ClientPrivateKey.bin", "x");
        dir.Write("media1_TrustedCertificate.cer", "x");

        var layout = new LayoutScanner().Scan(dir.Path);

        Assert.That(layout.Kind, Is.EqualTo(FolderKind.OffServerComponent));
        Assert.That(layout.ServerName, Is.EqualTo("media1"));
        Assert.That(layout.Sets.Single().Trusted, Is.EqualTo("media1_TrustedCertificate.cer"));
    }

    [Test]
    public void Scan_WhenSymlinkPointsOutside_SkipsItWithoutFollowing()
    {
        using var outside = new TempDir();
        outside.Write("secret/ServerGroupCertificate.cer", "outside");
        using var dir = new TempDir();
        dir.Write("ServerGroup/ServerGroupCertificate.cer", "x");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "Linked"), Path.Combine(outside.Path, "secret"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "ServerGroup", "link.cer"), Path.Combine(outside.Path, "secret", "ServerGroupCertificate.cer"));

        var layout = new LayoutScanner().Scan(dir.Path);

        Assert.That(layout.Entries.Select(e => e.RelativePath), Is.EqualTo(new[] { "ServerGroup/ServerGroupCertificate.cer" }));
        Assert.That(layout.Skipped.Select(s => s.RelativePath), Is.EquivalentTo(new[] { "Linked", "ServerGroup/link.cer" }));
    }
}
