namespace CertInstaller.Core.Pki.Chains;

/// <summary>One problem on a chain: its code, a readable message, and the one-line subject of the certificate concerned.</summary>
public sealed record ChainProblem(ChainProblemCode Code, string Message, string Subject);
