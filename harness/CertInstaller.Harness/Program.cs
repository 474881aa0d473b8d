using System.Diagnostics;

// CERTHARNESS_DEBUG=1: debug lines on stderr (for instance which signature verifier runs for which algorithms).
if (Environment.GetEnvironmentVariable("CERTHARNESS_DEBUG") is { Length: > 0 } and not "0")
{
    Trace.Listeners.Add(new TextWriterTraceListener(Console.Error));
    Trace.AutoFlush = true;
}

// Progress lines are for a person at a terminal: a redirected stderr (a pipeline's log) gets none.
return CertInstaller.Harness.Cli.Run(args, Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
