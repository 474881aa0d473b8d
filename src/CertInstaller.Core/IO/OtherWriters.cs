namespace CertInstaller.Core.IO;

/// <summary>Who besides this account and the administrators can change a directory (see <see cref="IFileSystem.OtherWritersOf"/>).</summary>
/// <param name="OtherOwner">The owner's user id when it is neither this account nor root; null otherwise.</param>
/// <param name="LooseMode">The octal mode when group (not root's) or other may write without the sticky bit; null otherwise.</param>
public sealed record OtherWriters(uint? OtherOwner, string? LooseMode)
{
    /// <summary>"owned by user id 1000", "writable by its group or by everyone (mode 777)", or both.</summary>
    public string Describe() => string.Join(
        " and ",
        new[]
        {
            OtherOwner is { } owner ? $"owned by another account (user id {owner})" : null,
            LooseMode is { } mode ? $"writable by its group or by everyone (mode {mode}, no sticky bit)" : null,
        }.Where(s => s is not null));
}
