namespace CertInstaller.Harness.Rendering;

/// <summary>Writes a verb's view as JSON (<c>--json</c>) or as its text form: the one switch between the two renderers.</summary>
internal static class ViewOutput
{
    /// <summary>JSON through <see cref="JsonRenderer"/> when <paramref name="json"/>, otherwise <paramref name="text"/>.</summary>
    public static void Write<T>(T view, bool json, TextWriter output, Action<T, TextWriter> text)
    {
        if (json)
        {
            JsonRenderer.Write(view, output);
        }
        else
        {
            text(view, output);
        }
    }
}
