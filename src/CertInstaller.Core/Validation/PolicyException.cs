using CertInstaller.Core.Codes;

namespace CertInstaller.Core.Validation;

/// <summary>A policy file that cannot be used: its code, the file, the setting, the problem and the fix. The message
/// carries the code, so every host that prints it prints the code ("CI14005 PolicySettingUnknown: policy p.json ...").</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">What is wrong, as a registry code.</param>
    /// <param name="source">The policy file (or the name the JSON came from).</param>
    /// <param name="problem">What is wrong, naming the setting, e.g. "minRsaBits must be a whole number from 512 to 16384".</param>
    /// <param name="fix">What to do about it.</param>
    /// <param name="setting">The setting concerned, when one is.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public PolicyException(PolicyErrorCode code, string source, string problem, string fix, string? setting = null, Exception? inner = null)
        : base($"{CodeRegistry.Of(code).Text} {code}: policy {source}: {problem}. Fix: {fix}", inner)
    {
        Code = code;
        PolicyFile = source;
        Problem = problem;
        Fix = fix;
        Setting = setting;
    }

    /// <summary>What is wrong, as a registry code.</summary>
    public PolicyErrorCode Code { get; }

    /// <summary>The policy file.</summary>
    public string PolicyFile { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What to do.</summary>
    public string Fix { get; }

    /// <summary>The setting concerned, or null when the problem is the whole file.</summary>
    public string? Setting { get; }
}
