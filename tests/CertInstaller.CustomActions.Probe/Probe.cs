namespace CertInstaller.CustomActions.Probe;

/// <summary>Touches Core so the compiler keeps the reference; the probe exists for its build output only.</summary>
public static class Probe
{
    /// <summary>The action runner type the DTF entry points call.</summary>
    public static System.Type Runner => typeof(CertInstaller.Core.Actions.ActionRunner);
}
