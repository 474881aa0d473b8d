using System.Diagnostics;

namespace CertInstaller.Harness.Tests;

/// <summary>The openssl command line, the independent oracle of the differential tests. A missing openssl fails the test.</summary>
internal static class OpenSsl
{
    public static (int ExitCode, string Output) Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs openssl with extra environment variables (a password for -passin env:...).</summary>
    public static (int ExitCode, string Output) RunWith(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"openssl is required by this test and was not found ({e.Message}); ./test.sh installs it");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
    }
}
