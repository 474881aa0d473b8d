using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Harness.Common;

/// <summary>Turns Core errors into text naming the file, with the code and the harness's fix hint (<see cref="Hints"/>).</summary>
internal static class Errors
{
    /// <summary>"CI1101 Unreadable: path: problem (hint)": the harness hint for the code replaces Core's host-neutral one where there is one.</summary>
    public static string Describe(ReadError error)
    {
        var code = CodeRegistry.Of(error.Code);
        return $"{code.Text} {code.Name}: {Uncoded(error)}";
    }

    /// <summary>A usage error (exit code 2) for a file that could not be read; the error exit prints its code.</summary>
    public static HarnessException Unreadable(ReadError error) => new(CodeRegistry.Of(error.Code), Uncoded(error));

    /// <summary>A usage error (exit code 2) for a chain problem that refuses the input before any path is built.</summary>
    public static HarnessException Refused(ChainProblem problem, string file) => new(CodeRegistry.Of(problem.Code), $"{file}: {problem.Message}");

    private static string Uncoded(ReadError error)
    {
        var hint = Hints.For(CodeRegistry.Of(error.Code)) ?? error.Hint;
        return Core.Text.Printable.Escape($"{error.Path}: {error.Problem} ({hint})");
    }

    /// <summary>"CI10005 SnapshotNotFound: path: problem Fix: fix (hint)", for stderr.</summary>
    public static string Describe(BackupException error)
    {
        var code = CodeRegistry.Of(error.Code);
        return Core.Text.Printable.Escape(Hints.Append(
            $"{code.Text} {code.Name}: {(error.FilePath is null ? "" : error.FilePath + ": ")}{error.Problem} Fix: {error.Fix}", code));
    }
}
