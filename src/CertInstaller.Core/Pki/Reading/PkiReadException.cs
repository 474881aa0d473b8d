namespace CertInstaller.Core.Pki.Reading;

/// <summary>Raised inside the reader for a file that cannot be read; <see cref="PkiReader"/> turns it into a <see cref="ReadResult"/>.</summary>
public sealed class PkiReadException : Exception
{
    /// <summary>Creates the exception for <paramref name="code"/>.</summary>
    public PkiReadException(ReadErrorCode code, string problem, string hint)
        : base(problem)
    {
        Code = code;
        Hint = hint;
    }

    /// <summary>What went wrong.</summary>
    public ReadErrorCode Code { get; }

    /// <summary>How to fix it.</summary>
    public string Hint { get; }
}
