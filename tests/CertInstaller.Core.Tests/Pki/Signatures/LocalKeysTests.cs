using CertInstaller.Core.Pki;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>What building RSA keys through <see cref="LocalKeys"/> keeps and drops of BouncyCastle's key checks: every
/// signature path builds keys this way, so these are the key checks a chain verdict rests on.</summary>
public sealed class LocalKeysTests
{
    private static readonly BigInteger Exponent = BigInteger.ValueOf(65537);

    [Test]
    public void Parse_WhenModulusIsEven_StillRefused()
    {
        var even = BigInteger.ProbablePrime(512, new SecureRandom()).Multiply(BigInteger.Two);

        Assert.Throws<ArgumentException>(() => LocalKeys.Parse(() => new RsaKeyParameters(false, even, Exponent)));
    }

    [Test]
    public void Parse_WhenModulusHasASmallPrimeFactor_StillRefused()
    {
        var withFactor = BigInteger.ProbablePrime(1024, new SecureRandom()).Multiply(BigInteger.ValueOf(743));

        Assert.Throws<ArgumentException>(() => LocalKeys.Parse(() => new RsaKeyParameters(false, withFactor, Exponent)));
    }

    [Test]
    public void Parse_WhenModulusIsPrime_AcceptedWithoutTheMillerRabinProof()
    {
        var prime = BigInteger.ProbablePrime(1024, new SecureRandom());

        Assert.Throws<ArgumentException>(() => _ = new RsaKeyParameters(false, prime, Exponent), "BouncyCastle's own default proves the modulus composite");
        Assert.That(LocalKeys.Parse(() => new RsaKeyParameters(false, prime, Exponent)).Modulus, Is.EqualTo(prime));
    }
}
