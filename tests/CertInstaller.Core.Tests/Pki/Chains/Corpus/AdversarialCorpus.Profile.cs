using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Craft;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Crafter;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

internal static partial class AdversarialCorpus
{
    private static CorpusCase Web(string name, IssuedCertificate leaf, ChainProblemCode? expected = null, IssuedCertificate? intermediate = null) =>
        Chain(name, leaf, intermediate) with
        {
            Profile = ChainProfile.WebPki,
            Purpose = ChainPurpose.Server,
            Expected = expected,
            StricterBecause = expected is null ? null : "webpki",
        };

    private static IEnumerable<CorpusCase> ProfileSets()
    {
        yield return Web("pass-webpki-conforming-leaf", Leaf(Server("web.corpus.test")));
        yield return Web("pass-webpki-wildcard-left-most-label", Leaf(Server("*.web.corpus.test")));
        yield return Chain("pass-rfc5280-profile-accepts-leaf-without-san", Leaf(new Craft { Subject = "O=Corpus, CN=nosan.corpus.test", Eku = ["1.3.6.1.5.5.7.3.1"] }));
        yield return Web("fail-webpki-leaf-without-san", Leaf(new Craft { Subject = "O=Corpus, CN=nosan.corpus.test", Eku = ["1.3.6.1.5.5.7.3.1"] }),
            ChainProblemCode.WebPkiSanMissing);
        yield return Web("pass-webpki-common-name-not-in-san-warns", Leaf(Server("san.corpus.test") with { Subject = "O=Corpus, CN=cn.corpus.test" }))
            with { Warning = ChainProblemCode.WebPkiCommonNameNotInSan };
        yield return Web("fail-webpki-critical-san-with-subject", Leaf(Server("critsan.corpus.test") with { SanCritical = true }), ChainProblemCode.WebPkiCriticalSan);
        yield return Web("fail-webpki-wildcard-inside-label", Leaf(Server("f*.corpus.test")), ChainProblemCode.WebPkiBadWildcard);
        yield return Web("fail-webpki-wildcard-over-one-label", Leaf(Server("*.test")), ChainProblemCode.WebPkiBadWildcard);
        yield return Web("fail-webpki-leaf-without-eku", Leaf(Server("noeku.corpus.test") with { Eku = [] }), ChainProblemCode.WebPkiEkuInvalid);
        yield return Web("fail-webpki-any-extended-key-usage", Leaf(Server("anyeku.corpus.test") with { Eku = ["1.3.6.1.5.5.7.3.1", "2.5.29.37.0"] }),
            ChainProblemCode.WebPkiEkuInvalid);
        yield return Web("fail-webpki-leaf-without-aki", Leaf(Server("noaki.corpus.test") with { Aki = false }), ChainProblemCode.WebPkiKeyIdentifierMissing);
        var noSki = Issue(CaNamed("O=Corpus, CN=Corpus No SKI CA") with { Ski = false }, Key("no-ski"), Root);
        yield return Web("fail-webpki-ca-without-ski", Issue(Server("noski.corpus.test") with { Aki = false }, Key("leaf"), noSki),
            ChainProblemCode.WebPkiKeyIdentifierMissing, noSki);
        yield return Web("fail-webpki-rsa-1024-key", Issue(Server("rsa1024.corpus.test"), Key("rsa-1024", KeySpec.Rsa(1024)), Int), ChainProblemCode.WebPkiWeakKey);
        yield return Web("fail-webpki-rsa-key-not-multiple-of-8", Issue(Server("rsa2052.corpus.test"), Key("rsa-2052", KeySpec.Rsa(2052)), Int),
            ChainProblemCode.WebPkiWeakKey);
        var p192 = new ECKeyPairGenerator();
        p192.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP192r1, new SecureRandom()));
        yield return Web("fail-webpki-p192-key", Issue(Server("p192.corpus.test"), p192.GenerateKeyPair(), Int), ChainProblemCode.WebPkiWeakKey);
        var dsaParameters = new DsaParametersGenerator();
        dsaParameters.Init(1024, 80, new SecureRandom());
        var dsa = new DsaKeyPairGenerator();
        dsa.Init(new DsaKeyGenerationParameters(new SecureRandom(), dsaParameters.GenerateParameters()));
        yield return Web("fail-webpki-dsa-key", Issue(Server("dsa.corpus.test"), dsa.GenerateKeyPair(), Int), ChainProblemCode.WebPkiWeakKey);
        // With SHA-1 allowed for a legacy folder, the web PKI still refuses it; under the default minimum the link rule says it too.
        yield return Web("fail-webpki-sha1-signature", Leaf(Server("sha1.corpus.test") with { Digest = "SHA1WITHECDSA" }), ChainProblemCode.WebPkiSha1Signature)
            with { MinDigest = CertInstaller.Core.Pki.DigestAlgorithm.Sha1 };
        yield return Web("fail-webpki-sha1-signature-below-min-digest", Leaf(Server("sha1.corpus.test") with { Digest = "SHA1WITHECDSA" }), ChainProblemCode.WeakSignatureDigest);
    }
}
