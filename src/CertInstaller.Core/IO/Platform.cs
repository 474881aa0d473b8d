using System.Runtime.InteropServices;

namespace CertInstaller.Core.IO;

/// <summary>Which operating system runs this code, on both target frameworks.</summary>
internal static class Platform
{
    /// <summary>True on Windows.</summary>
    public static bool IsWindows { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
}
