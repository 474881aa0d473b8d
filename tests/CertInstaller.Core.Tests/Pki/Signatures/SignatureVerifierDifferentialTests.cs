using CertInstaller.Core.Pki.Signatures;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>The BCL verifier and BouncyCastle give the same verdict, the right one, on every good and tampered signature
/// of the corpus; and the BCL verifier judges natively exactly the cases it is meant to.</summary>
public class SignatureVerifierDifferentialTests
{
    private static readonly BclSignatureVerifier Bcl = SignatureVerifiers.CreateBcl();

    [TestCase("RSA", 3 + 3 * 13 + 3 * 4 * 2 + 15 + 4)]
    [TestCase("RSA-PSS", 80)]
    [TestCase("ECDSA", 3 + 3 * 7 * 3 + 3 * 8)]
    [TestCase("Ed25519", 1 + 2 * 2)]
    public void Verifies_WhenCorpusOfFamily_BothVerifiersGiveTheExpectedVerdict(string family, int atLeast)
    {
        Assert.That(Bcl.Capabilities.Any, Is.True, "the BCL must verify natively on this platform: " + Bcl.Capabilities.Describe());
        var cases = SignatureCorpus.Cases.Where(c => c.Family == family).ToList();
        var wrong = new List<string>();
        foreach (var c in cases)
        {
            var reference = SignatureVerifiers.BouncyCastle.Verifies(c.Issuer, c.Subject);
            var native = Bcl.TryVerify(c.Issuer, c.Subject);
            var bcl = Bcl.Verifies(c.Issuer, c.Subject);
            if (reference != c.Expected) wrong.Add($"{c}: BouncyCastle says {reference}, expected {c.Expected}");
            if (bcl != c.Expected) wrong.Add($"{c}: BCL verifier says {bcl}, expected {c.Expected}");
            if (native.HasValue != c.Native) wrong.Add($"{c}: {(native.HasValue ? "judged natively" : "handed to BouncyCastle")}, expected the other");
        }

        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(atLeast));
        Assert.That(cases.Count(c => c.Expected), Is.GreaterThan(0));
        Assert.That(cases.Count(c => !c.Expected), Is.GreaterThan(0));
    }

    [Test]
    public void Verifies_WhenEveryRsaAndEcSize_SomeSignatureIsJudgedNatively()
    {
        foreach (var issuer in new[] { "rsa2048", "rsa3072", "rsa4096", "p256", "p384", "p521" })
        {
            var cases = SignatureCorpus.Cases.Where(c => c.Name.StartsWith(issuer + " ", StringComparison.Ordinal)).ToList();
            Assert.That(cases.Where(c => c.Native && c.Expected).Select(c => Bcl.TryVerify(c.Issuer, c.Subject)), Has.Some.EqualTo(true).And.All.EqualTo(true), issuer);
            Assert.That(cases.Where(c => c.Native && !c.Expected).Select(c => Bcl.TryVerify(c.Issuer, c.Subject)), Has.Some.EqualTo(false).And.All.EqualTo(false), issuer);
        }
    }

    [Test]
    public void Verifies_WhenNoNativeCapability_EverythingGoesToBouncyCastleWithTheSameVerdicts()
    {
        var none = new BclSignatureVerifier(NativeCapabilities.None("test"), SignatureVerifiers.BouncyCastle);

        foreach (var c in SignatureCorpus.Cases.Take(40))
        {
            Assert.That(none.TryVerify(c.Issuer, c.Subject), Is.Null, c.ToString());
            Assert.That(none.Verifies(c.Issuer, c.Subject), Is.EqualTo(c.Expected), c.ToString());
        }
    }
}
