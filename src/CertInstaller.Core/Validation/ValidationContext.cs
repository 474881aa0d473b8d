using CertInstaller.Core.Layout;

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

    /// <summary>Parsed files of <see cref="Layout"/>, read once per run.</summary>
    public PkiFileCache Files => _files ??= new PkiFileCache(Layout.Root);

    private PkiFileCache? _files;

    /// <summary>Third-party files of the pre-install snapshot that must be byte-identical now.</summary>
    public IReadOnlyList<BaselineFile> Baseline { get; init; } = [];
}
