namespace CertInstaller.Installer.Data;

/// <summary>Everything one install-time action needs, parsed from CustomActionData or the action host's argument.</summary>
public sealed record ActionData
{
    /// <summary>The certificates folder the product uses (may not exist yet on a first install).</summary>
    public required string CertDir { get; init; }

    /// <summary>Where snapshots are kept; never deleted except by retention.</summary>
    public required string BackupDir { get; init; }

    /// <summary>Why the action runs: the installer mode.</summary>
    public InstallMode Mode { get; init; } = InstallMode.Install;

    /// <summary>The product code of the package running the action.</summary>
    public string ProductCode { get; init; } = "";

    /// <summary>The product version of the package running the action.</summary>
    public string ProductVersion { get; init; } = "";

    /// <summary>Whether third-party certificates are put back after the product regenerated its own.</summary>
    public bool Preserve { get; init; } = true;

    /// <summary>Globs (relative to CertDir) whose files are always treated as third-party.</summary>
    public IReadOnlyList<string> PreservePatterns { get; init; } = [];

    /// <summary>How validation findings affect the install.</summary>
    public ValidationMode Validation { get; init; } = ValidationMode.Warn;

    /// <summary>The weakest acceptable signature digest, e.g. SHA-256.</summary>
    public CertInstaller.Core.Pki.DigestAlgorithm MinDigest { get; init; } = CertInstaller.Core.Pki.DigestAlgorithm.Sha256;

    /// <summary>Certificates expiring within this many days are reported (CERTINSTALLER_EXPIRY_WARNING_DAYS).</summary>
    public int ExpiryWarningDays { get; init; } = 30;

    /// <summary>A validation policy JSON file (the format of <c>certharness validate --policy</c>), applied over
    /// <see cref="MinDigest"/> and <see cref="ExpiryWarningDays"/> (CERTINSTALLER_POLICY); null for none.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>A host name that must appear in the server certificates' SANs, if set.</summary>
    public string? Host { get; init; }

    /// <summary>How many snapshots retention keeps (plus the newest clean one).</summary>
    public int Retain { get; init; } = 10;
}

/// <summary>The Windows Installer mode an action runs in; recorded as the snapshot reason.</summary>
public enum InstallMode
{
    /// <summary>First install of the product.</summary>
    Install,
    /// <summary>Major upgrade (the new package side).</summary>
    Upgrade,
    /// <summary>Maintenance install adding a feature (ADDLOCAL).</summary>
    AddOption,
    /// <summary>Repair (REINSTALL).</summary>
    Repair,
    /// <summary>Patch (PATCH).</summary>
    Patch,
    /// <summary>Uninstall, including the old product's removal during a major upgrade.</summary>
    Uninstall,
    /// <summary>Any other maintenance run.</summary>
    Maintenance,
}

/// <summary>What the Validate action does with findings: fail the install, log them, or skip validation.</summary>
public enum ValidationMode
{
    /// <summary>Findings are logged; the install goes on.</summary>
    Warn,
    /// <summary>An error finding fails the install, which rolls back.</summary>
    Enforce,
    /// <summary>No validation.</summary>
    Off,
}
