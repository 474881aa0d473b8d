namespace CertInstaller.TestSupport;

/// <summary>
/// The PKI of the single third-party certificate mode, made with the openssl command line (issue 27's fixtures): a root
/// and an issuing CA, the single certificate (leaf, for ic1.example.com) with its PFX, a renewed one, an expired one
/// and one about to expire for the same names (each with its own key and PFX), an expired copy of the issuing CA, and a
/// certificates folder whose ServerGroup slot holds the leaf. Dates are relative to the time it is made.
/// </summary>
public sealed class StorePki
{
    /// <summary>The password of every PFX file.</summary>
    public const string PfxPassword = "store-test";

    /// <summary>The subject every end-entity certificate shares.</summary>
    public const string LeafSubject = "/C=US/O=Example Corp/CN=ic1.example.com";

    private const string LeafExtensions = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n" +
                                          "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5\n";

    private const string CaExtensions = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

    private readonly DateTime _now = DateTime.UtcNow;

    /// <summary>Makes every file under <paramref name="directory"/> (created when missing).</summary>
    public StorePki(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        Key("root");
        OpenSsl.Line($"req -x509 -new -key {Q("root.key")} -subj \"/C=US/O=Example Trust/CN=Example Store Root CA\" -days 3650 -sha256 " +
                     $"-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -addext subjectKeyIdentifier=hash -out {Q("root.cer")}");
        Key("inter");
        Issue("inter", "/C=US/O=Example Trust/CN=Example Store Issuing CA", "root", CaExtensions, -1000, 3000);
        Issue("inter-expired", "/C=US/O=Example Trust/CN=Example Store Issuing CA", "root", CaExtensions, -2000, -1, keyOf: "inter");
        foreach (var (name, from, to) in new[] { ("leaf", -30, 365), ("renewed", -1, 730), ("expired", -800, -35), ("soon", -355, 10) })
        {
            Key(name);
            Issue(name, LeafSubject, "inter", LeafExtensions, from, to);
            OpenSsl.Line($"pkcs12 -export -in {Q(name + ".cer")} -inkey {Q(name + ".key")} -name {name} -passout pass:{PfxPassword} " +
                         // 3DES and SHA-1 MAC: the PKCS#12 form every crypt32 imports (Wine's included), as certutil exports it.
                         $"-keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -out {Q(name + ".pfx")}");
        }

        Folder = Path.Combine(directory, "Certificates");
        Put("ServerGroup/ServerGroupCertificate.cer", "leaf.cer");
        Put("ServerGroup/ServerGroupPrivateKey.bin", "leaf.key");
        var trusted = Path.Combine(Folder, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer");
        CreateParent(trusted);
        File.WriteAllText(trusted, File.ReadAllText(P("inter.cer")) + File.ReadAllText(P("root.cer")));
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>The certificates folder (ServerGroup\ holds the leaf and its key; the local trusted file the CA and root).</summary>
    public string Folder { get; }

    /// <summary>The full path of a fixture file: root.cer, inter.cer, inter-expired.cer, leaf.cer/.key/.pfx, renewed.*, expired.*, soon.*.</summary>
    public string P(string name) => Path.Combine(Directory, name);

    private string Q(string name) => "\"" + P(name) + "\"";

    private void Key(string name) => OpenSsl.Line($"genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out {Q(name + ".key")}");

    // openssl ca rather than x509 -req: it sets both dates (x509 of openssl 3.0 only counts days from now).
    private void Issue(string name, string subject, string issuer, string extensions, int fromDays, int toDays, string? keyOf = null)
    {
        var db = P("ca-db");
        System.IO.Directory.CreateDirectory(db);
        if (!File.Exists(Path.Combine(db, "index.txt"))) File.WriteAllText(Path.Combine(db, "index.txt"), "");
        if (!File.Exists(Path.Combine(db, "serial"))) File.WriteAllText(Path.Combine(db, "serial"), "1000\n");
        // openssl's config reads '\' as an escape: forward slashes, which openssl takes on Windows too.
        var slash = (string p) => p.Replace('\\', '/');
        File.WriteAllText(P(name + ".cnf"),
            $"[ca]\ndefault_ca = d\n[d]\ndatabase = {slash(Path.Combine(db, "index.txt"))}\nnew_certs_dir = {slash(db)}\nserial = {slash(Path.Combine(db, "serial"))}\n" +
            "default_md = sha256\npolicy = p\nunique_subject = no\nemail_in_dn = no\n[p]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\n" +
            $"[x]\n{extensions}");
        OpenSsl.Line($"req -new -key {Q((keyOf ?? name) + ".key")} -subj \"{subject}\" -out {Q(name + ".csr")}");
        OpenSsl.Line($"ca -batch -notext -preserveDN -config {Q(name + ".cnf")} -cert {Q(issuer + ".cer")} -keyfile {Q(issuer + ".key")} " +
                     $"-in {Q(name + ".csr")} -out {Q(name + ".cer")} -startdate {Date(fromDays)} -enddate {Date(toDays)} -extensions x");
    }

    private string Date(int days) => _now.AddDays(days).ToString("yyyyMMddHHmmss") + "Z";

    private void Put(string relative, string name)
    {
        var target = Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));
        CreateParent(target);
        File.Copy(P(name), target, overwrite: true);
        if (name.EndsWith(".key", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void CreateParent(string path) => System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
}
