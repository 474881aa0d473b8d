using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation;

/// <summary>Everything the rules look at: the folder, the policy, the time, and the optional host, peer and baseline.</summary>
public sealed record ValidationContext
{
    /// <summary>The folder being validated.</summary>
    public required FolderLayout Layout { get; init; }

    /// <summary>The policy in force (rules read their thresholds from it).</summary>
    public required ValidationPolicy Policy { get; init; }

    /// <summary>The time validity is judged at.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>A host name the server certificates must carry in their SANs, if given.</summary>
    public string? Host { get; init; }

    /// <summary>The switchover peer's folder, if given.</summary>
    public FolderLayout? Peer { get; init; }

    /// <summary>Passwords for encrypted keys and PKCS#12 files (--password, --password-file, CERTHARNESS_PASSWORD),
    /// tried before the map file's &lt;Password&gt;; empty when none was given.</summary>
    public IReadOnlyList<string> Passwords { get; init; } = [];

    /// <summary>Every password to try: <see cref="Passwords"/>, then the map file's.</summary>
    public IReadOnlyList<string> AllPasswords => Passwords.Concat(Layout.MapPasswords).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>What this validation shares with the other steps of its run (parsed files, verified signatures); null for
    /// a validation of its own.</summary>
    public RunCache? Run { get; init; }

    /// <summary>Relative path → SHA-256 of files whose bytes a snapshot just copied and verified (the writer's hashes):
    /// a file whose content <see cref="Run"/> parsed is judged from that parse without being opened again.</summary>
    public IReadOnlyDictionary<string, string>? KnownContent { get; init; }

    /// <summary>Parsed files of <see cref="Layout"/>, read once per validation and parsed once per run.</summary>
    public PkiFileCache Files => _files ??= new PkiFileCache(Layout.Root, AllPasswords, Run, KnownContent);

    private PkiFileCache? _files;

    /// <summary>The folder's certificate slots and hierarchy, computed once per run.</summary>
    public FolderSlots Slots => _slots ??= FolderSlots.Compute(this);

    private FolderSlots? _slots;

    /// <summary>Third-party files of the pre-install snapshot that must be byte-identical now.</summary>
    public IReadOnlyList<BaselineFile> Baseline { get; init; } = [];
}
