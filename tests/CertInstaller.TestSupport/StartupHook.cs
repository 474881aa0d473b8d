// The runtime looks the startup hook up by this exact name, in no namespace.
#pragma warning disable CA1050
/// <summary>The runtime's startup hook (STARTUP_HOOKS, set for the win-x64 test builds): installs <see cref="CertInstaller.TestSupport.WineExceptionFrames"/> before Main.</summary>
internal static class StartupHook
{
    /// <summary>Called by the runtime before the test host's Main.</summary>
    public static void Initialize() => CertInstaller.TestSupport.WineExceptionFrames.Install();
}
