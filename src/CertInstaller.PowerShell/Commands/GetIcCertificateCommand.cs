using System.Management.Automation;
using System.Security;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Get-IcCertificate: certificates, keys, CSRs and PKCS#12 files as objects (certharness inspect).</summary>
[Cmdlet(VerbsCommon.Get, "IcCertificate")]
[OutputType(typeof(IcCertificate), typeof(IcKey), typeof(IcCertificateRequest), typeof(IcPkcs12))]
public sealed class GetIcCertificateCommand : IcCmdlet
{
    private PkiReader? _reader;

    /// <summary>Files to read; wildcards allowed; binds FullName from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    /// <summary>Password of encrypted keys and PKCS#12 files.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <inheritdoc/>
    protected override void BeginProcessing() => _reader = new PkiReader(Plain(Password));

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var given in Path)
        {
            foreach (var file in Files(given))
            {
                var result = _reader!.ReadFile(file);
                if (result.Error is { } error)
                {
                    var code = CodeRegistry.Of(error.Code);
                    WriteError(Coded(code, $"{error.Path}: {error.Problem} ({error.Hint})", ErrorCategory.InvalidData, file));
                    continue;
                }

                foreach (var o in IcObjects.Of(result))
                {
                    WriteObject(o);
                }
            }
        }
    }

    private IEnumerable<string> Files(string given)
    {
        if (WildcardPattern.ContainsWildcardCharacters(given) && !File.Exists(FileSystemPath(given)))
        {
            try
            {
                return GetResolvedProviderPathFromPSPath(given, out _);
            }
            catch (ItemNotFoundException)
            {
                return [];
            }
        }

        return [FileSystemPath(given)];
    }
}
