using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki;

/// <summary>Shared, seeded test PKI: a root → intermediate → leaf chain and helpers named after their defect.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IssuedCertificate> LazyRoot = new(() => CertificateFactory.SelfSigned(
        CertificateSpec.Ca("C=US, O=Fixture, CN=Fixture Root") with { NotBefore = Start, NotAfter = Start.AddYears(10) }, Key("root")));

    private static readonly Lazy<IssuedCertificate> LazyIntermediate = new(() => CertificateFactory.Issue(
        CertificateSpec.Ca("C=US, O=Fixture, CN=Fixture Intermediate", 0) with { NotBefore = Start, NotAfter = Start.AddYears(5) },
        Key("intermediate"), Root));

    private static readonly Lazy<IssuedCertificate> LazyLeaf = new(() => Leaf("host.fixture.test"));

    public static IssuedCertificate Root => LazyRoot.Value;

    public static IssuedCertificate Intermediate => LazyIntermediate.Value;

    public static IssuedCertificate LeafCert => LazyLeaf.Value;

    public static Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair Key(string name, KeySpec? spec = null) =>
        KeyCache.Shared.Get(spec ?? KeySpec.Rsa2048, "fixture/" + name);

    public static IssuedCertificate Leaf(string host, IssuedCertificate? issuer = null, DigestAlgorithm digest = DigestAlgorithm.Sha256) =>
        CertificateFactory.Issue(
            CertificateSpec.Leaf($"C=US, O=Fixture, OU=Web, CN={host}", SubjectAltName.Dns(host))
                with { NotBefore = Start, NotAfter = Start.AddYears(2), Digest = digest },
            Key("leaf", KeySpec.EcP256), issuer ?? Intermediate);
}
