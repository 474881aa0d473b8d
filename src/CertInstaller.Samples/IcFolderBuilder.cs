using System.Text;
using System.Xml.Linq;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Samples;

/// <summary>Writes realistic IC certificates folders (server or off-server component) for tests, the demo and the MSI kit.</summary>
public sealed class IcFolderBuilder(KeyCache keys)
{
    /// <summary>A builder whose keys are cached on disk between runs (RSA generation is slow).</summary>
    public IcFolderBuilder() : this(KeyCache.Shared) { }

    /// <summary>Writes an IC server folder into <paramref name="root"/>, overwriting files of the same names (as an IC install does).</summary>
    public IcFolder BuildServer(string root, IcFolderSpec spec)
    {
        var w = new Writer(root);
        var s = spec.Server;
        (IssuedCertificate Root, IssuedCertificate Issuing)? external = spec.Trust == TrustMode.SelfSigned ? null : spec.ExternalCa ?? ExternalCa(spec);
        var thirdParty = new List<string>();
        var issued = new Dictionary<string, IssuedCertificate>(StringComparer.Ordinal);

        IssuedCertificate serverGroup;
        if (spec.SharedServerGroup is { } shared)
            serverGroup = shared;
        else if (spec.Trust == TrustMode.ThirdPartyServerGroup)
            serverGroup = CertificateFactory.Issue(Ca(spec, $"C=US, O=Example Corp, OU=Interaction Center, CN={s} Server Group"), Key(spec, "servergroup"), external!.Value.Issuing);
        else
            serverGroup = CertificateFactory.SelfSigned(Ca(spec, $"O=Interactive Intelligence, OU=Server Group, CN=ServerGroup-{s}"), Key(spec, "servergroup"));
        w.Triple("ServerGroup/ServerGroup", issued["ServerGroup"] = serverGroup);
        var sgThirdParty = spec.Trust == TrustMode.ThirdPartyServerGroup;
        if (sgThirdParty) thirdParty.AddRange(w.Last(3));

        var icCa = CertificateFactory.Issue(Ca(spec, $"O=Interactive Intelligence, OU=IC Certificate Authority, CN={s} IC CA", pathLength: 0), Key(spec, "icca"), serverGroup);
        w.Triple($"ICCertificateAuthority/{s}_ICCertificateAuthority", issued["ICCertificateAuthority"] = icCa);
        if (sgThirdParty) thirdParty.AddRange(w.Last(3));

        var fqdn = $"{s.ToLowerInvariant()}.{spec.Domain}";
        foreach (var use in new[] { "Server", "Client" })
        {
            var leafSpec = CertificateSpec.Leaf($"O=Interactive Intelligence, OU=IC, OU={use}, CN={fqdn}", SubjectAltName.Dns(fqdn), SubjectAltName.Dns(s)) with
            {
                Digest = spec.Digest,
                NotBefore = spec.NotBefore,
                NotAfter = spec.Trust == TrustMode.SelfSigned ? spec.NotAfter : spec.ThirdPartyNotAfter,
            };
            var issuer = spec.Trust == TrustMode.ThirdPartyPerUseType ? external!.Value.Issuing : icCa;
            if (spec.Trust == TrustMode.ThirdPartyPerUseType)
                leafSpec = leafSpec with { Subject = $"C=US, O=Example Corp, OU=Contact Center, OU={use}, CN={fqdn}" };
            w.Pair($"Client/Local_Subsystems/{s}_{use}", issued[use] = CertificateFactory.Issue(leafSpec, Key(spec, use), issuer));
            if (spec.Trust != TrustMode.SelfSigned) thirdParty.AddRange(w.Last(2));
        }
        var trusted = new List<X509Certificate> { serverGroup.Certificate };
        if (external is { } ca) trusted = spec.Trust == TrustMode.ThirdPartyServerGroup
            ? [ca.Root.Certificate, ca.Issuing.Certificate]
            : [serverGroup.Certificate, ca.Root.Certificate, ca.Issuing.Certificate];
        w.Certificates($"Client/Local_Subsystems/{s}_TrustedCertificate.cer", trusted);
        if (spec.Trust != TrustMode.SelfSigned) thirdParty.AddRange(w.Last(1));

        // Line (SIP) certificates are per server: never shared by a switchover pair.
        var line = CertificateFactory.Issue(Leaf(spec, $"O=Interactive Intelligence, OU=Line, CN={s}-line", fqdn), Key(spec, "line"), icCa);
        w.Pair($"Client/Local_Subsystems/{s}_Line", issued["Line"] = line);
        if (sgThirdParty) thirdParty.AddRange(w.Last(2));

        var https = issued["HTTPS"] = CertificateFactory.Issue(Leaf(spec, $"CN={fqdn}", fqdn), Key(spec, "https"), icCa);
        w.Bytes($"HTTPS/{fqdn}.cer", Encoding.ASCII.GetBytes(PkiWriter.CertificatePem(https.Certificate)));
        w.Bytes($"HTTPS/{fqdn}.key", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(https.Keys.Private, KeyFormat.Pkcs1)), privateKey: true);
        if (sgThirdParty) thirdParty.AddRange(w.Last(2));

        if (spec.LegacySha1Certificate)
        {
            var legacy = CertificateFactory.Issue(Leaf(spec, $"O=Interactive Intelligence, OU=Legacy, CN={fqdn}", fqdn) with { Digest = DigestAlgorithm.Sha1 }, Key(spec, "legacy"), icCa);
            w.Pair($"Client/Local_Subsystems/{s}_Legacy", issued["Legacy"] = legacy);
            if (sgThirdParty) thirdParty.AddRange(w.Last(2));
        }

        for (var i = 1; i <= spec.RemotePeers; i++)
        {
            var peer = $"peer{i:D3}";
            var client = CertificateFactory.Issue(Leaf(spec, $"O=Interactive Intelligence, OU=IC, OU=Client, CN={s} for {peer}", fqdn), Key(spec, "Client"), icCa);
            w.Pair($"Client/Remote_Subsystems/{peer}/{s}_Client", client);
            w.Certificates($"Client/Remote_Subsystems/{peer}/{s}_TrustedCertificate.cer", trusted);
            if (sgThirdParty) thirdParty.AddRange(w.Last(3));
            else if (spec.Trust == TrustMode.ThirdPartyPerUseType) thirdParty.AddRange(w.Last(1));
        }

        if (spec.WriteMap) w.Map($"{s}_ININ_Certificates.xml", spec.MapRoot);
        return new IcFolder(w.Root, spec, serverGroup, external, w.Files, thirdParty, issued);
    }

    /// <summary>Writes the flat folder of an off-server component (Media Server, RCS, OSSM), issued by <paramref name="serverGroup"/>
    /// or by the outside CA. Every file is third-party: the folder holds no Server Group root of its own to call IC's.</summary>
    public IcFolder BuildComponent(string root, IcFolderSpec spec, IssuedCertificate serverGroup)
    {
        var w = new Writer(root);
        var fqdn = $"{spec.Server.ToLowerInvariant()}.{spec.Domain}";
        (IssuedCertificate Root, IssuedCertificate Issuing)? external = spec.Trust == TrustMode.SelfSigned ? null : spec.ExternalCa ?? ExternalCa(spec);
        var issuer = external?.Issuing ?? serverGroup;
        var cert = CertificateFactory.Issue(Leaf(spec, $"O=Interactive Intelligence, OU=Media Server, CN={fqdn}", fqdn), Key(spec, "component"), issuer);
        w.Pair($"{spec.Server}_Client", cert);
        var issued = new Dictionary<string, IssuedCertificate>(StringComparer.Ordinal) { ["Client"] = cert };
        w.Certificates($"{spec.Server}_TrustedCertificate.cer", external is { } ca ? [ca.Root.Certificate, ca.Issuing.Certificate] : [serverGroup.Certificate]);
        return new IcFolder(w.Root, spec, serverGroup, external, w.Files, w.Files.ToList(), issued);
    }

    /// <summary>An outside CA: root and issuing CA, deterministic from the spec's seed.</summary>
    public (IssuedCertificate Root, IssuedCertificate Issuing) ExternalCa(IcFolderSpec spec)
    {
        var root = CertificateFactory.SelfSigned(Ca(spec, "C=US, O=Example Government, OU=PKI, CN=Example Government Root CA") with { NotAfter = spec.NotAfter.AddYears(5) },
            Key(spec with { KeySeed = "external" }, "root"));
        var issuing = CertificateFactory.Issue(Ca(spec, "C=US, O=Example Government, OU=PKI, CN=Example Government Issuing CA 1", pathLength: 2),
            Key(spec with { KeySeed = "external" }, "issuing"), root);
        return (root, issuing);
    }

    private AsymmetricCipherKeyPair Key(IcFolderSpec spec, string name) => keys.Get(KeySpec.Rsa(spec.RsaBits), $"{spec.KeySeed}/{spec.Server}/{name}");

    private static CertificateSpec Ca(IcFolderSpec spec, string subject, int? pathLength = null) =>
        CertificateSpec.Ca(subject, pathLength) with { Digest = spec.Digest, NotBefore = spec.NotBefore, NotAfter = spec.NotAfter };

    private static CertificateSpec Leaf(IcFolderSpec spec, string subject, string fqdn) =>
        CertificateSpec.Leaf(subject, SubjectAltName.Dns(fqdn)) with { Digest = spec.Digest, NotBefore = spec.NotBefore, NotAfter = spec.NotAfter };

    /// <summary>Writes files and remembers their relative paths.</summary>
    private sealed class Writer(string root)
    {
        private readonly List<string> _files = [];

        public string Root { get; } = Path.GetFullPath(root);

        public IReadOnlyList<string> Files => _files;

        public IEnumerable<string> Last(int n) => _files.Skip(_files.Count - n).ToList();

        public void Triple(string stem, IssuedCertificate issued)
        {
            Pair(stem, issued);
            Bytes(stem + "PublicKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PublicKeyPem(issued.Keys.Public)));
        }

        public void Pair(string stem, IssuedCertificate issued)
        {
            Bytes(stem + "Certificate.cer", Encoding.ASCII.GetBytes(PkiWriter.CertificatePem(issued.Certificate)));
            Bytes(stem + "PrivateKey.bin", Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(issued.Keys.Private, KeyFormat.Pkcs1)), privateKey: true);
        }

        public void Certificates(string path, IEnumerable<X509Certificate> certificates) =>
            Bytes(path, Encoding.ASCII.GetBytes(PkiWriter.CertificatesPem(certificates)));

        public void Map(string path, string mapRoot)
        {
            var doc = new XElement("Certificates",
                _files.Select(f => new XElement("Certificate", new XAttribute("Path", mapRoot.TrimEnd('\\') + "\\" + f.Replace('/', '\\')))));
            Bytes(path, Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), doc).ToString()));
        }

        public void Bytes(string relative, byte[] content, bool privateKey = false)
        {
            var full = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
#if NET
            // Keys readable by their owner only, as a careful admin leaves them (Windows: the folder's ACL).
            if (privateKey && !OperatingSystem.IsWindows()) File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
#endif
            if (!_files.Contains(relative)) _files.Add(relative);
        }
    }
}
