namespace CertInstaller.Core.Store;

/// <summary>The machine certificate stores were asked for off Windows, where there are none to read.</summary>
public sealed class StoreNeedsWindowsException : PlatformNotSupportedException
{
    /// <summary>Creates the error for <paramref name="store"/>.</summary>
    public StoreNeedsWindowsException(MachineStore store)
        : base($"The LocalMachine\\{store} certificate store exists only on Windows (crypt32): run this check on the IC server, or under Wine with the win-x64 build.")
    {
        Store = store;
    }

    /// <summary>The store that was asked for.</summary>
    public MachineStore Store { get; }
}
