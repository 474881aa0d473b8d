using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>Compares the LocalMachine stores now with the store's part a snapshot recorded. Reads the stores only; never
/// throws (a store that cannot be read is a <see cref="StoreDriftCode.StoreNotChecked"/> finding).</summary>
internal static class StoreDriftCheck
{
    /// <summary>What differs between <paramref name="manifest"/>'s store section and <paramref name="stores"/>, for the
    /// folder restored into <paramref name="targetFolder"/> (used to name the folder's copy of a certificate in a fix).</summary>
    /// <param name="machineName">This machine's name: a record taken on another machine is of that machine's stores.</param>
    public static IReadOnlyList<StoreDrift> Compare(SnapshotManifest manifest, IMachineCertificateStores? stores, string targetFolder, string machineName)
    {
        if (manifest.Store is not { Recorded: true } section)
        {
            var why = manifest.Store?.Note ?? "the snapshot was taken before CertInstaller recorded the stores";
            return [new StoreDrift(StoreDriftCode.StoreNotRecorded, null, null, null,
                $"Snapshot {manifest.Id} holds no record of the LocalMachine certificate stores ({why}), so this restore cannot tell whether they still match the folder.",
                "If the folder is in single-certificate mode (a third-party Server Group certificate, or one certificate for the local Server and Client), " + StoreCommands.CheckByHand() + ".")];
        }

        var expected = section.Certificates.Where(c => c.Present).ToList();
        if (expected.Count == 0)
        {
            return [];
        }

        if (!string.Equals(manifest.MachineName, machineName, StringComparison.OrdinalIgnoreCase))
        {
            // A switchover pair's backup server holds its own certificate (same key, other thumbprint): comparing would
            // report drift that is none.
            return [NotChecked(manifest, $"the snapshot was taken on {manifest.MachineName} and recorded that machine's stores, not those of {machineName}")];
        }

        if (stores is null)
        {
            return [NotChecked(manifest, "this process has no access to the certificate stores")];
        }

        try
        {
            return expected.SelectMany(r => Differences(r, stores, targetFolder)).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The folder is restored; a store that cannot be read must not turn that into a failure.
            return [NotChecked(manifest, e.Message)];
        }
    }

    private static IEnumerable<StoreDrift> Differences(StoreCertificateRecord recorded, IMachineCertificateStores stores, string targetFolder)
    {
        var now = stores.Find(recorded.Store, recorded.Thumbprint);
        var what = $"{Describe(recorded)} {recorded.Thumbprint} ({recorded.Subject})";
        var where = @"LocalMachine\" + recorded.Store;
        var folderFile = recorded.FolderFile is null ? null : Path.Combine(targetFolder, recorded.FolderFile.Replace('/', Path.DirectorySeparatorChar));
        var putBack = recorded.Store == MachineStore.My ? StoreCommands.ImportPfx() : StoreCommands.AddCertificate(recorded.Store, folderFile);
        if (now is null)
        {
            var other = stores.List(recorded.Store)
                .Where(c => string.Equals(c.Subject, recorded.Subject, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(c => c.NotBefore)
                .FirstOrDefault();
            if (other is null)
            {
                yield return Drift(StoreDriftCode.StoreCertificateGone, recorded,
                    $"{what} was in {where} when the snapshot was taken and is gone: the restored folder relies on it.",
                    "Put it back: " + putBack + "; " + StoreCommands.Verify(recorded.Store, recorded.Thumbprint) + ".");
            }
            else
            {
                var newer = other.NotBefore > recorded.NotBefore ? "newer" : other.NotBefore < recorded.NotBefore ? "older" : "as old";
                var wizard = recorded.Store == MachineStore.My
                    ? " If the store's one is the certificate you mean to use, import it from the store into the folder with IC's certificate wizard instead, so the folder holds it too."
                    : string.Empty;
                yield return Drift(StoreDriftCode.StoreCertificateReplaced, recorded,
                    $"{where} no longer holds {what}, which the restored folder relies on; it holds {other.Thumbprint} of the same subject instead, " +
                    $"{newer} than the recorded one (valid from {other.NotBefore:yyyy-MM-dd} against {recorded.NotBefore:yyyy-MM-dd}).",
                    "To match the restored folder, " + putBack + "; " + StoreCommands.Verify(recorded.Store, recorded.Thumbprint) + "." + wizard);
            }

            yield break;
        }

        if (recorded.HasPrivateKey && !now.HasPrivateKey)
        {
            yield return Drift(StoreDriftCode.StoreKeyGone, recorded,
                $"{what} is in {where} without the private key it had when the snapshot was taken: IC cannot use it, and the backup server cannot be given a copy.",
                "Link the key again: " + StoreCommands.RepairKey(recorded.Thumbprint) + ".");
        }
        else if (recorded.PrivateKeyMatches == true && now.PrivateKeyMatches == false)
        {
            yield return Drift(StoreDriftCode.StoreKeyChanged, recorded,
                $"{what} in {where} is linked to another private key than the one that matched it when the snapshot was taken.",
                "Link its own key again: " + StoreCommands.RepairKey(recorded.Thumbprint) + ".");
        }
        else if (recorded.KeyExportable == KeyExportability.Yes && now.KeyExportable == KeyExportability.No)
        {
            yield return Drift(StoreDriftCode.StoreKeyNoLongerExportable, recorded,
                $"{what} in {where} has a private key marked non-exportable; it was exportable when the snapshot was taken, and IC's wizard and the backup server need it so.",
                "Import it again over the current one (-f replaces it) so the key is exportable: " + StoreCommands.ImportPfx() + ".");
        }
    }

    private static StoreDrift NotChecked(SnapshotManifest manifest, string why) =>
        new(StoreDriftCode.StoreNotChecked, null, null, null,
            $"Snapshot {manifest.Id} recorded the LocalMachine certificate stores, but they could not be read now ({why}): whether they still match the folder is unknown.",
            "Run the restore on the Windows server as an administrator, or " + StoreCommands.CheckByHand() + ".");

    private static StoreDrift Drift(StoreDriftCode code, StoreCertificateRecord recorded, string problem, string fix) =>
        new(code, recorded.Store, recorded.Thumbprint, recorded.Subject, problem, fix);

    private static string Describe(StoreCertificateRecord recorded) => recorded.Role switch
    {
        StoreCertificateRole.Certificate => "the folder's single certificate",
        StoreCertificateRole.Intermediate => "the intermediate CA",
        _ => "the root CA",
    };
}
