namespace CertInstaller.Core.Pki.Chains;

/// <summary>What is wrong with a chain. Each value is its printed number (CI3101…); never renumbered or reused.</summary>
public enum ChainProblemCode
{
    /// <summary>No certificate in the pool or the anchors has the issuer name of this certificate (missing intermediate).</summary>
    IssuerNotFound = 3101,
    /// <summary>The path ends at a self-signed root that is not a trust anchor.</summary>
    UntrustedRoot = 3102,
    /// <summary>The signature of this certificate does not verify with its issuer's public key.</summary>
    BadSignature = 3103,
    /// <summary>This certificate expired before the verification time.</summary>
    Expired = 3104,
    /// <summary>This certificate is not yet valid at the verification time.</summary>
    NotYetValid = 3105,
    /// <summary>This certificate issued another one but its basic constraints do not say cA=TRUE.</summary>
    IssuerNotCa = 3106,
    /// <summary>More CA certificates sit below this CA than its pathLenConstraint allows.</summary>
    PathLengthExceeded = 3107,
    /// <summary>This certificate issued another one but its key usage lacks keyCertSign.</summary>
    IssuerMissingKeyCertSign = 3108,
    /// <summary>Following issuers leads back to a certificate already on the path.</summary>
    Loop = 3109,
    /// <summary>The leaf is self-signed and is not a trust anchor.</summary>
    SelfSignedLeaf = 3110,
    /// <summary>The leaf does not cover the requested host name or address.</summary>
    HostMismatch = 3111,
    /// <summary>The path is longer than the builder's limit.</summary>
    PathTooLong = 3112,
    /// <summary>The path search stopped at its bound on nodes visited or signatures checked (a crafted or pathological pool;
    /// RFC 4158 §2.4 path building, RFC 5280 §6): no valid path was found within it.</summary>
    SearchBudgetExceeded = 3113,
    /// <summary>The path ends at a trust anchor that is not a self-signed root; allowed only with a partial chain
    /// (RFC 5280 §6.1.1(d) trust anchor; openssl -partial_chain).</summary>
    AnchorNotSelfSigned = 3114,
    /// <summary>A critical extension the validator does not process (RFC 5280 §4.2: MUST reject).</summary>
    UnhandledCriticalExtension = 3115,
    /// <summary>An authority or subject key identifier marked critical (RFC 5280 §4.2.1.1, §4.2.1.2: MUST be non-critical).</summary>
    CriticalKeyIdentifier = 3116,
    /// <summary>An extension whose value does not decode, or a critical authority information access
    /// (RFC 5280 §4.2, §4.2.2.1: MUST be non-critical).</summary>
    MalformedExtension = 3117,
    /// <summary>A CA certificate (cA=TRUE or keyCertSign) used as the TLS end entity (BR §7.1.2.7.8): an error under the
    /// web PKI profile, a warning under RFC 5280, which allows it (<see cref="ChainWarnings"/>).</summary>
    CaUsedAsEndEntity = 3118,
    /// <summary>A version 1 or 2 certificate used as an intermediate CA (RFC 5280 §6.1.4(k)).</summary>
    V1Intermediate = 3119,
    /// <summary>A serial number that is negative, zero or longer than 20 octets (RFC 5280 §4.1.2.2).</summary>
    BadSerialNumber = 3120,
    /// <summary>An EC public key with explicit (specified or implicit) curve parameters (RFC 5480 §2.1.1: namedCurve MUST be used).</summary>
    ExplicitCurveParameters = 3121,
    /// <summary>The signature algorithm inside the signed part differs from the outer one (RFC 5280 §4.1.1.2).</summary>
    SignatureAlgorithmMismatch = 3122,
    /// <summary>A signature with MD2 or MD5, which never verifies (RFC 6151 §2, RFC 5280 §4.1.1.2 via RFC 3279).</summary>
    ForbiddenSignatureDigest = 3123,
    /// <summary>A validity time that is not encoded as RFC 5280 §4.1.2.5 requires (UTCTime through 2049, GeneralizedTime
    /// after, Zulu, with seconds).</summary>
    MalformedValidity = 3124,
    /// <summary>The leaf's extended key usage does not allow the requested purpose (RFC 5280 §4.2.1.12).</summary>
    PurposeNotAllowed = 3125,
    /// <summary>A CA's extended key usage excludes the requested purpose (as openssl and Windows CryptoAPI treat it;
    /// RFC 5280 §4.2.1.12 leaves CA EKU to applications).</summary>
    CaPurposeExcluded = 3126,
    /// <summary>The leaf's key usage does not allow the TLS purpose (RFC 5280 §4.2.1.3, §4.2.1.12).</summary>
    KeyUsageForbidsPurpose = 3127,
    /// <summary>A name of the certificate is outside the permitted subtrees of a CA above it (RFC 5280 §4.2.1.10, §6.1.3(b)).</summary>
    NameNotPermitted = 3128,
    /// <summary>A name of the certificate is inside an excluded subtree of a CA above it (RFC 5280 §4.2.1.10, §6.1.3(b)).</summary>
    NameExcluded = 3129,
    /// <summary>A name constraints extension that is malformed: empty, a bad IP mask, a DNS constraint with a wildcard or a
    /// leading dot, minimum or maximum set (RFC 5280 §4.2.1.10).</summary>
    MalformedNameConstraints = 3130,
    /// <summary>A name of a constrained type the validator cannot check (otherName, x400Address, ediPartyName,
    /// registeredID, a URI without a host): fails closed (RFC 5280 §4.2.1.10, §6.1.3(b)).</summary>
    UncheckableNameConstraint = 3131,
    /// <summary>Names times constraints exceed the validator's bound of comparisons (a name-constraint blow-up).</summary>
    NameConstraintsTooComplex = 3132,
    /// <summary>The certificate's serial number is on its issuer's CRL (RFC 5280 §6.3.3(i)).</summary>
    Revoked = 3133,
    /// <summary>No given CRL covers this certificate (RFC 5280 §6.3.3): reported, never ignored.</summary>
    CrlNotFound = 3134,
    /// <summary>A CRL of this certificate's issuer whose signature does not verify with the issuer's key (RFC 5280 §6.3.3(g)).</summary>
    CrlBadSignature = 3135,
    /// <summary>The CRL issuer's key usage lacks cRLSign (RFC 5280 §4.2.1.3, §6.3.3(f)).</summary>
    CrlIssuerMissingCrlSign = 3136,
    /// <summary>The CRL is not current: thisUpdate after, or nextUpdate before or missing at, the verification time
    /// (RFC 5280 §5.1.2.4, §5.1.2.5, §6.3.3(a)).</summary>
    CrlNotCurrent = 3137,
    /// <summary>A critical CRL or CRL entry extension the validator does not process (RFC 5280 §5.2, §5.3).</summary>
    CrlUnhandledCriticalExtension = 3138,
    /// <summary>The CRL lacks a CRL number or marks it critical (RFC 5280 §5.2.3: MUST include, non-critical).</summary>
    CrlNumberInvalid = 3139,
    /// <summary>webpki: the leaf has no subject alternative name (BR §7.1.2.7.12).</summary>
    WebPkiSanMissing = 3140,
    /// <summary>webpki: the leaf's common name is not one of its SANs (BR §7.1.4.3); a warning (<see cref="ChainWarnings"/>).</summary>
    WebPkiCommonNameNotInSan = 3141,
    /// <summary>webpki: a critical SAN on a certificate with a non-empty subject (BR §7.1.2.7.12, RFC 5280 §4.2.1.6).</summary>
    WebPkiCriticalSan = 3142,
    /// <summary>webpki: a wildcard that is not a whole left-most label, or covers a public suffix-like name (BR §7.1.2.7.12,
    /// RFC 6125 §6.4.3).</summary>
    WebPkiBadWildcard = 3143,
    /// <summary>webpki: an extended key usage is missing, or includes anyExtendedKeyUsage (BR §7.1.2.7.10).</summary>
    WebPkiEkuInvalid = 3144,
    /// <summary>webpki: an authority key identifier (every non-root) or subject key identifier (every CA) is missing
    /// (BR §7.1.2.1.3, §7.1.2.7.5, §7.1.2.11.4).</summary>
    WebPkiKeyIdentifierMissing = 3145,
    /// <summary>webpki: a key that is too weak: RSA under 2048 bits or not a multiple of 8, DSA, or P-192 (BR §6.1.5).</summary>
    WebPkiWeakKey = 3146,
    /// <summary>webpki: a SHA-1 signature (BR §7.1.3.2).</summary>
    WebPkiSha1Signature = 3147,
    /// <summary>A certificate below the anchor is signed with a digest weaker than the request's minimum (default SHA-256;
    /// <c>--min-digest</c>, the policy's minDigest): not a valid link, and no other path met the minimum.</summary>
    WeakSignatureDigest = 3148,
    /// <summary>A file given as the leaf holds two or more end-entity certificates that issued none of the others and
    /// are unrelated: which one to verify is unclear, so none is (<see cref="LeafSelector.UnrelatedLeaves"/>).</summary>
    UnrelatedLeaves = 3149,
}
