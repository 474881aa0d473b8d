using System.Diagnostics;

namespace CertInstaller.TestSupport;

/// <summary>
/// The openssl command line, the independent oracle of the differential tests (/usr/bin/openssl, else openssl on PATH).
/// A missing openssl throws, which fails the calling test: it never passes quietly without its oracle.
/// </summary>
public static class OpenSsl
{
    private static readonly string Executable = File.Exists("/usr/bin/openssl") ? "/usr/bin/openssl" : "openssl";

    /// <summary>Runs openssl with <paramref name="args"/>; the exit code and stdout followed by stderr.</summary>
    public static (int ExitCode, string Output) Run(params string[] args) => RunWith(null, args);

    /// <summary>As <see cref="Run"/>, with extra environment variables (a password for -passin env:...).</summary>
    public static (int ExitCode, string Output) RunWith(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Executable);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var (code, stdout, stderr) = Start(start, null);
        return (code, stdout + stderr);
    }

    /// <summary>Runs the openssl argument line <paramref name="arguments"/> (fed <paramref name="stdin"/>) and returns its
    /// stdout; a non-zero exit throws with openssl's stderr.</summary>
    public static string Line(string arguments, string? stdin = null)
    {
        var (code, stdout, stderr) = TryLine(arguments, stdin);
        return code == 0 ? stdout : throw new InvalidOperationException($"openssl {arguments} exited {code}: {stderr}");
    }

    /// <summary>Runs the openssl argument line <paramref name="arguments"/> (fed <paramref name="stdin"/>): exit code, stdout, stderr.</summary>
    public static (int Code, string Stdout, string Stderr) TryLine(string arguments, string? stdin = null) =>
        Start(new ProcessStartInfo(Executable, arguments), stdin);

    private static (int Code, string Stdout, string Stderr) Start(ProcessStartInfo start, string? stdin)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = stdin is not null;
        start.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"openssl is required by this test and could not be started ({e.Message}); ./test.sh installs it", e);
        }

        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
    }
}
