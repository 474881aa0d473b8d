using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Signatures;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>The platform's Fermat test stands in for BouncyCastle's Miller-Rabin test only where it proves the modulus
/// composite; any key BouncyCastle refuses is refused as before.</summary>
public class IssuerKeysTests
{
    private static X509Certificate WithRsaModulus(BigInteger modulus)
    {
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(BigInteger.ValueOf(7));
        gen.SetIssuerDN(Fixtures.Root.Certificate.SubjectDN);
        gen.SetSubjectDN(new Org.BouncyCastle.Asn1.X509.X509Name("CN=modulus.test"));
        gen.SetNotBefore(Fixtures.Start.UtcDateTime);
        gen.SetNotAfter(Fixtures.Start.AddYears(1).UtcDateTime);
        // Built with the modulus test off, or BouncyCastle would not even let the test make the certificate.
        gen.SetPublicKey(LocalKeys.Parse(() => new RsaKeyParameters(false, modulus, BigInteger.ValueOf(65537))));
        var der = gen.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHRSA", Fixtures.Root.Keys.Private)).GetEncoded();
        return new X509CertificateParser().ReadCertificate(der); // a fresh object: no key cached on it
    }

    [Test]
    public void PublicKey_OfAnRsaCertificate_IsBouncyCastlesKey()
    {
        var certificate = Fixtures.Root.Certificate;
        var fresh = new X509CertificateParser().ReadCertificate(certificate.GetEncoded());

        var key = (RsaKeyParameters)IssuerKeys.PublicKey(fresh);
        var expected = (RsaKeyParameters)new X509CertificateParser().ReadCertificate(certificate.GetEncoded()).GetPublicKey();

        Assert.That((key.Modulus, key.Exponent), Is.EqualTo((expected.Modulus, expected.Exponent)));
    }

    [Test]
    public void PublicKey_WhenTheModulusIsPrime_IsRefusedAsBouncyCastleRefusesIt()
    {
        var prime = BigInteger.ProbablePrime(1024, new Org.BouncyCastle.Security.SecureRandom());

        Assert.Throws<ArgumentException>(() => WithRsaModulus(prime).GetPublicKey());
        Assert.Throws<ArgumentException>(() => IssuerKeys.PublicKey(WithRsaModulus(prime)));
    }

    [Test]
    public void PublicKey_WhenTheModulusHasASmallFactor_IsRefusedAsBouncyCastleRefusesIt()
    {
        var composite = BigInteger.ProbablePrime(1020, new Org.BouncyCastle.Security.SecureRandom()).Multiply(BigInteger.ValueOf(7));

        Assert.Throws<ArgumentException>(() => WithRsaModulus(composite).GetPublicKey());
        Assert.Throws<ArgumentException>(() => IssuerKeys.PublicKey(WithRsaModulus(composite)));
    }
}

public class IssuerKeysProbe
{
    [Test]
    public void Probe()
    {
        var info = Fixtures.Root.Certificate.CertificateStructure.SubjectPublicKeyInfo;
        var modulus = Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure.GetInstance(info.ParsePublicKey()).Modulus;
        var n = new System.Numerics.BigInteger(modulus.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = System.Numerics.BigInteger.ModPow(2, n - 1, n);
        TestContext.Out.WriteLine($"numerics {sw.Elapsed.TotalMilliseconds} ms {r.IsOne}");
        sw.Restart();
        var r2 = Org.BouncyCastle.Math.BigInteger.Two.ModPow(modulus.Subtract(Org.BouncyCastle.Math.BigInteger.One), modulus);
        TestContext.Out.WriteLine($"bc {sw.Elapsed.TotalMilliseconds} ms {r2.Equals(Org.BouncyCastle.Math.BigInteger.One)}");
        sw.Restart();
        r = System.Numerics.BigInteger.ModPow(3, n - 1, n);
        TestContext.Out.WriteLine($"numerics2 {sw.Elapsed.TotalMilliseconds} ms {r.IsOne}");
        sw.Restart();
        r2 = Org.BouncyCastle.Math.BigInteger.Three.ModPow(modulus.Subtract(Org.BouncyCastle.Math.BigInteger.One), modulus);
        TestContext.Out.WriteLine($"bc2 {sw.Elapsed.TotalMilliseconds} ms");
    }
}
