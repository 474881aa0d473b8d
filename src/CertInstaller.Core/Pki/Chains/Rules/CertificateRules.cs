using System.Globalization;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Rules;

/// <summary>Rules on each certificate alone: serial (§4.1.2.2), key parameters (RFC 5480), validity and its encoding
/// (§4.1.2.5, §6.1.3(a)(2)), extensions (§4.2).</summary>
internal static class CertificateRules
{
    // Extensions this validator processes, or (policies, CRL distribution points) accepts as openssl does.
    private static readonly HashSet<string> Handled =
    [
        X509Extensions.BasicConstraints.Id, X509Extensions.KeyUsage.Id, X509Extensions.ExtendedKeyUsage.Id,
        X509Extensions.SubjectAlternativeName.Id, X509Extensions.NameConstraints.Id, X509Extensions.CertificatePolicies.Id,
        X509Extensions.PolicyMappings.Id, X509Extensions.PolicyConstraints.Id, X509Extensions.InhibitAnyPolicy.Id,
        X509Extensions.CrlDistributionPoints.Id,
    ];

    private static readonly Regex UtcTime = new(@"^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$", RegexOptions.CultureInvariant);
    private static readonly Regex GeneralizedTime = new(@"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$", RegexOptions.CultureInvariant);

    public static bool ForbiddenDigest(X509Certificate c) =>
        Reading.PkiDescriber.DescribeSignature(c.CertificateStructure.SignatureAlgorithm).Digest
            is DigestAlgorithm.Md2 or DigestAlgorithm.Md4 or DigestAlgorithm.Md5;

    public static void Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, DateTimeOffset at, Findings findings)
    {
        foreach (var c in path)
        {
            var trusted = ReferenceEquals(c, anchor);
            var shared = Shared(c);
            Validity(c, at.UtcDateTime, findings, shared);
            Extensions(c, findings, shared);
            if (!trusted)
            {
                Serial(c, findings);
                Curve(c, findings);
            }
        }
    }

    /// <summary>The exact instant of a Time (UTCTime or GeneralizedTime with optional fractional seconds), or null when
    /// it is not encoded as RFC 5280 §4.1.2.5 requires; remembered for the time's object when <paramref name="shared"/>.</summary>
    public static DateTime? ParseTime(Time time, bool shared = true) =>
        shared ? ParsedTimes.GetValue(time, t => new ParsedTime(ParseTimeOnce(t))).Value : ParseTimeOnce(time);

    // Chain building validates the shared intermediate and root once per leaf: their times are parsed (regular
    // expressions) and their extensions decoded once per object, not once per path (bench/profile.sh). Both are pure
    // functions of immutable BouncyCastle objects. Only a CA's are remembered: an end-entity certificate sits at the
    // start of its own builds only, and remembering its eight or so facts cost more than working them out again (every
    // entry is a dependent handle each garbage collection scans: 6% of a 2,000-leaf scan, bench/profile.sh).
    private static bool Shared(X509Certificate c)
    {
        try
        {
            return Certs.IsCa(c);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Time, ParsedTime> ParsedTimes = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<X509Extension, object> DecodedExtensions = new();
    private static readonly object DecodesYes = new();
    private static readonly object DecodesNo = new();

    private sealed class ParsedTime(DateTime? value)
    {
        public DateTime? Value { get; } = value;
    }

    private static DateTime? ParseTimeOnce(Time time)
    {
        var asn1 = time.ToAsn1Object();
        if (asn1 is Asn1UtcTime utc)
        {
            var m = UtcTime.Match(utc.TimeString);
            if (!m.Success)
            {
                return null;
            }

            var yy = Int(m, 1);
            return Make(yy >= 50 ? 1900 + yy : 2000 + yy, m, null);
        }

        if (asn1 is Asn1GeneralizedTime generalized)
        {
            var m = GeneralizedTime.Match(generalized.TimeString);
            return m.Success ? Make(Int(m, 1), m, m.Groups[7].Success ? m.Groups[7].Value : null) : null;
        }

        return null;
    }

    /// <summary>True when the Time is encoded as §4.1.2.5 requires: UTCTime through 2049, GeneralizedTime without
    /// fractional seconds from 2050.</summary>
    public static bool WellEncoded(Time time, DateTime parsed) => time.ToAsn1Object() switch
    {
        Asn1UtcTime => true,
        Asn1GeneralizedTime g => parsed.Year >= 2050 && g.TimeString.IndexOf('.') < 0,
        _ => false,
    };

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateTime? Make(int year, Match m, string? fraction)
    {
        try
        {
            var t = new DateTime(year, Int(m, 2), Int(m, 3), Int(m, 4), Int(m, 5), Int(m, 6), DateTimeKind.Utc);
            if (fraction is not null)
            {
                // Ticks of the fraction, exactly to 100 ns; finer digits cannot change a comparison at that precision.
                var digits = fraction.Substring(1).PadRight(7, '0').Substring(0, 7);
                t = t.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture));
            }

            return t;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void Validity(X509Certificate c, DateTime when, Findings findings, bool shared)
    {
        var tbs = c.CertificateStructure.TbsCertificate;
        var notBefore = ParseTime(tbs.StartDate, shared);
        var notAfter = ParseTime(tbs.EndDate, shared);
        if (notBefore is null || notAfter is null)
        {
            findings.Add(ChainProblemCode.MalformedValidity, c,
                "a validity time is not UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ", "RFC 5280 §4.1.2.5");
        }
        else if (!WellEncoded(tbs.StartDate, notBefore.Value) || !WellEncoded(tbs.EndDate, notAfter.Value))
        {
            findings.Add(ChainProblemCode.MalformedValidity, c,
                "a validity time is GeneralizedTime before 2050 or has fractional seconds (read exactly, not as expired)", "RFC 5280 §4.1.2.5, §4.1.2.5.2");
        }

        // RFC 5280 times have one-second granularity: a verification time within the notAfter second (or the
        // notBefore second) is that second.
        when = Second(when);
        if (notAfter is { } end && when > Second(end))
        {
            findings.Add(ChainProblemCode.Expired, c, $"expired on {end:yyyy-MM-ddTHH:mm:ssZ}", "RFC 5280 §6.1.3(a)(2)");
        }
        else if (notBefore is { } start && when < Second(start))
        {
            findings.Add(ChainProblemCode.NotYetValid, c, $"not valid before {start:yyyy-MM-ddTHH:mm:ssZ}", "RFC 5280 §6.1.3(a)(2)");
        }
    }

    private static DateTime Second(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Kind);

    private static void Serial(X509Certificate c, Findings findings)
    {
        var serial = c.CertificateStructure.TbsCertificate.SerialNumber.Value;
        if (serial.SignValue <= 0)
        {
            findings.Add(ChainProblemCode.BadSerialNumber, c, $"the serial number is {(serial.SignValue == 0 ? "zero" : "negative")}", "RFC 5280 §4.1.2.2");
        }
        else if (serial.ToByteArray().Length > 20)
        {
            findings.Add(ChainProblemCode.BadSerialNumber, c, $"the serial number is {serial.ToByteArray().Length} octets long (at most 20)", "RFC 5280 §4.1.2.2");
        }
    }

    private static void Curve(X509Certificate c, Findings findings)
    {
        var algorithm = c.CertificateStructure.SubjectPublicKeyInfo.Algorithm;
        if (!algorithm.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            return;
        }

        bool named;
        try
        {
            named = X962Parameters.GetInstance(algorithm.Parameters).IsNamedCurve;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException)
        {
            named = false;
        }

        if (!named)
        {
            findings.Add(ChainProblemCode.ExplicitCurveParameters, c, "the EC public key gives explicit curve parameters instead of a named curve", "RFC 5480 §2.1.1");
        }
    }

    private static void Extensions(X509Certificate c, Findings findings, bool shared)
    {
        var extensions = c.CertificateStructure.TbsCertificate.Extensions;
        if (extensions is null)
        {
            return;
        }

        foreach (var oid in extensions.ExtensionOids)
        {
            var extension = extensions.GetExtension(oid);
            if (!(shared ? Decodes(oid, extension) : DecodesOnce(oid, extension)))
            {
                findings.Add(ChainProblemCode.MalformedExtension, c, $"the {Name(oid)} extension does not decode", "RFC 5280 §4.2");
                continue;
            }

            if (!extension.IsCritical)
            {
                continue;
            }

            if (oid.Equals(X509Extensions.AuthorityKeyIdentifier) || oid.Equals(X509Extensions.SubjectKeyIdentifier))
            {
                findings.Add(ChainProblemCode.CriticalKeyIdentifier, c, $"the {Name(oid)} extension is marked critical",
                    oid.Equals(X509Extensions.AuthorityKeyIdentifier) ? "RFC 5280 §4.2.1.1" : "RFC 5280 §4.2.1.2");
            }
            else if (oid.Equals(X509Extensions.AuthorityInfoAccess))
            {
                findings.Add(ChainProblemCode.MalformedExtension, c, "the authority information access extension is marked critical", "RFC 5280 §4.2.2.1");
            }
            else if (!Handled.Contains(oid.Id))
            {
                findings.Add(ChainProblemCode.UnhandledCriticalExtension, c, $"the critical extension {Name(oid)} is not processed by this validator", "RFC 5280 §4.2");
            }
        }
    }

    private static string Name(DerObjectIdentifier oid) =>
        Reading.OidNames.Extensions.TryGetValue(oid.Id, out var name) ? name : oid.Id;

    private static bool Decodes(DerObjectIdentifier oid, X509Extension extension) =>
        ReferenceEquals(DecodedExtensions.GetValue(extension, e => DecodesOnce(oid, e) ? DecodesYes : DecodesNo), DecodesYes);

    private static bool DecodesOnce(DerObjectIdentifier oid, X509Extension extension)
    {
        try
        {
            var value = X509Extension.ConvertValueToObject(extension);
            _ = oid.Id switch
            {
                "2.5.29.19" => BasicConstraints.GetInstance(value),
                "2.5.29.15" => (object)KeyUsage.GetInstance(value),
                "2.5.29.37" => ExtendedKeyUsage.GetInstance(value),
                "2.5.29.17" => GeneralNames.GetInstance(value),
                "2.5.29.35" => AuthorityKeyIdentifier.GetInstance(value),
                "2.5.29.14" => SubjectKeyIdentifier.GetInstance(value),
                "1.3.6.1.5.5.7.1.1" => AuthorityInformationAccess.GetInstance(value),
                "2.5.29.32" => CertificatePolicies.GetInstance(value),
                "2.5.29.31" => CrlDistPoint.GetInstance(value),
                _ => value,
            };
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
