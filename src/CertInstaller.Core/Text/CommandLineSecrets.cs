using System.Text.RegularExpressions;

namespace CertInstaller.Core.Text;

/// <summary>
/// The one place that decides which values of a command line are secrets, for every host: the wrapper's
/// <c>certinstaller-action run</c> (stdout, the action log, the run state, the <c>--json</c> summary, snapshot reasons) and
/// certharness's parse errors. A value is secret when its key name matches one of <see cref="NamePatterns"/>, in any of
/// the forms a Windows or Unix installer takes it: <c>/p:NAME=V</c> (also <c>-p:</c>, <c>/property:</c>), <c>NAME=V</c>,
/// <c>--NAME V</c> / <c>-NAME V</c> / <c>/NAME V</c>, <c>--NAME=V</c> / <c>--NAME:V</c>, and <c>-pVALUE</c> (a password
/// glued to <c>-p</c>, as mysql and 7-Zip take it). README's security section lists them; to add a name, add its pattern
/// to <see cref="NamePatterns"/> and a case to CommandLineSecretsTests.
/// </summary>
public static class CommandLineSecrets
{
    /// <summary>What a secret value is shown as.</summary>
    public const string Mask = "***";

    /// <summary>Key names whose value is secret: case-insensitive, <c>*</c> stands for any run of characters (so
    /// <c>*PASS</c> is a name ending in PASS: <c>PFX_PASS</c>, <c>--db-pass</c>). Over-masking is accepted: a
    /// <c>KEYBOARD=1</c> is shown as <c>KEYBOARD=***</c>.</summary>
    public static IReadOnlyList<string> NamePatterns { get; } =
        ["*PASSWORD*", "*PASSWD*", "*PASSPHRASE*", "*PWD*", "*PASS", "*SECRET*", "*KEY*", "*TOKEN*", "*CREDENTIAL*"];

    private static readonly Regex[] Patterns = NamePatterns
        .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline))
        .ToArray();

    // NAME=V, with an optional /p: -p: /property: --define: in front; --NAME=V and -NAME=V are NAME=V with dashes.
    private static readonly Regex Assignment = new(
        @"^(?<lead>(?:[/-]{1,2}[A-Za-z]+:)?)(?<name>[-/]{0,2}[A-Za-z0-9_.\-]+)=(?<value>.+)$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // --NAME:V, -NAME:V, /NAME:V.
    private static readonly Regex ColonOption = new(
        @"^(?<option>(?:--?|/)(?<name>[A-Za-z][A-Za-z0-9_.\-]*)):(?<value>.+)$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // --NAME, -NAME, /NAME: its value is the next argument.
    private static readonly Regex BareOption = new(
        @"^(?:--?|/)(?<name>[A-Za-z][A-Za-z0-9_.\-]*)$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>True when <paramref name="name"/> (leading <c>-</c> and <c>/</c> ignored) matches a pattern of <see cref="NamePatterns"/>.</summary>
    public static bool IsSecretName(string name)
    {
        var bare = name.TrimStart('-', '/');
        return bare.Length > 0 && Patterns.Any(p => p.IsMatch(bare));
    }

    /// <summary>True for an option name that is a secret name or a misspelling of <c>--password</c> (<c>--pasword</c>,
    /// <c>--passwrd</c>, <c>--pssword</c>): a CLI that reports an unknown option must not print the value that follows it.</summary>
    public static bool IsSecretOrMisspeltName(string option)
    {
        var name = option.TrimStart('-', '/').ToLowerInvariant();
        return IsSecretName(name) || name.Contains("pas") || name.Contains("pw")
            || EditDistance.Of(name, "password") <= 2 || (name.Length > 8 && EditDistance.Of(name.Substring(0, 8), "password") <= 2);
    }

    /// <summary><paramref name="arguments"/> with every secret value replaced by <see cref="Mask"/> (option names stay).</summary>
    public static IReadOnlyList<string> MaskArguments(IReadOnlyList<string> arguments) => Scan(arguments, IsSecretName).Masked;

    /// <summary>The secret values of <paramref name="arguments"/>, longest first, to hide them in free text (a parser's
    /// message). With <paramref name="tolerateMisspellings"/> a misspelt <c>--password</c> counts as a secret option too.</summary>
    public static IReadOnlyList<string> Values(IReadOnlyList<string> arguments, bool tolerateMisspellings = false) =>
        Scan(arguments, tolerateMisspellings ? IsSecretOrMisspeltName : IsSecretName).Values
            .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToList();

    /// <summary><paramref name="text"/> with each of <paramref name="values"/> replaced by <paramref name="shownAs"/>.</summary>
    public static string Redact(string text, IEnumerable<string> values, string shownAs = Mask) =>
        values.Where(v => v.Length > 0).OrderByDescending(v => v.Length).Aggregate(text, (t, v) => t.Replace(v, shownAs));

    private static (List<string> Masked, List<string> Values) Scan(IReadOnlyList<string> arguments, Func<string, bool> secret)
    {
        var masked = new List<string>(arguments.Count);
        var values = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var token = arguments[i];
            Match m;
            if ((m = Assignment.Match(token)).Success && secret(m.Groups["name"].Value))
            {
                masked.Add(m.Groups["lead"].Value + m.Groups["name"].Value + "=" + Mask);
                values.Add(m.Groups["value"].Value);
                continue;
            }

            if ((m = ColonOption.Match(token)).Success && secret(m.Groups["name"].Value))
            {
                masked.Add(m.Groups["option"].Value + ":" + Mask);
                values.Add(m.Groups["value"].Value);
                continue;
            }

            var glued = token.Length > 2 && token.StartsWith("-p", StringComparison.Ordinal) && token[2] != ':';
            var valueFollows = (m = BareOption.Match(token)).Success && secret(m.Groups["name"].Value);
            if (glued)
            {
                // -pVALUE: the text after -p may be the password itself. -password X is also -p + "assword": both hidden.
                masked.Add("-p" + Mask);
                values.Add(token.Substring(2));
            }
            else
            {
                masked.Add(token);
            }

            if (valueFollows && i + 1 < arguments.Count)
            {
                masked.Add(Mask);
                values.Add(arguments[++i]);
            }
        }

        return (masked, values);
    }

}
