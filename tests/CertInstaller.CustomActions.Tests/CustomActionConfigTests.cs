using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace CertInstaller.CustomActions.Tests;

/// <summary>
/// The DTF action loads its dependencies on .NET Framework: CustomAction.config carries the binding redirects MSBuild
/// computes for the net472 graph (built by tests/CertInstaller.CustomActions.Probe), and every assembly the graph
/// references is either packed (the probe's output, what DTF puts into the .CA.dll) or a .NET Framework assembly.
/// </summary>
public class CustomActionConfigTests
{
    private static readonly XNamespace AsmV1 = "urn:schemas-microsoft-com:asm.v1";

    private static string CustomActionsProject => Path.Combine(Repository.Root, "src", "CertInstaller.CustomActions");

    private static string ProbeProject => Path.Combine(Repository.Root, "tests", "CertInstaller.CustomActions.Probe");

    /// <summary>The probe's output, built with this test project (a ProjectReference) in the same configuration.</summary>
    private static string ProbeOutput
    {
        get
        {
            var configuration = typeof(CustomActionConfigTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var dir = Path.Combine(ProbeProject, "bin", configuration, "net472");
            Assert.That(File.Exists(Path.Combine(dir, "CertInstaller.CustomActions.Probe.dll")), Is.True,
                $"the probe is not built in {dir}; build tests/CertInstaller.CustomActions.Tests (it references the probe)");
            return dir;
        }
    }

    private sealed record Redirect(string Name, string PublicKeyToken, string Culture, string OldVersion, string NewVersion)
    {
        public override string ToString() => $"{Name} ({PublicKeyToken}, {Culture}) {OldVersion} -> {NewVersion}";
    }

    private static List<Redirect> Redirects(string configFile) =>
        XDocument.Load(configFile).Descendants(AsmV1 + "dependentAssembly").Select(d =>
        {
            var identity = d.Element(AsmV1 + "assemblyIdentity")!;
            var redirect = d.Element(AsmV1 + "bindingRedirect")!;
            return new Redirect(
                (string)identity.Attribute("name")!, ((string?)identity.Attribute("publicKeyToken") ?? "").ToLowerInvariant(),
                (string?)identity.Attribute("culture") ?? "neutral",
                (string)redirect.Attribute("oldVersion")!, (string)redirect.Attribute("newVersion")!);
        }).ToList();

    [Test]
    public void CustomActionConfig_CarriesExactlyTheRedirectsMsBuildComputesForNet472()
    {
        var generated = Redirects(Path.Combine(ProbeOutput, "CertInstaller.CustomActions.Probe.dll.config"));
        var declared = Redirects(Path.Combine(CustomActionsProject, "CustomAction.config"));

        Assert.That(generated, Is.Not.Empty, "MSBuild computed no redirect: the probe no longer models the action's graph");
        Assert.Multiple(() =>
        {
            Assert.That(generated.Except(declared), Is.Empty, "redirects MSBuild computes that CustomAction.config lacks");
            Assert.That(declared.Except(generated), Is.Empty, "redirects in CustomAction.config that MSBuild no longer computes");
        });
    }

    [Test]
    public void CustomActionConfig_RunsOnTheClrOfTheActionsTargetFramework()
    {
        var config = XDocument.Load(Path.Combine(CustomActionsProject, "CustomAction.config"));
        var runtimes = config.Descendants("startup").Elements("supportedRuntime").Select(e => (string)e.Attribute("version")!).ToList();

        // net4x runs on CLR v4.0; without a supportedRuntime the DTF host may pick the v2.0 CLR, which cannot load Core.
        Assert.That(TargetFramework(Path.Combine(CustomActionsProject, "CertInstaller.CustomActions.csproj")), Does.StartWith("net4"));
        Assert.That(runtimes, Is.EqualTo(new[] { "v4.0" }));
    }

    [Test]
    public void Probe_ReferencesCoreExactlyAsTheCustomActionDoes()
    {
        var action = XDocument.Load(Path.Combine(CustomActionsProject, "CertInstaller.CustomActions.csproj"));
        var probe = XDocument.Load(Path.Combine(ProbeProject, "CertInstaller.CustomActions.Probe.csproj"));

        Assert.Multiple(() =>
        {
            Assert.That(TargetFramework(Path.Combine(ProbeProject, "CertInstaller.CustomActions.Probe.csproj")),
                Is.EqualTo(TargetFramework(Path.Combine(CustomActionsProject, "CertInstaller.CustomActions.csproj"))));
            // The DTF package is the one difference: it is not served off Windows feeds and brings no strong-named dependency.
            Assert.That(References(probe), Is.EquivalentTo(References(action).Where(r => r != "WixToolset.Dtf.CustomAction")));
            // DTF packs Content into the .CA.dll; the config is read from there, under this exact name.
            Assert.That(action.Descendants("Content").Select(c => (string?)c.Attribute("Include")), Does.Contain("CustomAction.config"));
        });
    }

    [Test]
    public void ProbeOutput_SatisfiesEveryAssemblyReferenceOfTheGraph_FromThePackOrTheFramework()
    {
        var output = ProbeOutput;
        var framework = File.ReadAllLines(Path.Combine(output, "probe.framework-directories.txt"))
            .Where(d => d.Length > 0)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var packed = Directory.EnumerateFiles(output, "*.dll").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f), Identity, StringComparer.OrdinalIgnoreCase);
        var redirects = Redirects(Path.Combine(CustomActionsProject, "CustomAction.config"));

        var problems = new List<string>();
        foreach (var (name, file) in packed)
        {
            foreach (var reference in References(file.Path))
            {
                if (packed.TryGetValue(reference.Name!, out var target))
                {
                    // .NET Framework binds a strong-named reference only to its exact version, or through a redirect.
                    var redirected = redirects.Any(r => r.Name == reference.Name && Covers(r, reference.Version!) && Version.Parse(r.NewVersion) == target.Version);
                    if (target.PublicKeyToken.Length > 0 && reference.Version != target.Version && !redirected)
                        problems.Add($"{name} references {reference.Name} {reference.Version}; the pack has {target.Version} and no redirect covers it");
                }
                else if (!framework.Contains(reference.Name!))
                {
                    problems.Add($"{name} references {reference.Name} {reference.Version}: neither packed nor part of .NET Framework 4.7.2");
                }
            }
        }

        Assert.That(packed.Keys, Is.SupersetOf(new[] { "CertInstaller.Core", "BouncyCastle.Cryptography", "System.Text.Json" }));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void ProbeOutput_PacksTheNetFrameworkBuildOfBouncyCastleAndTheNetStandardBuildsOfCoreAndInstaller()
    {
        var output = ProbeOutput;

        Assert.Multiple(() =>
        {
            // BouncyCastle ships a net461 build: the one .NET Framework loads without netstandard facades.
            Assert.That(TargetFrameworkOf(Path.Combine(output, "BouncyCastle.Cryptography.dll")), Does.StartWith(".NETFramework,"));
            Assert.That(TargetFrameworkOf(Path.Combine(output, "CertInstaller.Core.dll")), Does.StartWith(".NETStandard,Version=v2.0"));
            // The DTF action loads the installer adapter too (issue 23 §1).
            Assert.That(TargetFrameworkOf(Path.Combine(output, "CertInstaller.Installer.dll")), Does.StartWith(".NETStandard,Version=v2.0"));
        });
    }

    private static string TargetFramework(string project) =>
        XDocument.Load(project).Descendants("TargetFramework").Single().Value;

    /// <summary>Package ids and referenced project names (file name without extension).</summary>
    private static IEnumerable<string> References(XDocument project) =>
        project.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!)
            .Concat(project.Descendants("ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")!).Replace('\\', '/'))));

    private static bool Covers(Redirect redirect, Version version)
    {
        var range = redirect.OldVersion.Split('-');
        return Version.Parse(range[0]) <= version && version <= Version.Parse(range[^1]);
    }

    private sealed record AssemblyIdentity(string Path, Version Version, string PublicKeyToken);

    private static AssemblyIdentity Identity(string file)
    {
        var name = AssemblyName.GetAssemblyName(file);
        return new AssemblyIdentity(file, name.Version!, Convert.ToHexString(name.GetPublicKeyToken() ?? []));
    }

    private static List<AssemblyName> References(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }

    private static string TargetFrameworkOf(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) continue;
            if (metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) != "TargetFrameworkAttribute") continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            return blob.ReadSerializedString() ?? "";
        }
        return "";
    }
}
