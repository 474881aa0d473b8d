using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary>An installer without a process: does what the test says (regenerate the folder like IC does, fail, ...) and returns a code.</summary>
internal sealed class FakeInstaller(Func<int> run) : IInstallerProcess
{
    /// <summary>How often it ran.</summary>
    public int Runs { get; private set; }

    /// <summary>An installer that regenerates <paramref name="certDir"/> the way an IC install does, then exits <paramref name="exitCode"/>.</summary>
    public static FakeInstaller RegeneratingIc(string certDir, int exitCode) => new(() =>
    {
        new IcFolderBuilder().BuildServer(certDir, new IcFolderSpec { KeySeed = "regenerated" });
        return exitCode;
    });

    /// <inheritdoc />
    public int Run(InstallerCommand command, Action<StartedProcess> started)
    {
        Runs++;
        started(new StartedProcess(7777, "msiexec", new DateTimeOffset(2026, 11, 26, 22, 10, 0, TimeSpan.Zero)));
        return run();
    }
}

/// <summary>What a test throws from the checkpoint hook to stop a run dead, as if the process had been killed there.</summary>
internal sealed class KilledException(WrapperStep step) : Exception($"killed at {step}")
{
    public WrapperStep Step { get; } = step;
}
