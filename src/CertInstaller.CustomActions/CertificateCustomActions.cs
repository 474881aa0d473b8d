using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using WixToolset.Dtf.WindowsInstaller;

namespace CertInstaller.CustomActions;

/// <summary>DTF entry points: read CustomActionData, call Core, log Core's lines, map the outcome. Nothing else.</summary>
public static class CertificateCustomActions
{
    /// <summary>Deferred: snapshot the certificates folder before anything touches it.</summary>
    [CustomAction]
    public static ActionResult Backup(Session session) => Run(session, ActionOperation.Backup);

    /// <summary>Rollback: put back the exact pre-install folder.</summary>
    [CustomAction]
    public static ActionResult RestoreOnRollback(Session session) => Run(session, ActionOperation.RestoreOnRollback);

    /// <summary>Deferred: put back third-party certificates the product regenerated.</summary>
    [CustomAction]
    public static ActionResult Preserve(Session session) => Run(session, ActionOperation.Preserve);

    /// <summary>Deferred: validate the folder under the policy.</summary>
    [CustomAction]
    public static ActionResult Validate(Session session) => Run(session, ActionOperation.Validate);

    /// <summary>Commit: prune old snapshots by retention.</summary>
    [CustomAction]
    public static ActionResult Commit(Session session) => Run(session, ActionOperation.Commit);

    private static ActionResult Run(Session session, ActionOperation operation)
    {
        var outcome = new ActionRunner().Run(operation, session["CustomActionData"], out _);
        foreach (var line in outcome.Lines) session.Log(Core.Text.Printable.Escape(line.ToString())); // a file name cannot forge a line of the MSI log
        return outcome.Succeeded ? ActionResult.Success : ActionResult.Failure;
    }
}
