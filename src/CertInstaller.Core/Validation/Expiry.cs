namespace CertInstaller.Core.Validation;

/// <summary>Where a validity period stands at the judged time.</summary>
public enum ExpiryState
{
    /// <summary>In date and not within the policy's warning window.</summary>
    Valid,
    /// <summary>Expires within the policy's expiryWarningDays.</summary>
    ExpiringSoon,
    /// <summary>notAfter is before the judged time.</summary>
    Expired,
    /// <summary>notBefore is after the judged time.</summary>
    NotYetValid,
}

/// <summary>The one reading of a certificate's dates against a judged time and a warning window: the rules' findings and
/// the hosts' pictures of them (the HTML timeline) agree by construction.</summary>
public static class Expiry
{
    /// <summary>The state of [<paramref name="notBefore"/>, <paramref name="notAfter"/>] at <paramref name="at"/>, warning
    /// <paramref name="warningDays"/> days before the end.</summary>
    public static ExpiryState Of(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset at, int warningDays) =>
        notAfter < at ? ExpiryState.Expired
        : notBefore > at ? ExpiryState.NotYetValid
        : notAfter < at.AddDays(warningDays) ? ExpiryState.ExpiringSoon
        : ExpiryState.Valid;
}
