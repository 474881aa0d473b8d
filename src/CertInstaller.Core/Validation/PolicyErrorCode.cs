namespace CertInstaller.Core.Validation;

/// <summary>Why a policy file (a validation policy, a CSR policy) cannot be used; each value is its printed number
/// (CI14001…). Never renumbered.</summary>
public enum PolicyErrorCode
{
    /// <summary>CI14001: the policy file cannot be opened or read (missing, access denied, an I/O error).</summary>
    PolicyUnreadable = 14001,

    /// <summary>CI14002: the policy file is larger than any policy needs (<see cref="ValidationPolicy.MaxPolicyBytes"/>); refused unread.</summary>
    PolicyTooLarge = 14002,

    /// <summary>CI14003: the policy file is not valid JSON.</summary>
    PolicyNotJson = 14003,

    /// <summary>CI14004: the policy file's JSON is not one object of settings.</summary>
    PolicyNotAnObject = 14004,

    /// <summary>CI14005: a setting the policy does not know (a misspelt name).</summary>
    PolicySettingUnknown = 14005,

    /// <summary>CI14006: a setting's value has the wrong JSON type (a number where a string belongs, ...).</summary>
    PolicyValueWrongType = 14006,

    /// <summary>CI14007: a number that is not whole or lies outside the setting's range.</summary>
    PolicyNumberOutOfRange = 14007,

    /// <summary>CI14008: minDigest is not a digest name.</summary>
    PolicyDigestUnknown = 14008,

    /// <summary>CI14009: a severity that is not one of the names the setting accepts.</summary>
    PolicySeverityUnknown = 14009,

    /// <summary>CI14010: severities names a code the product does not report.</summary>
    PolicyCodeUnknown = 14010,

    /// <summary>CI14011: a CSR policy names a subject attribute that is not one.</summary>
    PolicySubjectAttributeUnknown = 14011,

    /// <summary>CI14012: a CSR policy's required SAN has an unknown type or a value that is not of its type.</summary>
    PolicySanInvalid = 14012,
}
