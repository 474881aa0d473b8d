using System.Text;
using System.Text.Json;
using CertInstaller.Core.Pki;
using CertInstaller.Samples;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Harness.BrowserTests;

/// <summary>One validate --html run: the folder, the page, the exit code and the findings the JSON output gives.</summary>
internal sealed record ReportRun(string Name, IcFolder Folder, string Html, int Code, string Stdout, IReadOnlyList<(string Code, string Path)> Findings)
{
    /// <summary>Every live certificate file of the folder, from what the Samples builder wrote (not from the report).</summary>
    public IReadOnlyList<string> CertificateFiles => Folder.Files
        .Where(f => f.EndsWith("Certificate.cer", StringComparison.Ordinal) && !f.EndsWith("TrustedCertificate.cer", StringComparison.Ordinal)
                    || f.StartsWith("HTTPS/", StringComparison.Ordinal) && f.EndsWith(".cer", StringComparison.Ordinal) && !f.Contains("Trusted", StringComparison.Ordinal))
        .ToList();
}

/// <summary>
/// The folders the report tests judge, built once: a healthy site (Samples, third-party per use type, one remote peer)
/// and a broken one (an expired Line certificate, a remote certificate whose issuer is in no file and whose subject is
/// hostile markup, a third-party HTTPS certificate). Times are fixed with --at, so every page is deterministic.
/// </summary>
internal sealed class ReportSites : IDisposable
{
    public const string At = "2026-12-01T00:00:00Z";

    /// <summary>The hostile common name: markup, both quote kinds and an ampersand must come out as text.</summary>
    public const string HostileName = "<script>document.title='pwned'</script> \"q\" 's' & co";

    private static readonly Lazy<ReportSites> Instance = new(() => new ReportSites());

    private ReportSites()
    {
        Directory.CreateDirectory(Root);
        var builder = new IcFolderBuilder();
        var good = builder.BuildServer(Path.Combine(Root, "good", "Certificates"),
            new IcFolderSpec { Server = "IC1", Domain = "example.test", Trust = TrustMode.ThirdPartyPerUseType, RemotePeers = 1, WriteMap = false });
        Good = Run("good", good);
        Broken = Run("broken", BuildBroken(builder));
    }

    public static ReportSites Shared => Instance.Value;

    public string Root => _temp.Path;

    private readonly TempDir _temp = new("ci-htmlreport-");

    public ReportRun Good { get; }

    public ReportRun Broken { get; }

    public void Dispose() => _temp.Dispose();

    private IcFolder BuildBroken(IcFolderBuilder builder)
    {
        var dir = Path.Combine(Root, "broken", "Certificates");
        var folder = builder.BuildServer(dir, new IcFolderSpec { Server = "IC1", Domain = "example.test", RemotePeers = 1, WriteMap = false });
        var ca = folder.Issued["ICCertificateAuthority"];

        // Expired: the Line certificate, reissued with its own key, ended before --at.
        var line = CertificateFactory.Issue(
            CertificateSpec.Leaf("O=Interactive Intelligence, OU=Line, CN=IC1-line", SubjectAltName.Dns("ic1.example.test"))
                with { NotBefore = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero) },
            folder.Issued["Line"].Keys, ca);
        Write(dir, "Client/Local_Subsystems/IC1_LineCertificate.cer", PkiWriter.CertificatePem(line.Certificate));

        // Issuer missing: a CA that was decommissioned and is in no file of the folder; the subject is hostile markup.
        var gone = CertificateFactory.SelfSigned(CertificateSpec.Ca("O=Gone Corp, CN=Decommissioned Issuing CA") with
            { NotBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            KeyCache.Shared.Get(KeySpec.Rsa2048, "htmlreport/gone-ca"));
        var orphan = CertificateFactory.Issue(
            CertificateSpec.Leaf("O=Interactive Intelligence, OU=IC, OU=Client, CN=" + HostileName.Replace("\"", "\\\"", StringComparison.Ordinal), SubjectAltName.Dns("ic1.example.test"))
                with { NotBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            folder.Issued["Client"].Keys, gone);
        Write(dir, "Client/Remote_Subsystems/peer001/IC1_ClientCertificate.cer", PkiWriter.CertificatePem(orphan.Certificate));

        // Third-party HTTPS: an outside CA's leaf with its intermediate, the outside root in HTTPS's trusted file.
        var web = ExternalChain.Create("ic1.example.test", notBefore: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Write(dir, "HTTPS/ic1.example.test.cer", PkiWriter.CertificatesPem([web.Leaf.Certificate, web.Intermediate.Certificate]));
        Write(dir, "HTTPS/ic1.example.test.key", PkiWriter.PrivateKeyPem(web.Leaf.Keys.Private, KeyFormat.Pkcs1));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(dir, "HTTPS", "ic1.example.test.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(dir, "HTTPS/IC1_TrustedCertificate.cer", PkiWriter.CertificatesPem([web.Root.Certificate]));
        return folder with { Files = [.. folder.Files, "HTTPS/IC1_TrustedCertificate.cer"] };
    }

    private static void Write(string dir, string relative, string text) =>
        File.WriteAllBytes(Path.Combine(dir, relative.Replace('/', Path.DirectorySeparatorChar)), Encoding.ASCII.GetBytes(text));

    private ReportRun Run(string name, IcFolder folder)
    {
        var html = Path.Combine(Root, name + "-report.html");
        var (code, stdout, stderr) = Harness("validate", folder.Root, "--at", At, "--html", html);
        Assert.That(stderr, Is.Empty, $"validate --html of the {name} folder: {stderr}");
        var (jsonCode, json, _) = Harness("validate", folder.Root, "--at", At, "--json");
        Assert.That(jsonCode, Is.EqualTo(code), "--html must not change the exit code");
        var findings = JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("code").GetString()!, f.GetProperty("path").GetString()!)).ToList();
        return new ReportRun(name, folder, html, code, stdout, findings);
    }

    /// <summary>certharness in-process, as the Harness tests run it.</summary>
    public static (int Code, string Stdout, string Stderr) Harness(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
