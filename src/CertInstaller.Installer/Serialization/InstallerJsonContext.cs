using System.Text.Json;
using System.Text.Json.Serialization;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.Installer.Serialization;

/// <summary>
/// The source-generated JSON contracts of the files the installer adapter writes and reads (transaction markers, the
/// wrapper's run state): no reflection, so a NativeAOT or trimmed host can use them. Core's own context names no
/// installer type.
/// </summary>
[JsonSerializable(typeof(TransactionMarker))]
[JsonSerializable(typeof(WrapperRunState))]
internal sealed partial class InstallerJsonContext : JsonSerializerContext
{
    /// <summary>camelCase properties over this context's contracts, indented or not, as each file has always been written.</summary>
    internal static JsonSerializerOptions CamelCase(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            TypeInfoResolver = Default,
        };
        options.MakeReadOnly();
        return options;
    }
}
