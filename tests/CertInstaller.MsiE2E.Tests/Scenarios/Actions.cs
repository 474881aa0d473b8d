namespace CertInstaller.MsiE2E.Tests.Scenarios;

/// <summary>The custom action ids of installer/CertificateActions.wxs (the contract with the action hosts).</summary>
public static class Actions
{
    public const string RestoreOnRollback = "CertInstaller_RestoreOnRollback";
    public const string Backup = "CertInstaller_Backup";
    public const string Preserve = "CertInstaller_Preserve";
    public const string Validate = "CertInstaller_Validate";
    public const string Commit = "CertInstaller_Commit";
    public const string TestFailure = "CertInstallerTest_FailAfterPreserve";
}
