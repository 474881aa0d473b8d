namespace CertInstaller.Core.Preservation;

/// <summary>What preservation does with one third-party file of the snapshot.</summary>
public enum PreservationDecision
{
    /// <summary>The live file is byte-identical to the snapshot: nothing to do.</summary>
    Unchanged,
    /// <summary>The install replaced it with an IC-issued file: put the snapshot copy back, keep the regenerated one in displaced.</summary>
    PutBackRegenerated,
    /// <summary>The install removed it: put the snapshot copy back.</summary>
    PutBackMissing,
    /// <summary>The live file differs and is itself not IC-issued: an admin changed it on purpose; left alone and reported.</summary>
    KeptChangedByAdmin,
}
