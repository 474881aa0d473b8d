using System.CommandLine;
using CertInstaller.Core.Pki.Issuing;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness demo: builds a sample IC certificates folder and runs the harness verbs over it.</summary>
internal static class DemoCommand
{
    private const string Help = """
        Build a sample IC certificates folder in a temporary directory (self-signed ServerGroup root, IC CA,
        subsystem certificates, one SHA-1 certificate) and run inspect, chain and digests over it.
        Exit codes: 0 the demo ran; 2 bad usage.
        Examples:
          certharness demo
          certharness demo --dir /tmp/ic-sample
        """;

    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "where to build the folder (kept); default a temporary directory, removed afterwards" };
        var command = new Command("demo", Help) { dir };
        command.SetAction(r =>
        {
            var given = r.GetValue(dir);
            var root = given ?? Path.Combine(Path.GetTempPath(), "certharness-demo-" + Guid.NewGuid().ToString("N"));
            var stdout = r.InvocationConfiguration.Output;
            var stderr = r.InvocationConfiguration.Error;
            try
            {
                var sample = SampleFolderBuilder.BuildIcFolder(root);
                stdout.WriteLine($"sample IC certificates folder: {root} ({sample.Files.Count} files)");
                var server = sample.Files.First(f => f.EndsWith("_ServerCertificate.cer", StringComparison.Ordinal));
                Step(stdout, stderr, "inspect", sample.ServerGroupCertificatePath, server);
                Step(stdout, stderr, "chain", server, "--bundle", root, "--trust", sample.ServerGroupCertificatePath);
                Step(stdout, stderr, "digests", root, "--verify-chains");
            }
            finally
            {
                if (given is null && Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }

            return Common.ExitCodes.Clean;
        });
        return command;
    }

    private static void Step(TextWriter stdout, TextWriter stderr, params string[] args)
    {
        stdout.WriteLine();
        stdout.WriteLine("$ certharness " + string.Join(" ", args));
        var code = Cli.Run(args, stdout, stderr);
        stdout.WriteLine($"(exit code {code})");
    }
}
