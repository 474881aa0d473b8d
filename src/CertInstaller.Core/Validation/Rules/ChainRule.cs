using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Each certificate of a set builds a chain to the folder's trusted certificates (or its self-signed Server Group root).</summary>
/// <remarks>Dates are <see cref="CertificateRule"/>'s business; this rule reports only what breaks the path itself.</remarks>
public sealed class ChainRule(IChainBuilder builder) : IFolderRule
{
    /// <summary>A rule with a fresh builder whose signature cache lives for one validation run.</summary>
    public ChainRule() : this(new ChainBuilder()) { }

    private static readonly HashSet<ChainProblemCode> DateOrHost = [ChainProblemCode.Expired, ChainProblemCode.NotYetValid, ChainProblemCode.HostMismatch];

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        var layout = context.Layout;
        var pool = new CertificatePool();
        var anchors = new CertificatePool();
        foreach (var entry in layout.Entries.Where(e => e.Part is FilePart.Certificate or FilePart.Trusted && e.Role != CertificateRole.LeftoverBackup))
        {
            foreach (var cert in context.Files.Certificates(entry.RelativePath))
            {
                pool.Add(cert);
                if (entry.Part == FilePart.Trusted) anchors.Add(cert);
            }
        }
        var serverGroup = layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup)?.Certificate is { } sg
            ? context.Files.Certificates(sg).FirstOrDefault() : null;
        var selfSignedRoot = serverGroup is not null && serverGroup.SubjectDN.Equivalent(serverGroup.IssuerDN) ? serverGroup : null;
        if (selfSignedRoot is not null) anchors.Add(selfSignedRoot);

        var leaves = layout.Sets.Where(s => s.Certificate is not null).Select(s => s.Certificate!).ToList();
        if (leaves.Count == 0) yield break;
        if (anchors.Certificates.Count == 0)
        {
            yield return new Observation(FindingCode.ChainNotTrusted, "",
                "the folder holds no trusted certificate (*_TrustedCertificate.cer) and no self-signed Server Group root: put the issuing CA's root in the trusted certificate files");
            yield break;
        }
        foreach (var path in leaves)
            foreach (var o in RuleGuard.Run(path, () => Chain(context, path, pool, anchors, selfSignedRoot)))
                yield return o;
    }

    private IEnumerable<Observation> Chain(ValidationContext context, string path, CertificatePool pool, CertificatePool anchors, X509Certificate? selfSignedRoot)
    {
        var leaf = context.Files.Certificates(path).FirstOrDefault();
        if (leaf is null || leaf.Equals(selfSignedRoot)) yield break;
        var result = builder.Build(new ChainRequest(leaf, pool, anchors, context.At));
        var problems = result.Problems.Where(p => !DateOrHost.Contains(p.Code)).ToList();
        if (result.Anchor is null || problems.Count > 0)
            yield return new Observation(FindingCode.ChainNotTrusted, path,
                $"{Describe(leaf)} does not chain to the folder's trusted certificates: " +
                string.Join("; ", problems.Select(p => p.Message).DefaultIfEmpty("no path to a trusted certificate")) +
                ". Fix: add the missing issuing/root CA certificates to the trusted certificate files");
    }

    private static string Describe(X509Certificate c) => Pki.Reading.PkiDescriber.DescribeName(c.SubjectDN).OneLine;
}
