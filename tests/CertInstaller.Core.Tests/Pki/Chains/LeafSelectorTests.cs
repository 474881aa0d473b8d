using CertInstaller.Core.Pki.Chains;

namespace CertInstaller.Core.Tests.Pki.Chains;

public class LeafSelectorTests
{
    [TestCase(new[] { 0, 1, 2 })]
    [TestCase(new[] { 2, 1, 0 })]
    [TestCase(new[] { 1, 0, 2 })]
    public void Select_WhenBundleInAnyOrder_ReturnsEndEntity(int[] order)
    {
        var chain = new[] { Fixtures.LeafCert.Certificate, Fixtures.Intermediate.Certificate, Fixtures.Root.Certificate };

        var leaf = LeafSelector.Select(order.Select(i => chain[i]).ToList());

        Assert.That(leaf, Is.EqualTo(Fixtures.LeafCert.Certificate));
    }
}
