namespace CertInstaller.CustomActions.Probe;

/// <summary>Touches the installer adapter (and through it Core) so the compiler keeps the references; the probe exists for its build output only.</summary>
public static class Probe
{
    /// <summary>The action runner type the DTF entry points call.</summary>
    public static System.Type Runner => typeof(CertInstaller.Installer.Operations.ActionRunner);
}
