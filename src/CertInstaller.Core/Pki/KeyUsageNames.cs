namespace CertInstaller.Core.Pki;

/// <summary>One spelling of key usage bits for every verb (inspect, import-check, validate): RFC 5280's names, in bit order.</summary>
public static class KeyUsageNames
{
    /// <summary>The names of the bits set in <paramref name="flags"/>, digitalSignature first.</summary>
    public static IReadOnlyList<string> Of(KeyUsageFlags flags) =>
        ((KeyUsageFlags[])Enum.GetValues(typeof(KeyUsageFlags)))
            .Where(f => f != KeyUsageFlags.None && (flags & f) == f)
            .OrderByDescending(f => f == KeyUsageFlags.DecipherOnly ? 0 : (int)f)
            .Select(f => char.ToLowerInvariant(f.ToString()[0]) + f.ToString().Substring(1))
            .ToList();

    /// <summary>The names joined with ", ".</summary>
    public static string Text(KeyUsageFlags flags) => string.Join(", ", Of(flags));
}
