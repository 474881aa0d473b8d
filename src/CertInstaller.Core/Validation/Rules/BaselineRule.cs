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
            string? failure = null;
            var full = context.Layout.FullPath(file.RelativePath);
            if (fileSystem.GetEntry(full) is null)
            {
                yield return new Observation(FindingCode.ThirdPartyMissing, file.RelativePath,
                    "this third-party file was in the pre-install snapshot and is gone: put the third-party files back from the pre-install snapshot");
                continue;
            }
            string hash;
            try
            {
                (_, hash) = FileHasher.Hash(fileSystem, full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash = string.Empty;
                failure = e.Message;
            }

            if (failure is not null)
            {
                yield return new Observation(FindingCode.UnreadableFile, file.RelativePath,
                    $"this third-party file of the pre-install snapshot cannot be read to compare it ({Text.Messages.Brief(failure)}): check the access rights and run validation again");
                continue;
            }

            if (!hash.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
                yield return new Observation(FindingCode.ThirdPartyChanged, file.RelativePath,
                    "this third-party file differs from the pre-install snapshot: put the third-party files back from the pre-install snapshot, or confirm the change was intended");
        }
    }
}
