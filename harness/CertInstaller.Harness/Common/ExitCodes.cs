namespace CertInstaller.Harness.Common;

/// <summary>certharness exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything read and nothing found.</summary>
    public const int Clean = 0;

    /// <summary>Findings: invalid chain, CSR policy failure, digest below the minimum.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or unreadable input.</summary>
    public const int Usage = 2;
}
