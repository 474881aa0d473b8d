using CertInstaller.Core.Tests.Pki;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>An IC certificates folder made with the openssl command line, as the issue's reporter made them:
/// a self-signed Server Group root, the IC CA under it, local Server and Client certificates (under the IC CA, or
/// under an outside root in third-party mode), and the local trusted file.</summary>
internal sealed class OpenSslFolder
{
    private readonly string _work;

    public OpenSslFolder(string root, bool thirdParty = false, string clientEku = "serverAuth,clientAuth")
    {
        Root = root;
        _work = Path.Combine(Path.GetDirectoryName(root)!, "openssl-work-" + Path.GetFileName(root));
        Directory.CreateDirectory(_work);
        Key("sg");
        Run($"req -x509 -new -key {W("sg.key")} -subj \"/O=Interactive Intelligence/OU=Server Group/CN=ServerGroup-ic1\" -days 3650 -sha256 " +
            "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature " +
            $"-addext subjectKeyIdentifier=hash -out {W("sg.cer")}");
        Key("ca");
        Issue("ca", "/O=Interactive Intelligence/OU=IC Certificate Authority/CN=ic1 IC CA", "sg",
            "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        if (thirdParty)
        {
            Key("ext");
            Run($"req -x509 -new -key {W("ext.key")} -subj \"/C=US/O=Example Government/CN=Example Government Root CA\" -days 3650 -sha256 " +
                "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign " +
                $"-addext subjectKeyIdentifier=hash -out {W("ext.cer")}");
        }
        var issuer = thirdParty ? "ext" : "ca";
        foreach (var (use, eku) in new[] { ("server", "serverAuth,clientAuth"), ("client", clientEku) })
        {
            Key(use);
            Issue(use, $"/O=Example Corp/OU=IC/OU={(use == "server" ? "Server" : "Client")}/CN=ic1.example.com", issuer,
                $"basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage={eku}\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5\n");
        }

        Put("ServerGroup/ServerGroupCertificate.cer", "sg.cer");
        Put("ServerGroup/ServerGroupPrivateKey.bin", "sg.key", key: true);
        PublicKey("sg", "ServerGroup/ServerGroupPublicKey.bin", "-pubout");
        Put("ICCertificateAuthority/ic1_ICCertificateAuthorityCertificate.cer", "ca.cer");
        Put("ICCertificateAuthority/ic1_ICCertificateAuthorityPrivateKey.bin", "ca.key", key: true);
        PublicKey("ca", "ICCertificateAuthority/ic1_ICCertificateAuthorityPublicKey.bin", "-pubout");
        Put("Client/Local_Subsystems/ic1_ServerCertificate.cer", "server.cer");
        Put("Client/Local_Subsystems/ic1_ServerPrivateKey.bin", "server.key", key: true);
        Put("Client/Local_Subsystems/ic1_ClientCertificate.cer", "client.cer");
        Put("Client/Local_Subsystems/ic1_ClientPrivateKey.bin", "client.key", key: true);
        Write("Client/Local_Subsystems/ic1_TrustedCertificate.cer", File.ReadAllText(W("sg.cer")) + (thirdParty ? File.ReadAllText(W("ext.cer")) : ""));
    }

    public string Root { get; }

    /// <summary>A path in the work folder (keys and certificates as openssl wrote them).</summary>
    public string W(string name) => Path.Combine(_work, name);

    /// <summary>A path in the certificates folder.</summary>
    public string At(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Run(string arguments) => OpenSsl.Line(arguments);

    public void Key(string name, int bits = 2048) => Run($"genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{bits} -out {W(name + ".key")}");

    /// <summary>Signs a CSR for <paramref name="name"/>'s key with <paramref name="issuer"/>'s certificate and key.</summary>
    public void Issue(string name, string subject, string issuer, string extensions, string? keyOf = null)
    {
        File.WriteAllText(W(name + ".ext"), extensions);
        Run($"req -new -key {W((keyOf ?? name) + ".key")} -subj \"{subject}\" -out {W(name + ".csr")}");
        Run($"x509 -req -in {W(name + ".csr")} -CA {W(issuer + ".cer")} -CAkey {W(issuer + ".key")} -CAcreateserial -days 730 -sha256 -extfile {W(name + ".ext")} -out {W(name + ".cer")}");
    }

    public void PublicKey(string name, string relative, string how, string form = "PEM")
    {
        var rsa = how == "-RSAPublicKey_out";
        Run($"{(rsa ? "rsa" : "pkey")} -in {W(name + ".key")} {how} -outform {form} -out {W(name + ".pub")}");
        Put(relative, name + ".pub");
    }

    public void Put(string relative, string workFile, bool key = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.Copy(W(workFile), At(relative), overwrite: true);
        if (key && !OperatingSystem.IsWindows()) File.SetUnixFileMode(At(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllText(At(relative), text);
    }
}
