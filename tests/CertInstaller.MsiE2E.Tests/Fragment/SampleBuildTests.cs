using System.Xml.Linq;
using CertInstaller.MsiE2E.Tests.Fixtures;
using CertInstaller.MsiKit;

namespace CertInstaller.MsiE2E.Tests.Fragment;

/// <summary>
/// The Windows build as WiX sees it, checked without WiX (it does not run here): every warning the sources are known
/// to raise is suppressed in the sample's project alone, documented in installer/README.md ("WiX warnings"), and the
/// Linux kit's sample overwrites the folder the same way.
/// </summary>
public sealed class SampleBuildTests
{
    /// <summary>WIX1103: "The DefaultVersion '...' was used for file '...' which has no version."</summary>
    private const string DefaultVersionOnUnversionedFile = "1103";

    private static string SampleProject => Path.Combine(RepoPaths.Installer, "Sample", "Sample.wixproj");
    private static string FragmentProject => Path.Combine(RepoPaths.Installer, "CertInstaller.wixproj");
    private static WxsSource Sample => WxsSource.Load(Path.Combine(RepoPaths.Installer, "Sample", "Product.wxs"));
    private static XDocument WixlSample => XDocument.Load(Path.Combine(RepoPaths.Installer, "e2e", "SampleProduct.wixl.wxs"));
    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Installer, "README.md"));

    [Test]
    public void EveryDefaultVersion_IsCoveredBySuppressingWix1103InTheSampleProject()
    {
        var files = Sample.Document.Descendants(WxsSource.Ns + "File")
            .Where(f => f.Attribute("DefaultVersion") is not null)
            .Select(f => $"{(string?)f.Attribute("Id")} (Product.wxs line {((System.Xml.IXmlLineInfo)f).LineNumber})")
            .ToList();

        Assume.That(files, Is.Not.Empty, "Product.wxs gives no file a DefaultVersion: WIX1103 need not be suppressed");
        Assert.That(Suppressed(SampleProject), Does.Contain(DefaultVersionOnUnversionedFile),
            $"WiX raises WIX1103 for {string.Join(", ", files)}, and TreatWarningsAsErrors makes it an error: " +
            "Sample.wixproj must suppress 1103 in SuppressSpecificWarnings");
    }

    [Test]
    public void SampleProjectSuppressions_AreExactlyTheWarningsTheReadmeAccepts()
    {
        var documented = ReadmeTables.Rows(Readme, "## WiX warnings")
            .Select(r => ReadmeTables.Code(r[0]) ?? throw new InvalidDataException($"README 'WiX warnings' row without a `WIXnnnn` code: {r[0]}"))
            .Select(code => code.StartsWith("WIX", StringComparison.Ordinal) ? code[3..] : code)
            .ToList();

        Assert.That(Suppressed(SampleProject), Is.EquivalentTo(documented),
            "Sample.wixproj's SuppressSpecificWarnings = the README's 'WiX warnings' table");
    }

    [Test]
    public void EverySuppression_IsExplainedByTheCommentRightBeforeIt()
    {
        var element = Project(SampleProject).Descendants("SuppressSpecificWarnings").Single();
        var comment = element.NodesBeforeSelf().Reverse().TakeWhile(n => n is not XElement).OfType<XComment>().FirstOrDefault();

        Assert.That(comment, Is.Not.Null, "a comment right before SuppressSpecificWarnings says why");
        foreach (var code in Suppressed(SampleProject))
        {
            Assert.That(comment!.Value, Does.Contain("WIX" + code), $"the comment explains WIX{code}");
        }
    }

    [Test]
    public void FragmentProject_KeepsEveryWarningAnError()
    {
        var properties = Project(FragmentProject).Descendants().Select(e => e.Name.LocalName).ToList();

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "SuppressSpecificWarnings", "SuppressAllWarnings", "TreatWarningsAsErrors", "NoWarn", "SuppressIces" })
            {
                Assert.That(properties, Does.Not.Contain(name), $"CertInstaller.wixproj sets {name}");
            }
        });
        Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), Does.Contain("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"));
    }

    [Test]
    public void BothSamples_DeclareTheSameFilesInTheSameComponents()
    {
        XNamespace v3 = "http://schemas.microsoft.com/wix/2006/wi";
        static string FileName(string? source) => (source ?? "").Replace('\\', '/').Split('/')[^1];
        var wix = Sample.Document.Descendants(WxsSource.Ns + "File")
            .ToDictionary(f => (string)f.Attribute("Id")!, f => ((string)f.Parent!.Attribute("Id")!, FileName((string?)f.Attribute("Source"))));
        var wixl = WixlSample.Descendants(v3 + "File")
            .ToDictionary(f => (string)f.Attribute("Id")!, f => ((string)f.Parent!.Attribute("Id")!, FileName((string?)f.Attribute("Source"))));

        Assert.That(wixl, Is.EquivalentTo(wix), "file id -> (component, file name) in Product.wxs and SampleProduct.wixl.wxs");
        Assert.That(WixlSample.Descendants(v3 + "File").Where(f => f.Attribute("DefaultVersion") is not null), Is.Empty,
            "the kit, not the wixl source, gives the files Product.wxs's DefaultVersion");
    }

    [Test]
    public void VersionedFiles_AreInPermanentComponents()
    {
        var sample = Sample;
        var components = sample.Document.Descendants(WxsSource.Ns + "File")
            .Where(f => f.Attribute("DefaultVersion") is not null)
            .Select(f => (string)f.Parent!.Attribute("Id")!)
            .Distinct();

        Assert.That(sample.PermanentComponents, Is.SupersetOf(components), "uninstall leaves the regenerated folder, as IC does");
    }

    private static XDocument Project(string path) => XDocument.Load(path, LoadOptions.SetLineInfo);

    private static IReadOnlyList<string> Suppressed(string project) =>
        Project(project).Descendants("SuppressSpecificWarnings")
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(w => w.StartsWith("WIX", StringComparison.OrdinalIgnoreCase) ? w[3..] : w)
            .ToList();
}
