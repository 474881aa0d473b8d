using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Validation;

namespace CertInstaller.Installer.Operations;

/// <summary>
/// The installer hosts' fix hints, keyed by registry code: Core outside Actions/ states the code, the facts and a
/// host-neutral fix; this table adds what an administrator of an MSI (or of <c>certinstaller-action</c>) sets, by
/// property name. The harness has its own table naming its verbs and options.
/// </summary>
public static class InstallerHints
{
    // Property names come from the ActionData schema, so a renamed property cannot leave a stale hint.
    private static readonly string CertDir = ActionDataSchema.Field("CertDir").SetHint;
    private static readonly string BackupDir = ActionDataSchema.Field("BackupDir").Property;
    private static readonly string ThirdPartyBack = $"Preserve puts third-party files back when {ActionDataSchema.Field("Preserve").Property}=1; by hand: certharness backup restore <certdir> --from <{BackupDir}> --third-party-only";
    private static readonly string RestoreSnapshot = $"the pre-install snapshot is in {BackupDir}: certharness backup restore <certdir> --from <{BackupDir}>";
    private const string Password = "the installer actions take no password: put it in the map file's <Password>, or check the file with certharness validate --password-file";

    private static readonly HintTable Table = new("installer: ", new Dictionary<CodeInfo, string>
    {
        [CodeRegistry.Of(FindingCode.FolderMissing)] = CertDir + " (on a first install the folder may not exist yet)",
        [CodeRegistry.Of(FindingCode.FolderEmpty)] = CertDir,
        [CodeRegistry.Of(FindingCode.FolderUnrecognised)] = CertDir,
        [CodeRegistry.Of(FindingCode.FolderUnreadable)] = CertDir + "; the deferred actions run as SYSTEM",
        [CodeRegistry.Of(FindingCode.PasswordRequired)] = Password,
        [CodeRegistry.Of(FindingCode.PasswordWrong)] = Password,
        [CodeRegistry.Of(FindingCode.ThirdPartyMissing)] = ThirdPartyBack,
        [CodeRegistry.Of(FindingCode.ThirdPartyChanged)] = ThirdPartyBack,
        [CodeRegistry.Of(FindingCode.CaNotIssuedByServerGroup)] = RestoreSnapshot,
        [CodeRegistry.Of(FindingCode.OrphanedByDisplacedRoot)] = RestoreSnapshot,
        [CodeRegistry.Of(ReadErrorCode.PasswordRequired)] = Password,
        [CodeRegistry.Of(ReadErrorCode.WrongPassword)] = Password,
        [CodeRegistry.Of(BackupErrorCode.SourceNotAFolder)] = CertDir,
        [CodeRegistry.Of(BackupErrorCode.FolderUnsafe)] = CertDir,
        [CodeRegistry.Of(BackupErrorCode.InvalidArgument)] =
            $"check {ActionDataSchema.Field("CertDir").Property} and {BackupDir} (two separate local folders, neither inside the other) and {ActionDataSchema.Field("Retain").Property} ({ActionDataSchema.Field("Retain").Hint})",
        [CodeRegistry.Of(BackupErrorCode.BackupRootUnusable)] = $"set {BackupDir} to {ActionDataSchema.Field("BackupDir").Hint}",
        [CodeRegistry.Of(BackupErrorCode.SnapshotNotFound)] = $"certharness backup list --from <{BackupDir}> lists the snapshots",
        [CodeRegistry.Of(BackupErrorCode.SnapshotInvalid)] = $"certharness backup verify --from <{BackupDir}> shows which snapshots verify",
    });

    /// <summary>The installer hint for <paramref name="code"/>, or null when Core's own fix is all there is to say.</summary>
    public static string? For(CodeInfo code) => Table.For(code);

    /// <summary><paramref name="text"/> followed by the installer hint for <paramref name="code"/>, when there is one.</summary>
    public static string Append(string text, CodeInfo code) => Table.Append(text, code);
}
