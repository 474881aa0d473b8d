using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Private key files are not readable by every user (Unix mode bits; Windows ACLs are left to the OS policy).</summary>
public sealed class PrivateKeyPermissionRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
#if NET
        if (OperatingSystem.IsWindows()) yield break;
        foreach (var e in context.Layout.Entries.Where(e => e.Part == FilePart.PrivateKey))
        {
            var mode = File.GetUnixFileMode(context.Layout.FullPath(e.RelativePath));
            if ((mode & UnixFileMode.OtherRead) != 0)
                yield return new Observation(FindingCode.PrivateKeyWorldReadable, e.RelativePath,
                    "the private key is readable by every user: chmod o-r it (or 0600)");
        }
#else
        yield break;
#endif
    }
}
