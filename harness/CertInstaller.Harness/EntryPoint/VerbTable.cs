using System.CommandLine;
using CertInstaller.Harness.Commands;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>The verbs of certharness, one per file under Commands/: a new verb is one line here.</summary>
internal static class VerbTable
{
    /// <summary>Each verb's factory, in the order the help page lists them.</summary>
    public static readonly IReadOnlyList<Func<Command>> Verbs =
    [
        InspectCommand.Create,
        CsrCommand.Create,
        PfxCommand.Create,
        ImportCheckCommand.Create,
        ChainCommand.Create,
        DigestsCommand.Create,
        ValidateCommand.Create,
        StoreCommand.Create,
        BackupCommand.Create,
        PreserveCommand.Create,
        DemoCommand.Create,
        SampleCommand.Create,
    ];
}
