using CertInstaller.Core.Store;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The machine stores as the store tests set them up: <see cref="FakeMachineStores"/> (certificates per store,
/// stores that cannot be opened) filled from PEM files in one chain of calls.</summary>
internal sealed class FakeStores : FakeMachineStores
{
    /// <summary>Puts the certificate of <paramref name="cerFile"/> (PEM) into <paramref name="store"/>, with the key state given.</summary>
    public FakeStores Add(MachineStore store, string cerFile, bool key = false, KeyExportability exportable = KeyExportability.Yes, bool? matches = true)
    {
        AddFile(store, cerFile, key, exportable, matches);
        return this;
    }
}
