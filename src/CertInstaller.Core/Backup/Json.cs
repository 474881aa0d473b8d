using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>The JSON settings of every file the Backup area writes (camelCase, enums as names).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true); // shared, so immutable
        return options;
    }

    public static void WriteNew<T>(IFileSystem fs, string path, T value, bool privateAccess)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Options));
        using var stream = fs.CreateNew(path, privateAccess);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
    }

    public static T Read<T>(IFileSystem fs, string path)
    {
        using var stream = fs.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new JsonException($"'{path}' holds JSON null.");
    }
}
