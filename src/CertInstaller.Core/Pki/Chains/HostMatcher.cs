using System.Net;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Tells whether a certificate covers a host name (SAN DNS, one-label wildcards) or an IP address (SAN IP).</summary>
public static class HostMatcher
{
    /// <summary>True when <paramref name="certificate"/> covers <paramref name="host"/>; CN is used only when there is no SAN.</summary>
    public static bool Covers(X509Certificate certificate, string host)
    {
        var description = PkiDescriber.Describe(certificate);
        if (IPAddress.TryParse(host, out var ip))
        {
            return description.Sans.Any(s => s.Type == SanType.Ip && IPAddress.Parse(s.Value).Equals(ip));
        }

        var names = description.Sans.Where(s => s.Type == SanType.Dns).Select(s => s.Value).ToList();
        if (description.Sans.Count == 0)
        {
            names.AddRange(description.Subject.ValuesOf("CN"));
        }

        return names.Any(n => NameMatches(n, host.TrimEnd('.')));
    }

    private static bool NameMatches(string pattern, string host)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var dot = host.IndexOf('.');
            return dot > 0 && string.Equals(pattern.Substring(1), host.Substring(dot), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}
