using System.CommandLine;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>What <c>certharness --version</c> prints: the version, the commit and how this process runs.</summary>
internal static class VersionText
{
    /// <summary>
    /// "certharness 0.1.0 (commit 88f2541...)": the version and the commit the build came from. The SDK stamps the
    /// commit (SourceRevisionId, read from git at build time) into InformationalVersion as "0.1.0+sha".
    /// </summary>
    public static string Of()
    {
        var informational = typeof(VersionText).Assembly
            .GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false)
            .OfType<AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0
            ? $"certharness {informational} (commit unknown: built without git metadata)"
            : $"certharness {informational.Substring(0, plus)} (commit {informational.Substring(plus + 1)})";
    }

    /// <summary>
    /// How this process runs: "NativeAOT linux-x64" for the native binary (release exe, RID tool package), ".NET 10.0.x
    /// JIT" for the framework-dependent or ReadyToRun build. --version prints it so an admin (and ToolPackageTests) can
    /// tell which package `dotnet tool install` picked; NativeAOT has no dynamic code, JIT always has.
    /// </summary>
    public static string RuntimeForm() =>
        RuntimeFeature.IsDynamicCodeSupported
            ? $".NET {Environment.Version} JIT"
            : $"NativeAOT {RuntimeInformation.RuntimeIdentifier}";

    /// <summary>Makes the root command's --version print <see cref="Of"/> and <see cref="RuntimeForm"/> on <paramref name="stdout"/>.</summary>
    public static void Attach(RootCommand root, TextWriter stdout)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(stdout);
        }
    }

    private sealed class PrintVersion(TextWriter stdout) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine($"{Of()}, {RuntimeForm()}");
            return ExitCodes.Clean;
        }
    }
}
