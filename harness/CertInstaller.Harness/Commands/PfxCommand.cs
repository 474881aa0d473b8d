using System.CommandLine;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness pfx: PKCS#12 files for the Windows certificate store (pfx create).</summary>
internal static class PfxCommand
{
    private const string Help = """
        PKCS#12 (PFX) files for the Windows certificate store. See 'certharness pfx create --help'.
        Examples:
          certharness pfx create --cert ic1.cer --key ServerGroupPrivateKey.bin --chain ca-chain.pem --out ic1.pfx --password-file pw.txt
        """;

    public static Command Create()
    {
        var command = new Command("pfx", Help);
        command.Add(PfxCreateCommand.Create());
        return command;
    }
}
