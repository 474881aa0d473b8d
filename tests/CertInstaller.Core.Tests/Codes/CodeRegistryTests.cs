using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Codes;

public sealed class CodeRegistryTests
{
    [Test]
    public void All_PrintsEveryCodeOnce()
    {
        var duplicates = CodeRegistry.All().GroupBy(c => c.Number).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void All_EachCodeInsideItsAreasRange()
    {
        var outside = CodeRegistry.All().Where(c =>
        {
            var (first, last) = CodeRegistry.RangeOf(c.Area);
            return c.Number < first || c.Number > last;
        }).Select(c => $"{c.Text} {c.Name} ({c.Area})").ToList();
        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Areas_DoNotOverlap()
    {
        var ranges = Enum.GetValues<CodeArea>().Select(CodeRegistry.RangeOf).OrderBy(r => r.First).ToList();
        for (var i = 1; i < ranges.Count; i++)
            Assert.That(ranges[i].First, Is.GreaterThan(ranges[i - 1].Last), $"{ranges[i - 1]} and {ranges[i]}");
    }

    [Test]
    public void BackupAndFindingCodes_NoLongerPrintAlike()
    {
        // Before the registry both printed as CI3001.
        Assert.That(CodeRegistry.Of(BackupErrorCode.SourceNotAFolder).Text, Is.Not.EqualTo(CodeRegistry.Of(FindingCode.ChainNotTrusted).Text));
        Assert.That(CodeRegistry.Of(FindingCode.ChainNotTrusted).Text, Is.EqualTo("CI3001"));
    }
}
