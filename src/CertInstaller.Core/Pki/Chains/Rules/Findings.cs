using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Rules;

/// <summary>Makes problems whose message names the certificate (subject and, when known, file), the rule and its source.</summary>
internal sealed class Findings(IReadOnlyDictionary<X509Certificate, string>? files)
{
    private readonly List<ChainProblem> _problems = [];
    private readonly List<ChainProblem> _warnings = [];

    public IReadOnlyList<ChainProblem> Problems => _problems;

    /// <summary>Observations that do not fail the path (<see cref="ChainResult.Warnings"/>).</summary>
    public IReadOnlyList<ChainProblem> Warnings => _warnings;

    public int Count => _problems.Count;

    public void Add(ChainProblemCode code, X509Certificate certificate, string rule, string source) =>
        _problems.Add(Make(files, code, certificate, rule, source));

    public void Warn(ChainProblemCode code, X509Certificate certificate, string rule, string source) =>
        _warnings.Add(Make(files, code, certificate, rule, source));

    public void AddRange(IEnumerable<ChainProblem> problems) => _problems.AddRange(problems);

    public static ChainProblem Make(IReadOnlyDictionary<X509Certificate, string>? files, ChainProblemCode code, X509Certificate certificate, string rule, string source)
    {
        var subject = Subject(certificate);
        string? file = null;
        if (files is not null && files.TryGetValue(certificate, out var f))
        {
            file = f;
        }

        var named = file is null ? $"'{subject}'" : $"'{subject}' ({file})";
        return new ChainProblem(code, $"{named}: {rule} [{source}]", subject) { File = file };
    }

    public static string Subject(X509Certificate certificate) => PkiDescriber.DescribeName(certificate.SubjectDN).OneLine;
}
