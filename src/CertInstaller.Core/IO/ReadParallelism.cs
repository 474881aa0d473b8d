namespace CertInstaller.Core.IO;

/// <summary>How many folder files are read and parsed at once.</summary>
public static class ReadParallelism
{
    /// <summary>One per core, at most 8: each reader may hold a file of up to the 4 MiB cap with its text and parse, so
    /// a 64-core server must not hold 64 of them; beyond 8 readers the disk, not the CPU, is the limit anyway.</summary>
    public static int Default { get; } = Math.Min(Environment.ProcessorCount, 8);
}
