using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation;

/// <summary>One live certificate of the folder and what judges it: its set's trusted file, its purpose, its profile.</summary>
/// <param name="Path">The certificate file, relative.</param>
/// <param name="Role">The area of the folder.</param>
/// <param name="UseType">The use type (Server, Client, Line, ...) or null (HTTPS).</param>
/// <param name="TrustedFile">The one trusted file the set is verified against, or null when the set has none.</param>
/// <param name="Purpose">What the certificate must be good for.</param>
/// <param name="Profile">RFC 5280, or the web PKI profile for HTTPS.</param>
public sealed record CertificateSlot(string Path, CertificateRole Role, string? UseType, string? TrustedFile, ChainPurpose Purpose, ChainProfile Profile)
{
    /// <summary>True for the HTTPS slot (judged at warning level).</summary>
    public bool IsHttps => Role == CertificateRole.Https;
}

/// <summary>
/// The folder's sets as trust sees them. Each set is verified against its own trusted certificate file plus the
/// folder's own hierarchy (ServerGroup\ and ICCertificateAuthority\), never against anchors found in other sets.
/// Sets with no trusted file of their own (ServerGroup\, ICCertificateAuthority\, HTTPS\, line certificates beside
/// the local subsystems) use the folder's main trusted file, Client\Local_Subsystems\&lt;server&gt;_TrustedCertificate.cer.
/// </summary>
public sealed class FolderSlots
{
    private FolderSlots(FolderLayout layout, PkiFileCache files)
    {
        ServerGroupPath = layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup && s.Certificate is not null)?.Certificate;
        ServerGroup = ServerGroupPath is null ? null : files.Certificates(ServerGroupPath).FirstOrDefault();
        SelfSignedRoot = ServerGroup is not null && IsSelfSigned(ServerGroup) ? ServerGroup : null;
        CaPath = layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.CertificateAuthority && s.Certificate is not null)?.Certificate;
        Ca = CaPath is null ? null : files.Certificates(CaPath).FirstOrDefault();
        MainTrusted = MainTrustedFile(layout);

        var slots = new List<CertificateSlot>();
        var sets = layout.Sets.Where(s => s.Certificate is not null && s.Role is not (CertificateRole.CsrWorkArea or CertificateRole.LeftoverBackup or CertificateRole.Unknown)).ToList();
        var localServer = SingleCertificateServerSet(sets, files);
        var single = localServer is not null;
        foreach (var set in sets)
        {
            var trusted = set.Role switch
            {
                CertificateRole.ServerGroup or CertificateRole.CertificateAuthority => MainTrusted,
                CertificateRole.LocalSubsystem or CertificateRole.Line => set.Trusted ?? MainTrusted,
                _ => set.Trusted,
            };
            var purpose = set.Role == CertificateRole.ServerGroup && ServerGroup is not null && SelfSignedRoot is null
                ? ChainPurpose.ServerAndClient // single third-party certificate mode: an outside CA issued the Server Group certificate
                : PurposeOf(set, single);
            slots.Add(new CertificateSlot(set.Certificate!, set.Role, set.UseType, trusted, purpose, ChainProfile.Rfc5280));
        }
        var httpsTrusted = layout.Entries.FirstOrDefault(e => e.Role == CertificateRole.Https && e.Part == FilePart.Trusted)?.RelativePath ?? MainTrusted;
        foreach (var e in layout.Entries.Where(e => e.Role == CertificateRole.Https && e.Part is FilePart.Other or FilePart.Certificate && IsCertificateFile(e.RelativePath)))
            slots.Add(new CertificateSlot(e.RelativePath, CertificateRole.Https, null, httpsTrusted, ChainPurpose.Server, ChainProfile.WebPki));
        Slots = slots;
        SingleCertificate = SelectSingle(localServer, files);
    }

    /// <summary>The slots of <paramref name="context"/>'s folder (computed once per run).</summary>
    public static FolderSlots Of(ValidationContext context) => context.Slots;

    /// <summary>The slots of <paramref name="layout"/> read through <paramref name="files"/>, for a step that is no
    /// validation (a backup's store record) but must see the folder as validation does.</summary>
    public static FolderSlots Of(FolderLayout layout, PkiFileCache files) => new(layout, files);

    internal static FolderSlots Compute(ValidationContext context) => new(context.Layout, context.Files);

    /// <summary>Every live certificate slot.</summary>
    public IReadOnlyList<CertificateSlot> Slots { get; }

    /// <summary>ServerGroup\'s certificate file, if any.</summary>
    public string? ServerGroupPath { get; }

    /// <summary>ServerGroup\'s certificate, if readable.</summary>
    public X509Certificate? ServerGroup { get; }

    /// <summary>The Server Group certificate when it is a self-signed root (IC's self-signed mode).</summary>
    public X509Certificate? SelfSignedRoot { get; }

    /// <summary>ICCertificateAuthority\'s certificate file, if any.</summary>
    public string? CaPath { get; }

    /// <summary>The IC CA certificate, if readable.</summary>
    public X509Certificate? Ca { get; }

    /// <summary>The folder's main trusted file (Client\Local_Subsystems), if any.</summary>
    public string? MainTrusted { get; }

    /// <summary>
    /// The folder's single third-party certificate, the one the LocalMachine stores must hold; null when the folder is not
    /// in that mode. The one selector of it: <c>store</c> / <c>validate --store</c> check it and a backup records the
    /// stores' part of it, so a folder checked is a folder recorded.
    /// </summary>
    /// <remarks>The Server Group certificate when an outside CA issued it (IC 2018 R5's single-certificate mode; it wins
    /// when the folder is in both forms, since IC's wizard imports the Server Group certificate from the store); else the
    /// local Server slot's certificate when it is the Client slot's too. A self-signed Server Group with separate Server
    /// and Client certificates has no part in the stores.</remarks>
    public SingleCertificate? SingleCertificate { get; }

    /// <summary>The folder's hierarchy: Server Group and IC CA certificates that are readable.</summary>
    public IEnumerable<X509Certificate> Hierarchy => new[] { ServerGroup, Ca }.OfType<X509Certificate>();

    /// <summary>True when <paramref name="c"/> names itself as issuer and its signature verifies with its own key.</summary>
    public static bool IsSelfSigned(X509Certificate c) => FolderChainVerifier.IsSelfSigned(c);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<X509Certificate, bool> _selfSigned = new();

    /// <summary><see cref="IsSelfSigned"/>, verified once per distinct certificate of the run (every remote trusted file holds the same roots).</summary>
    public bool SelfSigned(X509Certificate c) => _selfSigned.GetOrAdd(c, FolderChainVerifier.IsSelfSigned);

    /// <summary>True when <paramref name="issuer"/>'s key verifies <paramref name="subject"/>'s signature and the names chain.</summary>
    public static bool Issued(X509Certificate issuer, X509Certificate subject)
    {
        if (!subject.IssuerDN.Equivalent(issuer.SubjectDN, true)) return false;
        try
        {
            return Pki.LocalKeys.Parse(() => subject.IsSignatureValid(issuer.GetPublicKey()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    internal static bool IsCertificateFile(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".cer" or ".crt" or ".pem" or ".der";

    private static string? MainTrustedFile(FolderLayout layout)
    {
        var local = layout.Entries.Where(e => e.Role == CertificateRole.LocalSubsystem && e.Part == FilePart.Trusted).ToList();
        return (local.FirstOrDefault(e => string.Equals(e.Server, layout.ServerName, StringComparison.OrdinalIgnoreCase)) ?? local.FirstOrDefault())?.RelativePath;
    }

    private SingleCertificate? SelectSingle(CertificateSet? localServer, PkiFileCache files)
    {
        if (ServerGroup is { } sg && ServerGroupPath is { } path && SelfSignedRoot is null) return new SingleCertificate(path, sg);
        return localServer is not null && files.Certificates(localServer.Certificate!) is { Count: > 0 } bundle
            ? new SingleCertificate(localServer.Certificate!, LeafSelector.Select(bundle))
            : null;
    }

    /// <summary>The local Server set when one third-party certificate serves both uses: the local Server and Client slots
    /// hold one and the same certificate; else null. (The other form of single-certificate mode, a Server Group
    /// certificate issued by an outside CA, is recognised by the Server Group not being self-signed.)</summary>
    private static CertificateSet? SingleCertificateServerSet(IReadOnlyList<CertificateSet> sets, PkiFileCache files)
    {
        var local = sets.Where(s => s.Role == CertificateRole.LocalSubsystem).ToList();
        var server = local.FirstOrDefault(s => string.Equals(s.UseType, "Server", StringComparison.OrdinalIgnoreCase));
        var client = local.FirstOrDefault(s => string.Equals(s.UseType, "Client", StringComparison.OrdinalIgnoreCase));
        if (server is null || client is null) return null;
        var a = files.Certificates(server.Certificate!).FirstOrDefault();
        var b = files.Certificates(client.Certificate!).FirstOrDefault();
        return a is not null && b is not null && a.Equals(b) ? server : null;
    }

    private static ChainPurpose PurposeOf(CertificateSet set, bool single)
    {
        if (set.Role is CertificateRole.ServerGroup or CertificateRole.CertificateAuthority) return ChainPurpose.Any;
        if (single && set.Role == CertificateRole.LocalSubsystem && set.UseType is { } u && (u.Equals("Server", StringComparison.OrdinalIgnoreCase) || u.Equals("Client", StringComparison.OrdinalIgnoreCase)))
            return ChainPurpose.ServerAndClient;
        return set.UseType?.ToLowerInvariant() switch
        {
            "server" => ChainPurpose.Server,
            "client" => ChainPurpose.Client,
            _ => ChainPurpose.Any,
        };
    }
}
