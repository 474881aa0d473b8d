using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Crafter;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Craft;
using KU = Org.BouncyCastle.Asn1.X509.KeyUsage;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

/// <summary>The adversarial corpus, built by code: one set per rule and direction, named after the defect.</summary>
internal static partial class AdversarialCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusCase>> LazyCases = new(Build);

    public static IReadOnlyList<CorpusCase> Cases => LazyCases.Value;

    public static IEnumerable<TestCaseData> Data() => Cases.Select(c => new TestCaseData(c).SetName(c.Name));

    public static readonly IssuedCertificate Root = SelfSigned(CaNamed("O=Corpus, CN=Corpus Root"), Key("root"));
    public static readonly IssuedCertificate Int = Issue(CaNamed("O=Corpus, CN=Corpus Issuing CA"), Key("int"), Root);

    private static CorpusCase Chain(string name, IssuedCertificate leaf, IssuedCertificate? intermediate = null) =>
        new(name, leaf.Certificate, [(intermediate ?? Int).Certificate], [Root.Certificate]);

    private static IssuedCertificate Leaf(Craft spec, IssuedCertificate? issuer = null) => Issue(spec, Key("leaf"), issuer ?? Int);

    // n = p prime, d = e^-1 mod (p - 1): a working RSA key pair that BouncyCastle's default key check refuses.
    private static Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair PrimeModulusKeys()
    {
        var p = BigInteger.ProbablePrime(2048, new Org.BouncyCastle.Security.SecureRandom());
        var e = BigInteger.ValueOf(65537);
        return CertInstaller.Core.Pki.LocalKeys.Parse(() => new Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair(
            new RsaKeyParameters(false, p, e), new RsaKeyParameters(true, p, e.ModInverse(p.Subtract(BigInteger.One)))));
    }

    private static IEnumerable<CorpusCase> PathBuilding()
    {
        yield return Chain("valid-basic-chain", Leaf(Server("basic.corpus.test")));

        // An intermediate whose RSA modulus is a prime (anyone could forge with it), certified by the trusted root.
        // RFC 5280 and openssl do not test moduli, and certharness's paths build keys as LocalKeys does (without
        // BouncyCastle's Miller-Rabin proof), so the verdict is openssl's: valid. (Signing the case builds the key, and
        // BouncyCastle remembers moduli it has accepted, so LocalKeysTests, not this case, pins the key check itself.)
        var primeCa = Issue(CaNamed("O=Corpus, CN=Prime Modulus CA"), PrimeModulusKeys(), Root);
        yield return Chain("pass-ca-with-prime-rsa-modulus", Leaf(Server("prime.corpus.test"), primeCa), primeCa);

        // Cross-signed: the same CA key and subject certified by an untrusted root and by the trusted one. The untrusted
        // cross-certificate is newer, so it is tried first and the search must come back.
        var otherRoot = SelfSigned(CaNamed("O=Other, CN=Other Root"), Key("other-root"));
        var crossByOther = Issue(CaNamed("O=Corpus, CN=Corpus Issuing CA") with { NotAfter = new Time(Start.AddYears(9)) }, Key("int"), otherRoot);
        var leaf = Leaf(Server("cross.corpus.test"));
        yield return new CorpusCase("pass-cross-signed-intermediate-backtracks", leaf.Certificate,
            [Int.Certificate, crossByOther.Certificate, otherRoot.Certificate], [Root.Certificate]);

        // Same subject, different keys; the leaf has no AKI, so only the signature tells them apart.
        var impostor = Issue(CaNamed("O=Corpus, CN=Corpus Issuing CA") with { NotAfter = new Time(Start.AddYears(9)) }, Key("impostor"), Root);
        var noAki = Leaf(Server("noaki.corpus.test") with { Aki = false });
        yield return new CorpusCase("pass-same-subject-other-key-backtracks", noAki.Certificate,
            [Int.Certificate, impostor.Certificate], [Root.Certificate]);
        yield return new CorpusCase("fail-same-subject-only-wrong-key", noAki.Certificate, [impostor.Certificate], [Root.Certificate])
        { Expected = ChainProblemCode.BadSignature };

        // Two links whose signatures fail: the path is still reported, with both problems.
        var impostorRoot = SelfSigned(CaNamed("O=Corpus, CN=Corpus Root"), Key("impostor-root"));
        var impostorInt = Issue(CaNamed("O=Corpus, CN=Corpus Issuing CA"), Key("impostor-int"), impostorRoot);
        yield return new CorpusCase("fail-two-forged-links", Leaf(Server("forged.corpus.test")).Certificate, [impostorInt.Certificate], [Root.Certificate])
        { Expected = ChainProblemCode.BadSignature };

        // An expired CA next to its renewal (same key): the renewal wins.
        var expired = Issue(CaNamed("O=Corpus, CN=Corpus Issuing CA") with { NotAfter = new Time(Start.AddMonths(6)) }, Key("int"), Root);
        yield return new CorpusCase("pass-expired-ca-next-to-renewal", Leaf(Server("renewed.corpus.test")).Certificate,
            [expired.Certificate, Int.Certificate], [Root.Certificate]);
        yield return new CorpusCase("fail-only-expired-ca", Leaf(Server("expired-ca.corpus.test")).Certificate,
            [expired.Certificate], [Root.Certificate]) { Expected = ChainProblemCode.Expired };

        // Loop: A and B certify each other, no anchor above them.
        var seedB = SelfSigned(CaNamed("O=Corpus, CN=Loop B"), Key("loop-b"));
        var a = Issue(CaNamed("O=Corpus, CN=Loop A"), Key("loop-a"), seedB);
        var b = Issue(CaNamed("O=Corpus, CN=Loop B"), Key("loop-b"), a);
        yield return new CorpusCase("fail-issuers-certify-each-other-loop", Leaf(Server("loop.corpus.test"), a).Certificate,
            [a.Certificate, b.Certificate], [Root.Certificate]) { Expected = ChainProblemCode.Loop };

        // Depth: root → c1 → c2 → c3 → leaf is 5 certificates.
        var c1 = Issue(CaNamed("O=Corpus, CN=Depth 1"), Key("d1"), Root);
        var c2 = Issue(CaNamed("O=Corpus, CN=Depth 2"), Key("d2"), c1);
        var c3 = Issue(CaNamed("O=Corpus, CN=Depth 3"), Key("d3"), c2);
        var deep = Leaf(Server("deep.corpus.test"), c3);
        yield return new CorpusCase("pass-depth-5-within-max-depth-5", deep.Certificate, [c1.Certificate, c2.Certificate, c3.Certificate], [Root.Certificate])
        { MaxDepth = 5 };
        yield return new CorpusCase("fail-depth-5-over-max-depth-4", deep.Certificate, [c1.Certificate, c2.Certificate, c3.Certificate], [Root.Certificate])
        { MaxDepth = 4, Expected = ChainProblemCode.PathTooLong };

        // A key rollover: the old ICA key certified by the new one (self-issued) is no logical step (§6.1.4(l)).
        var icaNew = Issue(CaNamed("O=Corpus, CN=Rollover ICA"), Key("rollover-new"), Root);
        var icaOld = Issue(CaNamed("O=Corpus, CN=Rollover ICA"), Key("rollover-old"), icaNew);
        var rolled = Leaf(Server("rolled.corpus.test"), icaOld);
        yield return new CorpusCase("pass-rollover-path-within-max-depth-3", rolled.Certificate, [icaOld.Certificate, icaNew.Certificate], [Root.Certificate])
        { MaxDepth = 3, OpenSslRejectsBecause = "depth-self-issued" };
        yield return new CorpusCase("fail-rollover-path-over-max-depth-2", rolled.Certificate, [icaOld.Certificate, icaNew.Certificate], [Root.Certificate])
        { MaxDepth = 2, Expected = ChainProblemCode.PathTooLong };

        // Validity has one-second granularity (§4.1.2.5): a time within the notAfter second is still valid.
        var endsAt = Start.AddYears(3);
        var shortLived = Leaf(Server("second.corpus.test") with { NotAfter = new Time(endsAt) });
        yield return Chain("pass-time-within-notafter-second", shortLived) with { At = new DateTimeOffset(endsAt.AddMilliseconds(999)), OpenSslRejectsBecause = "notafter-inclusive" };
        yield return Chain("fail-time-one-second-after-notafter", shortLived) with { At = new DateTimeOffset(endsAt.AddSeconds(1)), Expected = ChainProblemCode.Expired };

        // Trust anchors (§6.1.1(d)): an intermediate given as trust ends the path only with a partial chain.
        var partialLeaf = Leaf(Server("partial.corpus.test"));
        yield return new CorpusCase("fail-intermediate-as-trust-without-partial-chain", partialLeaf.Certificate, [], [Int.Certificate])
        { Expected = ChainProblemCode.AnchorNotSelfSigned };
        yield return new CorpusCase("pass-intermediate-as-trust-with-partial-chain", partialLeaf.Certificate, [], [Int.Certificate]) { PartialChain = true };
        yield return new CorpusCase("fail-root-in-pool-not-trusted", partialLeaf.Certificate, [Int.Certificate, Root.Certificate], [])
        { Expected = ChainProblemCode.UntrustedRoot };
    }

    private static IEnumerable<CorpusCase> Extensions()
    {
        var unknown = ("1.3.6.1.4.1.55555.1", true, DerNull.Instance.GetEncoded());
        yield return Chain("fail-unknown-critical-extension-on-leaf", Leaf(Server("crit.corpus.test") with { Extra = [unknown] })) with
        { Expected = ChainProblemCode.UnhandledCriticalExtension };
        var critInt = Issue(CaNamed("O=Corpus, CN=Corpus Critical CA") with { Extra = [unknown] }, Key("crit-int"), Root);
        yield return Chain("fail-unknown-critical-extension-on-intermediate", Leaf(Server("critint.corpus.test"), critInt), critInt) with
        { Expected = ChainProblemCode.UnhandledCriticalExtension };
        var critRoot = SelfSigned(CaNamed("O=Corpus, CN=Corpus Critical Root") with { Extra = [unknown] }, Key("crit-root"));
        var underCritRoot = Issue(CaNamed("O=Corpus, CN=Corpus Under Critical Root"), Key("under-crit-root"), critRoot);
        yield return new CorpusCase("fail-unknown-critical-extension-on-root", Leaf(Server("critroot.corpus.test"), underCritRoot).Certificate,
            [underCritRoot.Certificate], [critRoot.Certificate]) { Expected = ChainProblemCode.UnhandledCriticalExtension };
        yield return Chain("pass-unknown-noncritical-extension", Leaf(Server("noncrit.corpus.test") with { Extra = [(unknown.Item1, false, unknown.Item3)] }));
        yield return Chain("fail-critical-authority-key-identifier", Leaf(Server("critaki.corpus.test") with { AkiCritical = true })) with
        { Expected = ChainProblemCode.CriticalKeyIdentifier };
        yield return Chain("fail-critical-subject-key-identifier", Leaf(Server("critski.corpus.test") with { SkiCritical = true })) with
        { Expected = ChainProblemCode.CriticalKeyIdentifier };
        var aia = new AuthorityInformationAccess(new AccessDescription(AccessDescription.IdADCAIssuers,
            new GeneralName(GeneralName.UniformResourceIdentifier, "http://ca.corpus.test/int.cer"))).GetEncoded();
        yield return Chain("fail-critical-authority-information-access", Leaf(Server("critaia.corpus.test") with { Extra = [("1.3.6.1.5.5.7.1.1", true, aia)] })) with
        { Expected = ChainProblemCode.MalformedExtension };
        yield return Chain("pass-noncritical-authority-information-access", Leaf(Server("aia.corpus.test") with { Extra = [("1.3.6.1.5.5.7.1.1", false, aia)] }));
        yield return Chain("fail-malformed-authority-information-access", Leaf(Server("badaia.corpus.test") with
        {
            Extra = [("1.3.6.1.5.5.7.1.1", false, new DerUtf8String("not an AIA").GetEncoded())],
        })) with
        { Expected = ChainProblemCode.MalformedExtension, StricterBecause = "malformed-extension" };
        yield return Chain("fail-malformed-subject-alt-name-checked-for-host", Leaf(new Craft
        {
            Subject = "O=Corpus, CN=badsan.corpus.test",
            Extra = [("2.5.29.17", false, new DerUtf8String("not GeneralNames").GetEncoded())],
        })) with { Host = "badsan.corpus.test", Purpose = ChainPurpose.Server, Expected = ChainProblemCode.MalformedExtension };
    }

    private static IEnumerable<CorpusCase> CertificateRules()
    {
        var caLeaf = Issue(CaNamed("O=Corpus, CN=ca-leaf.corpus.test") with
        {
            Sans = [SanDns("ca-leaf.corpus.test")],
            Eku = ["1.3.6.1.5.5.7.3.1"],
        }, Key("ca-leaf"), Int);
        // RFC 5280 allows a CA certificate as the end entity (a warning); the web PKI does not (BR §7.1.2.7.8).
        yield return Chain("pass-ca-certificate-as-tls-leaf-warns-under-rfc5280", caLeaf) with
        { Purpose = ChainPurpose.Server, Warning = ChainProblemCode.CaUsedAsEndEntity };
        yield return Chain("fail-ca-certificate-as-tls-leaf-under-webpki", caLeaf) with
        { Purpose = ChainPurpose.Server, Profile = ChainProfile.WebPki, Expected = ChainProblemCode.CaUsedAsEndEntity, StricterBecause = "webpki" };
        yield return Chain("pass-ca-certificate-as-leaf-without-purpose", caLeaf);
        var signingLeaf = Leaf(Server("keycertsign.corpus.test") with { KeyUsage = KU.KeyCertSign | KU.DigitalSignature });
        yield return Chain("pass-keycertsign-leaf-as-tls-end-entity-warns-under-rfc5280", signingLeaf) with
        { Purpose = ChainPurpose.Server, Warning = ChainProblemCode.CaUsedAsEndEntity };
        yield return Chain("fail-keycertsign-leaf-as-tls-end-entity-under-webpki", signingLeaf) with
        { Purpose = ChainPurpose.Server, Profile = ChainProfile.WebPki, Expected = ChainProblemCode.CaUsedAsEndEntity, StricterBecause = "webpki" };
        // Key usage still applies: a keyCertSign-only key does no TLS under either profile.
        var certSignOnly = Leaf(Server("certsignonly.corpus.test") with { KeyUsage = KU.KeyCertSign });
        yield return Chain("fail-keycertsign-only-leaf-as-tls-end-entity", certSignOnly) with
        { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.KeyUsageForbidsPurpose, Warning = ChainProblemCode.CaUsedAsEndEntity };
        yield return Chain("fail-keycertsign-only-leaf-as-tls-end-entity-under-webpki", certSignOnly) with
        { Purpose = ChainPurpose.Server, Profile = ChainProfile.WebPki, Expected = ChainProblemCode.KeyUsageForbidsPurpose };

        var v1 = Issue(new Craft { Subject = "O=Corpus, CN=Corpus V1 CA", Version = 1 }, Key("v1-int"), Root);
        yield return Chain("fail-v1-intermediate", Leaf(Server("v1.corpus.test"), v1), v1) with { Expected = ChainProblemCode.V1Intermediate };
        var v1Root = SelfSigned(new Craft { Subject = "O=Corpus, CN=Corpus V1 Root", Version = 1 }, Key("v1-root"));
        var underV1 = Issue(CaNamed("O=Corpus, CN=Corpus Under V1 Root"), Key("under-v1"), v1Root);
        yield return new CorpusCase("pass-v1-trusted-root", Leaf(Server("v1root.corpus.test"), underV1).Certificate, [underV1.Certificate], [v1Root.Certificate]);

        yield return Chain("fail-negative-serial", Leaf(Server("neg.corpus.test") with { Serial = BigInteger.ValueOf(-5) })) with
        { Expected = ChainProblemCode.BadSerialNumber, StricterBecause = "serial-number" };
        yield return Chain("fail-zero-serial", Leaf(Server("zero.corpus.test") with { Serial = BigInteger.Zero })) with
        { Expected = ChainProblemCode.BadSerialNumber, StricterBecause = "serial-number" };
        yield return Chain("fail-21-octet-serial", Leaf(Server("long.corpus.test") with { Serial = BigInteger.One.ShiftLeft(160) })) with
        { Expected = ChainProblemCode.BadSerialNumber, StricterBecause = "serial-number" };
        yield return Chain("pass-20-octet-serial", Leaf(Server("twenty.corpus.test") with { Serial = BigInteger.One.ShiftLeft(158) }));

        var ecKeys = Key("explicit-ec");
        var pub = (ECPublicKeyParameters)ecKeys.Public;
        var explicitParams = new X962Parameters(new X9ECParameters(pub.Parameters.Curve, new X9ECPoint(pub.Parameters.G, false), pub.Parameters.N, pub.Parameters.H));
        var explicitSpki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, explicitParams), pub.Q.GetEncoded(false));
        yield return Chain("fail-explicit-ec-curve-parameters", Issue(Server("explicit.corpus.test") with { PublicKeyInfo = explicitSpki }, ecKeys, Int)) with
        { Expected = ChainProblemCode.ExplicitCurveParameters };

        yield return Chain("fail-inner-outer-signature-algorithm-differ", Leaf(Server("mismatch.corpus.test") with { InnerAlgorithm = "SHA384WITHECDSA" })) with
        { Expected = ChainProblemCode.SignatureAlgorithmMismatch };

        var rsaCa = Issue(CaNamed("O=Corpus, CN=Corpus RSA CA"), Key("rsa-ca", KeySpec.Rsa2048), Root);
        yield return Chain("fail-md5-signature", Leaf(Server("md5.corpus.test") with { Digest = "MD5WITHRSA" }, rsaCa), rsaCa) with
        { Expected = ChainProblemCode.ForbiddenSignatureDigest, StricterBecause = "md5-signature" };
        yield return Chain("pass-sha256-rsa-signature", Leaf(Server("rsa.corpus.test"), rsaCa), rsaCa);
        yield return Chain("fail-md2-signature", Leaf(Server("md2.corpus.test") with { Digest = "MD2WITHRSA" }, rsaCa), rsaCa) with
        { Expected = ChainProblemCode.ForbiddenSignatureDigest };
        yield return Chain("fail-utctime-50-means-1950", Leaf(Server("utc50.corpus.test") with { NotAfter = new Time(new Asn1UtcTime("500101000000Z")) })) with
        { Expected = ChainProblemCode.Expired };
        yield return Chain("pass-utctime-49-means-2049", Leaf(Server("utc49.corpus.test") with { NotAfter = new Time(new Asn1UtcTime("491231235959Z")) }));

        // Read exactly (not as expired), and rejected for its encoding: §4.1.2.5.2 forbids fractions, and before 2050 UTCTime.
        yield return Chain("fail-generalized-time-with-fractional-seconds", Leaf(Server("fraction.corpus.test") with
        {
            NotAfter = new Time(new Asn1GeneralizedTime("20291231235959.5Z")),
        })) with { Expected = ChainProblemCode.MalformedValidity };
        yield return Chain("fail-generalized-time-before-2050", Leaf(Server("gen2029.corpus.test") with
        {
            NotAfter = new Time(new Asn1GeneralizedTime("20291231235959Z")),
        })) with { Expected = ChainProblemCode.MalformedValidity, StricterBecause = "time-encoding" };
        yield return Chain("pass-generalized-time-after-2049", Leaf(Server("y2050.corpus.test") with { NotAfter = new Time(new DateTime(2051, 1, 1, 0, 0, 0, DateTimeKind.Utc)) }));
        yield return Chain("fail-expired-leaf", Leaf(Server("old.corpus.test") with { NotAfter = new Time(Start.AddMonths(3)) })) with
        { Expected = ChainProblemCode.Expired };
        yield return Chain("fail-not-yet-valid-leaf", Leaf(Server("future.corpus.test") with { NotBefore = new Time(Start.AddYears(3)) })) with
        { Expected = ChainProblemCode.NotYetValid };
    }

    private static IEnumerable<CorpusCase> Purposes()
    {
        var clientOnly = Leaf(Server("clientonly.corpus.test") with { Eku = ["1.3.6.1.5.5.7.3.2"] });
        yield return Chain("fail-client-only-eku-for-server", clientOnly) with { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.PurposeNotAllowed };
        yield return Chain("pass-client-only-eku-for-client", clientOnly) with { Purpose = ChainPurpose.Client };
        var serverOnly = Leaf(Server("serveronly.corpus.test") with { Eku = ["1.3.6.1.5.5.7.3.1"] });
        yield return Chain("pass-server-eku-for-server", serverOnly) with { Purpose = ChainPurpose.Server };
        yield return Chain("fail-server-only-eku-for-client", serverOnly) with { Purpose = ChainPurpose.Client, Expected = ChainProblemCode.PurposeNotAllowed };
        yield return Chain("pass-no-eku-for-server", Leaf(Server("noeku.corpus.test") with { Eku = [] })) with { Purpose = ChainPurpose.Server };
        yield return Chain("pass-host-matches", serverOnly) with { Purpose = ChainPurpose.Server, Host = "serveronly.corpus.test" };
        yield return Chain("fail-host-mismatch", serverOnly) with { Purpose = ChainPurpose.Server, Host = "other.corpus.test", Expected = ChainProblemCode.HostMismatch };
        yield return Chain("fail-key-usage-forbids-tls-server", Leaf(Server("ku.corpus.test") with { KeyUsage = KU.NonRepudiation })) with
        { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.KeyUsageForbidsPurpose };

        var clientCa = Issue(CaNamed("O=Corpus, CN=Corpus Client CA") with { Eku = ["1.3.6.1.5.5.7.3.2"] }, Key("client-ca"), Root);
        yield return Chain("fail-ca-eku-excludes-server", Leaf(Server("clientca.corpus.test"), clientCa), clientCa) with
        { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.CaPurposeExcluded };
        var serverCa = Issue(CaNamed("O=Corpus, CN=Corpus Server CA") with { Eku = ["1.3.6.1.5.5.7.3.1"] }, Key("server-ca"), Root);
        yield return Chain("pass-ca-eku-allows-server", Leaf(Server("serverca.corpus.test"), serverCa), serverCa) with { Purpose = ChainPurpose.Server };
        var anyCa = Issue(CaNamed("O=Corpus, CN=Corpus Any EKU CA") with { Eku = ["2.5.29.37.0"] }, Key("any-ca"), Root);
        yield return Chain("fail-ca-only-any-extended-key-usage-for-server", Leaf(Server("anyca.corpus.test"), anyCa), anyCa) with
        { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.CaPurposeExcluded };
        var anyLeaf = Leaf(Server("anyleaf.corpus.test") with { Eku = ["2.5.29.37.0"] });
        yield return Chain("fail-leaf-only-any-extended-key-usage-for-server", anyLeaf) with { Purpose = ChainPurpose.Server, Expected = ChainProblemCode.PurposeNotAllowed };
    }

    private static IReadOnlyList<CorpusCase> Build() =>
        [.. PathBuilding(), .. Extensions(), .. CertificateRules(), .. Purposes(), .. NameConstraintSets(), .. CrlSets(), .. ProfileSets(), .. DigestSets()];
}
