using System.Text.Json.Serialization;

namespace CertInstaller.Harness.Views;

/// <summary>The chain verb's result: valid, the path of subjects (leaf first), the anchor and the problems.</summary>
public sealed record ChainView(bool Valid, IReadOnlyList<string> Path, string? Anchor, IReadOnlyList<ProblemView> Problems)
{
    /// <summary>The leaf file.</summary>
    public string? Leaf { get; init; }

    /// <summary>The purpose checked: any, server, client or serverAndClient.</summary>
    public string? Purpose { get; init; }

    /// <summary>The profile applied: rfc5280 or webpki.</summary>
    public string? Profile { get; init; }

    /// <summary>Observations that do not fail the chain (CA used as end entity under rfc5280, CN not in SANs); null when none.</summary>
    public IReadOnlyList<ProblemView>? Warnings { get; init; }

    /// <summary>The CRL files checked against the path (only with --crl).</summary>
    public IReadOnlyList<string>? CheckedCrls { get; init; }

    /// <summary>The verification time (--at, else now); JUnit's timestamp. Not in JSON.</summary>
    [JsonIgnore]
    public DateTimeOffset At { get; init; }
}

/// <summary>A problem with its stable code name, message and the subject concerned.</summary>
public sealed record ProblemView(string Code, string Message, string? Subject)
{
    /// <summary>The file of the certificate concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>The code as printed (CI31xx) when it is a registry code; not in JSON.</summary>
    [JsonIgnore]
    public string? CodeText { get; init; }
}
