using System.Runtime.InteropServices;

namespace CertInstaller.Core.IO;

/// <summary>Which operating system runs this code, on both target frameworks.</summary>
public static class Platform
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
        // The netstandard2.0 build (the DTF action) has no NativeLibrary: ask kernel32 for the loaded ntdll. Without
        // this it took Wine for Windows and judged every snapshot it wrote not private (Wine keeps no protected ACLs).
        try
        {
            var ntdll = GetModuleHandleW("ntdll.dll");
            return ntdll != IntPtr.Zero && GetProcAddress(ntdll, "wine_get_version") != IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
#endif
    }
#if !NET

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode)]
    private static extern IntPtr GetModuleHandleW(string moduleName);

    [DllImport("kernel32.dll", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr GetProcAddress(IntPtr module, string procName);
#endif
}
