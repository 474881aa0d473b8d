using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>The folder exists and looks like a certificates folder.</summary>
public sealed class FolderRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        switch (context.Layout.Kind)
        {
            case FolderKind.Missing:
                yield return new Observation(FindingCode.FolderMissing, "",
                    $"the certificates folder {context.Layout.Root} does not exist: check the path (CERTINSTALLER_CERTDIR) or restore a snapshot");
                break;
            case FolderKind.Unrecognised:
                yield return new Observation(FindingCode.FolderUnrecognised, "",
                    $"{context.Layout.Root} holds no ServerGroup, ICCertificateAuthority, Client or component certificate files: check the path");
                break;
        }
        foreach (var s in context.Layout.Skipped)
            yield return new Observation(FindingCode.LinkNotFollowed, s.RelativePath, $"{s.Reason}: replace the link with the real file");
        foreach (var e in context.Layout.Entries.Where(e => e.Role == CertificateRole.LeftoverBackup))
            yield return new Observation(FindingCode.LeftoverBackup, e.RelativePath,
                "a leftover copy sits in the certificates folder: move it out once the live certificates are confirmed good");
    }
}
