namespace CertInstaller.Core.Pki.Issuing;

/// <summary>Knobs of a generated IC-like certificates folder.</summary>
public sealed record SampleFolderOptions
{
    /// <summary>The IC server name used in file names and subjects.</summary>
    public string ServerName { get; init; } = "IC1";

    /// <summary>The server's fully qualified domain name (SAN and HTTPS file name).</summary>
    public string Fqdn { get; init; } = "ic1.example.test";

    /// <summary>Also write a subsystem certificate signed with SHA-1 (a legacy folder finding).</summary>
    public bool IncludeSha1Certificate { get; init; } = true;

    /// <summary>Where seeded keys come from; the default reuses keys across runs.</summary>
    public KeyCache Keys { get; init; } = KeyCache.Shared;

    /// <summary>Start of validity of every certificate; null means yesterday.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
