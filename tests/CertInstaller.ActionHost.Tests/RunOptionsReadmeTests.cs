using System.Xml.Linq;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.ActionHost.Tests;

/// <summary>The run verb's options against the README's table and the fragment's properties: same names, same defaults.</summary>
public class RunOptionsReadmeTests
{
    private static readonly XNamespace Wix = "http://wixtoolset.org/schemas/v4/wxs";

    /// <summary>(option, property, default code span or null) of the first table under the deployment heading.</summary>
    private static List<(string Option, string Property, string? Default)> ReadmeRows()
    {
        return ReadmeTables.Rows(Readme(), "## Deploying with SCCM / Intune / Ansible")
            .Select(c => (ReadmeTables.Code(c[0])!.Split(' ')[0], ReadmeTables.Code(c[1]) ?? "", ReadmeTables.Code(c[2])))
            .ToList();
    }

    private static string Readme() => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

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
        var rows = ReadmeTables.Rows(Readme(), "### Exit statuses on Linux")
            .Select(c => (int.Parse(ReadmeTables.Code(c[0])!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(ReadmeTables.Code(c[1])!, System.Globalization.CultureInfo.InvariantCulture), c[2]))
            .ToList();

        Assert.That(rows, Is.EqualTo(ExitStatusMap.Table.Select(r => (r.Code, r.UnixStatus, r.Meaning))));
    }

    [Test]
    public void Defaults_AreTheFragmentsDefaults()
    {
        var fragment = XDocument.Load(Path.Combine(Repository.Root, "installer", "CertificateActions.wxs"));
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
}
