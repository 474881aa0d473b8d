using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Validation;

namespace CertInstaller.Harness.Common;

/// <summary>
/// certharness's fix hints, keyed by registry code: Core states the code, the facts and a host-neutral fix; this table
/// adds the verb or option a harness user types (the installer hosts have their own table, naming properties).
/// </summary>
internal static class Hints
{
    private const string Folder = "the certificates folder is the argument after the verb, e.g. certharness validate <certdir>";
    private const string BackupFolder = "the certificates folder is the argument after the verb: certharness backup create <certdir> --to <root>, backup restore <certdir> --from <root>";
    private const string Password = "give --password, --password-file or set " + CommonOptions.PasswordVariable;
    private const string ThirdPartyBack = "certharness preserve <certdir> --from <root> puts them back, or certharness backup restore <certdir> --from <root> --third-party-only";
    private const string RestoreSnapshot = "certharness backup restore <certdir> --from <root> --snapshot <id> restores the pre-install snapshot";

    private static readonly HintTable Table = new("", new Dictionary<CodeInfo, string>
    {
        [CodeRegistry.Of(FindingCode.FolderMissing)] = Folder,
        [CodeRegistry.Of(FindingCode.FolderEmpty)] = Folder,
        [CodeRegistry.Of(FindingCode.FolderUnrecognised)] = Folder,
        [CodeRegistry.Of(FindingCode.FolderUnreadable)] = Folder,
        [CodeRegistry.Of(FindingCode.PasswordRequired)] = Password,
        [CodeRegistry.Of(FindingCode.PasswordWrong)] = "give the right one with --password or --password-file",
        [CodeRegistry.Of(FindingCode.ThirdPartyMissing)] = ThirdPartyBack,
        [CodeRegistry.Of(FindingCode.ThirdPartyChanged)] = ThirdPartyBack,
        [CodeRegistry.Of(FindingCode.CaNotIssuedByServerGroup)] = RestoreSnapshot,
        [CodeRegistry.Of(FindingCode.OrphanedByDisplacedRoot)] = RestoreSnapshot,
        [CodeRegistry.Of(ReadErrorCode.PasswordRequired)] = Password,
        [CodeRegistry.Of(ReadErrorCode.WrongPassword)] = "give the right one with --password or --password-file",
        [CodeRegistry.Of(ChainProblemCode.PathTooLong)] = "raise the limit with --max-depth",
        [CodeRegistry.Of(ChainProblemCode.AnchorNotSelfSigned)] = "give the root with --trust, or accept the anchor with --partial-chain",
        [CodeRegistry.Of(ChainProblemCode.UnrelatedLeaves)] = "split it, e.g. with openssl x509 -in FILE -out leaf.pem",
        [CodeRegistry.Of(BackupErrorCode.SourceNotAFolder)] = BackupFolder,
        [CodeRegistry.Of(BackupErrorCode.FolderUnsafe)] = Folder,
        [CodeRegistry.Of(BackupErrorCode.InvalidArgument)] =
            "the certificates folder is the argument after the verb, the backup folder --to (backup create) or --from (list, verify, restore, preserve); keep them apart",
        [CodeRegistry.Of(BackupErrorCode.BackupRootUnusable)] = "give another backup folder with --to or --from",
        [CodeRegistry.Of(BackupErrorCode.SnapshotNotFound)] = "certharness backup list --from <root> lists the ids; give one with --snapshot",
        [CodeRegistry.Of(PolicyErrorCode.PolicyUnreadable)] = "the policy file is the one given to --policy",
        [CodeRegistry.Of(BackupErrorCode.SnapshotInvalid)] = "certharness backup verify --from <root> shows which snapshots verify; give one with --snapshot",
    });

    /// <summary>The harness hint for <paramref name="code"/>, or null when Core's own fix is all there is to say.</summary>
    public static string? For(CodeInfo code) => Table.For(code);

    /// <summary><paramref name="text"/> followed by the harness hint for <paramref name="code"/>, when there is one.</summary>
    public static string Append(string text, CodeInfo code) => Table.Append(text, code);

    /// <summary>A finding's message with the harness hint for its code.</summary>
    public static string Message(Finding finding) => Append(finding.Message, CodeRegistry.Of(finding.Code));
}
