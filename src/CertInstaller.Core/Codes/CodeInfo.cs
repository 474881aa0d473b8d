using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Codes;

/// <summary>One code as the product prints it: its number, the enum member's name and its area.</summary>
/// <param name="Number">The number printed after "CI"; unique across the product.</param>
/// <param name="Name">The enum member's name, also accepted by policy files.</param>
/// <param name="Area">The area whose range holds <paramref name="Number"/>.</param>
/// <param name="DefaultSeverity">How bad it is unless a policy says otherwise (errors of an operation are always errors).</param>
public sealed record CodeInfo(int Number, string Name, CodeArea Area, Severity DefaultSeverity)
{
    /// <summary>The code as printed: CI + number.</summary>
    public string Text => "CI" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Text;
}
