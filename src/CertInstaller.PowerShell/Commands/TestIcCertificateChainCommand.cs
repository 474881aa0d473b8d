using System.Management.Automation;
using System.Security;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;
using Org.BouncyCastle.X509;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Test-IcCertificateChain: builds and verifies a leaf's chain with Core's ChainBuilder (certharness chain).</summary>
[Cmdlet(VerbsDiagnostic.Test, "IcCertificateChain")]
[OutputType(typeof(IcChainResult))]
public sealed class TestIcCertificateChainCommand : IcCmdlet
{
    /// <summary>The leaf certificate file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>Intermediates: files or folders.</summary>
    [Parameter]
    public string[] Bundle { get; set; } = [];

    /// <summary>Trust anchors: files or folders (self-signed roots unless -PartialChain).</summary>
    [Parameter(Mandatory = true)]
    public string[] Trust { get; set; } = [];

    /// <summary>Verification time (default now).</summary>
    [Parameter]
    public DateTime? At { get; set; }

    /// <summary>A DNS name or IP address the leaf must cover.</summary>
    [Parameter]
    public string? HostName { get; set; }

    /// <summary>The purpose the leaf must allow.</summary>
    [Parameter]
    public ChainPurpose Purpose { get; set; } = ChainPurpose.Any;

    /// <summary>A non-self-signed trust certificate may end the path.</summary>
    [Parameter]
    public SwitchParameter PartialChain { get; set; }

    /// <summary>Password of PKCS#12 inputs.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var reader = new PkiReader(Plain(Password));
        var leafFile = FileSystemPath(Path);
        var leafResult = reader.ReadFile(leafFile);
        if (leafResult.Error is { } error)
        {
            WriteError(Unreadable(error));
            return;
        }

        var certificates = CertificateSource.CertificatesOf(leafResult).ToList();
        if (certificates.Count == 0)
        {
            WriteError(Coded(CodeRegistry.Of(ReadErrorCode.NotPki), $"{leafFile}: no certificate in this file; give the leaf certificate",
                ErrorCategory.InvalidData, Path));
            return;
        }

        var files = new Dictionary<X509Certificate, string>();
        if (Load(Bundle, reader, files) is not { } pool || Load(Trust, reader, files) is not { } trusted)
        {
            return;
        }

        var leaf = LeafSelector.Select(certificates);
        foreach (var certificate in certificates.Where(c => !c.Equals(leaf)))
        {
            pool.Add(certificate);
        }

        files[leaf] = leafFile;
        var when = At is { } at ? new DateTimeOffset(at.ToUniversalTime()) : DateTimeOffset.UtcNow;
        var result = new ChainBuilder().Build(new ChainRequest(leaf, new CertificatePool(pool), new CertificatePool(trusted), when)
        {
            Host = HostName,
            Purpose = HostName is not null && Purpose == ChainPurpose.Any ? ChainPurpose.Server : Purpose,
            PartialChain = PartialChain,
            Files = files,
        });
        WriteObject(new IcChainResult(leafFile, result.Valid,
            result.Path.Select(c => PkiDescriber.DescribeName(c.SubjectDN).OneLine).ToArray(),
            result.Anchor is { } a ? PkiDescriber.DescribeName(a.SubjectDN).OneLine : null,
            result.Problems.Select(p => new IcChainProblem(CodeRegistry.Of(p.Code).Text, p.Code.ToString(), p.Subject, p.File, p.Message)).ToArray(),
            when));
    }

    private List<X509Certificate>? Load(string[] paths, PkiReader reader, Dictionary<X509Certificate, string> files)
    {
        var source = CertificateSource.Collect(paths.Select(FileSystemPath), reader);
        if (source.Errors.FirstOrDefault() is { } error)
        {
            WriteError(Unreadable(error));
            return null;
        }

        foreach (var (path, certificate) in source.Certificates)
        {
            if (!files.ContainsKey(certificate))
            {
                files.Add(certificate, path);
            }
        }

        return source.Certificates.Select(c => c.Certificate).ToList();
    }

    private static ErrorRecord Unreadable(ReadError error) =>
        Coded(CodeRegistry.Of(error.Code), $"{error.Path}: {error.Problem} ({error.Hint})", ErrorCategory.InvalidData, error.Path);
}
