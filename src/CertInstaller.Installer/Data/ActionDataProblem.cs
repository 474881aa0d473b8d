using CertInstaller.Core.Codes;

namespace CertInstaller.Installer.Data;

/// <summary>One problem of ActionData: its code, the key it is about and one sentence naming the value and the fix.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Key">The ActionData key (or wrapper option) concerned.</param>
/// <param name="Message">The problem and the property or option to fix; values quoted escaped and shortened.</param>
public sealed record ActionDataProblem(ActionDataProblemCode Code, string Key, string Message)
{
    /// <summary>The code as printed: CI + number.</summary>
    public string CodeText => CodeRegistry.Of(Code).Text;

    /// <summary>"CI11004 CertDir is empty: ...", as both hosts print it.</summary>
    public override string ToString() => $"{CodeText} {Message}";
}
