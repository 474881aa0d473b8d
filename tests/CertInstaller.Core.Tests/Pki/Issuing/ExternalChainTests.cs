using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Issuing;

public class ExternalChainTests
{
    [Test]
    public void Create_WhenHostGiven_OpenSslVerifiesLeaf()
    {
        using var dir = new TempDir();
        var chain = ExternalChain.Create("ic1.example.test", "10.0.0.5");
        var root = dir.Write("root.pem", PkiWriter.CertificatePem(chain.Root.Certificate));
        var intermediate = dir.Write("ca.pem", PkiWriter.CertificatePem(chain.Intermediate.Certificate));
        var leaf = dir.Write("leaf.pem", PkiWriter.CertificatePem(chain.Leaf.Certificate));

        Assert.That(OpenSsl.Line($"verify -CAfile {root} -untrusted {intermediate} {leaf}"), Does.Contain(": OK"));
    }
}
