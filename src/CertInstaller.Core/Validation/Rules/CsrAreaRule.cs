using System.Net;
using System.Text.RegularExpressions;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// The CSRs\ work area, checked at warning level by default (IC does not use it until the admin installs its files):
/// each CSR's signature, key size and digest against the policy (through <see cref="CsrChecker"/>); DNS and IP SANs
/// requested; a signed certificate there keeps its CSR's subject (OU order included) and SANs; PKCS#12 files hold a
/// key matching their certificate. CSR, private key and signed certificate are paired by public key, whatever their
/// names (the guide's <c>ServerGroupPrivateKey.bin</c> beside the CA's <c>winstoric2.cer</c>): a key that matches no CSR
/// and no certificate there, a certificate whose key is not in CSRs\, and a CSR with neither key nor certificate are
/// findings, since <c>openssl pkcs12 -export -in cert -inkey key</c> would refuse the pair.
/// </summary>
/// <remarks>Names only break ties and explain: a certificate whose key several CSRs share (a key reused for the
/// switchover backup server) is paired with the CSR of its stem, else of its subject, else the first by path; a key
/// or certificate that matches nothing is reported against the CSR of its stem when there is one (<c>ic1_Server.csr</c>,
/// <c>ic1_ServerPrivateKey.bin</c> / <c>ic1_Server.key</c>, <c>ic1_ServerCertificate.cer</c> / <c>ic1_Server.crt</c>,
/// <c>ic1_Server.pfx</c>), else of its subject. Encrypted files no password opens are <see cref="CertificateRule"/>'s
/// (<see cref="FindingCode.PasswordRequired"/>); while one is unopened, a missing key is not reported (it may be in it).</remarks>
public sealed class CsrAreaRule : IFolderRule
{
    private static readonly Regex Suffix = new(@"([_\-. ]*(PrivateKey|PublicKey|Certificate|Cert|Request|Csr|Key))+$|[_\-. ]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private sealed record Item(string Path, string Stem, PkiObject? Object);

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        var items = new List<Item>();
        var observations = new List<Observation>();
        var sealedFiles = false;
        foreach (var e in context.Layout.Entries.Where(e => e.Role == CertificateRole.CsrWorkArea))
        {
            var read = context.Files.Read(e.RelativePath);
            if (read.Error is { } error)
            {
                if (error.Code is not (ReadErrorCode.PasswordRequired or ReadErrorCode.WrongPassword))
                    observations.Add(new Observation(FindingCode.CsrAreaFileUnreadable, e.RelativePath, $"{error.Problem}: {error.Hint}"));
                else
                    sealedFiles = true;
                continue;
            }
            items.Add(new Item(e.RelativePath, Stem(e.RelativePath), read.Objects.FirstOrDefault()));
        }
        var csrs = items.Where(i => i.Object is CsrObject).ToList();
        var keys = items.Where(i => i.Object is PrivateKeyObject).ToList();
        var policy = new CsrPolicy { MinRsaBits = context.Policy.MinRsaBits, MinEcBits = context.Policy.MinEcBits, MinDigest = context.Policy.MinDigest };

        var certs = items.Where(i => i.Object is CertificateObject).ToList();
        // Private keys inside readable PKCS#12 files count for a certificate (the export has been done).
        var pfxKeys = items.Select(i => i.Object).OfType<Pkcs12Object>().SelectMany(p => p.Keys).ToList();

        foreach (var csr in csrs)
            observations.AddRange(RuleGuard.Run(csr.Path, () => CheckCsr(csr, keys, certs, policy, sealedFiles)));
        foreach (var cert in certs)
            observations.AddRange(RuleGuard.Run(cert.Path, () => CheckCertificate(cert, csrs, keys, pfxKeys, sealedFiles)));
        foreach (var key in keys)
            observations.AddRange(RuleGuard.Run(key.Path, () => CheckKey(key, csrs, certs)));
        foreach (var pfx in items.Where(i => i.Object is Pkcs12Object))
            observations.AddRange(RuleGuard.Run(pfx.Path, () => CheckPfx(pfx)));
        return observations;
    }

    private static IEnumerable<Observation> CheckCsr(Item item, IReadOnlyList<Item> keys, IReadOnlyList<Item> certs, CsrPolicy policy, bool sealedFiles)
    {
        var request = ((CsrObject)item.Object!).Request;
        var d = PkiDescriber.Describe(request);
        foreach (var f in CsrChecker.Check(d, policy))
        {
            var code = f.Code switch
            {
                CsrFindingCode.SignatureInvalid => FindingCode.CsrSignatureInvalid,
                CsrFindingCode.KeyTooSmall or CsrFindingCode.KeyAlgorithmNotAllowed => FindingCode.CsrKeyTooWeak,
                CsrFindingCode.DigestTooWeak => FindingCode.CsrDigestTooWeak,
                _ => (FindingCode?)null,
            };
            if (code is { } c)
                yield return new Observation(c, item.Path, $"{d.Subject.OneLine}: {f.Message}: make the CSR again (a new key of at least {policy.MinRsaBits} bits, {policy.MinDigest.ToDisplayName()}) before sending it to the CA");
        }
        var missing = new List<string>();
        if (!d.Sans.Any(s => s.Type == SanType.Dns)) missing.Add("DNS name");
        if (!d.Sans.Any(s => s.Type == SanType.Ip)) missing.Add("IP address");
        if (missing.Count > 0)
            yield return new Observation(FindingCode.CsrSanMissing, item.Path,
                $"{d.Subject.OneLine} requests no {string.Join(" and no ", missing)} as subject alternative name" +
                (d.Sans.Count == 0 ? " (it has no SAN at all)" : "") +
                ": IC's procedure asks for the server's DNS names and IP addresses; make the CSR again with them");

        // A key of this CSR's stem that is not its key is CheckKey's CsrKeyMismatch; a certificate of its key without
        // the key is CheckCertificate's. What is left: a request whose key is nowhere in CSRs\.
        var publicKey = Key(item);
        if (sealedFiles || keys.Any(k => KeyMatcher.Matches(PrivateKey(k), publicKey)) || certs.Any(c => KeyMatchRule.SamePublicKey(CertKey(c), publicKey)))
            yield break;
        if (keys.Any(k => SameStem(k, item)))
            yield break;
        yield return new Observation(FindingCode.CsrKeyMissing, item.Path,
            $"{d.Subject.OneLine}: no private key in CSRs\\ is the key of this CSR, so the certificate the CA signs for it cannot be exported (openssl pkcs12 -export refuses it). " +
            "Put the key the CSR was made with beside it (IC wrote it with the CSR), or make a new CSR and key");
    }

    private static IEnumerable<Observation> CheckKey(Item item, IReadOnlyList<Item> csrs, IReadOnlyList<Item> certs)
    {
        var key = PrivateKey(item);
        if (csrs.Any(c => KeyMatcher.Matches(key, Key(c))) || certs.Any(c => KeyMatcher.Matches(key, ((CertificateObject)c.Object!).Certificate)))
            yield break;
        if (csrs.FirstOrDefault(c => SameStem(c, item)) is { } named)
        {
            yield return new Observation(FindingCode.CsrKeyMismatch, item.Path,
                $"this private key is not the key of {named.Path}: the signed certificate will not match it. Find the key the CSR was made with, or make a new CSR from this key");
            yield break;
        }
        yield return new Observation(FindingCode.CsrAreaKeyUnmatched, item.Path,
            "this private key matches no CSR and no certificate in CSRs\\: exporting a signed certificate with it will fail (openssl pkcs12 -export refuses the pair). " +
            "Find the key the CSR was made with (compare openssl pkey -pubout with openssl req -pubkey), or move this key out of CSRs\\");
    }

    private static IEnumerable<Observation> CheckCertificate(Item item, IReadOnlyList<Item> csrs, IReadOnlyList<Item> keys, IReadOnlyList<AsymmetricKeyParameter> pfxKeys, bool sealedFiles)
    {
        var cert = ((CertificateObject)item.Object!).Certificate;
        var certKey = CertKey(item);
        // By key first; among CSRs of the same key (a reused key), and when no CSR has it, names break the tie.
        var byKey = csrs.Where(c => KeyMatchRule.SamePublicKey(Key(c), certKey)).ToList();
        var candidates = byKey.Count > 0 ? byKey : csrs;
        var csr = candidates.FirstOrDefault(c => SameStem(c, item))
                  ?? candidates.FirstOrDefault(c => ((CsrObject)c.Object!).Request.GetCertificationRequestInfo().Subject.Equivalent(cert.SubjectDN, true))
                  ?? byKey.FirstOrDefault();
        var reported = false;
        if (csr is not null)
        {
            var request = ((CsrObject)csr.Object!).Request;
            if (!KeyMatchRule.SamePublicKey(Key(csr), certKey))
            {
                reported = true;
                yield return new Observation(FindingCode.CsrCertificateKeyMismatch, item.Path,
                    $"this certificate does not hold the public key of {csr.Path}: it was issued for another CSR (openssl pkcs12 -export refuses the pair). " +
                    "Ask the CA to sign this CSR again, or find the key of the CSR this certificate was issued for");
            }
            else if (NamesChanged(PkiDescriber.Describe(request), PkiDescriber.Describe(cert)) is { } changed)
            {
                yield return new Observation(FindingCode.CsrCertificateNamesChanged, item.Path,
                    $"the CA did not keep what {csr.Path} asked for: {changed}. IC needs the subject (OUs in order) and SANs as requested: ask the CA to issue it again");
            }
        }
        if (reported) yield break;
        if (keys.Any(k => KeyMatcher.Matches(PrivateKey(k), cert)) || pfxKeys.Any(k => KeyMatcher.Matches(k, cert)))
            yield break;
        var named = keys.FirstOrDefault(k => SameStem(k, item) || csr is not null && SameStem(k, csr));
        if (named is not null)
            yield return new Observation(FindingCode.CsrCertificateKeyMismatch, item.Path,
                $"this certificate does not match the private key {named.Path} (openssl pkcs12 -export refuses the pair): find the key its CSR was made with");
        else if (!sealedFiles)
            yield return new Observation(FindingCode.CsrCertificateKeyMissing, item.Path,
                $"no private key in CSRs\\ matches this certificate ({PkiDescriber.DescribeName(cert.SubjectDN).OneLine}), so it cannot be exported with its key " +
                "(openssl pkcs12 -export -in cert -inkey key refuses any other key). Put the key its CSR was made with in CSRs\\, or ask the CA to sign the CSR of a key you have");
    }

    private static IEnumerable<Observation> CheckPfx(Item item)
    {
        var p12 = (Pkcs12Object)item.Object!;
        if (p12.Keys.Count == 0)
        {
            yield return new Observation(FindingCode.PfxKeyMismatch, item.Path, "this PKCS#12 file holds no private key: export it again with its key (openssl pkcs12 -export -inkey ...)");
            yield break;
        }
        if (p12.Certificates.Count == 0) yield break;
        var key = p12.Keys[0];
        if (!p12.Certificates.Any(c => KeyMatcher.Matches(key, c)))
            yield return new Observation(FindingCode.PfxKeyMismatch, item.Path,
                $"the private key in this PKCS#12 file belongs to none of its certificates ({PkiDescriber.DescribeName(p12.Certificates[0].SubjectDN).OneLine}): export it again from the matching key and certificate");
    }

    /// <summary>What the certificate lost of the CSR's subject and SANs, or null when it kept everything.</summary>
    private static string? NamesChanged(CsrDescription csr, CertificateDescription cert)
    {
        var lost = new List<string>();
        foreach (var type in csr.Subject.Attributes.Select(a => a.Type).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var asked = csr.Subject.ValuesOf(type);
            var got = cert.Subject.ValuesOf(type);
            if (!asked.SequenceEqual(got, StringComparer.Ordinal))
                lost.Add($"subject {type} [{string.Join(", ", asked)}] became [{string.Join(", ", got)}]");
        }
        var missing = csr.Sans.Where(s => !cert.Sans.Any(c => SameSan(c, s))).ToList();
        if (missing.Count > 0)
            lost.Add($"SANs {string.Join(", ", missing.Select(s => $"{s.TypeName}:{s.Value}"))} are missing");
        return lost.Count == 0 ? null : string.Join("; ", lost);
    }

    private static bool SameSan(SubjectAltName a, SubjectAltName b) =>
        a.Type == b.Type && (a.Type == SanType.Ip
            ? IPAddress.TryParse(a.Value, out var x) && IPAddress.TryParse(b.Value, out var y) && x.Equals(y)
            : string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase));

    private static AsymmetricKeyParameter Key(Item csr) => LocalKeys.Parse(((CsrObject)csr.Object!).Request.GetPublicKey);

    private static AsymmetricKeyParameter CertKey(Item cert) => LocalKeys.Parse(((CertificateObject)cert.Object!).Certificate.GetPublicKey);

    private static AsymmetricKeyParameter PrivateKey(Item key) => ((PrivateKeyObject)key.Object!).Key;

    private static bool SameStem(Item a, Item b) => a.Stem.Length > 0 && string.Equals(a.Stem, b.Stem, StringComparison.OrdinalIgnoreCase);

    /// <summary>The pairing stem: the path without its extensions and without a PrivateKey/Certificate/... suffix.</summary>
    internal static string Stem(string relativePath)
    {
        var dir = relativePath.Contains('/') ? relativePath.Substring(0, relativePath.LastIndexOf('/') + 1) : "";
        var name = Path.GetFileName(relativePath);
        while (Path.GetExtension(name).ToLowerInvariant() is ".csr" or ".req" or ".key" or ".bin" or ".cer" or ".crt" or ".pem" or ".der" or ".pfx" or ".p12" or ".p7b")
            name = Path.GetFileNameWithoutExtension(name);
        return dir + Suffix.Replace(name, "");
    }
}
