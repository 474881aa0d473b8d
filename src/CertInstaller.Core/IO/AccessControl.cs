#if NET
using System.Runtime.Versioning;
#endif
using System.Security.AccessControl;
using System.Security.Principal;

namespace CertInstaller.Core.IO;

/// <summary>
/// Makes a file or directory private. Backups hold private keys.
/// Windows: an explicit, protected ACL (no inheritance from the parent) granting full control to
/// SYSTEM and BUILTIN\Administrators only; children inherit it. The APIs are in-box on net10.0 and come
/// from the System.IO.FileSystem.AccessControl package on netstandard2.0 (chosen over spawning
/// icacls: no process, no output parsing, no localisation issues, errors arrive as exceptions).
/// Unix: mode 0700 (directories) / 0600 (files), set with File.SetUnixFileMode on net10.0. The
/// netstandard2.0 build only ever runs on Windows (the DTF host); off Windows it refuses loudly
/// rather than leave keys readable.
/// </summary>
internal static class AccessControl
{
    public static void MakePrivate(string path, bool isDirectory)
    {
#if NET
        if (OperatingSystem.IsWindows())
        {
            MakePrivateWindows(path, isDirectory);
        }
        else
        {
            File.SetUnixFileMode(
                path,
                isDirectory
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
#else
        if (!Platform.IsWindows)
        {
            throw new PlatformNotSupportedException(
                $"Cannot restrict access to '{path}': the netstandard2.0 build of CertInstaller.Core sets ACLs on Windows only. Use the net10.0 build on this system.");
        }

        MakePrivateWindows(path, isDirectory);
#endif
    }

#if NET
    [SupportedOSPlatform("windows")]
#endif
    private static void MakePrivateWindows(string path, bool isDirectory)
    {
        var system = new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null);
        var administrators = new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null);
        if (isDirectory)
        {
            var security = new DirectorySecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            foreach (var sid in new[] { system, administrators })
            {
                security.AddAccessRule(new FileSystemAccessRule(
                    sid,
                    FileSystemRights.FullControl,
                    InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit,
                    PropagationFlags.None,
                    AccessControlType.Allow));
            }

            new DirectoryInfo(path).SetAccessControl(security);
        }
        else
        {
            var security = new FileSecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            foreach (var sid in new[] { system, administrators })
            {
                security.AddAccessRule(new FileSystemAccessRule(sid, FileSystemRights.FullControl, AccessControlType.Allow));
            }

            new FileInfo(path).SetAccessControl(security);
        }
    }
}
