using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Private key files are not readable by every user (Unix mode bits; Windows ACLs are left to the OS policy).</summary>
public sealed class PrivateKeyPermissionRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
#if NET
        return OperatingSystem.IsWindows() ? [] : Unix(context);
#else
        return [];
#endif
    }

#if NET
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static List<Observation> Unix(ValidationContext context)
    {
        var observations = new List<Observation>();
        foreach (var e in context.Layout.Entries.Where(e => e.Part == FilePart.PrivateKey))
            observations.AddRange(RuleGuard.Run(e.RelativePath, () => Mode(context, e.RelativePath)));
        return observations;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static IEnumerable<Observation> Mode(ValidationContext context, string path)
    {
        if ((File.GetUnixFileMode(context.Layout.FullPath(path)) & UnixFileMode.OtherRead) != 0)
            yield return new Observation(FindingCode.PrivateKeyWorldReadable, path, "the private key is readable by every user: chmod o-r it (or 0600)");
    }
#endif
}
