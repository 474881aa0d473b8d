namespace CertInstaller.Installer.Wrapper;

/// <summary>One option of <c>certinstaller-action run</c> and the fragment property it stands for.</summary>
/// <param name="Name">The option, e.g. <c>--certdir</c>.</param>
/// <param name="Property">The public property of the custom-action fragment with the same meaning.</param>
/// <param name="ActionDataKey">The ActionData key it sets; null when the option has no ActionData key yet.</param>
/// <param name="Default">The default as the README shows it; empty when there is none.</param>
/// <param name="Repeatable">Whether the option may be given more than once.</param>
public sealed record WrapperOption(string Name, string Property, string? ActionDataKey, string Default, bool Repeatable = false);

/// <summary>
/// The options of <c>certinstaller-action run</c>: named like the fragment's <c>CERTINSTALLER_*</c> properties, with the
/// same defaults, and turned into the same <see cref="ActionData"/> the custom actions get, by the same parser.
/// </summary>
public static class WrapperOptions
{
    /// <summary>The product code the wrapper's transaction marker is kept under (<c>transaction-certinstaller-run.json</c>).</summary>
    public const string ProductCode = "certinstaller-run";

    /// <summary>The default backup root as the README writes it (the fragment's <c>[CommonAppDataFolder]CertInstaller\Backups\</c>).</summary>
    public static string DefaultBackupDirText { get; } = ActionDataSchema.Field("BackupDir").Default;

    /// <summary>The default backup root on Linux (and other Unix): state that must survive reboots and upgrades, not <c>/usr/share</c>.</summary>
    public const string DefaultUnixBackupDir = "/var/lib/certinstaller/backups";

    /// <summary>Every option, in the order of the README table: the schema's rows that have an option.</summary>
    public static IReadOnlyList<WrapperOption> All { get; } = ActionDataSchema.Fields
        .Where(f => f.Option is not null)
        .Select(f => new WrapperOption(f.Option!, f.Property, f.Key, f.Default, f.Repeatable))
        .ToList();

    /// <summary>
    /// The ActionData of a wrapped run: the given options (a missing or empty one takes its default), parsed by
    /// <see cref="ActionDataSerializer.Parse"/> like the custom actions' data, product code <see cref="ProductCode"/> and,
    /// as the product version, the command, so the snapshot's reason names it.
    /// </summary>
    /// <param name="given">Option name → values given (repeatable options may hold several).</param>
    /// <param name="command">The command the wrapper runs.</param>
    /// <param name="defaultBackupDir">The backup root when <c>--backupdir</c> is not given (the host resolves
    /// <see cref="DefaultBackupDirText"/> on its machine; Core reads no environment).</param>
    /// <exception cref="ActionDataException">A value is bad; each problem starts with the option to fix.</exception>
    public static ActionData ToActionData(IReadOnlyDictionary<string, IReadOnlyList<string>> given, InstallerCommand command, string defaultBackupDir)
    {
        var problems = new List<ActionDataProblem>();
        var pairs = new List<string>();
        foreach (var option in All.Where(o => o.ActionDataKey is not null))
        {
            var values = given.TryGetValue(option.Name, out var v) ? v.Where(x => x.Length > 0).ToList() : [];
            if (!option.Repeatable && values.Count > 1)
            {
                problems.Add(new(ActionDataProblemCode.DuplicateKey, option.Name, $"{option.Name} is given {values.Count} times"));
            }

            if (option.Repeatable && values.Any(x => x.IndexOf(ActionDataSerializer.PatternSeparator) >= 0))
            {
                problems.Add(new(ActionDataProblemCode.PatternInvalid, option.Name, $"{option.Name}: a pattern cannot contain '{ActionDataSerializer.PatternSeparator}'; give each pattern its own {option.Name}"));
            }

            var value = option.Repeatable ? string.Join(ActionDataSerializer.PatternSeparator.ToString(), values) : values.LastOrDefault() ?? "";
            if (option.Name == "--backupdir" && value.Length == 0)
            {
                value = defaultBackupDir;
            }

            if (option.Name is "--certdir" or "--backupdir" && value.Length > 0)
            {
                value = Path.GetFullPath(value);
            }

            pairs.Add(option.ActionDataKey + "=" + value.Replace(";", ";;"));
        }

        if (problems.Count > 0)
        {
            throw new ActionDataException(problems);
        }

        ActionData data;
        try
        {
            data = ActionDataSerializer.Parse(string.Join(";", pairs));
        }
        catch (ActionDataException e)
        {
            // The parser names the key (and the property); the administrator of a wrapped run needs the option.
            throw new ActionDataException(e.Items.Select(p =>
                All.FirstOrDefault(o => o.ActionDataKey is { } key && key == p.Key) is { } o
                    ? p with { Key = o.Name, Message = $"{o.Name}: {p.Message}" }
                    : p).ToList());
        }

        return data with { ProductCode = ProductCode, ProductVersion = command.Display, Mode = InstallMode.Install };
    }
}
