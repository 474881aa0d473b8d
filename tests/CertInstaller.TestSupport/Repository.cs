namespace CertInstaller.TestSupport;

/// <summary>The repository the tests run from: the nearest folder above the test assembly that holds CertInstaller.sln.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CertInstaller.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no CertInstaller.sln above {AppContext.BaseDirectory}: run the tests from a build inside the repository");
    });

    /// <summary>The repository's root folder (throws <see cref="DirectoryNotFoundException"/> when there is none).</summary>
    public static string Root => RootLazy.Value;
}
