using CertInstaller.Core.IO;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>
/// The composition root of the backup area: the file system, the clock and the lock probe every store, restorer and
/// action runner uses. Hosts use <see cref="Machine"/>; tests pass fault-injecting file systems and fixed clocks here,
/// and they reach every operation (the action runner included).
/// </summary>
/// <param name="FileSystem">The file-system port.</param>
/// <param name="Clock">The clock for ids, locks, marks and validation times.</param>
/// <param name="LockProbe">Tells whether a lock's holder still runs.</param>
public sealed record BackupPorts(IFileSystem FileSystem, IClock Clock, ILockHolderProbe LockProbe)
{
    /// <summary>The real file system, the system clock, the local process table and the LocalMachine certificate stores.</summary>
    public static BackupPorts Machine { get; } = Wire(new PhysicalFileSystem());

    private static BackupPorts Wire(IFileSystem fileSystem) => new(fileSystem, new SystemClock(), new ProcessLockHolderProbe(fileSystem))
    {
        CertificateStores = new BclMachineCertificateStores(),
    };

    /// <summary>The LocalMachine certificate stores (read only): snapshots record the store's part of the folder, restores
    /// compare it. Null, or a port that throws off Windows, records and checks nothing (and says so).</summary>
    public IMachineCertificateStores? CertificateStores { get; init; }

    /// <summary>A certificates-folder lock the caller already holds for the whole of a longer job (the wrapper, from its
    /// first snapshot to its last put-back): the stores of these ports take it as their own for that folder instead of
    /// acquiring it again, while every other run still meets it.</summary>
    public FolderLock? HeldFolderLock { get; init; }

    /// <summary>The store at <paramref name="backupRoot"/> on these ports.</summary>
    public SnapshotStore Store(string backupRoot) => new(backupRoot, FileSystem, Clock, LockProbe) { HeldFolderLock = HeldFolderLock, CertificateStores = CertificateStores };
}
