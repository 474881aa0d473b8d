using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki;

public class KeyMatcherTests
{
    [TestCase(KeyKind.Rsa, 2048)]
    [TestCase(KeyKind.Ec, 256)]
    [TestCase(KeyKind.Ec, 384)]
    [TestCase(KeyKind.Ed25519, 256)]
    public void Matches_WhenKeyAndItsCertificate_IsTrueAndFalseForAnother(KeyKind kind, int size)
    {
        var spec = new KeySpec(kind, size);
        var mine = KeyCache.Shared.Get(spec, "matcher/mine");
        var other = KeyCache.Shared.Get(spec, "matcher/other");
        var cert = CertificateFactory.SelfSigned(CertificateSpec.Leaf("CN=m"), mine).Certificate;

        Assert.That(KeyMatcher.Matches(mine.Private, cert.GetPublicKey()), Is.True);
        Assert.That(KeyMatcher.Matches(other.Private, cert.GetPublicKey()), Is.False);
    }
}
