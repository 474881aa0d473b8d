namespace CertInstaller.Core.Pki.Chains;

/// <summary>One problem on a chain: its code, a readable message, and the one-line subject of the certificate concerned.</summary>
public sealed record ChainProblem(ChainProblemCode Code, string Message, string Subject)
{
    /// <summary>The file the certificate came from, when the caller told the builder (<see cref="ChainRequest.Files"/>).</summary>
    public string? File { get; init; }
}
