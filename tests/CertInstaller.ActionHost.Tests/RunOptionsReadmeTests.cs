using System.Text.RegularExpressions;
using System.Xml.Linq;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.ActionHost.Tests;

/// <summary>The run verb's options against the README's table and the fragment's properties: same names, same defaults.</summary>
public partial class RunOptionsReadmeTests
{
    private static readonly XNamespace Wix = "http://wixtoolset.org/schemas/v4/wxs";

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertInstaller.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("no CertInstaller.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>(option, property, default code span or null) of the first table under the deployment heading.</summary>
    private static List<(string Option, string Property, string? Default)> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Deploying with SCCM / Intune / Ansible");
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README section 'Deploying with SCCM / Intune / Ansible'");
        return lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => CellSplit().Split(l.Trim().Trim('|')).Select(c => c.Trim()).ToArray())
            .Select(c => (Code(c[0])!.Split(' ')[0], Code(c[1]) ?? "", Code(c[2])))
            .ToList();
    }

    private static string? Code(string cell) => CodeSpan().Match(cell) is { Success: true } m ? m.Groups[1].Value.Replace(@"\|", "|") : null;

    [Test]
    public void ReadmeTable_ListsEveryOptionWithItsPropertyAndDefault()
    {
        var rows = ReadmeRows().Where(r => !WrapperOnly.Contains(r.Option)).ToList();

        Assert.That(rows.Select(r => (r.Option, r.Property)), Is.EqualTo(WrapperOptions.All.Select(o => (o.Name, o.Property))));
        Assert.Multiple(() =>
        {
            foreach (var option in WrapperOptions.All.Where(o => o.Default.Length > 0))
            {
                Assert.That(rows.Single(r => r.Option == option.Name).Default, Is.EqualTo(option.Default), option.Name);
            }
        });
    }

    /// <summary>Options of the run command that set no fragment property.</summary>
    private static readonly string[] WrapperOnly = ["--json", "--allow-missing-certdir"];

    [Test]
    public void ReadmeTable_ListsEveryOptionOfTheRunCommand()
    {
        var options = RunVerb.Define().Command.Options.Select(o => o.Name).Where(n => n != "--help");

        Assert.That(ReadmeRows().Select(r => r.Option), Is.EquivalentTo(options));
    }

    [Test]
    public void ReadmeLinuxExitStatuses_AreTheExitStatusMap()
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### Exit statuses on Linux");
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README section 'Exit statuses on Linux'");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => CellSplit().Split(l.Trim().Trim('|')).Select(c => c.Trim()).ToArray())
            .Select(c => (int.Parse(Code(c[0])!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(Code(c[1])!, System.Globalization.CultureInfo.InvariantCulture), c[2]))
            .ToList();

        Assert.That(rows, Is.EqualTo(ExitStatusMap.Table.Select(r => (r.Code, r.UnixStatus, r.Meaning))));
    }

    [Test]
    public void Defaults_AreTheFragmentsDefaults()
    {
        var fragment = XDocument.Load(Path.Combine(Root(), "installer", "CertificateActions.wxs"));
        var values = fragment.Descendants(Wix + "Property").ToDictionary(p => (string)p.Attribute("Id")!, p => (string?)p.Attribute("Value"));
        var set = fragment.Descendants(Wix + "SetProperty").Where(p => ((string?)p.Attribute("Action") ?? "").StartsWith("CertInstaller_Default", StringComparison.Ordinal))
            .ToLookup(p => (string)p.Attribute("Id")!, p => (string)p.Attribute("Value")!);

        Assert.Multiple(() =>
        {
            foreach (var option in WrapperOptions.All.Where(o => o.ActionDataKey is not null))
            {
                Assert.That(values.ContainsKey(option.Property), Is.True, $"{option.Property} is a fragment property");
                if (option.Name == "--certdir") continue; // the property defaults to the product's folder; the wrapper requires it
                // Defaults are SetProperty actions named CertInstaller_Default* (a Property value would hide a remembered one).
                var fragmentDefault = values[option.Property] ?? set[option.Property].SingleOrDefault() ?? "";
                Assert.That(fragmentDefault.Replace("[CommonAppDataFolder]", @"%ProgramData%\"), Is.EqualTo(option.Default), option.Name);
            }
        });
    }

    [Test]
    public void EveryOption_SetsAnActionDataKey()
    {
        Assert.That(WrapperOptions.All.Where(o => o.ActionDataKey is null).Select(o => o.Name), Is.Empty);
        Assert.That(WrapperOptions.All.Select(o => o.ActionDataKey), Is.SubsetOf(ActionDataSerializer.Keys));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex CodeSpan();
}
