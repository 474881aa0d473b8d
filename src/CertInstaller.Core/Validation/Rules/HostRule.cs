using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>With a host name given, the server certificates carry it among their DNS SANs (wildcards honoured).</summary>
public sealed class HostRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Host)) yield break;
        var host = context.Host!.Trim().TrimEnd('.');
        var servers = context.Layout.Sets
            .Where(s => s.Certificate is not null && s.Role != CertificateRole.CsrWorkArea && s.UseType.Equals("Server", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Certificate!)
            .Concat(context.Layout.Entries.Where(e => e.Role == CertificateRole.Https && e.Part == FilePart.Other
                && Path.GetExtension(e.RelativePath).Equals(".cer", StringComparison.OrdinalIgnoreCase)).Select(e => e.RelativePath));
        foreach (var path in servers)
        {
            foreach (var o in RuleGuard.Run(path, () => Covers(context, path, host)))
                yield return o;
        }
    }

    private static IEnumerable<Observation> Covers(ValidationContext context, string path, string host)
    {
        var cert = context.Files.Certificates(path).FirstOrDefault();
        if (cert is not null && !HostMatcher.Covers(cert, host))
            yield return new Observation(FindingCode.HostNotInSan, path,
                $"{host} is not among its subject alternative names: request a certificate whose SAN includes {host}");
    }
}
