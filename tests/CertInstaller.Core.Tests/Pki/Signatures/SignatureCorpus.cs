using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>One signature to judge: the subject's signature with the issuer's key, the right verdict, and whether the
/// BCL verifier should judge it itself (true) or hand it to BouncyCastle by design (false).</summary>
internal sealed record SignatureCase(string Family, string Name, X509Certificate Issuer, X509Certificate Subject, bool Expected, bool Native)
{
    public override string ToString() => $"{Family}: {Name}";
}

/// <summary>
/// Good and tampered certificate signatures of every algorithm the verifiers handle, made by openssl (keys, issuers and
/// most leaves) and by BouncyCastle (the same issuers' keys), built once per test run (about 10 s, mostly RSA 4096 keys).
/// </summary>
internal static class SignatureCorpus
{
    private static readonly Lazy<IReadOnlyList<SignatureCase>> LazyCases = new(Build);

    public static IReadOnlyList<SignatureCase> Cases => LazyCases.Value;

    private sealed record Issuer(string Name, string Family, X509Certificate Certificate, AsymmetricKeyParameter PrivateKey, string KeyFile, string CertFile);

    private static IReadOnlyList<SignatureCase> Build()
    {
        using var dir = new TempDir();
        var issuers = new[]
        {
            MakeIssuer(dir, "rsa2048", "RSA", "-algorithm RSA -pkeyopt rsa_keygen_bits:2048", "-sha256"),
            MakeIssuer(dir, "rsa3072", "RSA", "-algorithm RSA -pkeyopt rsa_keygen_bits:3072", "-sha384"),
            MakeIssuer(dir, "rsa4096", "RSA", "-algorithm RSA -pkeyopt rsa_keygen_bits:4096", "-sha512"),
            MakeIssuer(dir, "p256", "ECDSA", "-algorithm EC -pkeyopt ec_paramgen_curve:P-256", "-sha256"),
            MakeIssuer(dir, "p384", "ECDSA", "-algorithm EC -pkeyopt ec_paramgen_curve:P-384", "-sha384"),
            MakeIssuer(dir, "p521", "ECDSA", "-algorithm EC -pkeyopt ec_paramgen_curve:P-521", "-sha512"),
            MakeIssuer(dir, "ed25519", "Ed25519", "-algorithm ED25519", ""),
        };
        CertInstaller.TestSupport.OpenSsl.Line($"genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out {dir.Path}/leaf.key");
        CertInstaller.TestSupport.OpenSsl.Line($"req -new -key {dir.Path}/leaf.key -subj /CN=tamper-leaf -out {dir.Path}/leaf.csr");
        var leafKey = ReadCertificate(File.ReadAllBytes(OpenSslSelfSigned(dir, "leafself", $"{dir.Path}/leaf.key", "-sha256"))).GetPublicKey();

        var cases = new List<SignatureCase>();
        foreach (var issuer in issuers)
        {
            cases.Add(new(issuer.Family, $"{issuer.Name} self-signed by openssl", issuer.Certificate, issuer.Certificate, true, issuer.Family != "Ed25519"));
        }

        var serial = 100;
        SignatureCase OpenSsl(Issuer issuer, string name, string options, bool native)
        {
            var out_ = Path.Combine(dir.Path, $"leaf-{++serial}.pem");
            CertInstaller.TestSupport.OpenSsl.Line($"x509 -req -in {dir.Path}/leaf.csr -CA {issuer.CertFile} -CAkey {issuer.KeyFile} -set_serial {serial} -days 30 {options} -out {out_}");
            return new(FamilyOf(issuer, options), $"{issuer.Name} {name} (openssl)", issuer.Certificate, ReadCertificate(File.ReadAllBytes(out_)), true, native);
        }

        SignatureCase Bc(Issuer issuer, string algorithm, bool native)
        {
            var leaf = BcLeaf(issuer, leafKey, algorithm, ++serial);
            return new(FamilyOf(issuer, algorithm), $"{issuer.Name} {algorithm} (BouncyCastle)", issuer.Certificate, leaf, true, native);
        }

        var good = new List<SignatureCase>();
        foreach (var rsa in issuers.Where(i => i.Family == "RSA"))
        {
            foreach (var digest in new[] { "sha1", "sha256", "sha384", "sha512" })
            {
                good.Add(OpenSsl(rsa, $"{digest} PKCS#1", "-" + digest, native: true));
                good.Add(OpenSsl(rsa, $"{digest} PSS salt=digest", $"-{digest} -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest", native: true));
            }

            // openssl verifies these; BouncyCastle 2.7 refuses them (it appears to assume salt = digest length and MGF1 with the
            // content digest). The BCL verifier hands them to BouncyCastle, so both say false: the verdicts stay BouncyCastle's.
            cases.Add(OpenSsl(rsa, "sha256 PSS salt=max, refused by BouncyCastle", "-sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:max", native: false) with { Expected = false });
            cases.Add(OpenSsl(rsa, "sha256 PSS mgf1=sha1, refused by BouncyCastle", "-sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -sigopt rsa_mgf1_md:sha1", native: false) with { Expected = false });
            good.Add(OpenSsl(rsa, "sha224 PKCS#1", "-sha224", native: false));
            good.Add(Bc(rsa, "SHA256WITHRSA", native: true));
            good.Add(Bc(rsa, "SHA256WITHRSAANDMGF1", native: true));
            good.Add(Bc(rsa, "SHA512WITHRSAANDMGF1", native: true));
        }

        foreach (var ec in issuers.Where(i => i.Family == "ECDSA"))
        {
            foreach (var digest in new[] { "sha1", "sha256", "sha384", "sha512" })
            {
                good.Add(OpenSsl(ec, digest, "-" + digest, native: true));
            }

            good.Add(OpenSsl(ec, "sha224", "-sha224", native: false));
            good.Add(Bc(ec, "SHA256WITHECDSA", native: true));
            good.Add(Bc(ec, "SHA384WITHECDSA", native: true));
        }

        var ed = issuers.Single(i => i.Family == "Ed25519");
        good.Add(OpenSsl(ed, "Ed25519", "", native: false));
        good.Add(Bc(ed, "Ed25519", native: false));
        cases.AddRange(good);

        // Tampered copies of every good signature: the signature, the signed data, the issuer.
        foreach (var g in good)
        {
            var sig = g.Subject.GetSignature();
            cases.Add(g with { Name = g.Name + ", signature bit flipped", Subject = With(g.Subject, signature: Flip(sig, sig.Length / 2)), Expected = false });
            cases.Add(g with { Name = g.Name + ", signed data changed", Subject = TamperTbs(g.Subject), Expected = false });
            var other = issuers.FirstOrDefault(i => i.Family == g.Issuer.GetPublicKey() switch
            {
                RsaKeyParameters => "RSA",
                ECPublicKeyParameters => "ECDSA",
                _ => "Ed25519",
            } && !i.Certificate.Equals(g.Issuer));
            if (other is not null)
            {
                cases.Add(g with { Name = g.Name + $", verified with {other.Name}'s key", Issuer = other.Certificate, Expected = false });
            }
        }

        // Edges where BouncyCastle's reading is the reference: length, encoding, mismatched algorithm identifiers.
        var rsa2048 = issuers[0];
        var p256 = issuers[3];
        var pkcs1 = good.First(c => c.Issuer.Equals(rsa2048.Certificate) && c.Name.Contains("sha256 PKCS#1"));
        var pss = good.First(c => c.Issuer.Equals(rsa2048.Certificate) && c.Name.Contains("sha256 PSS salt=digest"));
        foreach (var g in new[] { pkcs1, pss, good.First(c => c.Issuer.Equals(issuers[2].Certificate) && c.Name.Contains("sha512 PKCS#1")) })
        {
            var sig = g.Subject.GetSignature();
            cases.Add(g with { Name = g.Name + ", signature one byte short", Subject = With(g.Subject, signature: sig.Take(sig.Length - 1).ToArray()), Expected = false });
            cases.Add(g with { Name = g.Name + ", signature one zero byte longer", Subject = With(g.Subject, signature: [0, .. sig]), Expected = false });
            cases.Add(g with { Name = g.Name + ", signature equal to the modulus", Subject = With(g.Subject, signature: ((RsaKeyParameters)g.Issuer.GetPublicKey()).Modulus.ToByteArrayUnsigned()), Expected = false });
            cases.Add(g with { Name = g.Name + ", outer algorithm differs from the TBS one", Subject = With(g.Subject, outer: new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha384WithRsaEncryption, DerNull.Instance)), Expected = false, Native = false });
            cases.Add(g with { Name = g.Name + ", verified with an EC key", Issuer = p256.Certificate, Expected = false, Native = false });
        }

        cases.Add(new("RSA", "rsa2048 signature with its leading zero byte dropped (BouncyCastle accepts)", rsa2048.Certificate, LeadingZeroDropped(rsa2048, leafKey), true, true));
        cases.Add(new("RSA", "rsa2048 PKCS#1 DigestInfo without NULL parameters (BouncyCastle accepts)", rsa2048.Certificate, DigestInfoWithoutNull(rsa2048, leafKey, tamper: false), true, true));
        cases.Add(new("RSA", "rsa2048 PKCS#1 DigestInfo without NULL parameters, data changed", rsa2048.Certificate, DigestInfoWithoutNull(rsa2048, leafKey, tamper: true), false, true));
        cases.Add(pkcs1 with { Name = pkcs1.Name + ", sha256WithRSA with INTEGER parameters", Subject = WithBothAlgorithms(pkcs1.Subject, new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerInteger.ValueOf(1))), Expected = false, Native = false });

        foreach (var ec in issuers.Where(i => i.Family == "ECDSA"))
        {
            var g = good.First(c => c.Issuer.Equals(ec.Certificate) && c.Name.Contains("sha256 (openssl)"));
            var order = ((ECPublicKeyParameters)ec.Certificate.GetPublicKey()).Parameters.N;
            var (r, s) = RS(g.Subject.GetSignature());
            cases.Add(g with { Name = g.Name + ", high S (n - s: still valid ECDSA)", Subject = With(g.Subject, signature: DerRs(r, order.Subtract(s))) });
            cases.Add(g with { Name = g.Name + ", r and s swapped", Subject = With(g.Subject, signature: DerRs(s, r)), Expected = false });
            cases.Add(g with { Name = g.Name + ", r = 0", Subject = With(g.Subject, signature: DerRs(BigInteger.Zero, s)), Expected = false });
            cases.Add(g with { Name = g.Name + ", s + n (out of range)", Subject = With(g.Subject, signature: DerRs(r, s.Add(order))), Expected = false });
            cases.Add(g with { Name = g.Name + ", trailing byte after the DER", Subject = With(g.Subject, signature: [.. g.Subject.GetSignature(), 0]), Expected = false });
            cases.Add(g with { Name = g.Name + ", BER long-form length", Subject = With(g.Subject, signature: LongFormLength(g.Subject.GetSignature())), Expected = false });
            cases.Add(g with { Name = g.Name + ", r with a redundant leading zero", Subject = With(g.Subject, signature: RedundantZero(r, s)), Expected = false });
            cases.Add(g with { Name = g.Name + ", ecdsa-with-SHA256 with NULL parameters", Subject = WithBothAlgorithms(g.Subject, new AlgorithmIdentifier(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.ECDsaWithSha256, DerNull.Instance)), Expected = false, Native = false });
        }

        return cases;
    }

    public static X509Certificate ReadCertificate(byte[] data) => new X509CertificateParser().ReadCertificate(data);

    private static string FamilyOf(Issuer issuer, string options) =>
        issuer.Family == "RSA" && (options.Contains("pss") || options.Contains("MGF1")) ? "RSA-PSS" : issuer.Family;

    private static Issuer MakeIssuer(TempDir dir, string name, string family, string keyOptions, string digest)
    {
        var key = Path.Combine(dir.Path, name + ".key");
        CertInstaller.TestSupport.OpenSsl.Line($"genpkey {keyOptions} -out {key}");
        var cert = OpenSslSelfSigned(dir, name, key, digest);
        var der = Convert.FromBase64String(string.Concat(CertInstaller.TestSupport.OpenSsl.Line($"pkey -in {key}")
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));
        return new Issuer(name, family, ReadCertificate(File.ReadAllBytes(cert)), PrivateKeyFactory.CreateKey(der), key, cert);
    }

    private static string OpenSslSelfSigned(TempDir dir, string name, string key, string digest)
    {
        var cert = Path.Combine(dir.Path, name + ".pem");
        var ext = Path.Combine(dir.Path, name + ".ext");
        File.WriteAllText(ext, "[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
        CertInstaller.TestSupport.OpenSsl.Line($"req -x509 -new -key {key} -subj /CN=issuer-{name} -days 365 {digest} -config {ext} -extensions v3 -out {cert}");
        return cert;
    }

    private static X509Certificate BcLeaf(Issuer issuer, AsymmetricKeyParameter subjectKey, string algorithm, int serial, BigInteger? serialNumber = null)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(serialNumber ?? BigInteger.ValueOf(serial));
        generator.SetIssuerDN(issuer.Certificate.SubjectDN);
        generator.SetSubjectDN(new X509Name("CN=tamper-leaf"));
        generator.SetNotBefore(DateTime.UtcNow.Date.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.Date.AddDays(30));
        generator.SetPublicKey(subjectKey);
        return generator.Generate(new Asn1SignatureFactory(algorithm, issuer.PrivateKey, new SecureRandom()));
    }

    private static X509Certificate With(X509Certificate certificate, AlgorithmIdentifier? outer = null, byte[]? signature = null)
    {
        var s = certificate.CertificateStructure;
        return new X509Certificate(X509CertificateStructure.GetInstance(new DerSequence(
            s.TbsCertificate, outer ?? s.SignatureAlgorithm, new DerBitString(signature ?? s.Signature.GetOctets()))));
    }

    // The same identifier inside and outside the TBS (so only the identifier's form is under test); the signature is kept.
    private static X509Certificate WithBothAlgorithms(X509Certificate certificate, AlgorithmIdentifier algorithm)
    {
        var s = certificate.CertificateStructure;
        var tbs = (Asn1Sequence)s.TbsCertificate.ToAsn1Object();
        var elements = tbs.Cast<Asn1Encodable>().ToArray();
        var index = Array.FindIndex(elements, e => e.ToAsn1Object() is Asn1Sequence seq && seq.Count is 1 or 2 && seq[0] is DerObjectIdentifier);
        elements[index] = algorithm;
        return new X509Certificate(X509CertificateStructure.GetInstance(new DerSequence(new DerSequence(elements), algorithm, s.Signature)));
    }

    private static X509Certificate TamperTbs(X509Certificate certificate)
    {
        var der = certificate.GetEncoded();
        var marker = Encoding.ASCII.GetBytes("tamper-leaf");
        var at = der.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            marker = Encoding.ASCII.GetBytes("issuer-");
            at = der.AsSpan().IndexOf(marker);
        }

        der[at] = (byte)char.ToUpperInvariant((char)der[at]);
        return ReadCertificate(der);
    }

    private static byte[] Flip(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0x10;
        return copy;
    }

    private static (BigInteger R, BigInteger S) RS(byte[] der)
    {
        var seq = Asn1Sequence.GetInstance(der);
        return (DerInteger.GetInstance(seq[0]).Value, DerInteger.GetInstance(seq[1]).Value);
    }

    private static byte[] DerRs(BigInteger r, BigInteger s) => new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);

    // A length in one more byte than DER allows (0x81 for a short length, 0x82 0x00 for a one-byte long form).
    private static byte[] LongFormLength(byte[] der) => der[1] < 0x80 ? [der[0], 0x81, der[1], .. der.Skip(2)] : [der[0], 0x82, 0x00, .. der.Skip(2)];

    private static byte[] RedundantZero(BigInteger r, BigInteger s)
    {
        var rBytes = r.ToByteArray(); // two's complement, minimal
        byte[] rPart = [0x02, (byte)(rBytes.Length + 1), 0x00, .. rBytes];
        var sPart = new DerInteger(s).GetEncoded(Asn1Encodable.Der);
        var body = rPart.Concat(sPart).ToArray();
        return body.Length < 0x80 ? [0x30, (byte)body.Length, .. body] : [0x30, 0x81, (byte)body.Length, .. body];
    }

    // A PKCS#1 signature whose big-endian value starts with a zero byte, stored without it (BouncyCastle reads it as a number).
    private static X509Certificate LeadingZeroDropped(Issuer issuer, AsymmetricKeyParameter subjectKey)
    {
        for (var serial = 5000; ; serial++)
        {
            var leaf = BcLeaf(issuer, subjectKey, "SHA256WITHRSA", serial);
            var sig = leaf.GetSignature();
            if (sig[0] == 0)
            {
                return With(leaf, signature: sig.Skip(1).ToArray());
            }
        }
    }

    private static X509Certificate DigestInfoWithoutNull(Issuer issuer, AsymmetricKeyParameter subjectKey, bool tamper)
    {
        var leaf = BcLeaf(issuer, subjectKey, "SHA256WITHRSA", 7000);
        var tbs = leaf.CertificateStructure.TbsCertificate.GetEncoded(Asn1Encodable.Der);
        var digestInfo = new DigestInfo(new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256), System.Security.Cryptography.SHA256.HashData(tbs)).GetEncoded(Asn1Encodable.Der);
        var engine = new Pkcs1Encoding(new RsaEngine());
        engine.Init(true, issuer.PrivateKey);
        var signed = With(leaf, signature: engine.ProcessBlock(digestInfo, 0, digestInfo.Length));
        return tamper ? TamperTbs(signed) : signed;
    }
}
