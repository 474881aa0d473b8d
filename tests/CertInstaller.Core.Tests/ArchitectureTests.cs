using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    // Issue 23 §1: Core sits below the installer adapter (CertInstaller.Installer) and its hosts; nothing installer-facing
    // lives in it. The other direction (Installer references Core only) is Installer.Tests' ArchitectureTests.
    [Test]
    public void Core_ReferencesNoOtherCertInstallerAssembly()
    {
        var references = typeof(ToolInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references.Where(n => n.StartsWith("CertInstaller", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Core_HasNoInstallerOrActionsNamespace()
    {
        var namespaces = typeof(ToolInfo).Assembly.GetTypes().Select(t => t.Namespace ?? "").Distinct()
            .Where(ns => ns.Split('.').Any(part => part is "Actions" or "Installer" or "Wrapper")).ToList();
        Assert.That(namespaces, Is.Empty, "installer-facing code belongs in src/CertInstaller.Installer");
        Assert.That(Directory.Exists(Path.Combine(Repository.Root, "src", "CertInstaller.Core", "Actions")), Is.False);
    }

    // Issue 12 §2: Core states code, facts and a host-neutral fix; the hosts add their own hint by code (a harness user
    // who typed --to was told to set an MSI property). The installer adapter (src/CertInstaller.Installer) may name properties.
    [Test]
    public void Core_StringLiterals_NameNoInstallerPropertyNorHarnessVerbOrOption()
    {
        var core = Path.Combine(Repository.Root, "src", "CertInstaller.Core");
        var offending = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(core, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .SelectMany(f => Literals(File.ReadAllText(Path.Combine(core, f))).Where(l => NamesAHost(l.Text)).Select(l => $"{f}:{l.Line}: {l.Text}"))
            .ToList();

        Assert.That(offending, Is.Empty, "host-specific fix texts in Core: move them to InstallerHints (CertInstaller.Installer) or the harness's Common/Hints.cs");
    }

    [TestCase("Set CERTINSTALLER_BACKUPDIR to a local folder.", true)]
    [TestCase("List the snapshots (certharness backup list) and use one of their ids.", true)]
    [TestCase("give the password with --password-file", true)]
    [TestCase("give it or set CERTHARNESS_PASSWORD", true)]
    [TestCase("CertDir (the certificates folder)", true)]
    [TestCase("Give the certificates folder itself.", false)]
    [TestCase("-----BEGIN CERTIFICATE-----", false)]
    [TestCase("a digest this tool knows", false)]
    public void NamesAHost_RecognisesPropertiesVerbsAndOptions(string text, bool expected)
    {
        Assert.That(NamesAHost(text), Is.EqualTo(expected));
    }

    [Test]
    public void Literals_FindsPlainInterpolatedAndRawStringsButNotComments()
    {
        const string source = "// \"CERTINSTALLER_CERTDIR\" in a comment\n" +
            "class C { string a = \"one\"; string b = $\"two {a} three\"; string c = \"\"\"four\"\"\"; }";

        Assert.That(Literals(source).Select(l => l.Text), Is.EqualTo(new[] { "one", "two ", " three", "four" }));
    }

    private static readonly Regex HostSpecific = new(
        @"CERTINSTALLER_[A-Z]|CERTHARNESS_[A-Z]|\bCertDir\b|\bcertharness\s+[a-z]|(?<![\w-])--[a-z]", RegexOptions.Compiled);

    private static bool NamesAHost(string text) => HostSpecific.IsMatch(text);

    /// <summary>Every string literal and interpolated-string text of <paramref name="source"/>, by the C# parser.</summary>
    private static IEnumerable<(int Line, string Text)> Literals(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)
                        || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                        || t.IsKind(SyntaxKind.Utf8StringLiteralToken))
            .Select(t => (t.GetLocation().GetLineSpan().StartLinePosition.Line + 1, t.ValueText));
}
