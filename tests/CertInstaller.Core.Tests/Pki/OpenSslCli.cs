using System.Diagnostics;

namespace CertInstaller.Core.Tests.Pki;

/// <summary>Runs /usr/bin/openssl (or openssl on PATH); a missing openssl fails the calling test.</summary>
internal static class OpenSslCli
{
    public static string Run(string arguments, string? stdin = null)
    {
        var (code, stdout, stderr) = TryRun(arguments, stdin);
        if (code != 0)
        {
            Assert.Fail($"openssl {arguments} exited {code}: {stderr}");
        }

        return stdout;
    }

    public static (int Code, string Stdout, string Stderr) TryRun(string arguments, string? stdin = null)
    {
        var exe = File.Exists("/usr/bin/openssl") ? "/usr/bin/openssl" : "openssl";
        var info = new ProcessStartInfo(exe, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Assert.Fail($"openssl is required for this test and could not be started: {e.Message}");
            throw;
        }

        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdoutTask.Result, stderr);
        }
    }
}
