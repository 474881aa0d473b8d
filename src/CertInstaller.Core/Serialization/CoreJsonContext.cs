using System.Text.Json;
using System.Text.Json.Serialization;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Serialization;

/// <summary>
/// The source-generated JSON contracts of the files Core writes and reads (backup manifests, validation marks, locks,
/// restore reports): no reflection, so a NativeAOT or trimmed host (certharness) can use them.
/// A type written through <see cref="Backup.Json"/> must be listed here.
/// </summary>
[JsonSerializable(typeof(SnapshotManifest))]
[JsonSerializable(typeof(ValidationMark))]
[JsonSerializable(typeof(LockHolder))]
[JsonSerializable(typeof(RestoreRecord))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary>Enums as camelCase names, as the files have always held them (one converter per enum: AOT-safe).</summary>
    internal static JsonSerializerOptions WithEnumNames(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter<FileOrigin>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<SkipReason>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<RestoreFileAction>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<StoreCertificateRole>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<MachineStore>());
        options.Converters.Add(new JsonStringEnumConverter<KeyExportability>(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolver = Default;
        return options;
    }
}
