namespace CertInstaller.Core.Tests.IO;

/// <summary>How an injected fault behaves.</summary>
public enum FaultMode
{
    /// <summary>The process dies at the k-th mutating operation: it and every later one fail, so no clean-up runs.</summary>
    Crash = 1,

    /// <summary>Only the k-th mutating operation fails (a transient error); later ones succeed.</summary>
    Transient = 2,
}
