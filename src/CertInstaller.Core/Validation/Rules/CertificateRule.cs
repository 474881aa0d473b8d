using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Each certificate and key file reads, and each certificate is in date, signed with a strong digest and has a big enough key.</summary>
/// <remarks>
/// Every certificate in the folder gets the date checks, wherever it sits: live sets (including trusted files, PKCS#7
/// bundles and PKCS#12 files) as <see cref="FindingCode.Expired"/>, <see cref="FindingCode.NotYetValid"/> and
/// <see cref="FindingCode.ExpiringSoon"/>; the CSRs work area, leftover copies and unrecognised files as
/// <see cref="FindingCode.InactiveCertificateDates"/> (IC does not use them). An encrypted file without a password is a
/// warning (<see cref="FindingCode.PasswordRequired"/>), never an unreadable-file error.
/// </remarks>
public sealed class CertificateRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var entry in context.Layout.Entries.Where(e => e.Role != CertificateRole.MapFile))
        {
            var live = IsLive(entry);
            if (!live && !MayHoldCertificates(entry)) continue;
            var read = context.Files.Read(entry.RelativePath);
            if (read.Error is { } error)
            {
                if (PasswordObservation(context, entry.RelativePath, error) is { } password)
                    yield return password;
                else if (live)
                    yield return new Observation(FindingCode.UnreadableFile, entry.RelativePath, $"{error.Problem}: {error.Hint}");
                continue;
            }
            foreach (var o in RuleGuard.Run(entry.RelativePath, () => CheckCertificates(context, entry.RelativePath, context.Files.Certificates(entry.RelativePath), live)))
                yield return o;
        }
    }

    /// <summary>The warning for an encrypted file that no password opened, or null for any other read error.</summary>
    internal static Observation? PasswordObservation(ValidationContext context, string path, ReadError error) => error.Code switch
    {
        ReadErrorCode.PasswordRequired => new Observation(FindingCode.PasswordRequired, path,
            $"{error.Problem}, so it was not checked: give its password, or put it in the map file's <Password>"),
        ReadErrorCode.WrongPassword => new Observation(FindingCode.PasswordWrong, path,
            $"{error.Problem} ({context.AllPasswords.Count} password(s) tried), so it was not checked: give the password this file was exported with"),
        _ => null,
    };

    private static IEnumerable<Observation> CheckCertificates(ValidationContext context, string path, IReadOnlyList<X509Certificate> certificates, bool live)
    {
        foreach (var cert in certificates)
        {
            var d = PkiDescriber.Describe(cert);
            var who = d.Subject.OneLine;
            var expiry = Expiry.Of(d.NotBefore, d.NotAfter, context.At, context.Policy.ExpiryWarningDays);
            if (!live)
            {
                var where = "outside the live sets (IC does not use it yet)";
                if (expiry == ExpiryState.Expired)
                    yield return new Observation(FindingCode.InactiveCertificateDates, path, $"{who} expired on {d.NotAfter:yyyy-MM-dd}, {where}: renew it before installing it, or move it out");
                else if (expiry == ExpiryState.NotYetValid)
                    yield return new Observation(FindingCode.InactiveCertificateDates, path, $"{who} is not valid before {d.NotBefore:yyyy-MM-dd HH:mm}Z, {where}: check the certificate or the server clock");
                else if (expiry == ExpiryState.ExpiringSoon)
                    yield return new Observation(FindingCode.InactiveCertificateDates, path, $"{who} expires on {d.NotAfter:yyyy-MM-dd}, within {context.Policy.ExpiryWarningDays} days, {where}: renew it");
                continue;
            }
            if (expiry == ExpiryState.Expired)
                yield return new Observation(FindingCode.Expired, path,
                    $"{who} expired on {d.NotAfter:yyyy-MM-dd}: renew it with the issuing CA and replace the file");
            else if (expiry == ExpiryState.NotYetValid)
                yield return new Observation(FindingCode.NotYetValid, path,
                    $"{who} is not valid before {d.NotBefore:yyyy-MM-dd HH:mm}Z: check the server clock or the certificate");
            else if (expiry == ExpiryState.ExpiringSoon)
                yield return new Observation(FindingCode.ExpiringSoon, path,
                    $"{who} expires on {d.NotAfter:yyyy-MM-dd}, within {context.Policy.ExpiryWarningDays} days: renew it");
            if (!new DigestPolicy(context.Policy.MinDigest).Accepts(d.Signature.Digest))
                yield return new Observation(FindingCode.WeakDigest, path,
                    $"{who} is signed with {d.Signature.Digest.ToDisplayName()} ({d.Signature.Algorithm}), below {context.Policy.MinDigest.ToDisplayName()}: " +
                    "reissue it (IC: Manage certificate digests)");
            if (WeakKey(d.PublicKey, context.Policy) is { } weak)
                yield return new Observation(FindingCode.WeakKey, path, $"{who} has {weak}: reissue it with a larger key");
        }
    }

    /// <summary>A file of a live set: its read errors are findings and its certificates are fully judged.
    /// The CSRs work area has its own rule (<see cref="CsrAreaRule"/>) and is judged for dates only here.</summary>
    private static bool IsLive(LayoutEntry e) =>
        e.Role is not (CertificateRole.MapFile or CertificateRole.LeftoverBackup or CertificateRole.Unknown or CertificateRole.CsrWorkArea)
        && (e.Part is not FilePart.Other || Path.GetExtension(e.RelativePath).ToLowerInvariant() is ".cer" or ".crt" or ".pem" or ".der" or ".key" or ".p7b" or ".p7c" or ".pfx" or ".p12");

    /// <summary>A file outside the live sets that may hold certificates (read quietly: a failure is no finding).</summary>
    private static bool MayHoldCertificates(LayoutEntry e) =>
        e.Role == CertificateRole.CsrWorkArea
        || Path.GetExtension(e.RelativePath).ToLowerInvariant() is ".cer" or ".crt" or ".pem" or ".der" or ".p7b" or ".p7c" or ".pfx" or ".p12"
        || e.Role == CertificateRole.LeftoverBackup && e.RelativePath.IndexOf("Certificate", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string? WeakKey(PublicKeyDescription key, ValidationPolicy policy) => key.Algorithm switch
    {
        "RSA" when key.Bits < policy.MinRsaBits => $"an RSA {key.Bits}-bit key, below {policy.MinRsaBits}",
        "EC" when key.Bits < policy.MinEcBits => $"an EC {key.Bits}-bit key, below {policy.MinEcBits}",
        _ => null,
    };
}
