namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>Paths of the repository the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertInstaller.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no CertInstaller.sln above {AppContext.BaseDirectory}");
    });

    public static string Root => RootLazy.Value;
    public static string Installer => Path.Combine(Root, "installer");
    public static string Artifacts => Path.Combine(Root, "artifacts", "msie2e");
}
