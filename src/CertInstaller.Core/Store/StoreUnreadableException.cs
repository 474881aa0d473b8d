namespace CertInstaller.Core.Store;

/// <summary>A LocalMachine store could not be opened read-only (missing, access denied, crypt32 error).</summary>
public sealed class StoreUnreadableException : Exception
{
    /// <summary>Creates the error for <paramref name="store"/>, keeping crypt32's error as the inner exception.</summary>
    public StoreUnreadableException(MachineStore store, Exception inner)
        : base($"The LocalMachine\\{store} certificate store could not be opened read-only: {inner.Message} Run as an administrator, or check the store with certlm.msc.", inner)
    {
        Store = store;
    }

    /// <summary>The store that could not be opened.</summary>
    public MachineStore Store { get; }
}
