namespace CertInstaller.Harness.Rendering;

/// <summary>What a verb prints on stdout: readable text, JSON, or JUnit XML for CI pipelines.</summary>
internal enum OutputFormat
{
    /// <summary>Readable text (the default).</summary>
    Text,

    /// <summary>Indented camelCase JSON (<c>--json</c> or <c>--format json</c>).</summary>
    Json,

    /// <summary>JUnit XML (<c>--format junit</c>), for Azure DevOps, GitLab and Jenkins test reports.</summary>
    JUnit,
}
