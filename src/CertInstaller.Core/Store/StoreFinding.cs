using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Store;

/// <summary>What the store check found about one store and certificate: the code, where, and the fix.</summary>
/// <param name="Code">The stable code (CI13001–CI13049).</param>
/// <param name="Store">The LocalMachine store concerned.</param>
/// <param name="Thumbprint">The certificate's thumbprint, or null when the finding is about the store as a whole.</param>
/// <param name="Subject">The certificate's subject, one line (or the missing issuer's name).</param>
/// <param name="Problem">What is wrong, without the fix.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record StoreFinding(FindingCode Code, MachineStore Store, string? Thumbprint, string Subject, string Problem, string Fix)
{
    /// <summary>Where it is, as PowerShell's certificate drive names it (Cert:\LocalMachine\My\THUMBPRINT): Get-Item and
    /// certlm.msc find it from there.</summary>
    public string Location => $@"Cert:\LocalMachine\{Store}" + (Thumbprint is null ? string.Empty : $@"\{Thumbprint}");

    /// <summary>The finding as a folder observation: its location as the path, subject, problem and fix as the message.</summary>
    public Observation ToObservation() => new(Code, Location, $"{Subject}: {Problem}. Fix: {Fix}");
}
