using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Codes;

public sealed class CodeRegistryTests
{
    // Every enum whose members the registry prints. A new code enum is added here and to CodeRegistry.All.
    private static readonly Type[] CodeEnums =
    [
        typeof(FindingCode), typeof(ReadErrorCode), typeof(ChainProblemCode), typeof(CsrFindingCode), typeof(BackupErrorCode),
        typeof(VerificationIssueCode), typeof(ActionDataProblemCode), typeof(OutputFileCode), typeof(StoreDriftCode),
        typeof(PolicyErrorCode), typeof(InputErrorCode),
    ];

    [Test]
    public void All_EveryCodeIsItsEnumValue_NoOffsets()
    {
        // Issue 23 §4: the number in the source is the number printed, so a grep for CI10040 finds FolderUnsafe = 10040.
        var values = CodeEnums.SelectMany(t => Enum.GetValues(t).Cast<Enum>().Select(v => $"CI{Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)} {v}"));
        var printed = CodeRegistry.All().Select(c => $"{c.Text} {c.Name}");
        Assert.That(printed, Is.EquivalentTo(values));
    }

    [Test]
    public void CodeEnums_AreEveryEnumNamedCode()
    {
        var found = CodeEnums.Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic && t.Name.EndsWith("Code", StringComparison.Ordinal));
        Assert.That(found, Is.EquivalentTo(CodeEnums), "an enum of codes the registry does not print (or one that is not named *Code)");
    }

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
