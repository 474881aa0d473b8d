namespace CertInstaller.Core.IO;

/// <summary>How far a long folder operation is: files done out of the total, and the folder (relative, '/'-separated,
/// "" for the top) being worked on. Operations report it through an optional <see cref="IProgress{T}"/>; hosts render it.</summary>
/// <param name="Done">Files finished so far.</param>
/// <param name="Total">Files the operation will handle.</param>
/// <param name="Folder">The folder of the file just finished.</param>
public sealed record WorkProgress(int Done, int Total, string Folder)
{
    /// <summary>The folder part of a '/'-separated relative path ("" for a file at the top).</summary>
    public static string FolderOf(string relativePath)
    {
        var slash = relativePath.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath.Substring(0, slash);
    }
}
