using System.Text.Json.Serialization;

namespace CertInstaller.Harness.Views;

/// <summary>The digests verb's result: the minimum, one entry per signed object, unreadable files skipped.</summary>
public sealed record DigestsView(string Minimum, IReadOnlyList<DigestFileView> Files, IReadOnlyList<SkippedView> Skipped)
{
    /// <summary>With --verify-chains: how many certificates were verified and how many chains are invalid.</summary>
    public ChainSummaryView? Chains { get; init; }

    /// <summary>The folder scanned, as given; JUnit's suite name. Not in JSON.</summary>
    [JsonIgnore]
    public string Folder { get; init; } = string.Empty;

    /// <summary>The time given with --at; JUnit's timestamp. Not in JSON.</summary>
    [JsonIgnore]
    public DateTimeOffset At { get; init; }
}

/// <summary>One signed object: its relative path, kind, subject, signature algorithm, digest, verdict and, with --verify-chains, its chain.</summary>
public sealed record DigestFileView(string Path, string Kind, string Subject, string Algorithm, string Digest, bool Ok)
{
    /// <summary>Whether the chain verifies (only with --verify-chains).</summary>
    public bool? ChainValid { get; init; }

    /// <summary>Chain problems (only with --verify-chains).</summary>
    public IReadOnlyList<ProblemView>? ChainProblems { get; init; }
}

/// <summary>A file of the folder that is not readable PKI data.</summary>
public sealed record SkippedView(string Path, string Problem)
{
    /// <summary>The read error's code (CI11xx); not in JSON.</summary>
    [JsonIgnore]
    public string Code { get; init; } = string.Empty;
}

/// <summary>Chain totals of a folder.</summary>
public sealed record ChainSummaryView(int Verified, int Invalid, int SignatureVerifications);
