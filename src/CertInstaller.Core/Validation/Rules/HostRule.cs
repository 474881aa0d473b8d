using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

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
            .Where(s => s.Certificate is not null && s.UseType.Equals("Server", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Certificate!)
            .Concat(context.Layout.Entries.Where(e => e.Role == CertificateRole.Https && e.Part == FilePart.Other
                && Path.GetExtension(e.RelativePath).Equals(".cer", StringComparison.OrdinalIgnoreCase)).Select(e => e.RelativePath));
        foreach (var path in servers)
        {
            var cert = context.Files.Certificates(path).FirstOrDefault();
            if (cert is null) continue;
            var dns = Pki.Reading.PkiDescriber.Describe(cert).Sans.Where(s => s.Type == SanType.Dns).Select(s => s.Value).ToList();
            if (!dns.Any(d => Matches(d, host)))
                yield return new Observation(FindingCode.HostNotInSan, path,
                    $"{host} is not among its DNS names ({(dns.Count == 0 ? "none" : string.Join(", ", dns))}): request a certificate whose SAN includes {host}");
        }
    }

    private static bool Matches(string pattern, string host)
    {
        if (pattern.Equals(host, StringComparison.OrdinalIgnoreCase)) return true;
        if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return false;
        var dot = host.IndexOf('.');
        return dot > 0 && host.Substring(dot + 1).Equals(pattern.Substring(2), StringComparison.OrdinalIgnoreCase);
    }
}
