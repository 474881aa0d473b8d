namespace CertInstaller.Harness.Views;

/// <summary>import-check: whether the certificate the CA sent back matches what was asked, one entry per check.</summary>
public sealed record ImportCheckView(string Certificate, string Csr, bool Ok, string Subject, IReadOnlyList<ImportCheckItemView> Checks);

/// <summary>One check: its name (publicKey, subject, sans, privateKey, chain, eku, keyUsage), result ok|warning|error, code when not ok, and what was seen.</summary>
public sealed record ImportCheckItemView(string Check, string Result, string? Code, string Message);
