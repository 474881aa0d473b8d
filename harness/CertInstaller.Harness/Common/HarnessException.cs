using CertInstaller.Core.Codes;

namespace CertInstaller.Harness.Common;

/// <summary>Bad usage or unreadable input: printed by <see cref="Cli.Run"/> as one line with its code, naming the file, exit code 2.</summary>
public sealed class HarnessException : Exception
{
    /// <summary>An input error of the harness's own (CI14050…).</summary>
    public HarnessException(InputErrorCode code, string message) : this(CodeRegistry.Of(code), message)
    {
    }

    /// <summary>An error whose code is another area's (a read error, a chain problem, a refused output file).</summary>
    public HarnessException(CodeInfo code, string message) : base(message) => Code = code;

    /// <summary>The registry code printed before the message.</summary>
    public CodeInfo Code { get; }
}
