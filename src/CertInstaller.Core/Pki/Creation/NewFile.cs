#if NET
using System.Runtime.Versioning;
#endif
using System.Security.AccessControl;
using System.Security.Principal;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>
/// Writes files that must not exist yet; private ones (keys, PFX files) are private from the moment they exist:
/// Unix mode 0600 at creation; on Windows a protected ACL for the owner and BUILTIN\Administrators, set at creation.
/// (IO.AccessControl grants SYSTEM and Administrators only, right for backups written as SYSTEM; a key an admin creates
/// from a non-elevated prompt must stay readable by that admin.)
/// </summary>
public static class NewFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, which must not exist.</summary>
    /// <exception cref="IOException">The file exists (nothing is written) or cannot be created.</exception>
    public static void Write(string path, byte[] content, bool privateAccess)
    {
        var full = Path.GetFullPath(path);
        using (var stream = Create(full, privateAccess))
        {
            stream.Write(content, 0, content.Length);
            stream.Flush(flushToDisk: true);
        }
    }

    private static FileStream Create(string path, bool privateAccess)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (privateAccess)
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new FileStream(path, options);
        }

        return privateAccess ? CreatePrivateWindows(path) : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#else
        if (!privateAccess)
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        if (!Platform.IsWindows)
        {
            throw new PlatformNotSupportedException($"Cannot write '{path}' private: the netstandard2.0 build sets ACLs on Windows only. Use the net10.0 build on this system.");
        }

        return CreatePrivateWindows(path);
#endif
    }

#if NET
    [SupportedOSPlatform("windows")]
#endif
    private static FileStream CreatePrivateWindows(string path)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        using var identity = WindowsIdentity.GetCurrent();
        var owner = identity.User ?? throw new IOException($"Cannot write '{path}' private: the current account has no SID.");
        foreach (var sid in new[] { owner, new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null) }.Distinct())
        {
            security.AddAccessRule(new FileSystemAccessRule(sid, FileSystemRights.FullControl, AccessControlType.Allow));
        }

        security.SetOwner(owner);
        return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write | FileSystemRights.ReadPermissions | FileSystemRights.Synchronize,
            FileShare.None, 4096, FileOptions.None, security);
    }
}
