using System.Runtime.InteropServices;

namespace CertInstaller.Core.IO;

/// <summary>Which operating system runs this code, on both target frameworks.</summary>
internal static class Platform
{
    /// <summary>True on Windows.</summary>
    public static bool IsWindows { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>True when the Windows build runs under Wine (the Linux MSI test rig): its ntdll exports wine_get_version.</summary>
    public static bool IsWine { get; } = IsWindows && HasWineNtdll();

    private static bool HasWineNtdll()
    {
#if NET
        try
        {
            return NativeLibrary.TryLoad("ntdll.dll", out var ntdll) && NativeLibrary.TryGetExport(ntdll, "wine_get_version", out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
#else
        return false;
#endif
    }
}
