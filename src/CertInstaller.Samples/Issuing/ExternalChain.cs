namespace CertInstaller.Samples.Issuing;

/// <summary>A third-party CA chain: an external root, its issuing intermediate, and a leaf issued to a site host.</summary>
public sealed record ExternalChain(IssuedCertificate Root, IssuedCertificate Intermediate, IssuedCertificate Leaf)
{
    /// <summary>
    /// Issues a chain from "Example Government Root CA" through "Example Issuing CA 1" to <paramref name="host"/>
    /// (SAN DNS host and, when given, <paramref name="ip"/>); seeded keys from <paramref name="keys"/>.
    /// </summary>
    public static ExternalChain Create(string host, string? ip = null, KeyCache? keys = null, DateTimeOffset? notBefore = null)
    {
        var cache = keys ?? KeyCache.Shared;
        var root = CertificateFactory.SelfSigned(
            CertificateSpec.Ca("C=US, O=Example Government, CN=Example Government Root CA") with { NotBefore = notBefore, NotAfter = (notBefore ?? DateTimeOffset.UtcNow).AddYears(20) },
            cache.Get(KeySpec.Rsa(3072), "external/root"));
        var intermediate = CertificateFactory.Issue(
            CertificateSpec.Ca("C=US, O=Example Government, OU=Certification Authorities, CN=Example Issuing CA 1", 0)
                with { NotBefore = notBefore, NotAfter = (notBefore ?? DateTimeOffset.UtcNow).AddYears(10) },
            cache.Get(KeySpec.Rsa2048, "external/intermediate"), root);
        var sans = ip is null ? new[] { SubjectAltName.Dns(host) } : [SubjectAltName.Dns(host), SubjectAltName.Ip(ip)];
        var leaf = CertificateFactory.Issue(
            CertificateSpec.Leaf($"C=US, O=Example Site, OU=Interaction Center, CN={host}", sans) with { NotBefore = notBefore },
            cache.Get(KeySpec.Rsa2048, "external/leaf/" + host), intermediate);
        return new ExternalChain(root, intermediate, leaf);
    }
}
