using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Asn1.X509;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Craft;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Crafter;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

internal static partial class AdversarialCorpus
{
    /// <summary>The minimum signature digest is part of path validation (issue 22 §2): a link below it is no valid link,
    /// other candidates are tried first, and SHA-1 can be allowed on purpose; MD5 never.</summary>
    private static IEnumerable<CorpusCase> DigestSets()
    {
        const string Sha1 = "SHA1WITHECDSA";
        var sha1Leaf = Leaf(Server("sha1-leaf.corpus.test") with { Digest = Sha1 });
        yield return Chain("fail-sha1-leaf-below-min-digest", sha1Leaf) with { Expected = ChainProblemCode.WeakSignatureDigest, StricterBecause = "min-digest" };
        yield return Chain("pass-sha1-leaf-with-min-digest-sha1", sha1Leaf) with { MinDigest = DigestAlgorithm.Sha1 };
        yield return Chain("fail-sha1-leaf-below-min-digest-sha384", Leaf(Server("sha256-leaf.corpus.test"))) with
        { MinDigest = DigestAlgorithm.Sha384, Expected = ChainProblemCode.WeakSignatureDigest, StricterBecause = "min-digest" };

        // The anchor's own signature is no link (RFC 5280 §6.1): a SHA-1 self-signed root is fine.
        var sha1Root = SelfSigned(CaNamed("O=Corpus, CN=Corpus SHA-1 Root") with { Digest = Sha1 }, Key("sha1-root"));
        var underSha1Root = Issue(CaNamed("O=Corpus, CN=Under SHA-1 Root"), Key("under-sha1-root"), sha1Root);
        yield return new CorpusCase("pass-sha1-self-signed-root-is-no-link", Leaf(Server("sha1root.corpus.test"), underSha1Root).Certificate,
            [underSha1Root.Certificate], [sha1Root.Certificate]);

        // A renewed CA: the same key and subject certified again with SHA-256. The SHA-1 certificate is newer, so it
        // would be ranked first by date; the builder takes the one that meets the minimum.
        var weakCa = Issue(CaNamed("O=Corpus, CN=Corpus Renewed CA") with { Digest = Sha1, NotAfter = new Time(Start.AddYears(9)) }, Key("renewed-ca"), Root);
        var renewedCa = Issue(CaNamed("O=Corpus, CN=Corpus Renewed CA"), Key("renewed-ca"), Root);
        var underRenewed = Leaf(Server("renewed-digest.corpus.test"), weakCa);
        yield return new CorpusCase("pass-renewed-sha256-ca-beside-sha1-ca", underRenewed.Certificate, [weakCa.Certificate, renewedCa.Certificate], [Root.Certificate]);
        yield return new CorpusCase("fail-only-sha1-ca", underRenewed.Certificate, [weakCa.Certificate], [Root.Certificate])
        { Expected = ChainProblemCode.WeakSignatureDigest, StricterBecause = "min-digest" };
        yield return new CorpusCase("pass-only-sha1-ca-with-min-digest-sha1", underRenewed.Certificate, [weakCa.Certificate], [Root.Certificate])
        { MinDigest = DigestAlgorithm.Sha1 };

        // Cross-signed: the SHA-1 certificate chains to one trusted root, a SHA-256 cross-certificate to another.
        var otherRoot = SelfSigned(CaNamed("O=Corpus, CN=Corpus Cross Root"), Key("cross-root"));
        var crossSha256 = Issue(CaNamed("O=Corpus, CN=Corpus Renewed CA"), Key("renewed-ca"), otherRoot);
        yield return new CorpusCase("pass-cross-signed-sha256-issuer-beside-sha1-issuer", underRenewed.Certificate,
            [weakCa.Certificate, crossSha256.Certificate], [Root.Certificate, otherRoot.Certificate]);

        // MD5 is refused whatever the minimum (RFC 6151 §2).
        var rsaCa = Issue(CaNamed("O=Corpus, CN=Corpus RSA Digest CA"), Key("rsa-digest-ca", KeySpec.Rsa2048), Root);
        yield return Chain("fail-md5-signature-even-with-lowest-min-digest", Leaf(Server("md5min.corpus.test") with { Digest = "MD5WITHRSA" }, rsaCa), rsaCa) with
        { MinDigest = DigestAlgorithm.Md2, Expected = ChainProblemCode.ForbiddenSignatureDigest, StricterBecause = "md5-signature" };
    }
}
