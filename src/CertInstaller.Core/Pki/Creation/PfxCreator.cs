using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>What goes into a PFX: the certificate, its private key, the rest of the chain, the password and the friendly name.</summary>
public sealed record PfxRequest(X509Certificate Certificate, AsymmetricKeyParameter PrivateKey, IReadOnlyList<X509Certificate> Chain, string Password)
{
    /// <summary>The friendly name Windows shows in the certificate store; null takes the subject's CN.</summary>
    public string? FriendlyName { get; init; }

    /// <summary>3DES for the key and RC2-40 for the certificates (Windows Server 2016 and older, Java 8); AES-256-CBC with PBKDF2 otherwise.</summary>
    public bool Legacy { get; init; }
}

/// <summary>Builds a PKCS#12 file, the guide's <c>openssl pkcs12 -export</c>, and checks what it built by reading it back.</summary>
public static class PfxCreator
{
    /// <summary>The PBKDF2 and MAC iteration count: openssl 3's <c>pkcs12 -export</c> default (PKCS12_DEFAULT_ITER).</summary>
    public const int Iterations = 2048;

    /// <summary>The PFX bytes; throws <see cref="ArgumentException"/> when the key is not the certificate's (nothing is built).</summary>
    public static byte[] Create(PfxRequest request)
    {
        if (!KeyMatcher.Matches(request.PrivateKey, request.Certificate))
        {
            throw new ArgumentException("the private key does not match the certificate", nameof(request));
        }

        var builder = new Pkcs12StoreBuilder().SetUseDerEncoding(true);
        builder = request.Legacy
            ? builder.SetKeyAlgorithm(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc).SetCertAlgorithm(PkcsObjectIdentifiers.PbewithShaAnd40BitRC2Cbc)
            : builder.SetKeyAlgorithm(NistObjectIdentifiers.IdAes256Cbc, PkcsObjectIdentifiers.IdHmacWithSha256)
                .SetCertAlgorithm(NistObjectIdentifiers.IdAes256Cbc, PkcsObjectIdentifiers.IdHmacWithSha256);
        var store = builder.Build();
        var chain = new[] { request.Certificate }.Concat(request.Chain).Distinct().Select(c => new X509CertificateEntry(c)).ToArray();
        store.SetKeyEntry(FriendlyNameOf(request), new AsymmetricKeyEntry(request.PrivateKey), chain);
        using var stream = new MemoryStream();
        var random = new SecureRandom();
        store.Save(stream, request.Password.ToCharArray(), random);
        // BouncyCastle's store always MACs with SHA-1 and 1024 iterations; openssl 3 uses HMAC-SHA256 with 2048. Seal the
        // same AuthenticatedSafe again with openssl's MAC (SHA-1 with 2048 for --legacy: importers older than Windows
        // Server 2019 / Windows 10 1709 know no SHA-256 MAC).
        var pfx = request.Legacy ? stream.ToArray() : Reencrypt(stream.ToArray(), request, random);
        return Reseal(pfx, request.Password, request.Legacy ? new Sha1Digest() : new Sha256Digest(), random);
    }

    // BouncyCastle's store derives the PBES2 keys with 1024 PBKDF2 iterations; openssl 3 uses 2048. Encrypt the key bag
    // and the certificates' SafeContents again with 2048, keeping every bag and attribute as the store wrote them.
    private static byte[] Reencrypt(byte[] pfxDer, PfxRequest request, SecureRandom random)
    {
        var password = request.Password.ToCharArray();
        var pfx = Pfx.GetInstance(Asn1Object.FromByteArray(pfxDer));
        var safe = AuthenticatedSafe.GetInstance(Asn1Object.FromByteArray(Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets()));
        var contents = new List<ContentInfo>();
        foreach (var info in safe.GetContentInfo())
        {
            if (info.ContentType.Equals(PkcsObjectIdentifiers.EncryptedData))
            {
                var encrypted = Org.BouncyCastle.Asn1.Pkcs.EncryptedData.GetInstance(info.Content);
                var plain = Crypt(false, encrypted.EncryptionAlgorithm, password, encrypted.Content.GetOctets());
                var algorithm = Pbes2(random);
                contents.Add(new ContentInfo(PkcsObjectIdentifiers.EncryptedData, new Org.BouncyCastle.Asn1.Pkcs.EncryptedData(
                    PkcsObjectIdentifiers.Data, algorithm, new BerOctetString(Crypt(true, algorithm, password, plain)))));
                continue;
            }

            var bags = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(Asn1OctetString.GetInstance(info.Content).GetOctets()))
                .Cast<Asn1Encodable>().Select(SafeBag.GetInstance)
                .Select(bag => bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag)
                    ? new SafeBag(bag.BagID, EncryptedPrivateKeyInfoFactory.CreateEncryptedPrivateKeyInfo(NistObjectIdentifiers.IdAes256Cbc,
                        PkcsObjectIdentifiers.IdHmacWithSha256, password, Salt(random), Iterations, random, request.PrivateKey).ToAsn1Object(), bag.BagAttributes)
                    : bag)
                .ToArray();
            contents.Add(new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(new DerSequence(bags).GetEncoded(Asn1Encodable.Der))));
        }

        var authSafe = new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(new AuthenticatedSafe(contents.ToArray()).GetEncoded(Asn1Encodable.Der)));
        return new Pfx(authSafe, pfx.MacData).GetEncoded(Asn1Encodable.Der);
    }

    private static AlgorithmIdentifier Pbes2(SecureRandom random)
    {
        var iv = new byte[16];
        random.NextBytes(iv);
        var prf = new AlgorithmIdentifier(PkcsObjectIdentifiers.IdHmacWithSha256, DerNull.Instance);
        return new AlgorithmIdentifier(PkcsObjectIdentifiers.IdPbeS2, new PbeS2Parameters(
            new KeyDerivationFunc(PkcsObjectIdentifiers.IdPbkdf2, new Pbkdf2Params(Salt(random), Iterations, prf)),
            new EncryptionScheme(NistObjectIdentifiers.IdAes256Cbc, new DerOctetString(iv))));
    }

    private static byte[] Crypt(bool encrypt, AlgorithmIdentifier algorithm, char[] password, byte[] data)
    {
        var cipher = PbeUtilities.CreateEngine(algorithm) as IBufferedCipher
            ?? throw new InvalidOperationException($"no cipher for {algorithm.Algorithm}");
        cipher.Init(encrypt, PbeUtilities.GenerateCipherParameters(algorithm, password));
        return cipher.DoFinal(data);
    }

    private static byte[] Salt(SecureRandom random)
    {
        var salt = new byte[16];
        random.NextBytes(salt);
        return salt;
    }

    private static byte[] Reseal(byte[] pfxDer, string password, IDigest digest, SecureRandom random)
    {
        var pfx = Pfx.GetInstance(Asn1Object.FromByteArray(pfxDer));
        var data = Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets();
        var salt = new byte[16];
        random.NextBytes(salt);
        var generator = new Pkcs12ParametersGenerator(digest);
        generator.Init(PbeParametersGenerator.Pkcs12PasswordToBytes(password.ToCharArray()), salt, Iterations);
        var key = (KeyParameter)generator.GenerateDerivedMacParameters(digest.GetDigestSize() * 8);
        var hmac = new HMac(digest);
        hmac.Init(key);
        hmac.BlockUpdate(data, 0, data.Length);
        var mac = new byte[hmac.GetMacSize()];
        hmac.DoFinal(mac, 0);
        var algorithm = new AlgorithmIdentifier(digest is Sha256Digest ? NistObjectIdentifiers.IdSha256 : OiwObjectIdentifiers.IdSha1, DerNull.Instance);
        return new Pfx(pfx.AuthSafe, new MacData(new DigestInfo(algorithm, mac), salt, Iterations)).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>What is wrong with <paramref name="pfx"/> as the file <paramref name="request"/> asked for; empty when it opens with the
    /// password, holds the key matching the certificate, the whole chain, the friendly name and the encryption asked for.</summary>
    public static IReadOnlyList<string> Verify(byte[] pfx, PfxRequest request)
    {
        var problems = new List<string>();
        var read = new PkiReader(request.Password).Read("(pfx)", pfx);
        if (read.Error is { } error || read.Objects.Count != 1 || read.Objects[0] is not Pkcs12Object p12)
        {
            return [$"it does not open as PKCS#12 with the password: {read.Error?.Problem ?? "unexpected content"}"];
        }

        if (p12.Keys.Count != 1 || !KeyMatcher.Matches(p12.Keys[0], request.Certificate))
        {
            problems.Add($"it holds {p12.Keys.Count} key(s), and not the certificate's key");
        }

        foreach (var missing in new[] { request.Certificate }.Concat(request.Chain).Where(c => !p12.Certificates.Contains(c)))
        {
            problems.Add($"the certificate '{PkiDescriber.DescribeName(missing.SubjectDN).OneLine}' is missing");
        }

        var description = PkiDescriber.DescribePkcs12(pfx);
        var expected = request.Legacy ? "3-KeyTripleDES" : "AES-256-CBC";
        if (description?.KeyEncryption?.Contains(expected) != true)
        {
            problems.Add($"the key is encrypted with {description?.KeyEncryption ?? "nothing readable"}, not {expected}");
        }

        if (!request.Legacy && (description?.KeyEncryption?.Contains($"{Iterations} iterations") != true
                                || description.CertificateEncryption?.Contains($"{Iterations} iterations") != true))
        {
            problems.Add($"the key or the certificates are encrypted with fewer than {Iterations} PBKDF2 iterations");
        }

        var macDigest = request.Legacy ? "SHA-1" : "SHA-256";
        if (description?.MacDigest != macDigest || description.MacIterations < Iterations)
        {
            problems.Add($"the MAC is {description?.MacDigest ?? "missing"} with {description?.MacIterations} iterations, not {macDigest} with {Iterations}");
        }

        if (description?.FriendlyNames.Contains(FriendlyNameOf(request)) != true)
        {
            problems.Add($"the friendly name is not '{FriendlyNameOf(request)}'");
        }

        return problems;
    }

    private static string FriendlyNameOf(PfxRequest request) =>
        request.FriendlyName
        ?? PkiDescriber.DescribeName(request.Certificate.SubjectDN).ValuesOf("CN").LastOrDefault()
        ?? PkiDescriber.DescribeName(request.Certificate.SubjectDN).OneLine;
}
