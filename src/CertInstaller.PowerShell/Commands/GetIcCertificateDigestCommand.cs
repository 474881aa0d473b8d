using System.Management.Automation;
using System.Security;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Validation;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Get-IcCertificateDigest: the signature digest of every certificate and CSR of a folder, or with -Baseline the
/// change since before a digest conversion (certharness digests).</summary>
[Cmdlet(VerbsCommon.Get, "IcCertificateDigest")]
[OutputType(typeof(IcDigest), typeof(IcDigestChange))]
public sealed class GetIcCertificateDigestCommand : IcCmdlet
{
    /// <summary>The folder to scan (recursively).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>Weakest accepted digest (default SHA-256).</summary>
    [Parameter]
    [ValidateSet("MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512")]
    public string Minimum { get; set; } = "SHA-256";

    /// <summary>The folder's state before the conversion: a snapshot folder, a backup root or a copy of the folder.</summary>
    [Parameter]
    public string? Baseline { get; set; }

    /// <summary>Password of encrypted PKCS#12 files.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var folder = FileSystemPath(Path);
        if (!Directory.Exists(folder))
        {
            WriteError(Coded(CodeRegistry.Of(FindingCode.FolderUnreadable), $"{folder}: no such folder; give the certificates folder to scan",
                ErrorCategory.ObjectNotFound, Path));
            return;
        }

        DigestNames.TryParse(Minimum, out var minimum);
        var reader = new PkiReader(Plain(Password));
        var files = WithProgress($"Get-IcCertificateDigest {folder}", progress => new FolderReader(reader).ReadAll(folder, progress));
        if (Baseline is { } before)
        {
            var baselineFolder = FileSystemPath(before);
            try
            {
                var (description, old) = DigestBaseline.Read(baselineFolder, reader);
                var report = DigestBaseline.Compare(description, files, old, minimum, false, []);
                foreach (var e in report.Entries)
                {
                    WriteObject(new IcDigestChange(e.Path, e.Index, e.Kind, e.Subject, e.Change.ToString(), e.Before?.ToDisplayName(),
                        e.After?.ToDisplayName(), e.KeyKept, e.SubjectKept, e.Ok, report.Baseline));
                }
            }
            catch (BackupException e)
            {
                WriteError(Backups.Error(e, baselineFolder));
            }

            return;
        }

        var listing = DigestScanner.Classify(files, new DigestPolicy(minimum));
        foreach (var e in listing.Entries)
        {
            WriteObject(new IcDigest(e.File.RelativePath, e.Kind, e.Subject, e.Signature.Algorithm, e.Signature.Digest.ToDisplayName(), e.Ok,
                minimum.ToDisplayName()));
        }
    }
}
