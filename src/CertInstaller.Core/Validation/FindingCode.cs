namespace CertInstaller.Core.Validation;

/// <summary>Every finding validation can report. Numbers are stable: never renumber, only add.</summary>
public enum FindingCode
{
    /// <summary>CI1001: a file could not be read as the PKI object its name says it is.</summary>
    UnreadableFile = 1001,
    /// <summary>CI1002: the map file is not safe, well-formed XML (DTD, entity, malformed).</summary>
    MapFileUnreadable = 1002,
    /// <summary>CI1003: the map names a file inside the folder that is not there.</summary>
    MapEntryMissing = 1003,
    /// <summary>CI1004: the map names a path that leaves the folder; it was not opened.</summary>
    MapEntryOutsideFolder = 1004,
    /// <summary>CI1005: a link inside the folder was not followed.</summary>
    LinkNotFollowed = 1005,
    /// <summary>CI1006: the certificates folder does not exist.</summary>
    FolderMissing = 1006,
    /// <summary>CI1007: the folder holds no IC layout the rules recognise (not a certificates folder: check the path or CERTINSTALLER_CERTDIR).</summary>
    FolderUnrecognised = 1007,
    /// <summary>CI1008: the certificates folder exists but holds no file (a typo in the path or CERTINSTALLER_CERTDIR, or a folder not yet generated).</summary>
    FolderEmpty = 1008,
    /// <summary>CI1009: the certificates folder (or a folder inside it) cannot be listed: access denied or an I/O error.</summary>
    FolderUnreadable = 1009,
    /// <summary>CI1010: an encrypted private key or PKCS#12 file could not be opened because no password was given
    /// (warning: give it with --password, --password-file, CERTHARNESS_PASSWORD or the map file's &lt;Password&gt;).</summary>
    PasswordRequired = 1010,
    /// <summary>CI1011: none of the passwords given (options, environment, map file) opens an encrypted key or PKCS#12 file.</summary>
    PasswordWrong = 1011,
    /// <summary>CI1050: a FIFO, socket or device file sits in the folder; it was listed, never opened (opening a FIFO blocks, a device reads forever).</summary>
    SpecialFileSkipped = 1050,
    /// <summary>CI2001: a private key does not belong to the certificate of its set.</summary>
    KeyMismatch = 2001,
    /// <summary>CI2002: a certificate has no private key next to it where IC expects one.</summary>
    KeyMissing = 2002,
    /// <summary>CI2003: a *PublicKey.bin holds another key pair's public key than its certificate or its private key.</summary>
    PublicKeyMismatch = 2003,
    /// <summary>CI3001: the certificate's chain does not build to its own set's trusted file plus the folder's Server Group
    /// hierarchy (anchors in other sets' trusted files do not count); the message names the trusted file used.</summary>
    ChainNotTrusted = 3001,
    /// <summary>CI3002: the certificate has expired, or a CA certificate on its chain has (the message names it).</summary>
    Expired = 3002,
    /// <summary>CI3003: the certificate is not valid yet, or a CA certificate on its chain is not (the message names it).</summary>
    NotYetValid = 3003,
    /// <summary>CI3004: the certificate expires within the warning window.</summary>
    ExpiringSoon = 3004,
    /// <summary>CI3005: the signature digest is weaker than the policy minimum.</summary>
    WeakDigest = 3005,
    /// <summary>CI3006: the public key is smaller than the policy minimum.</summary>
    WeakKey = 3006,
    /// <summary>CI3007: the host name is not among the certificate's SANs.</summary>
    HostNotInSan = 3007,
    /// <summary>CI3008: the HTTPS certificate does not chain to its trusted file (web PKI profile; warning: browsers, not IC, judge it).</summary>
    HttpsChainNotTrusted = 3008,
    /// <summary>CI3009: the certificate's extended key usage lacks what its slot needs (serverAuth for Server slots and HTTPS,
    /// clientAuth for Client slots, both in single third-party certificate mode). An error, as import-check's EkuMissing.</summary>
    ExtendedKeyUsageWrong = 3009,
    /// <summary>CI3010: the certificate's key usage allows no TLS use (neither digitalSignature nor keyEncipherment/keyAgreement).
    /// Warning; error under --strict.</summary>
    KeyUsageNotTls = 3010,
    /// <summary>CI3011: a certificate outside the live sets (the CSRs work area, a leftover copy, an unrecognised file)
    /// has expired, is not valid yet or expires within the warning window (warning: IC does not use it, yet).</summary>
    InactiveCertificateDates = 3011,
    /// <summary>CI3012: the certificate's chain is valid, but its path meets a rule the slot's profile reports as a warning
    /// (a CA certificate used as an end entity under RFC 5280, a common name that is not one of the SANs under webpki).</summary>
    ChainWarning = 3012,
    /// <summary>CI4001: a switchover pair does not share the same Server Group certificate and key.</summary>
    SwitchoverMismatch = 4001,
    /// <summary>CI4002: the peer folder of a switchover check does not exist.</summary>
    PeerFolderMissing = 4002,
    /// <summary>CI4003: a switchover pair in third-party mode: the Server Group certificates differ but share one key pair,
    /// which is the documented third-party setup (info: says which rule applied).</summary>
    SwitchoverSharedKey = 4003,
    /// <summary>CI5001: a third-party file of the baseline snapshot is not byte-identical after install.</summary>
    ThirdPartyChanged = 5001,
    /// <summary>CI5002: a third-party file of the baseline snapshot is gone after install.</summary>
    ThirdPartyMissing = 5002,
    /// <summary>CI6001: a private key file (live, leftover, PKCS#12 or in CSRs) can be read by every user: Unix "others",
    /// Windows Everyone, Users or Authenticated Users.</summary>
    PrivateKeyWorldReadable = 6001,
    /// <summary>CI6002: a private key file (live, leftover, PKCS#12 or in CSRs) can be read by its group (Unix mode bits).</summary>
    PrivateKeyGroupReadable = 6002,
    /// <summary>CI6003: the Server Group or IC CA private key (live or a leftover copy) can be read by every user: anyone on
    /// the machine can issue certificates IC trusts (or, in third-party mode, impersonate the server group). An error.</summary>
    SigningKeyWorldReadable = 6003,
    /// <summary>CI7001: a leftover copy (*.cer.1, *.backup) sits in the folder.</summary>
    LeftoverBackup = 7001,

    /// <summary>CI8001: a CSR in CSRs\ does not verify with its own public key (altered, or signed with another key).</summary>
    CsrSignatureInvalid = 8001,
    /// <summary>CI8002: a CSR in CSRs\ has a key smaller than the policy minimum, or not RSA/EC.</summary>
    CsrKeyTooWeak = 8002,
    /// <summary>CI8003: a CSR in CSRs\ is signed with a digest weaker than the policy minimum (SHA-1).</summary>
    CsrDigestTooWeak = 8003,
    /// <summary>CI8004: a CSR in CSRs\ requests no DNS name or no IP address as subject alternative name (the IC procedure asks for both).</summary>
    CsrSanMissing = 8004,
    /// <summary>CI8005: the private key file next to a CSR in CSRs\ is not the CSR's key.</summary>
    CsrKeyMismatch = 8005,
    /// <summary>CI8006: a signed certificate in CSRs\ does not hold the public key of its CSR, or does not match the private key next to it
    /// (openssl pkcs12 -export refuses the pair).</summary>
    CsrCertificateKeyMismatch = 8006,
    /// <summary>CI8007: a signed certificate in CSRs\ does not keep its CSR's subject (attributes and OU order) or SANs.</summary>
    CsrCertificateNamesChanged = 8007,
    /// <summary>CI8008: a PKCS#12 file in CSRs\ holds no private key, or a key that does not match its certificate.</summary>
    PfxKeyMismatch = 8008,
    /// <summary>CI8009: a file in CSRs\ cannot be read as a CSR, key, certificate or PKCS#12 file (warning: the work area is not live).</summary>
    CsrAreaFileUnreadable = 8009,
    /// <summary>CI8010: a CSR in CSRs\ whose key is nowhere in CSRs\ (no private key file, no signed certificate of its key).</summary>
    CsrKeyMissing = 8010,
    /// <summary>CI8011: a signed certificate in CSRs\ whose private key is not in CSRs\ (no key file or PKCS#12 file holds it), whatever the names.</summary>
    CsrCertificateKeyMissing = 8011,
    /// <summary>CI8012: a private key in CSRs\ that matches no CSR and no certificate there (the export would fail).</summary>
    CsrAreaKeyUnmatched = 8012,

    /// <summary>CI9001: the IC CA (ICCertificateAuthority\) is not issued by the folder's current Server Group certificate.</summary>
    CaNotIssuedByServerGroup = 9001,
    /// <summary>CI9002: a certificate chains to a Server Group or IC CA that is no longer the folder's: typically a file the
    /// install added under the root it regenerated, which Preserve displaced when it put the earlier ServerGroup\ back.</summary>
    OrphanedByDisplacedRoot = 9002,
    /// <summary>CI9003: a remote subsystem or remote client trusted file lacks what the peers need
    /// (self-signed mode: the folder's Server Group certificate), or the remote folder has no trusted file.</summary>
    RemoteTrustIncomplete = 9003,

    /// <summary>CI13001: the folder's single third-party certificate is not in LocalMachine\My (no certificate there has its thumbprint).</summary>
    StoreCertificateMissing = 13001,
    /// <summary>CI13002: the folder's certificate is in LocalMachine\My without a private key.</summary>
    StorePrivateKeyMissing = 13002,
    /// <summary>CI13003: the private key LocalMachine\My links to the folder's certificate is another key pair's.</summary>
    StorePrivateKeyMismatch = 13003,
    /// <summary>CI13004: the private key of the folder's certificate in LocalMachine\My is marked non-exportable.</summary>
    StoreKeyNotExportable = 13004,
    /// <summary>CI13005: whether that private key is exportable cannot be told (no access to the key, a provider that does not say).</summary>
    StoreKeyExportabilityUnknown = 13005,
    /// <summary>CI13006: LocalMachine\My holds a certificate for the folder certificate's names that is newer than the folder's.</summary>
    StoreCertificateNewer = 13006,
    /// <summary>CI13007: LocalMachine\My holds a certificate for the folder certificate's names that is older than the folder's.</summary>
    StoreCertificateOlder = 13007,
    /// <summary>CI13008: the folder certificate's chain through LocalMachine\CA reaches no root in LocalMachine\Root.</summary>
    StoreRootMissing = 13008,
    /// <summary>CI13009: the chain through the stores reaches a root in LocalMachine\Root but does not validate (a CA's dates, signature, constraints).</summary>
    StoreChainNotTrusted = 13009,
    /// <summary>CI13010: a certificate in LocalMachine\My that IC would pick (the folder's, or one with its subject or a DNS name of it) has expired.</summary>
    StoreCertificateExpired = 13010,
    /// <summary>CI13011: such a certificate expires within the policy's warning window.</summary>
    StoreCertificateExpiringSoon = 13011,
    /// <summary>CI13012: the folder is not in single third-party certificate mode (self-signed Server Group, or no certificate to look for): the stores were not checked.</summary>
    StoreNotApplicable = 13012,
    /// <summary>CI13013: a LocalMachine store could not be opened read-only, or the stores exist only on Windows.</summary>
    StoreUnreadable = 13013,
}
