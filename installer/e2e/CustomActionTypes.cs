namespace CertInstaller.MsiKit;

/// <summary>Windows Installer CustomAction.Type bits (msidbCustomActionType*), as WiX computes them.</summary>
public static class CustomActionTypes
{
    public const int ExeFromBinary = 2;        // msidbCustomActionTypeExe + msidbCustomActionTypeBinaryData
    public const int ExeInDirectory = 34;      // msidbCustomActionTypeExe + msidbCustomActionTypeDirectory
    public const int SetFormattedProperty = 51; // msidbCustomActionTypeTextData + msidbCustomActionTypeProperty
    public const int ContinueOnFailure = 0x40;  // Return="ignore"
    public const int Async = 0x80;              // Return="asyncWait"
    public const int Rollback = 0x100;
    public const int Commit = 0x200;
    public const int InScript = 0x400;          // deferred
    public const int NoImpersonate = 0x800;
    public const int HideTarget = 0x2000;

    /// <summary>The Type column of a CustomAction element, with <paramref name="source"/> the exe kind (2 or 34).</summary>
    public static int For(WxsCustomAction action, int source)
    {
        var type = source + action.Execute switch
        {
            "immediate" => 0,
            "deferred" => InScript,
            "rollback" => InScript | Rollback,
            "commit" => InScript | Commit,
            _ => throw new InvalidDataException($"custom action {action.Id}: Execute=\"{action.Execute}\" is not supported by the kit"),
        };
        type += action.Return switch
        {
            "check" => 0,
            "ignore" => ContinueOnFailure,
            _ => throw new InvalidDataException($"custom action {action.Id}: Return=\"{action.Return}\" is not supported by the kit"),
        };
        if (!action.Impersonate && (type & InScript) != 0)
        {
            type |= NoImpersonate;
        }

        if (action.HideTarget)
        {
            type |= HideTarget;
        }

        return type;
    }

    /// <summary>
    /// The certinstaller-action operation of a DTF entry point: "RestoreOnRollback" becomes "restore-on-rollback".
    /// </summary>
    public static string Operation(string dllEntry)
    {
        var chars = new List<char>();
        for (var i = 0; i < dllEntry.Length; i++)
        {
            var c = dllEntry[i];
            if (char.IsUpper(c) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(c));
        }

        return new string(chars.ToArray());
    }
}
