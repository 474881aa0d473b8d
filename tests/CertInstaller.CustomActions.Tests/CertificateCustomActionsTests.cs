using System.Reflection;
using System.Xml.Linq;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;
using WixToolset.Dtf.WindowsInstaller;

namespace CertInstaller.CustomActions.Tests;

public class CertificateCustomActionsTests
{
    private static IEnumerable<string> DllEntries() =>
        XDocument.Load(Path.Combine(Repository.Root, "installer", "CertificateActions.wxs"))
            .Descendants().Where(e => e.Name.LocalName == "CustomAction" && e.Attribute("DllEntry") is not null)
            .Select(e => e.Attribute("DllEntry")!.Value);

    [Test]
    public void EntryPoints_ForEveryDllEntryOfTheFragment_AreCustomActionsTakingASession()
    {
        var entries = DllEntries().ToList();

        Assert.That(entries, Has.Count.EqualTo(5));
        foreach (var entry in entries)
        {
            var method = typeof(CertificateCustomActions).GetMethod(entry, BindingFlags.Public | BindingFlags.Static);
            Assert.That(method, Is.Not.Null, entry);
            Assert.That(method!.GetCustomAttribute<CustomActionAttribute>(), Is.Not.Null, entry);
            Assert.That(method.ReturnType, Is.EqualTo(typeof(ActionResult)), entry);
            Assert.That(method.GetParameters().Select(p => p.ParameterType), Is.EqualTo(new[] { typeof(Session) }), entry);
        }
    }

    [Test]
    public void Backup_WhenCustomActionDataValid_SucceedsAndLogsCoreLines()
    {
        using var root = new TempDir("ci-dtf-");
        new IcFolderBuilder().BuildServer(Path.Combine(root.Path, "Certificates"), new IcFolderSpec());
        var session = new Session(new Dictionary<string, string>
        {
            ["CustomActionData"] = ActionDataSerializer.Serialize(new ActionData
            {
                CertDir = Path.Combine(root.Path, "Certificates"), BackupDir = Path.Combine(root.Path, "Backups"), ProductCode = "{DTF}",
            }),
        });

        var result = CertificateCustomActions.Backup(session);

        Assert.That(result, Is.EqualTo(ActionResult.Success), string.Join("\n", session.Logged));
        Assert.That(session.Logged, Has.Some.StartsWith("CertInstaller info: snapshot "));
    }

    [Test]
    [Platform(Include = "Linux", Reason = "a file name holding a newline (a FIFO, which validation names and never opens)")]
    public void Validate_WhenAFileNameHoldsANewline_LogsOneLinePerLine()
    {
        using var root = new TempDir("ci-dtf-");
        var certs = Path.Combine(root.Path, "Certificates");
        new IcFolderBuilder().BuildServer(certs, new IcFolderSpec());
        Directory.CreateDirectory(Path.Combine(certs, "CSRs"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(certs, "CSRs", "x.cer\nCertInstaller info: forged")])) mkfifo.WaitForExit();
        var session = new Session(new Dictionary<string, string>
        {
            ["CustomActionData"] = ActionDataSerializer.Serialize(new ActionData { CertDir = certs, BackupDir = Path.Combine(root.Path, "Backups"), ProductCode = "{DTF}", Validation = ValidationMode.Warn }),
        });

        var result = CertificateCustomActions.Validate(session);

        Assert.That(result, Is.EqualTo(ActionResult.Success), string.Join("\n", session.Logged));
        Assert.That(session.Logged, Has.Some.Contains("x.cer\\nCertInstaller info: forged"));
        Assert.That(session.Logged.Where(l => l.Contains('\n', StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Preserve_WhenCustomActionDataInvalid_FailsAndLogsTheProblem()
    {
        var session = new Session(new Dictionary<string, string> { ["CustomActionData"] = "CertDir=;BackupDir=C:\\b" });

        var result = CertificateCustomActions.Preserve(session);

        Assert.That(result, Is.EqualTo(ActionResult.Failure));
        Assert.That(session.Logged, Has.Some.Contains("CERTINSTALLER_CERTDIR"));
    }
}
