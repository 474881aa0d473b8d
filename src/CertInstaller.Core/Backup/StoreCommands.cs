using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>The exact commands an administrator runs to put a store back as a snapshot recorded it. CertInstaller prints
/// them and never runs them (Backup/README.md, "The store is reported, never re-imported").</summary>
internal static class StoreCommands
{
    /// <summary>Import the certificate with its private key into My, exportable, from the PFX the administrator made for it.</summary>
    public static string ImportPfx() =>
        "import the PFX you made for it (certificate and private key) into LocalMachine\\My with an exportable key: " +
        "certutil -f -p <password> -importpfx My \"<file.pfx>\" (PowerShell: Import-PfxCertificate -FilePath \"<file.pfx>\" " +
        "-CertStoreLocation Cert:\\LocalMachine\\My -Exportable -Password (Read-Host -AsSecureString))";

    /// <summary>Add a CA certificate to CA or Root from <paramref name="file"/> (the restored folder's copy when it has one).</summary>
    public static string AddCertificate(MachineStore store, string? file)
    {
        var path = file ?? "<the CA's certificate file>";
        var check = store == MachineStore.Root
            ? "after checking it is the root your CA published (trusting a root is your decision), "
            : string.Empty;
        return $"{check}add it to LocalMachine\\{store}: certutil -f -addstore {store} \"{path}\" " +
            $"(PowerShell: Import-Certificate -FilePath \"{path}\" -CertStoreLocation Cert:\\LocalMachine\\{store})";
    }

    /// <summary>How to see that the store holds the certificate again (a folder file may hold several certificates).</summary>
    public static string Verify(MachineStore store, string thumbprint) =>
        $"then certutil -store {store} {thumbprint} must show it";

    /// <summary>Relink a key whose container still exists, else import the PFX again.</summary>
    public static string RepairKey(string thumbprint) =>
        $"if the key container still exists, certutil -repairstore My {thumbprint} links it again; otherwise " + ImportPfx();

    /// <summary>How to look at the stores by hand.</summary>
    public static string CheckByHand() =>
        "check LocalMachine\\My, CA and Root by hand (certlm.msc, or certutil -store My) on the Windows server, " +
        "against the 'store' section of the snapshot's manifest.json";
}
