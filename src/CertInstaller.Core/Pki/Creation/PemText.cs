using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Utilities.IO.Pem;
using PemWriter = Org.BouncyCastle.OpenSsl.PemWriter;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>PEM text of what certharness creates, written by BouncyCastle's PEM writer.</summary>
public static class PemText
{
    /// <summary>An unencrypted PKCS#8 private key ("PRIVATE KEY"), as <c>openssl req -nodes</c> writes it.</summary>
    public static string PrivateKey(AsymmetricKeyParameter privateKey) => Pem(new Pkcs8Generator(privateKey));

    /// <summary>A CSR ("CERTIFICATE REQUEST").</summary>
    public static string Csr(Pkcs10CertificationRequest csr) => Pem(new PemObject("CERTIFICATE REQUEST", csr.GetEncoded()));

    private static string Pem(object value)
    {
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(value);
        writer.Writer.Flush();
        return text.ToString().Replace("\r\n", "\n");
    }
}
