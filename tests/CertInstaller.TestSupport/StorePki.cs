using System.Diagnostics;

namespace CertInstaller.TestSupport;

/// <summary>
/// The PKI of the single third-party certificate mode, made with the openssl command line by store-pki.sh (its header
/// lists the files): a root and an issuing CA, the single certificate (leaf) with its PFX, a renewed, an expired and an
/// expiring one for the same names, an expired copy of the issuing CA, and a certificates folder whose ServerGroup
/// slot holds the leaf. When <see cref="MadeVariable"/> names a folder, its files (made by the script beforehand) are
/// used instead: under Wine a test cannot start openssl (a Unix process has no Windows handle to wait on).
/// </summary>
public sealed class StorePki
{
    /// <summary>The password of every PFX file.</summary>
    public const string PfxPassword = "store-test";

    /// <summary>The environment variable naming a folder the script already filled.</summary>
    public const string MadeVariable = "CERTINSTALLER_STORE_PKI";

    /// <summary>Makes every file under <paramref name="directory"/>, or takes those of <see cref="MadeVariable"/>'s folder.</summary>
    /// <exception cref="InvalidOperationException">The script failed, or the named folder holds no complete PKI.</exception>
    public StorePki(string directory)
    {
        if (Environment.GetEnvironmentVariable(MadeVariable) is { Length: > 0 } made)
        {
            Directory = made;
            if (!File.Exists(P("made")))
                throw new InvalidOperationException($"{MadeVariable}={made} holds no PKI made by store-pki.sh (no 'made' marker): run tests/CertInstaller.TestSupport/store-pki.sh {made} first");
        }
        else
        {
            Directory = directory;
            Make(directory);
        }

        Folder = Path.Combine(Directory, "Certificates");
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>The certificates folder (ServerGroup\ holds the leaf and its key; the local trusted file the CA and root).</summary>
    public string Folder { get; }

    /// <summary>The full path of a fixture file: root.cer, inter.cer, inter-expired.cer, leaf.cer/.key/.pfx, renewed.*, expired.*, soon.*.</summary>
    public string P(string name) => Path.Combine(Directory, name);

    private static void Make(string directory)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "store-pki.sh");
        var start = new ProcessStartInfo(Bash()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Fed on stdin without carriage returns: a Windows checkout may have given the script CRLF line ends.
        // Git's bash takes C:/x/y more surely than C:\x\y.
        foreach (var a in new[] { "-s", "--", OperatingSystem.IsWindows() ? directory.Replace('\\', '/') : directory }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"bash {script} could not be started");
        process.StandardInput.Write(File.ReadAllText(script).Replace("\r", string.Empty));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {directory} exited {process.ExitCode} (openssl and bash are required; ./test.sh installs openssl): {stdout.Result}{stderr}");
    }

    // Git's bash on Windows (the runner's openssl comes with it); WSL's bash.exe in System32 would not see this folder.
    private static string Bash()
    {
        if (!OperatingSystem.IsWindows()) return "bash";
        var git = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "Git", "bin", "bash.exe");
        return File.Exists(git) ? git : "bash";
    }
}
