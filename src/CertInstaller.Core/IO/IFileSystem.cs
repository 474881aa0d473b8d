namespace CertInstaller.Core.IO;

/// <summary>
/// The file-system operations that backup and restore need, and no more. Every mutating
/// operation is one call here, so a decorator can fail the k-th one, record the order of calls, or
/// drop every write not yet made durable (see the tests' FaultInjectingFileSystem). Nothing here
/// follows a symbolic link, except <see cref="ResolveLinks"/>, which says where one leads.
/// Durability is explicit: a written file counts once <see cref="FlushToDisk"/> ran on its stream,
/// and a create, rename or delete once <see cref="SyncDirectory"/> ran on its directory.
/// </summary>
public interface IFileSystem
{
    /// <summary>How this file system compares names (case-insensitive on Windows).</summary>
    StringComparer PathComparer { get; }

    /// <summary>The entry at <paramref name="path"/>, or null when nothing is there.</summary>
    FileSystemEntry? GetEntry(string path);

    /// <summary>The entries directly inside a directory (not recursive; links are listed, not followed).</summary>
    IReadOnlyList<FileSystemEntry> List(string directory);

    /// <summary>Opens a file for reading; other readers are allowed.</summary>
    Stream OpenRead(string path);

    /// <summary>Mutating. Creates a file that must not exist yet and opens it for writing.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="privateAccess">Create it readable by the owner only (0600 on Unix; on Windows the parent's protected ACL is inherited).</param>
    Stream CreateNew(string path, bool privateAccess);

    /// <summary>Mutating. Opens a log for appending: created owner-only (0600; a private ACL on Windows) when missing, never
    /// through a link, and only when it is this account's own regular file with no other hard link (an existing one with
    /// wider permissions is tightened through the handle).</summary>
    /// <exception cref="OutputFileRefusedException">A link, another account's file, a file with other hard links or a special file is at the path.</exception>
    Stream OpenOwnFileForAppend(string path);

    /// <summary>Mutating. Creates a directory (and missing parents); no-op when it exists.</summary>
    /// <param name="path">The directory.</param>
    /// <param name="privateAccess">Give it an explicit private ACL / mode 0700.</param>
    void CreateDirectory(string path, bool privateAccess);

    /// <summary>Mutating. Makes an existing file or directory private: SYSTEM and Administrators only, no inheritance (Windows); 0700/0600 (Unix).</summary>
    void MakePrivate(string path);

    /// <summary>Mutating. Renames a file; with <paramref name="overwrite"/> it atomically replaces the destination.</summary>
    void MoveFile(string source, string destination, bool overwrite);

    /// <summary>Mutating. Renames a directory (same volume).</summary>
    void MoveDirectory(string source, string destination);

    /// <summary>Mutating. Deletes a file (the link itself when it is a link).</summary>
    void DeleteFile(string path);

    /// <summary>Mutating. Deletes an empty directory.</summary>
    void DeleteEmptyDirectory(string path);

    /// <summary>Mutating. Deletes a directory and everything under it (links are removed, never followed). Used by retention only.</summary>
    void DeleteDirectoryTree(string path);

    /// <summary>Mutating. Sets creation and last-write times.</summary>
    void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc);

    /// <summary>Mutating. Sets or clears the read-only attribute.</summary>
    void SetReadOnly(string path, bool readOnly);

    /// <summary>Mutating. Flushes a stream returned by <see cref="CreateNew"/> to the disk (fsync; FlushFileBuffers on Windows).</summary>
    void FlushToDisk(Stream stream);

    /// <summary>Mutating. Makes the creates, renames and deletes inside <paramref name="directory"/> durable (fsync of the
    /// directory on Unix; on Windows renames are written through and NTFS journals the rest, so this is a no-op there).</summary>
    void SyncDirectory(string directory);

    /// <summary>The file's own permissions as one string: Unix mode in octal ("644"); on Windows the SDDL of its
    /// explicit ACL, or null when it only inherits.</summary>
    string? GetPermissions(string path);

    /// <summary>Mutating. Applies what <see cref="GetPermissions"/> returned (a value from another platform is ignored).</summary>
    void SetPermissions(string path, string permissions);

    /// <summary>True when only this account and the system's administrators can reach the entry: on Unix no group or
    /// other bits, owned by this user or root; on Windows a protected ACL granting only SYSTEM and Administrators.</summary>
    bool IsPrivate(string path);

    /// <summary>The absolute path with every link among its existing parts followed to its final target (like
    /// realpath); parts that do not exist are kept as given.</summary>
    string ResolveLinks(string path);

    /// <summary>Mutating. Gives the file a <see cref="CreateNew"/> stream writes its times, read-only flag and permissions
    /// (as <see cref="GetPermissions"/> returned them; null keeps them private) through the open handle, never by path:
    /// fchmod/futimens on Linux, SetFileInformationByHandle on Windows (where an ACL still goes by path, README security).</summary>
    void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions);

    /// <summary>The identity (device and inode) of the file a <see cref="CreateNew"/> stream writes, to compare with
    /// <see cref="IdentityOfEntry"/>; null where this system does not compare identities (Windows, README security).</summary>
    string? IdentityOfHandle(Stream stream);

    /// <summary>The identity of the entry at <paramref name="path"/> (a link itself, never followed); null when nothing is
    /// there or this system does not compare identities.</summary>
    string? IdentityOfEntry(string path);

    /// <summary>Who besides this account and the administrators can change the directory <paramref name="path"/> (Unix:
    /// another owner; group or other write without the sticky bit), or null when nobody can (and on Windows, where this is
    /// not checked: README security).</summary>
    OtherWriters? OtherWritersOf(string path);

    /// <summary>Mutating. Creates a file that must not exist yet, opened for writing and shared with nobody, readable by this
    /// account and the administrators only from the moment it exists: mode 0600 on Unix; on Windows a protected ACL for the
    /// current account and BUILTIN\Administrators, set by the create itself (a key an admin makes from a non-elevated prompt
    /// stays readable to that admin; <see cref="CreateNew"/>'s private files inherit a backup folder's SYSTEM-only ACL instead).</summary>
    /// <exception cref="PlatformNotSupportedException">The netstandard2.0 build off Windows, which cannot create a file with a mode.</exception>
    Stream CreateNewOwnerOnly(string path);

    /// <summary>The broad groups (Everyone, Users, Authenticated Users) that the file's whole ACL, inherited entries included,
    /// lets read it (allowed ReadData and not denied it); empty off Windows, where <see cref="GetPermissions"/>'s mode says it.</summary>
    IReadOnlyList<string> BroadReadersOf(string path);
}
