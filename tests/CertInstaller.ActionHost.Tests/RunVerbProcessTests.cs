using System.Diagnostics;
using System.Text.Json;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Validation;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;

namespace CertInstaller.ActionHost.Tests;

/// <summary>
/// <c>certinstaller-action run -- sh installer.sh</c> as a deployment tool runs it: the wrapper a separate process, the
/// "installer" a small shell script that regenerates the folder like an IC install (copies freshly issued IC
/// certificates over it) and exits with the code the test gives. Unix exit statuses keep 8 bits (1603 arrives as 67).
/// </summary>
[Platform(Exclude = "Win", Reason = "the installers are POSIX shell scripts")]
public class RunVerbProcessTests
{
    private TempDir _root = null!;
    private string _certs = null!;
    private string _backups = null!;
    private string _regenerated = null!;
    private string _json = null!;
    private IcFolder _original = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempDir("ci-run-");
        _certs = Path.Combine(_root.Path, "Certificates");
        _backups = Path.Combine(_root.Path, "Backups");
        _regenerated = Path.Combine(_root.Path, "regenerated");
        _json = Path.Combine(_root.Path, "summary.json");
        _original = new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        new IcFolderBuilder().BuildServer(_regenerated, new IcFolderSpec { KeySeed = "regenerated" });
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    /// <summary>A script that overwrites the folder with the regenerated IC files, writes a marker, then runs <paramref name="end"/>.</summary>
    private string Script(string end)
    {
        var path = Path.Combine(_root.Path, "installer.sh");
        File.WriteAllText(path, $"#!/bin/sh\ncp -R \"{_regenerated}/.\" \"{_certs}/\"\ntouch \"{_root.Path}/installer-ran\"\n{end}\n");
        return path;
    }

    private static Process Start(IEnumerable<string> args)
    {
        return Process.Start(HostProcess.StartInfo(args))!;
    }

    private (int Code, string Output) Wrap(string end, params string[] options)
    {
        using var process = Start(["run", "--certdir", _certs, "--backupdir", _backups, "--json", _json, .. options, "--", "sh", Script(end)]);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        TestContext.Out.WriteLine(output);
        return (process.ExitCode, output);
    }

    private JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(_json)).RootElement;

    private IReadOnlyDictionary<string, byte[]> Folder() => FolderPicture.Of(_certs).Files;

    private void AssertThirdPartyBack(IReadOnlyDictionary<string, byte[]> before)
    {
        var after = Folder();
        foreach (var file in _original.ThirdPartyFiles)
        {
            Assert.That(after[file], Is.EqualTo(before[file]), file);
        }

        Assert.That(after, Is.Not.EqualTo(before), "the IC-issued files are the regenerated ones");
    }

    [Test]
    public void Run_WhenTheInstallerExits0_PutsThirdPartyBackAndExits0()
    {
        var before = Folder();

        var (code, _) = Wrap("exit 0");

        Assert.That(code, Is.Zero);
        AssertThirdPartyBack(before);
        Assert.That(Summary().GetProperty("putBack").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(File.ReadAllText(Path.Combine(_backups, ActionHostProgram.LogFileName)), Does.Contain(" Preserve succeeded"));
    }

    [Test]
    public void Run_WhenTheInstallerExitsWithTheStatusOf3010_PutsThirdPartyBackAndExits194()
    {
        // A Linux status keeps 8 bits: an installer that asks for a reboot (3010; Wine's msiexec too) exits 194.
        var before = Folder();

        var (code, _) = Wrap("exit 194");

        Assert.That(code, Is.EqualTo(194));
        Assert.Multiple(() =>
        {
            Assert.That(Summary().GetProperty("outcome").GetString(), Is.EqualTo("succeeded"), "a reboot request is not a failure");
            Assert.That(Summary().GetProperty("installerExitCode").GetInt32(), Is.EqualTo(InstallerExitCodes.RebootRequired));
            Assert.That(Summary().GetProperty("installerExitStatus").GetInt32(), Is.EqualTo(194));
            Assert.That((Summary().GetProperty("exitCode").GetInt32(), Summary().GetProperty("exitStatus").GetInt32()), Is.EqualTo((3010, 194)));
            Assert.That(Summary().GetProperty("restored").GetBoolean(), Is.False);
        });
        AssertThirdPartyBack(before);
    }

    [Test]
    public void Run_WhenTheCertDirDoesNotExist_Exits1639BeforeTheInstallerRuns()
    {
        var mistyped = _certs + "x";

        using var process = Start(["run", "--certdir", mistyped, "--backupdir", _backups, "--json", _json, "--", "sh", Script("exit 0")]);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(103), "1639 in 8 bits");
        Assert.That(output, Does.Contain("CI1006").And.Contain(mistyped));
        Assert.That(File.Exists(Path.Combine(_root.Path, "installer-ran")), Is.False, "the installer did not run");
        Assert.That(Directory.Exists(_backups), Is.False, "nothing was written");
        Assert.That(Directory.Exists(mistyped), Is.False);
    }

    [Test]
    public void Run_WithAllowMissingCertDir_RunsAFirstInstallAndSaysThereWasNothingToProtect()
    {
        Directory.Delete(_certs, recursive: true);

        var (code, _) = Wrap("exit 0", "--allow-missing-certdir");

        Assert.That(code, Is.Zero);
        Assert.That(File.Exists(Path.Combine(_root.Path, "installer-ran")), Is.True);
        Assert.That((Summary().GetProperty("outcome").GetString(), Summary().GetProperty("certDirExisted").GetBoolean()), Is.EqualTo(("succeeded", false)));
    }

    [Test]
    public void Run_WhenTheInstallerFails_RestoresTheExactFolderAndExitsWithItsCode()
    {
        File.WriteAllText(Path.Combine(_certs, "ServerGroup", "ServerGroupCertificate.cer.1"), "an admin's copy");
        var before = Folder();

        var (code, _) = Wrap("exit 1603");

        Assert.That(code, Is.EqualTo(1603 & 0xFF));
        Assert.That(Folder(), Is.EqualTo(before));
        Assert.That((Summary().GetProperty("installerExitCode").GetInt32(), Summary().GetProperty("restored").GetBoolean()), Is.EqualTo((1603 & 0xFF, true)));
    }

    [Test]
    public void Run_WhenTheInstallerIsKilled_RestoresTheExactFolderAndExitsWithItsStatus()
    {
        var before = Folder();

        var (code, _) = Wrap("kill -9 $$");

        Assert.That(code, Is.EqualTo(128 + 9), "a child killed by SIGKILL");
        Assert.That(Folder(), Is.EqualTo(before));
        Assert.That(Summary().GetProperty("outcome").GetString(), Is.EqualTo("installerFailed"));
    }

    [Test]
    public void Run_WhenTheWrapperIsKilled_TheNextRunFinishesTheJob()
    {
        var before = Folder();
        using (var wrapper = Start(["run", "--certdir", _certs, "--backupdir", _backups, "--", "sh", Script("sleep 60")]))
        {
            var ran = Path.Combine(_root.Path, "installer-ran");
            for (var i = 0; i < 300 && !File.Exists(ran); i++) Thread.Sleep(100);
            Assert.That(File.Exists(ran), Is.True, "the installer ran");
            wrapper.Kill(entireProcessTree: true);
            wrapper.WaitForExit();
        }

        var statePath = Path.Combine(_backups, WrapperRunState.FileName);
        Assert.That(File.Exists(statePath), Is.True, "the killed run's state stays");
        // The kill reaches the installer's process tree asynchronously; a next run refuses (1618) while it still runs.
        var installerPid = JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.GetProperty("installer").GetProperty("processId").GetInt32();
        for (var i = 0; i < 100 && Alive(installerPid); i++) Thread.Sleep(100);

        Assert.That(File.Exists(Path.Combine(_backups, "transaction-" + WrapperOptions.ProductCode + ".json")), Is.True, "its marker stays");

        var (code, _) = Wrap("exit 0");

        Assert.That(code, Is.Zero);
        Assert.That(Summary().GetProperty("finishedInterruptedRun").GetBoolean(), Is.True);
        AssertThirdPartyBack(before);
        Assert.That(File.Exists(Path.Combine(_backups, WrapperRunState.FileName)), Is.False);
    }

    [TestCase("--validation", "strict")]
    [TestCase("--retain", "0")]
    [TestCase("--preserve", "maybe")]
    public void Run_WhenAnOptionIsBad_Exits1639AndRunsNothing(string option, string value)
    {
        var before = Folder();

        var (code, output) = Wrap("exit 0", option, value);

        Assert.That(code, Is.EqualTo(InstallerExitCodes.InvalidCommandLine & 0xFF));
        Assert.That(output, Does.Contain(option));
        Assert.That(File.Exists(Path.Combine(_root.Path, "installer-ran")), Is.False);
        Assert.That(Folder(), Is.EqualTo(before));
    }

    [Test]
    public void Run_WhenNoInstallerCommandIsGiven_PrintsInputMissingAndExits1639()
    {
        using var stdout = new StringWriter();

        var code = RunVerb.Run(["--certdir", _certs], stdout);

        Assert.That(code, Is.EqualTo(InstallerExitCodes.InvalidCommandLine));
        Assert.That(stdout.ToString(), Does.Contain(CodeRegistry.Of(InputErrorCode.InputMissing).Text + " no installer command"));
        Assert.That(Directory.Exists(_backups), Is.False, "no snapshot");
    }

    [Test]
    public void Run_WhenThePolicyFileIsBroken_Exits1639BeforeAnythingRuns()
    {
        var policy = Path.Combine(_root.Path, "policy.json");
        File.WriteAllText(policy, """{ "minRsaBits": """);

        var (code, output) = Wrap("exit 0", "--policy", policy);

        Assert.That(code, Is.EqualTo(InstallerExitCodes.InvalidCommandLine & 0xFF));
        Assert.That(output, Does.Contain(policy));
        Assert.That(output, Does.Contain(CodeRegistry.Of(PolicyErrorCode.PolicyNotJson).Text + " PolicyNotJson: policy " + policy), "the policy's own code");
        Assert.That(File.Exists(Path.Combine(_root.Path, "installer-ran")), Is.False, "nothing runs under a policy that cannot be applied");
        Assert.That(Directory.Exists(_backups), Is.False, "no snapshot");
    }

    [TestCase(false, 0)]
    [TestCase(true, 1603 & 0xFF)]
    public void Run_UnderEnforce_ThePolicyDecidesTheVerdict(bool strictPolicy, int expected)
    {
        // The same install and folder: a policy that asks for 8192-bit keys makes the 2048-bit folder invalid.
        var before = Folder();
        var policy = Path.Combine(_root.Path, "policy.json");
        File.WriteAllText(policy, strictPolicy ? """{ "minRsaBits": 8192 }""" : """{ "minRsaBits": 2048 }""");

        var (code, _) = Wrap("exit 0", "--validation", "enforce", "--policy", policy);

        Assert.That(code, Is.EqualTo(expected));
        if (strictPolicy)
        {
            Assert.That(Folder(), Is.EqualTo(before), "enforce restored the exact folder");
            Assert.That((Summary().GetProperty("exitCode").GetInt32(), Summary().GetProperty("exitStatus").GetInt32()), Is.EqualTo((1603, 67)),
                "the summary names the code meant and the process status");
            Assert.That(Summary().GetProperty("productInstalled").GetBoolean(), Is.True, "the installer succeeded: the product stays installed");
            Assert.That(Summary().GetProperty("next").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public void Run_WhenNoCommandFollows_Exits1639()
    {
        using var process = Start(["run", "--certdir", _certs, "--backupdir", _backups]);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(InstallerExitCodes.InvalidCommandLine & 0xFF));
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
