using System.Diagnostics;

// CERTHARNESS_DEBUG=1: debug lines on stderr (for instance which signature verifier runs for which algorithms).
if (Environment.GetEnvironmentVariable("CERTHARNESS_DEBUG") is { Length: > 0 } and not "0")
{
    Trace.Listeners.Add(new TextWriterTraceListener(Console.Error));
    Trace.AutoFlush = true;
}

return CertInstaller.Harness.Cli.Run(args, Console.Out, Console.Error);
