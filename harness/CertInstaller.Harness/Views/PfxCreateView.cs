namespace CertInstaller.Harness.Views;

/// <summary>pfx create: whether the file was written and verified, what it holds and how it is protected (never the password).</summary>
public sealed record PfxCreateView(
    bool Written,
    string File,
    string? Subject,
    int Certificates,
    string? FriendlyName,
    string? KeyEncryption,
    string? CertificateEncryption,
    string? MacDigest,
    IReadOnlyList<ProblemView> Findings);

/// <summary>How a PKCS#12 file is protected, as inspect shows it.</summary>
public sealed record Pkcs12EncryptionView(string? Key, string? Certificates, string? MacDigest, int? MacIterations);
