namespace CertInstaller.Core.Backup;

/// <summary>What a restore did to one file. Values are stable.</summary>
public enum RestoreFileAction
{
    /// <summary>The live file already matched the snapshot.</summary>
    Unchanged = 1,

    /// <summary>The file was missing and was restored.</summary>
    Restored = 2,

    /// <summary>The live file differed; it was kept in the displaced area and replaced.</summary>
    Replaced = 3,

    /// <summary>The live file is not in the snapshot; it was moved to the displaced area (exact restore only).</summary>
    Removed = 4,

    /// <summary>A link in the live folder is not the snapshot's business; it was left where it is, never followed.</summary>
    LinkLeftInPlace = 5,

    /// <summary>A staging file left by an interrupted restore (<c>name.&lt;run token&gt;.certinstaller-staging</c>) was kept in
    /// the displaced area, then removed.</summary>
    StagingLeftoverDeleted = 6,
}
