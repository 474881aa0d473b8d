namespace CertInstaller.Core.Tests;

/// <summary>Rules of the code's shape that a review would otherwise have to remember.</summary>
public sealed class ArchitectureTests
{
    [Test]
    public void Core_ShipsNoFixtureCode()
    {
        // Core runs as SYSTEM inside the DTF custom-action DLL: seeded keys and sample folders must not ship in it.
        var core = typeof(ToolInfo).Assembly;
        var fixtures = core.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.Contains(".Samples") || ns.Contains(".Issuing")) || t.Name is "KeyCache" or "IcFolderBuilder")
            .Select(t => t.FullName).ToList();
        Assert.That(fixtures, Is.Empty);
    }

    [Test]
    public void Core_DoesNotReferenceTheSamplesAssembly()
    {
        var references = typeof(ToolInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.That(references, Has.None.EqualTo("CertInstaller.Samples"));
    }
}
