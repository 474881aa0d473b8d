using System.CommandLine;

namespace CertInstaller.Harness;

/// <summary>Builds the certharness command tree and runs it against the given writers.</summary>
public static class Cli
{
    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("certharness: inspect and validate IC certificates folders")
        {
            Commands.ValidateCommand.Create(),
            Commands.BackupCommand.Create(),
            Commands.PreserveCommand.Create(),
            Commands.DemoCommand.Create(),
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
