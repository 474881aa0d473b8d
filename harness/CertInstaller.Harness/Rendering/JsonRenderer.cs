using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertInstaller.Harness.Rendering;

/// <summary>Writes a view as indented camelCase JSON; null members are left out.</summary>
internal static class JsonRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T view, TextWriter output)
    {
        output.Write(JsonSerializer.Serialize(view, Options));
        output.WriteLine();
    }
}
