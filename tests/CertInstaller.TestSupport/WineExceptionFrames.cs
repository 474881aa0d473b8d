using System.Runtime.InteropServices;

namespace CertInstaller.TestSupport;

/// <summary>
/// Under Wine 8 only: removes the stale exception frame Wine leaves in the thread's TEB after .NET catches an exception
/// that crossed a native frame, the root cause of the win-x64 test host hanging after a failing test.
/// </summary>
/// <remarks>
/// Wine 8's x86_64 dispatcher (ntdll call_handler) pushes an EXCEPTION_REGISTRATION_RECORD on the TEB list around each
/// language handler and pops it when the handler returns. .NET 10's exception handling never returns from its handler:
/// it runs the catch and resumes with RtlRestoreContext, so the record stays on the TEB list, pointing into stack that
/// is reused. A failing test does this: the assertion leaves the test method through reflection's native invoke frame.
/// The next exception dispatched from above that stack depth finds the record below its stack pointer, calls its
/// overwritten handler (address 0x30, then 0) and faults inside the dispatcher, forever: the thread spins in nested
/// access violations, the test host never finishes. Windows (and Wine 9+) keep no such record on x86_64, so this is
/// Wine's alone; restoring the thread's TEB list to what it was before its first exception is exactly what Windows has.
/// </remarks>
public static class WineExceptionFrames
{
    [ThreadStatic]
    private static nint _teb;

    [ThreadStatic]
    private static nint _clean;

    /// <summary>Under Wine, restores each thread's TEB exception list at every managed throw; elsewhere nothing.</summary>
    public static void Install()
    {
        if (OperatingSystem.IsWindows() && IsWine())
        {
            AppDomain.CurrentDomain.FirstChanceException += (_, _) => Repair();
        }
    }

    private static bool IsWine() =>
        NativeLibrary.TryLoad("ntdll.dll", out var ntdll) && NativeLibrary.TryGetExport(ntdll, "wine_get_version", out _);

    // Runs at each throw, before the exception is dispatched. A thread's first throw comes before any exception of it has
    // crossed a native frame, so the list it sees then is clean (the thread-start frames only), and stays the right one:
    // no Wine frame of a live call sits between a managed throw and the thread's start.
    private static void Repair()
    {
        if (_teb == 0)
        {
            var info = default(ThreadBasicInformation);
            if (NtQueryInformationThread(-2, 0, ref info, Marshal.SizeOf<ThreadBasicInformation>(), 0) != 0) return;
            _teb = info.TebBaseAddress;
            _clean = Marshal.ReadIntPtr(_teb); // NT_TIB.ExceptionList, the first field of the TEB
            return;
        }

        Marshal.WriteIntPtr(_teb, _clean);
    }

    [DllImport("ntdll.dll")]
    private static extern int NtQueryInformationThread(nint thread, int informationClass, ref ThreadBasicInformation information, int length, nint returnLength);

    [StructLayout(LayoutKind.Sequential)]
    private struct ThreadBasicInformation
    {
        public int ExitStatus;
        public nint TebBaseAddress;
        public nint UniqueProcess;
        public nint UniqueThread;
        public nint AffinityMask;
        public int Priority;
        public int BasePriority;
    }
}
