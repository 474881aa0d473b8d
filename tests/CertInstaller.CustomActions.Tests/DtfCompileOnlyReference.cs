// COMPILE-ONLY REFERENCE, tests only, never packaged: the few members of WixToolset.Dtf.WindowsInstaller
// (WixToolset.Dtf.CustomAction 6.0.2) that src/CertInstaller.CustomActions uses, so Linux CI compiles and runs
// those sources. The Windows build compiles them against the real package.
namespace WixToolset.Dtf.WindowsInstaller;

/// <summary>Compile-only stand-in for DTF's ActionResult (same member names).</summary>
public enum ActionResult
{
    /// <summary>The action succeeded.</summary>
    Success,
    /// <summary>The user cancelled.</summary>
    UserExit,
    /// <summary>The action failed; the install rolls back.</summary>
    Failure,
    /// <summary>Suspend.</summary>
    Suspend,
    /// <summary>Skip the remaining actions.</summary>
    SkipRemainingActions,
    /// <summary>Not executed.</summary>
    NotExecuted,
}

/// <summary>Compile-only stand-in for DTF's CustomActionAttribute.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CustomActionAttribute : Attribute;

/// <summary>Compile-only stand-in for DTF's Session: the property indexer and Log, recorded for assertions.</summary>
public class Session(IReadOnlyDictionary<string, string> properties)
{
    /// <summary>What the action logged, in order.</summary>
    public List<string> Logged { get; } = [];

    /// <summary>A property value ("" when unset), as Windows Installer returns it.</summary>
    public string this[string property] => properties.TryGetValue(property, out var v) ? v : "";

    /// <summary>Writes a line to the installer log.</summary>
    public void Log(string msg) => Logged.Add(msg);
}
