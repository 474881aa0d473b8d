using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Harness.Common;

/// <summary>Loads --bundle and --trust sources; a trust source that fails to load is a hard error.</summary>
internal static class ChainInputs
{
    public static CertificatePool Load(IEnumerable<string> paths, PkiReader reader, string option)
    {
        var list = paths.ToList();
        foreach (var missing in list.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new HarnessException($"{missing}: no such file or directory (given to {option})");
        }

        var source = CertificateSource.Collect(list, reader);
        if (source.Errors.FirstOrDefault() is { } error)
        {
            throw Errors.Unreadable(error);
        }

        foreach (var empty in list.Where(p => source.Certificates.All(c => !Covers(p, c.Path))))
        {
            throw new HarnessException($"{empty}: no certificate found (given to {option})");
        }

        return new CertificatePool(source.Certificates.Select(c => c.Certificate));
    }

    public static Views.ProblemView View(ChainProblem p) => new(p.Code.ToString(), p.Message, p.Subject);

    private static bool Covers(string given, string found) =>
        string.Equals(given, found, StringComparison.Ordinal)
        || found.StartsWith(Path.GetFullPath(given).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
