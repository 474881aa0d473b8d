namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>Paths of the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root => Repository.Root;
    public static string Installer => Path.Combine(Root, "installer");
    public static string Artifacts => Path.Combine(Root, "artifacts", "msie2e");
}
