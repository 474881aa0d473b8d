using System.Diagnostics;
using System.Net.Sockets;

namespace CertInstaller.Core.Tests.IO;

/// <summary>FIFOs, sockets and device files for the tests of folders that hold them, and a time limit for code that
/// would hang on them.</summary>
public static class SpecialFiles
{
    /// <summary>Makes a FIFO at <paramref name="path"/> (mkfifo).</summary>
    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Run("mkfifo", path);
        return path;
    }

    /// <summary>Makes a Unix domain socket at <paramref name="path"/>; dispose the socket after the test.</summary>
    public static Socket UnixSocket(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>Makes a zero device (character 1,5: endless zero bytes) at <paramref name="path"/>; false when this
    /// account may not (only root can mknod).</summary>
    public static bool ZeroDevice(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Environment.UserName == "root" && Run("mknod", path, "c", "1", "5") == 0;
    }

    /// <summary>Runs <paramref name="action"/> and fails the test (a <see cref="TimeoutException"/>, so this library needs no
    /// test framework) when it takes longer than <paramref name="seconds"/> (a read blocked on a FIFO is then released by
    /// opening the FIFOs in <paramref name="fifos"/> for writing).</summary>
    public static T Within<T>(int seconds, Func<T> action, params string[] fifos)
    {
        var task = Task.Factory.StartNew(action, TaskCreationOptions.LongRunning);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            foreach (var fifo in fifos)
            {
                try
                {
                    using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                }
                catch (IOException)
                {
                }
            }

            throw new TimeoutException($"did not finish within {seconds} s (blocked on a FIFO or device?)");
        }

        return task.GetAwaiter().GetResult();
    }

    private static int Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
