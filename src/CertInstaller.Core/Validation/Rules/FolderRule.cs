using CertInstaller.Core.IO;
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
                    $"the certificates folder {context.Layout.Root} does not exist: check the folder path, or restore a snapshot");
                break;
            case FolderKind.Empty:
                yield return new Observation(FindingCode.FolderEmpty, "",
                    $"the certificates folder {context.Layout.Root} is empty: check the folder path, " +
                    "or let IC Setup Assistant generate the certificates first");
                break;
            case FolderKind.Unrecognised:
                yield return new Observation(FindingCode.FolderUnrecognised, "",
                    $"{context.Layout.Root} is not an IC certificates folder: it holds no ServerGroup\\, ICCertificateAuthority\\, Client\\ or component " +
                    "certificate files. Check the folder path: it should be the folder that holds ServerGroup\\");
                break;
            case FolderKind.Unreadable:
                yield return new Observation(FindingCode.FolderUnreadable, "",
                    $"the certificates folder {context.Layout.Root} cannot be read ({context.Layout.Skipped.FirstOrDefault()?.Reason}): " +
                    "check the folder path and that this account may list it");
                yield break;
        }
        foreach (var s in context.Layout.Skipped)
            yield return s.Kind.IsSpecial()
                ? new Observation(FindingCode.SpecialFileSkipped, s.RelativePath, $"{s.Reason}: {s.Kind.Describe()} has no place in a certificates folder; move it out")
                : s.Reason.StartsWith("cannot list", StringComparison.Ordinal)
                    ? new Observation(FindingCode.FolderUnreadable, s.RelativePath, $"{s.Reason}: give this account read access to it")
                    : new Observation(FindingCode.LinkNotFollowed, s.RelativePath, $"{s.Reason}: replace the link with the real file");
        foreach (var e in context.Layout.Entries.Where(e => e.Role == CertificateRole.LeftoverBackup))
            yield return new Observation(FindingCode.LeftoverBackup, e.RelativePath,
                "a leftover copy sits in the certificates folder: move it out once the live certificates are confirmed good");
    }
}
