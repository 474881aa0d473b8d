#if NET
using System.Buffers;
using System.Buffers.Text;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
#endif

namespace CertInstaller.Core.Pki.Digests;

/// <summary>
/// The digest scan's first pass on a file that is plainly one PEM certificate which cannot issue: the hashes of its
/// issuer and subject names, read with System.Formats.Asn1 (DER rules) without building BouncyCastle's certificate.
/// </summary>
/// <remarks>
/// The first pass only needs, per certificate, the issuer name, the subject name and whether it may issue (a CA, a
/// self-issued one); a full parse of every leaf (BouncyCastle's objects, the re-encoding that proves the structure) was
/// a fifth of the scan (bench/profile.sh) and is done again by the second pass anyway. The glance is conservative: it
/// answers only for exactly one CERTIFICATE block in ASCII PEM whose certificate reads as strict DER, a v3 certificate
/// when it has extensions, no extension twice, basic constraints without cA TRUE, key usage without keyCertSign, and
/// names that are neither byte-equal nor equivalent as BouncyCastle compares them (the way the pool's self-issued test
/// does). Anything else, or any doubt, is false and the caller reads the file fully, as before. The names themselves are
/// read by BouncyCastle, so their hashes are the full read's. The glance does not prove the file
/// parses: a leaf it answers for that the full read refuses only adds names nobody valid looks up, and the caller reads
/// the longest-named glanced files fully before it trusts their path length.
/// </remarks>
internal sealed class LeafGlance : IDisposable
{
#if NET
    // The leaves of a folder mostly share an issuer: each reading thread keeps the last issuer name it read (one name per
    // thread, for this scan only: BouncyCastle's name objects are not shared between threads).
    private readonly ThreadLocal<(byte[] Der, X509Name Name, long Hash)?> _lastIssuer = new();
#endif

    /// <summary>True, with the name hashes, when <paramref name="data"/> is one PEM certificate that can only be a leaf.</summary>
    public bool TryRead(byte[] data, out long issuerHash, out long subjectHash)
    {
        issuerHash = subjectHash = 0;
#if NET
        if (!System.Text.Ascii.IsValid(data) || !PemEncoding.TryFindUtf8(data, out var fields)
            || data.AsSpan(fields.Location.End).IndexOf(Marker) >= 0 || data.AsSpan(0, fields.Location.Start.GetOffset(data.Length)).IndexOf(Marker) >= 0
            || !data.AsSpan(fields.Label).SequenceEqual("CERTIFICATE"u8))
        {
            return false;
        }

        var der = ArrayPool<byte>.Shared.Rent(fields.DecodedDataLength);
        try
        {
            if (Base64.DecodeFromUtf8(data.AsSpan(fields.Base64Data), der, out _, out var written) != OperationStatus.Done
                || written != fields.DecodedDataLength)
            {
                return false;
            }

            return TryLeaf(der.AsMemory(0, written), out issuerHash, out subjectHash);
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or InvalidOperationException or IOException or InvalidCastException or FormatException)
        {
            return false; // not strict DER, or names BouncyCastle cannot read: the full read decides
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(der);
        }
#else
        _ = data;
        return false;
#endif
    }

#if NET
    private static ReadOnlySpan<byte> Marker => "-----BEGIN "u8;

    private static readonly Asn1Tag Version = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag IssuerUniqueId = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag SubjectUniqueId = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag ExtensionsTag = new(TagClass.ContextSpecific, 3, isConstructed: true);

    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } (RFC 5280 §4.1), strict DER.
    private bool TryLeaf(ReadOnlyMemory<byte> der, out long issuerHash, out long subjectHash)
    {
        issuerHash = subjectHash = 0;
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificate = outer.ReadSequence();
        var tbs = certificate.ReadSequence();
        certificate.ReadSequence(); // signatureAlgorithm
        certificate.ReadBitString(out _);
        if (certificate.HasData || outer.HasData)
        {
            return false;
        }

        var v3 = false;
        if (tbs.PeekTag().HasSameClassAndValue(Version))
        {
            var version = tbs.ReadSequence(Version);
            v3 = version.TryReadInt32(out var number) && number == 2 && !version.HasData;
        }

        tbs.ReadInteger(); // serialNumber
        tbs.ReadSequence(); // signature
        var issuer = tbs.ReadEncodedValue();
        tbs.ReadSequence(); // validity
        var subject = tbs.ReadEncodedValue();
        tbs.ReadSequence(); // subjectPublicKeyInfo
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(IssuerUniqueId))
        {
            tbs.ReadBitString(out _, IssuerUniqueId);
        }

        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(SubjectUniqueId))
        {
            tbs.ReadBitString(out _, SubjectUniqueId);
        }

        if (tbs.HasData && (!v3 || !MayNotIssue(tbs.ReadSequence(ExtensionsTag))))
        {
            return false;
        }

        if (tbs.HasData || !IsName(issuer) || !IsName(subject) || issuer.Span.SequenceEqual(subject.Span))
        {
            return false;
        }

        // The names as BouncyCastle reads them, compared as DigestStream's self-issued test compares them (Equivalent, in
        // order) and hashed from their re-encoding as the full read's names are: the same bytes parse the same way.
        var (issuerName, knownHash) = Issuer(issuer);
        var subjectName = Name(subject);
        if (subjectName.Equivalent(issuerName, true))
        {
            return false;
        }

        (issuerHash, subjectHash) = (knownHash, DigestStream.NameHash(subjectName));
        return true;
    }

    private (X509Name Name, long Hash) Issuer(ReadOnlyMemory<byte> der)
    {
        if (_lastIssuer.Value is { } last && der.Span.SequenceEqual(last.Der))
        {
            return (last.Name, last.Hash);
        }

        var name = Name(der);
        var hash = DigestStream.NameHash(name);
        _lastIssuer.Value = (der.ToArray(), name, hash);
        return (name, hash);
    }

    // [3] EXPLICIT Extensions: true when each extension appears once, basic constraints has no cA TRUE and key usage no
    // keyCertSign (RFC 5280 §4.2.1.9, §4.2.1.3): BouncyCastle's Certs.IsCa is then false.
    private static bool MayNotIssue(AsnReader tagged)
    {
        var list = tagged.ReadSequence();
        if (tagged.HasData)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (list.HasData)
        {
            var extension = list.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            if (!seen.Add(oid))
            {
                return false;
            }

            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                extension.ReadBoolean();
            }

            var value = extension.ReadOctetString();
            if (extension.HasData)
            {
                return false;
            }

            if (oid == "2.5.29.19" && !NotCa(value))
            {
                return false;
            }

            if (oid == "2.5.29.15" && !NoCertSign(value))
            {
                return false;
            }
        }

        return seen.Count > 0;
    }

    // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
    private static bool NotCa(byte[] value)
    {
        var outer = new AsnReader(value, AsnEncodingRules.DER);
        var constraints = outer.ReadSequence();
        return !outer.HasData && !(constraints.HasData && constraints.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && constraints.ReadBoolean());
    }

    // KeyUsage ::= BIT STRING; keyCertSign is bit 5.
    private static bool NoCertSign(byte[] value)
    {
        var reader = new AsnReader(value, AsnEncodingRules.DER);
        var bits = reader.ReadBitString(out _);
        return !reader.HasData && (bits.Length == 0 || (bits[0] & 0x04) == 0);
    }

    private static bool IsName(ReadOnlyMemory<byte> name) => new AsnReader(name, AsnEncodingRules.DER).PeekTag().HasSameClassAndValue(Asn1Tag.Sequence);

    private static X509Name Name(ReadOnlyMemory<byte> der) => X509Name.GetInstance(Asn1Object.FromByteArray(der.ToArray()));
#endif

    /// <summary>Drops the reading threads' remembered issuer names.</summary>
    public void Dispose()
    {
#if NET
        _lastIssuer.Dispose();
#endif
    }
}
