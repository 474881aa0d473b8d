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

    [TestCase(new[] { 0, 1, 2 })]
    [TestCase(new[] { 2, 0, 1 })]
    public void UnrelatedLeaves_WhenBundleIsOneLeafWithItsChain_IsNull(int[] order)
    {
        var chain = new[] { Fixtures.LeafCert.Certificate, Fixtures.Intermediate.Certificate, Fixtures.Root.Certificate };

        Assert.That(LeafSelector.UnrelatedLeaves(order.Select(i => chain[i]).ToList()), Is.Null);
    }

    [Test]
    public void UnrelatedLeaves_WhenBundleHoldsTwoLeaves_IsCodedNamingBoth()
    {
        var one = Fixtures.Leaf("one.example.test");
        var two = Fixtures.Leaf("two.example.test");

        var problem = LeafSelector.UnrelatedLeaves([one.Certificate, Fixtures.Intermediate.Certificate, two.Certificate]);

        Assert.That(problem?.Code, Is.EqualTo(ChainProblemCode.UnrelatedLeaves));
        Assert.That(problem!.Subject, Does.Contain("one.example.test").And.Contain("two.example.test"));
    }
}
