namespace CertInstaller.Core.Pki.Requests;

/// <summary>How much a CSR finding counts: an error fails the check, a warning is reported only, off drops it.</summary>
public enum CsrSeverity
{
    /// <summary>Fails the check (exit 1).</summary>
    Error = 0,
    /// <summary>Reported, does not fail the check.</summary>
    Warning = 1,
    /// <summary>Not reported.</summary>
    Off = 2,
}
