namespace CertInstaller.TestSupport;

/// <summary>Copies of the tests' own fixture folders (sources the test made or the repository holds, never hostile ones).</summary>
public static class FileTree
{
    /// <summary>Copies every file below <paramref name="from"/> to the same relative path below <paramref name="to"/>,
    /// creating folders and replacing files already there.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
