namespace CertInstaller.Core.Pki.Digests;

/// <summary>The weakest signature digest accepted; unknown digests are never accepted.</summary>
public sealed record DigestPolicy
{
    /// <summary>A policy with <paramref name="minimum"/> as the weakest accepted digest.</summary>
    public DigestPolicy(DigestAlgorithm minimum)
    {
        if (minimum == DigestAlgorithm.Unknown)
        {
            throw new ArgumentException("the minimum digest must be a known digest", nameof(minimum));
        }

        Minimum = minimum;
    }

    /// <summary>SHA-256, required for new IC installs.</summary>
    public static DigestPolicy Default { get; } = new(DigestAlgorithm.Sha256);

    /// <summary>The weakest accepted digest.</summary>
    public DigestAlgorithm Minimum { get; }

    /// <summary>True when <paramref name="digest"/> is at least <see cref="Minimum"/>.</summary>
    public bool Accepts(DigestAlgorithm digest) => digest != DigestAlgorithm.Unknown && digest >= Minimum;
}
