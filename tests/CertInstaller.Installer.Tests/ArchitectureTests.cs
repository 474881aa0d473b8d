namespace CertInstaller.Installer.Tests;

/// <summary>The direction of references around the installer adapter (issue 23 §1): hosts → Installer → Core.</summary>
public sealed class ArchitectureTests
{
    [Test]
    public void Installer_ReferencesCoreOnly_OfTheCertInstallerAssemblies()
    {
        var references = typeof(ActionRunner).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("CertInstaller", StringComparison.Ordinal)).ToList();

        Assert.That(references, Is.EqualTo(new[] { "CertInstaller.Core" }));
    }

    [Test]
    public void Installer_TypesLiveInItsOwnNamespaces()
    {
        var outside = typeof(ActionRunner).Assembly.GetTypes()
            .Where(t => t.Namespace is not { } ns || !ns.StartsWith("CertInstaller.Installer", StringComparison.Ordinal))
            // Compiler-generated types, and the language-feature polyfills PolySharp adds to the netstandard2.0 build (System.*).
            .Where(t => !t.Name.StartsWith("<", StringComparison.Ordinal)
                        && !(t.Namespace ?? "").StartsWith("System", StringComparison.Ordinal) && !(t.Namespace ?? "").StartsWith("Microsoft", StringComparison.Ordinal))
            .Select(t => t.FullName).ToList();

        Assert.That(outside, Is.Empty);
    }
}
