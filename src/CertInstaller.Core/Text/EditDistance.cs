namespace CertInstaller.Core.Text;

/// <summary>The Levenshtein distance of two short strings: how a misspelt option is matched to the one meant.</summary>
/// <remarks>System.CommandLine suggests unknown tokens itself, but certharness also needs it where the parser has
/// already accepted the token (a misspelt <c>--password</c> whose value must be hidden): one implementation for both.</remarks>
public static class EditDistance
{
    /// <summary>The number of single-character insertions, deletions or substitutions that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Of(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
