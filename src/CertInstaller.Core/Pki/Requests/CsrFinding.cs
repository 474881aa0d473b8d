namespace CertInstaller.Core.Pki.Requests;

/// <summary>One problem of a CSR against a <see cref="CsrPolicy"/>.</summary>
public sealed record CsrFinding(CsrFindingCode Code, string Message);
