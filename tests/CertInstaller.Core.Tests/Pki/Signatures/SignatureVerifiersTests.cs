using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Signatures;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>Detection: the probe, the switch (test.sh runs the chain tests a second time with it on), the default cache.</summary>
public class SignatureVerifiersTests
{
    private static bool Forced => AppContext.TryGetSwitch(SignatureVerifiers.BouncyCastleOnlySwitch, out var on) && on;

    [Test]
    public void Probe_OnLinuxAndWindows_FindsEveryFamily()
    {
        var capabilities = SignatureVerifiers.Probe();

        Assert.That(capabilities, Is.EqualTo(new NativeCapabilities(true, true, true, "")), capabilities.Describe());
    }

    [Test]
    public void Default_IsDetectedOnceAndHonoursTheSwitch()
    {
        var first = SignatureVerifiers.Capabilities;

        Assert.That(SignatureVerifiers.Capabilities, Is.SameAs(first));
        Assert.That(SignatureVerifiers.Create().Name, Is.EqualTo(Forced ? "bouncycastle" : "bcl"), first.Describe());
        Assert.That(new SignatureCache().Verifier.Name, Is.EqualTo(Forced ? "bouncycastle" : "bcl"));
        Assert.That(SignatureVerifiers.Capabilities.Describe(), Does.StartWith(Forced ? "signatures: BouncyCastle for every algorithm" : "signatures: BCL"));
    }

    [Test]
    public void Describe_WhenSomeFamiliesMissing_NamesWhatRunsWhereAndWhy()
    {
        var line = new NativeCapabilities(true, false, false, "ECDSA: CryptographicException: not supported").Describe();

        Assert.That(line, Does.Contain("BCL (System.Security.Cryptography) for RSA PKCS#1 v1.5 with"));
        Assert.That(line, Does.Contain("BouncyCastle for the rest"));
        Assert.That(line, Does.EndWith("(ECDSA: CryptographicException: not supported)"));
        Assert.That(NativeCapabilities.None("forced").Describe(), Is.EqualTo("signatures: BouncyCastle for every algorithm (forced)"));
    }
}
