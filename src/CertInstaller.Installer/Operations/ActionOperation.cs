namespace CertInstaller.Installer.Operations;

/// <summary>The install-time operations, one per custom action.</summary>
public enum ActionOperation
{
    /// <summary>Snapshot the folder before anything touches it (deferred).</summary>
    Backup,
    /// <summary>Put back the exact pre-install folder (rollback).</summary>
    RestoreOnRollback,
    /// <summary>Put back third-party files the product regenerated (deferred).</summary>
    Preserve,
    /// <summary>Validate the folder under the policy (deferred).</summary>
    Validate,
    /// <summary>Prune old snapshots by retention (commit).</summary>
    Commit,
}

/// <summary>Names of the operations as hosts spell them.</summary>
public static class ActionOperationNames
{
    /// <summary>The command-line name of each operation (action host).</summary>
    public static IReadOnlyDictionary<string, ActionOperation> ByCommandName { get; } = new Dictionary<string, ActionOperation>(StringComparer.OrdinalIgnoreCase)
    {
        ["backup"] = ActionOperation.Backup,
        ["restore-on-rollback"] = ActionOperation.RestoreOnRollback,
        ["preserve"] = ActionOperation.Preserve,
        ["validate"] = ActionOperation.Validate,
        ["commit"] = ActionOperation.Commit,
    };
}
