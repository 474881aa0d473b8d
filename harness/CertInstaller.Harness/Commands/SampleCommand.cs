using System.CommandLine;
using CertInstaller.Core.Pki.Issuing;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness sample: writes a generated sample folder (IC folder, or a large hierarchy for benchmarks).</summary>
internal static class SampleCommand
{
    private const string Help = """
        Write a generated sample folder: an IC-like certificates folder, or with --leaves N a root → intermediate
        hierarchy with N leaf certificates (root.cer is the anchor) for benchmarks. Test keys only.
        Exit codes: 0 written; 2 bad usage.
        Examples:
          certharness sample /tmp/ic
          certharness sample /tmp/bench --leaves 2000
        """;

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "the folder to write (created when missing)" };
        var leaves = new Option<int?>("--leaves") { Description = "write a hierarchy with this many leaf certificates instead of an IC folder" };
        var command = new Command("sample", Help) { dir, leaves };
        command.SetAction(r =>
        {
            var root = r.GetValue(dir)!;
            if (r.GetValue(leaves) is { } count)
            {
                if (count < 1)
                {
                    throw new HarnessException($"invalid value '{count}' for --leaves; expected a positive number");
                }

                r.InvocationConfiguration.Output.WriteLine(SampleFolderBuilder.BuildHierarchy(root, count));
            }
            else
            {
                r.InvocationConfiguration.Output.WriteLine(SampleFolderBuilder.BuildIcFolder(root).ServerGroupCertificatePath);
            }

            return ExitCodes.Clean;
        });
        return command;
    }
}
