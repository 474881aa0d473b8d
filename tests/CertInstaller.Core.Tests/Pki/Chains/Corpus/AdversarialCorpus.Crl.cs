using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Craft;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Crafter;
using KU = Org.BouncyCastle.Asn1.X509.KeyUsage;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

internal static partial class AdversarialCorpus
{
    /// <summary>A CRL of <paramref name="issuer"/>'s name, signed with <paramref name="signer"/> (default: the issuer's key).</summary>
    public static X509Crl Crl(IssuedCertificate issuer, BigInteger[]? revoked = null, DateTime? thisUpdate = null, DateTime? nextUpdate = null,
        bool number = true, bool numberCritical = false, AsymmetricKeyParameter? signer = null, string? criticalExtension = null)
    {
        var g = new X509V2CrlGenerator();
        g.SetIssuerDN(issuer.Certificate.SubjectDN);
        g.SetThisUpdate(thisUpdate ?? Fixtures.Now.UtcDateTime.AddDays(-1));
        g.SetNextUpdate(nextUpdate ?? Fixtures.Now.UtcDateTime.AddDays(7));
        foreach (var serial in revoked ?? [])
        {
            g.AddCrlEntry(serial, Fixtures.Now.UtcDateTime.AddDays(-2), CrlReason.KeyCompromise);
        }

        if (number)
        {
            g.AddExtension(X509Extensions.CrlNumber, numberCritical, new CrlNumber(BigInteger.ValueOf(17)));
        }

        g.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(CertificateFactory.KeyIdentifier(issuer.Keys.Public)));
        if (criticalExtension is not null)
        {
            g.AddExtension(new DerObjectIdentifier(criticalExtension), true, DerNull.Instance);
        }

        var key = signer ?? issuer.Keys.Private;
        return g.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key));
    }

    private static IEnumerable<CorpusCase> CrlSets()
    {
        var leaf = Leaf(Server("crl.corpus.test"));
        var serial = leaf.Certificate.SerialNumber;
        CorpusCase With(string name, X509Crl crl, ChainProblemCode? expected = null, string? stricter = null) =>
            Chain(name, leaf) with { Crls = [crl], Expected = expected, StricterBecause = stricter };

        yield return With("pass-crl-current-serial-not-listed", Crl(Int, [BigInteger.ValueOf(99)]));
        yield return With("fail-crl-lists-leaf-serial-revoked", Crl(Int, [serial]), ChainProblemCode.Revoked);
        yield return With("fail-crl-of-another-issuer-does-not-cover-leaf", Crl(Root), ChainProblemCode.CrlNotFound);
        yield return With("fail-crl-signed-by-another-key", Crl(Int, signer: Key("crl-forger").Private), ChainProblemCode.CrlBadSignature);
        yield return With("fail-crl-next-update-passed", Crl(Int, thisUpdate: Fixtures.Now.UtcDateTime.AddDays(-30), nextUpdate: Fixtures.Now.UtcDateTime.AddDays(-1)),
            ChainProblemCode.CrlNotCurrent);
        yield return With("fail-crl-this-update-in-future", Crl(Int, thisUpdate: Fixtures.Now.UtcDateTime.AddDays(2)), ChainProblemCode.CrlNotCurrent);
        yield return With("fail-crl-unknown-critical-extension", Crl(Int, criticalExtension: "1.3.6.1.4.1.55555.2"), ChainProblemCode.CrlUnhandledCriticalExtension);
        yield return With("fail-crl-without-crl-number", Crl(Int, number: false), ChainProblemCode.CrlNumberInvalid, "crl-number");
        yield return With("fail-crl-number-critical", Crl(Int, numberCritical: true), ChainProblemCode.CrlNumberInvalid);

        var noCrlSign = Issue(CaNamed("O=Corpus, CN=Corpus No cRLSign CA") with { KeyUsage = KU.KeyCertSign | KU.DigitalSignature }, Key("no-crlsign"), Root);
        var underNoCrlSign = Leaf(Server("nocrlsign.corpus.test"), noCrlSign);
        yield return Chain("fail-crl-issuer-without-crl-sign", underNoCrlSign, noCrlSign) with
        {
            Crls = [Crl(noCrlSign)],
            Expected = ChainProblemCode.CrlIssuerMissingCrlSign,
        };
    }
}
