namespace CertInstaller.Core.Tests.IO;

/// <summary>How an injected fault behaves.</summary>
public enum FaultMode
{
    /// <summary>The process dies at the k-th mutating operation: it and every later one fail, so no clean-up runs.</summary>
    Crash = 1,

    /// <summary>Only the k-th mutating operation fails (a transient error); later ones succeed.</summary>
    Transient = 2,

    /// <summary>The power fails at the k-th mutating operation: like <see cref="Crash"/>, and every write not yet made
    /// durable is dropped first: file content not flushed to disk is lost (the file is left empty), and every create,
    /// rename or delete whose directory was not synced since is undone.</summary>
    PowerCut = 3,
}
