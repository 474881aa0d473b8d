using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Validation;

namespace CertInstaller.Harness.Common;

/// <summary>The one boundary where the folder verbs' exceptions become a line naming the file and exit code 2.</summary>
internal static class VerbBoundary
{
    public static int Guard(string verb, ParseResult result, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (HarnessException e)
        {
            result.InvocationConfiguration.Error.WriteLine($"certharness {verb}: {e.Message}");
        }
        catch (BackupException e)
        {
            result.InvocationConfiguration.Error.WriteLine($"certharness {verb}: {(e.FilePath is null ? "" : e.FilePath + ": ")}{e.Problem} Fix: {e.Fix}");
        }
        catch (PolicyException e)
        {
            result.InvocationConfiguration.Error.WriteLine($"certharness {verb}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.InvocationConfiguration.Error.WriteLine($"certharness {verb}: {e.Message}");
        }
        return ExitCodes.Usage;
    }
}
