namespace CertInstaller.Core;

/// <summary>Facts about this build of CertInstaller, recorded in manifests and logs.</summary>
public static class ToolInfo
{
    /// <summary>The informational version of CertInstaller.Core.</summary>
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
