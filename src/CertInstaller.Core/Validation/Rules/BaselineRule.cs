using System.Security.Cryptography;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Every third-party file of the pre-install snapshot is byte-identical in the folder after install.</summary>
public sealed class BaselineRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var file in context.Baseline)
        {
            var full = context.Layout.FullPath(file.RelativePath);
            if (!File.Exists(full))
            {
                yield return new Observation(FindingCode.ThirdPartyMissing, file.RelativePath,
                    "this third-party file was in the pre-install snapshot and is gone: run certharness preserve (or backup restore --third-party-only)");
                continue;
            }
            string hash;
            using (var stream = File.OpenRead(full))
            using (var sha = SHA256.Create())
                hash = BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", "").ToLowerInvariant();
            if (!hash.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
                yield return new Observation(FindingCode.ThirdPartyChanged, file.RelativePath,
                    "this third-party file differs from the pre-install snapshot: run certharness preserve, or confirm the change was intended");
        }
    }
}
