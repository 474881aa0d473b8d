using CertInstaller.Core.Store;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The BCL port as far as it runs here: off Windows it refuses with its typed error, on Windows it reads.</summary>
public class BclMachineCertificateStoresTests
{
    [Test]
    public void List_OffWindows_ThrowsNeedsWindows_OnWindows_ReadsRoot()
    {
        var stores = new BclMachineCertificateStores();
        if (OperatingSystem.IsWindows())
            Assert.That(stores.List(MachineStore.Root), Is.Not.Empty); // every Windows (and Wine prefix) has roots
        else
            Assert.That(() => stores.List(MachineStore.Root), Throws.TypeOf<StoreNeedsWindowsException>().With.Property(nameof(StoreNeedsWindowsException.Store)).EqualTo(MachineStore.Root));
    }

    [Test]
    public void Find_OffWindows_ThrowsNeedsWindows_OnWindows_FindsNoUnknownThumbprint()
    {
        var stores = new BclMachineCertificateStores();
        if (OperatingSystem.IsWindows())
            Assert.That(stores.Find(MachineStore.My, new string('0', 40)), Is.Null);
        else
            Assert.That(() => stores.Find(MachineStore.My, new string('0', 40)), Throws.TypeOf<StoreNeedsWindowsException>());
    }

    [TestCase("ab cd:ef\u200e01", "ABCDEF01")]
    [TestCase("ABCDEF", "ABCDEF")]
    public void Normalise_DropsSeparatorsAndUpperCases(string given, string expected) =>
        Assert.That(Thumbprints.Normalise(given), Is.EqualTo(expected));
}
