using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Chains.Revocation;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Harness.Common;

/// <summary>Loads --bundle, --trust and --crl sources; a trust or CRL source that fails to load is a hard error.</summary>
internal static class ChainInputs
{
    public static CertificatePool Load(IEnumerable<string> paths, PkiReader reader, string option) =>
        Load(paths, reader, option, null);

    /// <summary>Loads the certificates of <paramref name="paths"/>; records each one's file in <paramref name="files"/> when given.</summary>
    public static CertificatePool Load(IEnumerable<string> paths, PkiReader reader, string option, Dictionary<X509Certificate, string>? files)
    {
        var list = paths.ToList();
        foreach (var missing in list.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new HarnessException(InputErrorCode.InputNotFound, $"{missing}: no such file or directory (given to {option})");
        }

        var source = CertificateSource.Collect(list, reader);
        if (source.Errors.FirstOrDefault() is { } error)
        {
            throw Errors.Unreadable(error);
        }

        foreach (var empty in list.Where(p => source.Certificates.All(c => !Covers(p, c.Path))))
        {
            throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{empty}: no certificate found (given to {option})");
        }

        if (files is not null)
        {
            foreach (var (path, certificate) in source.Certificates)
            {
                files.TryAdd(certificate, path);
            }
        }

        return new CertificatePool(source.Certificates.Select(c => c.Certificate));
    }

    /// <summary>CRLs (PEM or DER) from files, or from every file of a folder; a file that is not a CRL is a hard error.</summary>
    public static IReadOnlyList<CrlSource> LoadCrls(IEnumerable<string> paths)
    {
        var crls = new List<CrlSource>();
        foreach (var given in paths)
        {
            var files = Directory.Exists(given) ? Directory.GetFiles(given).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : File.Exists(given) ? [given]
                : throw new HarnessException(InputErrorCode.InputNotFound, $"{given}: no such file or directory (given to --crl)");
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new HarnessException(CodeRegistry.Of(ReadErrorCode.Unreadable), $"{file}: cannot read the CRL: {e.Message} (given to --crl)");
                }

                var parsed = Parse(bytes);
                if (parsed.Count == 0)
                {
                    throw new HarnessException(CodeRegistry.Of(ReadErrorCode.NotPki), $"{file}: not a CRL (PEM 'X509 CRL' or DER); give CRL files to --crl");
                }

                crls.AddRange(parsed.Select(c => new CrlSource(c, file)));
            }

            if (files.Length == 0)
            {
                throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{given}: no CRL found (given to --crl)");
            }
        }

        return crls;
    }

    public static Views.ProblemView View(ChainProblem p) => new(p.Code.ToString(), Hints.Append(p.Message, Core.Codes.CodeRegistry.Of(p.Code)), p.Subject) { File = p.File, CodeText = Core.Codes.CodeRegistry.Of(p.Code).Text };

    private static List<X509Crl> Parse(byte[] bytes)
    {
        try
        {
            return new X509CrlParser().ReadCrls(bytes).ToList();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException
            or Org.BouncyCastle.Security.Certificates.CrlException or FormatException)
        {
            return [];
        }
    }

    private static bool Covers(string given, string found) =>
        string.Equals(given, found, StringComparison.Ordinal)
        || found.StartsWith(Path.GetFullPath(given).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
