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
/// Unix: mode 0700 (directories) / 0600 (files), set with File.SetUnixFileMode on net10.0 and with
/// chmod(2) in the netstandard2.0 build (the PowerShell module in pwsh on Linux/macOS); that build does not
/// read modes back (GetPermissions null, IsPrivate true), so its snapshots record no Unix permissions.
/// </summary>
internal static class AccessControl
{
    private const int GroupOrOther = 0b000_111_111;

    /// <summary>Unix mode in octal; on Windows the SDDL of the explicit ACL, or null when the file only inherits.</summary>
    public static string? GetPermissions(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            return Convert.ToString((int)File.GetUnixFileMode(path) & 0xFFF, 8);
        }

        return WindowsAcl(path);
#else
        return Platform.IsWindows ? WindowsAcl(path) : null;
#endif
    }

    /// <summary>Applies <see cref="GetPermissions"/>'s value; a value of the other platform is ignored.</summary>
    public static void SetPermissions(string path, string permissions)
    {
        var octal = permissions.Length > 0 && permissions.All(c => c >= '0' && c <= '7');
#if NET
        if (!OperatingSystem.IsWindows())
        {
            if (octal)
            {
                File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(permissions, 8));
            }

            return;
        }
#else
        if (!Platform.IsWindows)
        {
            if (octal)
            {
                NativeMethods.Chmod(path, Convert.ToInt32(permissions, 8));
            }

            return;
        }
#endif
        if (Platform.IsWindows && !octal)
        {
            SetWindowsAcl(path, permissions);
        }
    }

    /// <summary>Owned by this account or root with no group/other bits (Unix); a protected ACL for SYSTEM and Administrators only (Windows).</summary>
    public static bool IsPrivate(string path, bool isDirectory)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            var owner = NativeMethods.OwnerOf(path);
            return ((int)File.GetUnixFileMode(path) & GroupOrOther) == 0
                && (owner is null || owner == 0 || owner == NativeMethods.EffectiveUser());
        }

        return IsPrivateWindows(path, isDirectory);
#else
        return !Platform.IsWindows || IsPrivateWindows(path, isDirectory);
#endif
    }

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
            // The PowerShell module (netstandard2.0) runs this build in pwsh on Linux/macOS: 0700 / 0600 through chmod(2).
            NativeMethods.Chmod(path, isDirectory ? 0b111_000_000 : 0b110_000_000);
            return;
        }

        MakePrivateWindows(path, isDirectory);
#endif
    }

    /// <summary>Windows: a protected ACL granting the current account, SYSTEM and Administrators full control (an admin's
    /// own report stays readable to that admin from a non-elevated prompt); Unix: 0600.</summary>
    public static void MakeOwnerOnly(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return;
        }
#else
        if (!Platform.IsWindows)
        {
            throw new PlatformNotSupportedException($"Cannot restrict access to '{path}': the netstandard2.0 build of CertInstaller.Core sets ACLs on Windows only.");
        }
#endif
        MakeOwnerOnlyWindows(path);
    }

/// <summary>Windows: creates <paramref name="path"/> (which must not exist) with a protected ACL for the current account and
    /// BUILTIN\Administrators, set by the create itself, so no other account can open it in between.</summary>
#if NET
    [SupportedOSPlatform("windows")]
#endif
    public static FileStream CreateNewOwnerOnlyWindows(string path)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        using var identity = WindowsIdentity.GetCurrent();
        var owner = identity.User ?? throw new IOException($"Cannot create '{path}' private: the current account has no SID.");
        foreach (var sid in new[] { owner, new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null) }.Distinct())
        {
            security.AddAccessRule(new FileSystemAccessRule(sid, FileSystemRights.FullControl, AccessControlType.Allow));
        }

        security.SetOwner(owner);
        return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write | FileSystemRights.ReadPermissions | FileSystemRights.Synchronize,
            FileShare.None, 4096, FileOptions.None, security);
    }

    /// <summary>Windows: the broad groups the file's whole ACL (inherited entries included) lets read it.</summary>
#if NET
    [SupportedOSPlatform("windows")]
#endif
    public static IReadOnlyList<string> BroadReadersWindows(string path) =>
        BroadReaders(new FileInfo(path).GetAccessControl(AccessControlSections.Access).GetAccessRules(true, true, typeof(SecurityIdentifier))
            .OfType<FileSystemAccessRule>()
            .Select(r => (((SecurityIdentifier)r.IdentityReference).Value, r.AccessControlType == AccessControlType.Allow, (r.FileSystemRights & FileSystemRights.ReadData) != 0)));

    /// <summary>The broad groups (Everyone, Users, Authenticated Users) that <paramref name="rules"/> let read: allowed ReadData and not denied it.</summary>
    internal static IReadOnlyList<string> BroadReaders(IEnumerable<(string Sid, bool Allow, bool Read)> rules)
    {
        var broad = new Dictionary<string, string> { ["S-1-1-0"] = "Everyone", ["S-1-5-32-545"] = "Users", ["S-1-5-11"] = "Authenticated Users" };
        var list = rules.ToList();
        return broad.Where(b =>
                list.Any(r => r.Sid == b.Key && r.Allow && r.Read) && !list.Any(r => r.Sid == b.Key && !r.Allow && r.Read))
            .Select(b => b.Value).ToList();
    }

    #if NET
    [SupportedOSPlatform("windows")]
#endif
    private static void MakeOwnerOnlyWindows(string path)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        using var identity = WindowsIdentity.GetCurrent();
        var sids = new[] { identity.User, new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null), new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null) };
        foreach (var sid in sids.OfType<SecurityIdentifier>().Distinct())
        {
            security.AddAccessRule(new FileSystemAccessRule(sid, FileSystemRights.FullControl, AccessControlType.Allow));
        }

        new FileInfo(path).SetAccessControl(security);
    }

#if NET
    [SupportedOSPlatform("windows")]
#endif
    private static bool IsPrivateWindows(string path, bool isDirectory)
    {
        // Wine keeps no protected ACLs on its Unix file systems (MakePrivate's ACL does not read back), so under the
        // Linux MSI rig the check cannot tell a planted folder from ours; a real Windows runs the check in full.
        if (Platform.IsWine)
        {
            return true;
        }

        FileSystemSecurity security = isDirectory
            ? new DirectoryInfo(path).GetAccessControl(AccessControlSections.Access)
            : new FileInfo(path).GetAccessControl(AccessControlSections.Access);
        var allowed = new[] { new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null), new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null) };
        return security.AreAccessRulesProtected
            && security.GetAccessRules(true, true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>()
                .All(r => r.AccessControlType == AccessControlType.Deny || allowed.Contains(r.IdentityReference));
    }

#if NET
    [SupportedOSPlatform("windows")]
#endif
    private static string? WindowsAcl(string path)
    {
        var security = new FileInfo(path).GetAccessControl(AccessControlSections.Access);
        var explicitRules = security.GetAccessRules(true, false, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>().ToList();
        if (!security.AreAccessRulesProtected && explicitRules.Count == 0)
        {
            return null; // inherits only: a restored file inherits the same from its folder
        }

        var own = new FileSecurity();
        own.SetAccessRuleProtection(security.AreAccessRulesProtected, preserveInheritance: false);
        foreach (var rule in explicitRules)
        {
            own.AddAccessRule(rule);
        }

        return own.GetSecurityDescriptorSddlForm(AccessControlSections.Access);
    }

#if NET
    [SupportedOSPlatform("windows")]
#endif
    private static void SetWindowsAcl(string path, string sddl)
    {
        var security = new FileSecurity();
        security.SetSecurityDescriptorSddlForm(sddl, AccessControlSections.Access);
        new FileInfo(path).SetAccessControl(security);
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
