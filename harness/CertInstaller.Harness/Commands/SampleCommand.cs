using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Samples;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness sample: writes a generated sample folder (IC folder, or a large hierarchy for benchmarks).</summary>
internal static class SampleCommand
{
    private const string Help = """
        Write a generated sample folder: an IC certificates folder (self-signed, or with third-party certificates from an
        outside CA; --peers adds Client\Remote_Subsystems folders), or with --leaves N a root → intermediate hierarchy
        with N leaf certificates (root.cer is the anchor) for benchmarks. Test keys only.
        Exit codes: 0 written; 2 bad usage.
        Examples:
          certharness sample /tmp/ic
          certharness sample /tmp/ic --trust thirdparty-servergroup --peers 60
          certharness sample /tmp/bench --leaves 2000
        """;

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "the folder to write (created when missing)" };
        var leaves = new Option<int?>("--leaves") { Description = "write a hierarchy with this many leaf certificates instead of an IC folder" };
        var trust = new Option<string>("--trust") { Description = "selfsigned, thirdparty-servergroup or thirdparty-usetype", DefaultValueFactory = _ => "selfsigned" };
        trust.AcceptOnlyFromAmong("selfsigned", "thirdparty-servergroup", "thirdparty-usetype");
        var peers = new Option<int>("--peers") { Description = "number of Client\\Remote_Subsystems\\<peer> folders" };
        var command = new Command("sample", Help) { dir, leaves, trust, peers };
        command.SetAction(r =>
        {
            var root = Inputs.EmptyOrNewDirectory(r.GetValue(dir)!, "sample");
            if (r.GetValue(leaves) is { } count)
            {
                if (count < 1)
                {
                    throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{count}' for --leaves; expected a positive number");
                }

                Renderer.Render(new SampleHierarchyView(HierarchyBuilder.Build(root, count)), OutputFormat.Text, r.InvocationConfiguration.Output);
            }
            else
            {
                var spec = new IcFolderSpec
                {
                    Trust = r.GetValue(trust) switch
                    {
                        "thirdparty-servergroup" => TrustMode.ThirdPartyServerGroup,
                        "thirdparty-usetype" => TrustMode.ThirdPartyPerUseType,
                        _ => TrustMode.SelfSigned,
                    },
                    RemotePeers = Math.Max(0, r.GetValue(peers)),
                };
                var folder = new IcFolderBuilder().BuildServer(root, spec);
                Renderer.Render(new SampleFolderView(folder.Root, folder.Files.Count, folder.ThirdPartyFiles.Count), OutputFormat.Text, r.InvocationConfiguration.Output);
            }

            return ExitCodes.Clean;
        });
        return command;
    }
}
