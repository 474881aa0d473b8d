using System.Management.Automation;
using System.Security;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Validation;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Test-IcCertificateFolder: validates a certificates folder, one finding object per finding (certharness validate).</summary>
[Cmdlet(VerbsDiagnostic.Test, "IcCertificateFolder")]
[OutputType(typeof(IcFinding), typeof(IcFolderSummary))]
public sealed class TestIcCertificateFolderCommand : IcCmdlet
{
    /// <summary>The certificates folder; binds FullName from Get-ChildItem -Directory.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>A policy JSON file (minDigest, minRsaBits, expiryWarningDays, failAt, severities).</summary>
    [Parameter]
    public string? Policy { get; set; }

    /// <summary>Start from the strict preset (warnings fail).</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Judge validity at this time (default now).</summary>
    [Parameter]
    public DateTime? At { get; set; }

    /// <summary>The switchover peer's certificates folder.</summary>
    [Parameter]
    public string? Peer { get; set; }

    /// <summary>Host name the server certificates must carry.</summary>
    [Parameter]
    public string? HostName { get; set; }

    /// <summary>A snapshot folder whose third-party files must be unchanged.</summary>
    [Parameter]
    public string? Baseline { get; set; }

    /// <summary>Password of encrypted keys and PKCS#12 files.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>One summary object (verdict, counts, findings) instead of the findings.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var folder = FileSystemPath(Path);
        if (!Directory.Exists(folder))
        {
            WriteError(Coded(CodeRegistry.Of(FindingCode.FolderUnreadable),
                $"{folder}: no such certificates folder; give the folder that holds ServerGroup (e.g. D:\\I3\\IC\\Certificates)",
                ErrorCategory.ObjectNotFound, Path));
            return;
        }

        ValidationPolicy rules;
        try
        {
            var basis = Strict ? ValidationPolicy.Strict : ValidationPolicy.Installer;
            rules = Policy is { } file ? ValidationPolicy.Load(FileSystemPath(file), basis) : basis;
        }
        catch (PolicyException e)
        {
            ThrowTerminatingError(Coded(CodeRegistry.Of(e.Code), e.Message, ErrorCategory.InvalidArgument, Policy, e));
            return;
        }

        // A baseline snapshot that cannot be opened is a coded error record ("CI10005,SnapshotNotFound"), not a bare exception.
        IReadOnlyList<BaselineFile> baseline;
        try
        {
            baseline = Baseline is { } b ? BaselineOf(FileSystemPath(b)) : [];
        }
        catch (BackupException e)
        {
            ThrowTerminatingError(Backups.Error(e, Baseline!));
            return;
        }

        var password = Plain(Password);
        var report = WithProgress($"Test-IcCertificateFolder {folder}", progress =>
        {
            var layout = new LayoutScanner().Scan(folder);
            var run = new RunCache();
            var context = new ValidationContext
            {
                Run = run,
                Layout = layout,
                Passwords = password is null ? [] : [password],
                Policy = rules,
                At = At is { } at ? new DateTimeOffset(at.ToUniversalTime()) : DateTimeOffset.UtcNow,
                Host = HostName,
                Peer = Peer is { } p ? new LayoutScanner().Scan(FileSystemPath(p)) : null,
                Baseline = baseline,
            };
            return new FolderValidator(new FolderValidatorOptions { Run = run }).Validate(context, progress);
        });

        var findings = report.Findings.Select(f => Finding(f, report.Folder)).ToArray();
        if (Summary)
        {
            WriteObject(new IcFolderSummary(report.Folder, report.Valid, report.FailAt,
                findings.Count(f => f.Severity == Severity.Error), findings.Count(f => f.Severity == Severity.Warning),
                findings.Count(f => f.Severity == Severity.Info), findings));
            return;
        }

        foreach (var finding in findings)
        {
            WriteObject(finding);
        }
    }

    // Core's messages end with the fix after the last ": " ("... expired on 2026-01-01, in X: renew it"); the object
    // carries it apart so a report can list what to do.
    private static IcFinding Finding(Finding f, string folder)
    {
        var cut = f.Message.LastIndexOf(": ", StringComparison.Ordinal);
        var fix = cut < 0 ? string.Empty : f.Message.Substring(cut + 2);
        return new IcFinding(f.CodeText, f.Code.ToString(), f.Severity, f.Path, f.Message, fix, folder);
    }

    private static IReadOnlyList<BaselineFile> BaselineOf(string snapshotFolder)
    {
        var reference = SnapshotReference.Resolve(snapshotFolder, null);
        return BaselineFile.ThirdPartyOf(new SnapshotStore(reference.Root).Open(reference.Id).Manifest);
    }
}
