using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>The JSON settings of every file the Backup area writes (camelCase, enums as names).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Serialization.CoreJsonContext.WithEnumNames(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
        });
        options.MakeReadOnly(); // shared, so immutable
        return options;
    }

    /// <summary>Creates <paramref name="path"/> (it must not exist) and flushes it to disk.</summary>
    public static void WriteNew<T>(IFileSystem fs, string path, T value, bool privateAccess) =>
        Durable.WriteNew(fs, path, Bytes(value), privateAccess);

    /// <summary>Replaces <paramref name="path"/> durably: temp file, flush, rename, directory sync.</summary>
    public static void WriteReplace<T>(IFileSystem fs, string path, T value, bool privateAccess) =>
        Durable.Replace(fs, path, Bytes(value), privateAccess);

    public static byte[] Bytes<T>(T value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Info<T>()));

    // Source-generated contracts (Serialization.CoreJsonContext), so NativeAOT hosts can write and read these files.
    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static T Read<T>(IFileSystem fs, string path)
    {
        using var stream = fs.OpenRead(path);
        return JsonSerializer.Deserialize(stream, Info<T>())
            ?? throw new JsonException($"'{path}' holds JSON null.");
    }
}
