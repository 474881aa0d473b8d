namespace CertInstaller.Core.Backup;

/// <summary>The one place an I/O failure becomes a <see cref="BackupException"/> with a code, the path, the problem and the fix.</summary>
internal static class IoErrors
{
    /// <summary>True for the failures the file system reports (access, sharing, full disk, missing path).</summary>
    public static bool IsIo(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>Runs <paramref name="work"/>; an I/O failure becomes <paramref name="error"/>(exception).</summary>
    public static T Wrap<T>(Func<T> work, Func<Exception, BackupException> error)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (IsIo(e))
        {
            throw error(e);
        }
    }

    /// <summary>Runs <paramref name="work"/>; an I/O failure becomes <paramref name="error"/>(exception).</summary>
    public static void Wrap(Action work, Func<Exception, BackupException> error) => Wrap<int>(() => { work(); return 0; }, error);
}
