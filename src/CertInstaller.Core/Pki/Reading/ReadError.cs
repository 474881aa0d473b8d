namespace CertInstaller.Core.Pki.Reading;

/// <summary>A file that could not be read: which file, what is wrong, and how to fix it.</summary>
public sealed record ReadError(string Path, ReadErrorCode Code, string Problem, string Hint)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Problem} ({Hint})";
}
