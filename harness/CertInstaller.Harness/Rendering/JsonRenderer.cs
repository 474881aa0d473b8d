using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CertInstaller.Harness.Rendering;

/// <summary>Writes a view as indented camelCase JSON; null members are left out. Contracts come from <see cref="HarnessJsonContext"/>.</summary>
internal static class JsonRenderer
{
    /// <summary>The options of every view: the source-generated contracts, with relaxed escaping (names keep their '&amp;', '+', non-ASCII).</summary>
    internal static readonly HarnessJsonContext Context = new(new JsonSerializerOptions(HarnessJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write<T>(T view, TextWriter output)
    {
        var info = Context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {nameof(HarnessJsonContext)}: add [JsonSerializable(typeof({typeof(T).Name}))] there");
        output.Write(JsonSerializer.Serialize(view, info));
        output.WriteLine();
    }
}
