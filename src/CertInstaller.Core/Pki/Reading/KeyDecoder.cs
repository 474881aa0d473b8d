using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.IO.Pem;
using OpenSslPemReader = Org.BouncyCastle.OpenSsl.PemReader;
using OpenSslPemWriter = Org.BouncyCastle.OpenSsl.PemWriter;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>Decodes encrypted and traditional private keys, mapping password problems to read errors.</summary>
internal static class KeyDecoder
{
    public static AsymmetricKeyParameter DecryptPkcs8(byte[] der, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw PasswordRequired("encrypted PKCS#8 private key");
        }

        try
        {
            return PrivateKeyFactory.DecryptKey(password!.ToCharArray(), der);
        }
        catch (Exception e) when (e is not PkiReadException and not OutOfMemoryException)
        {
            throw WrongPassword("encrypted PKCS#8 private key");
        }
    }

    public static PrivateKeyObject ReadTraditionalPem(PemObject block, string? password)
    {
        var encrypted = block.Headers.OfType<PemHeader>().Any(h => h.Name == "Proc-Type" && h.Value.Contains("ENCRYPTED"));
        if (encrypted && string.IsNullOrEmpty(password))
        {
            throw PasswordRequired("legacy encrypted PEM private key");
        }

        using var text = new StringWriter();
        var writer = new OpenSslPemWriter(text);
        writer.WriteObject(block);
        writer.Writer.Flush();
        object? parsed;
        try
        {
            parsed = new OpenSslPemReader(new StringReader(text.ToString()), new Password(password)).ReadObject();
        }
        catch (Exception e) when (encrypted && e is not OutOfMemoryException)
        {
            throw WrongPassword("legacy encrypted PEM private key");
        }

        var key = parsed switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } single => single,
            _ => throw new PkiReadException(ReadErrorCode.Malformed, $"the {block.Type} block does not hold a private key", "export the key again"),
        };
        return new PrivateKeyObject(key, encrypted ? KeyFormat.LegacyEncrypted : KeyFormat.Pkcs1, true);
    }

    /// <summary>A PKCS#1 RSAPublicKey (SEQUENCE { modulus, publicExponent }), as <c>openssl rsa -RSAPublicKey_out</c> writes it.</summary>
    public static AsymmetricKeyParameter ReadRsaPublicKey(byte[] der) =>
        ReadRsaPublicKey(Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(der));

    /// <summary>A PKCS#1 RSAPublicKey already parsed as a sequence of two integers.</summary>
    public static AsymmetricKeyParameter ReadRsaPublicKey(Org.BouncyCastle.Asn1.Asn1Sequence sequence)
    {
        var key = Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure.GetInstance(sequence);
        if (key.Modulus.SignValue <= 0 || key.PublicExponent.SignValue <= 0 || key.Modulus.BitLength < 256)
        {
            throw new PkiReadException(ReadErrorCode.Malformed, "the RSA public key has a zero, negative or tiny modulus or exponent", "export the key again");
        }

        return new Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters(false, key.Modulus, key.PublicExponent);
    }

    public static PkiReadException PasswordRequired(string what) =>
        new(ReadErrorCode.PasswordRequired, $"the {what} is encrypted and no password was given", "supply the password of this file");

    public static PkiReadException WrongPassword(string what) =>
        new(ReadErrorCode.WrongPassword, $"the password does not decrypt the {what}", "check the password");

    private sealed class Password(string? value) : IPasswordFinder
    {
        public char[] GetPassword() => (value ?? string.Empty).ToCharArray();
    }
}
