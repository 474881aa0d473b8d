namespace CertInstaller.Core.IO;

/// <summary>A directory below a walked folder could not be listed; <see cref="Directory"/> names that directory (not the
/// walk's root), and the inner exception says why (access denied, path too long).</summary>
public sealed class FolderListingException(string directory, Exception inner)
    : IOException($"Cannot list the folder '{directory}': {inner.Message}", inner)
{
    /// <summary>The directory that could not be listed.</summary>
    public string Directory { get; } = directory;

    /// <summary>True when the system refused the path for its length (ENAMETOOLONG, PathTooLongException).</summary>
    public bool PathTooLong => InnerException is PathTooLongException
        || (InnerException?.Message.IndexOf("too long", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;
}
