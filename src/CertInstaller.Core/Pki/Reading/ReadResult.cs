namespace CertInstaller.Core.Pki.Reading;

/// <summary>The outcome of reading one file: the objects found in file order, or the error.</summary>
public sealed record ReadResult(string Path, IReadOnlyList<PkiObject> Objects, ReadError? Error)
{
    /// <summary>True when the file was read without error.</summary>
    public bool Ok => Error is null;

    /// <summary>A successful result.</summary>
    public static ReadResult Success(string path, IReadOnlyList<PkiObject> objects) => new(path, objects, null);

    /// <summary>A failed result.</summary>
    public static ReadResult Failure(ReadError error) => new(error.Path, [], error);
}
