using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Every third-party file of the pre-install snapshot is byte-identical in the folder after install.</summary>
public sealed class BaselineRule(IFileSystem fileSystem) : IFolderRule
{
    /// <summary>A rule over the real file system.</summary>
    public BaselineRule() : this(new PhysicalFileSystem()) { }

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var file in context.Baseline)
        {
            var full = context.Layout.FullPath(file.RelativePath);
            if (fileSystem.GetEntry(full) is null)
            {
                yield return new Observation(FindingCode.ThirdPartyMissing, file.RelativePath,
                    "this third-party file was in the pre-install snapshot and is gone: put the third-party files back from the pre-install snapshot");
                continue;
            }
            var (hash, failure) = Hash(full);
            if (failure is not null)
            {
                yield return new Observation(FindingCode.UnreadableFile, file.RelativePath,
                    $"this third-party file of the pre-install snapshot cannot be read to compare it ({Text.Messages.Brief(failure)}): check the access rights and run validation again");
                continue;
            }

            if (!hash!.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
                yield return new Observation(FindingCode.ThirdPartyChanged, file.RelativePath,
                    "this third-party file differs from the pre-install snapshot: put the third-party files back from the pre-install snapshot, or confirm the change was intended");
        }
    }

    // A file that cannot be read is reported on that file (CI1001), not as a failure of the whole rule.
    private (string? Hash, string? Failure) Hash(string full)
    {
        try
        {
            return (FileHasher.Hash(fileSystem, full).Sha256, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }
}
