namespace CertInstaller.Harness.Rendering;

/// <summary>The one way a verb prints its view: text, JSON or JUnit XML, by <see cref="OutputFormat"/>.</summary>
internal static class Renderer
{
    /// <summary>Writes <paramref name="view"/> to <paramref name="writer"/> in <paramref name="format"/>.</summary>
    public static void Render<T>(T view, OutputFormat format, TextWriter writer)
        where T : notnull
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonRenderer.Write(view, writer);
                break;
            case OutputFormat.JUnit:
                JUnitRenderer.Write(JUnitCases.Of(view), writer);
                break;
            default:
                TextRenderer.Write(view, writer);
                break;
        }
    }
}
