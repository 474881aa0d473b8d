using CertInstaller.Core.Backup;

namespace CertInstaller.PowerShell.Objects;

/// <summary>One problem of a chain: registry code, the certificate concerned, the message.</summary>
public sealed record IcChainProblem(string Code, string Name, string Subject, string? File, string Message);

/// <summary>Test-IcCertificateChain's verdict: the path leaf first, the anchor, and the problems.</summary>
public sealed record IcChainResult(string Leaf, bool Valid, string[] Path, string? Anchor, IcChainProblem[] Problems, DateTimeOffset At);

/// <summary>The signature digest of one certificate or CSR in a folder (Get-IcCertificateDigest).</summary>
public sealed record IcDigest(string Path, string Kind, string Subject, string SignatureAlgorithm, string Digest, bool Ok, string Minimum);

/// <summary>One signed object before and after a digest conversion (Get-IcCertificateDigest -Baseline).</summary>
public sealed record IcDigestChange(string Path, int Index, string Kind, string Subject, string Change, string? Before, string? After,
    bool? KeyKept, bool? SubjectKept, bool Ok, string Baseline);

/// <summary>A snapshot of a certificates folder (Backup-IcCertificateFolder, Get-IcCertificateBackup).</summary>
public sealed record IcSnapshot(string Id, string Path, DateTime? CreatedUtc, string? Reason, string? SourceFolder, int? Files,
    string[] ThirdPartyFiles, bool Intact, string? Problem);

/// <summary>One file a restore changed (or would change, under -WhatIf).</summary>
public sealed record IcRestoredFile(string Path, RestoreFileAction Action, string? DisplacedPath);

/// <summary>What Restore-IcCertificateFolder did.</summary>
public sealed record IcRestoreResult(string SnapshotId, string Folder, RestoreScope Scope, string Summary, IcRestoredFile[] Files, string? DisplacedFolder);

/// <summary>What Invoke-IcCertificateSafeInstall did: the outcome, the exit codes, the snapshot and whether it restored.</summary>
public sealed record IcSafeInstallResult(string RunId, CertInstaller.Installer.Wrapper.WrapperOutcome Outcome, int ExitCode, int? InstallerExitCode,
    string? SnapshotId, bool Restored, string CertDir, string BackupDir, string LogPath);
