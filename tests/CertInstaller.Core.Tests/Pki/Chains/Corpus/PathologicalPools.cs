using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

/// <summary>
/// Pools crafted to make a path builder spin: many CAs with one subject, cross-signing meshes, name-constraint blow-ups.
/// Shared by the tests (which assert result and code) and bench/chains-pathological.sh (which prints the times).
/// Uses only Core's issuing helpers, so the benchmark project can compile this file as it is.
/// </summary>
public static class PathologicalPools
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IssuedCertificate> LazyRoot = new(() => CertificateFactory.SelfSigned(
        CertificateSpec.Ca("O=Pathological, CN=Pathological Root") with { NotBefore = Start, NotAfter = Start.AddYears(20) }, Key("root")));

    public static IssuedCertificate Root => LazyRoot.Value;

    private static Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair Key(string name) => KeyCache.Shared.Get(KeySpec.EcP256, "pathological/" + name);

    /// <summary><paramref name="count"/> CAs named "CN=Crowded CA" under the trusted root; the leaf was issued by the
    /// last one unless <paramref name="withRealIssuer"/> is false. The decoys are newer, so without an AKI on the leaf
    /// (<paramref name="leafAki"/> false: key identifiers cannot point to the issuer) every one is tried before the real issuer.</summary>
    public static ChainRequest SameSubject(int count, bool distinctKeys, bool withRealIssuer = true, bool leafAki = false)
    {
        var pool = new List<X509Certificate>();
        for (var i = 0; i < count - 1; i++)
        {
            pool.Add(CertificateFactory.Issue(
                CertificateSpec.Ca("O=Pathological, CN=Crowded CA") with { NotBefore = Start, NotAfter = Start.AddYears(10).AddDays(i), Serial = 1000 + i },
                Key(distinctKeys ? $"decoy/{i}" : "decoy"), Root).Certificate);
        }

        var real = CertificateFactory.Issue(
            CertificateSpec.Ca("O=Pathological, CN=Crowded CA") with { NotBefore = Start, NotAfter = Start.AddYears(5), Serial = 7 }, Key("crowded-real"), Root);
        if (withRealIssuer)
        {
            pool.Add(real.Certificate);
        }

        var leaf = CertificateFactory.Issue(
            CertificateSpec.Leaf("O=Pathological, CN=crowded.test", SubjectAltName.Dns("crowded.test"))
                with { NotBefore = Start, NotAfter = Start.AddYears(2), AuthorityKeyIdentifier = leafAki },
            Key("crowded-leaf"), real);
        return new ChainRequest(leaf.Certificate, new CertificatePool(pool), new CertificatePool([Root.Certificate]), At);
    }

    /// <summary>A cross-signing mesh: <paramref name="layers"/> layers of <paramref name="width"/> CAs; the CAs of one
    /// layer share subject and key, so each is certified by every CA of the layer above (width^layers paths). The top
    /// layer is issued by the trusted root, or by an untrusted root in the pool. When <paramref name="expired"/>, every
    /// mesh CA has expired, so no complete path validates and only the budget ends the search.</summary>
    public static ChainRequest Mesh(int layers, int width, bool trustedTop, bool expired)
    {
        var untrusted = CertificateFactory.SelfSigned(
            CertificateSpec.Ca("O=Pathological, CN=Untrusted Mesh Root") with { NotBefore = Start, NotAfter = Start.AddYears(20) }, Key("mesh-untrusted"));
        var pool = new List<X509Certificate>();
        if (!trustedTop)
        {
            pool.Add(untrusted.Certificate);
        }

        var above = new List<IssuedCertificate> { trustedTop ? Root : untrusted };
        for (var layer = layers; layer >= 1; layer--)
        {
            var current = new List<IssuedCertificate>();
            for (var i = 0; i < width; i++)
            {
                var issuer = above[i % above.Count];
                var end = expired ? Start.AddMonths(6).AddDays(i) : Start.AddYears(10).AddDays(i);
                var ca = CertificateFactory.Issue(
                    CertificateSpec.Ca($"O=Pathological, CN=Mesh {layer}") with
                    {
                        NotBefore = Start, NotAfter = end, Serial = (layer * 1000) + i, AuthorityKeyIdentifier = false,
                    },
                    Key($"mesh/{layer}"), issuer);
                current.Add(ca);
            }

            pool.AddRange(current.Select(c => c.Certificate));
            above = current;
        }

        var leaf = CertificateFactory.Issue(
            CertificateSpec.Leaf("O=Pathological, CN=mesh.test", SubjectAltName.Dns("mesh.test")) with { NotBefore = Start, NotAfter = Start.AddYears(2) },
            Key("mesh-leaf"), above[0]);
        return new ChainRequest(leaf.Certificate, new CertificatePool(pool), new CertificatePool([Root.Certificate]), At);
    }

    /// <summary>A CA with <paramref name="constraints"/> permitted dNSName subtrees above a leaf with <paramref name="names"/> DNS SANs;
    /// with <paramref name="copies"/> &gt; 1 the CA is there that many times (same subject and key) and the leaf has
    /// expired, so every copy gives a complete path that is checked and fails.</summary>
    public static ChainRequest NameConstraintBlowUp(int names, int constraints, int copies = 1)
    {
        var permitted = Enumerable.Range(0, constraints)
            .Select(i => new Org.BouncyCastle.Asn1.X509.GeneralSubtree(new Org.BouncyCastle.Asn1.X509.GeneralName(Org.BouncyCastle.Asn1.X509.GeneralName.DnsName, $"d{i}.blowup.test")))
            .ToArray();
        var keys = Key("blowup-ca");
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(Org.BouncyCastle.Math.BigInteger.ValueOf(42));
        gen.SetIssuerDN(Root.Certificate.SubjectDN);
        gen.SetSubjectDN(new Org.BouncyCastle.Asn1.X509.X509Name("O=Pathological, CN=Blow-up CA"));
        gen.SetNotBefore(Start.UtcDateTime);
        gen.SetNotAfter(Start.AddYears(10).UtcDateTime);
        gen.SetPublicKey(keys.Public);
        gen.AddExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.BasicConstraints, true, new Org.BouncyCastle.Asn1.X509.BasicConstraints(true));
        gen.AddExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.KeyUsage, true,
            new Org.BouncyCastle.Asn1.X509.KeyUsage(Org.BouncyCastle.Asn1.X509.KeyUsage.KeyCertSign | Org.BouncyCastle.Asn1.X509.KeyUsage.CrlSign));
        gen.AddExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.NameConstraints, true,
            new Org.BouncyCastle.Asn1.DerSequence(new Org.BouncyCastle.Asn1.DerTaggedObject(false, 0, new Org.BouncyCastle.Asn1.DerSequence(permitted))));
        var ca = new IssuedCertificate(gen.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHECDSA", Root.Keys.Private)), keys);
        var pool = new List<X509Certificate> { ca.Certificate };
        for (var i = 1; i < copies; i++)
        {
            gen.SetSerialNumber(Org.BouncyCastle.Math.BigInteger.ValueOf(42 + i));
            pool.Add(gen.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHECDSA", Root.Keys.Private)));
        }

        var sans = Enumerable.Range(0, names).Select(i => SubjectAltName.Dns($"h{i}.d{i % constraints}.blowup.test")).ToArray();
        var leaf = CertificateFactory.Issue(
            CertificateSpec.Leaf("O=Pathological, CN=h0.d0.blowup.test", sans)
                with { NotBefore = Start, NotAfter = copies > 1 ? Start.AddMonths(6) : Start.AddYears(2) }, Key("blowup-leaf"), ca);
        return new ChainRequest(leaf.Certificate, new CertificatePool(pool), new CertificatePool([Root.Certificate]), At);
    }
}
