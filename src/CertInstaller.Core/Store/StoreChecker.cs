using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Validation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Store;

/// <summary>
/// Checks the LocalMachine stores against the folder's single third-party certificate, as IC's certificate wizard
/// needs them: the certificate in My with its own, exportable private key; its chain through CA to a root in Root (the
/// same builder and path rules as the folder's chains, the stores' certificates as the pool, Root as the anchors); no
/// certificate in My that IC would pick expired or expiring; and no other certificate there for the same names, naming
/// which one is newer.
/// </summary>
/// <remarks>
/// "Would pick": the certificates of My whose subject is the folder certificate's, or that carry one of its DNS names.
/// The wizard lists My's certificates by name and an admin picks the one that looks right, so a renewed or stale copy
/// under the same name is the one that can be taken instead of the folder's; a certificate for other names cannot.
/// </remarks>
public sealed class StoreChecker(IMachineCertificateStores stores, IChainBuilder builder)
{
    /// <summary>A checker with a chain builder of its own.</summary>
    public StoreChecker(IMachineCertificateStores stores) : this(stores, new ChainBuilder()) { }

    // The leaf's own dates are the expiry check's findings; what is left of a chain problem is the path itself.
    private static readonly HashSet<ChainProblemCode> LeafDates = [ChainProblemCode.Expired, ChainProblemCode.NotYetValid];

    /// <summary>Every finding of the stores against <paramref name="request"/>; empty on a consistent setup.</summary>
    /// <exception cref="StoreNeedsWindowsException">Off Windows.</exception>
    public IReadOnlyList<StoreFinding> Check(StoreCheckRequest request)
    {
        var my = Read(MachineStore.My, out var myUnreadable);
        var ca = Read(MachineStore.CA, out var caUnreadable);
        var root = Read(MachineStore.Root, out var rootUnreadable);
        var unreadable = new[] { myUnreadable, caUnreadable, rootUnreadable }.OfType<StoreFinding>().ToList();
        if (unreadable.Count > 0) return unreadable;

        var folder = request.FolderCertificate;
        var thumbprint = Thumbprints.Of(folder.GetEncoded());
        var subject = PkiDescriber.DescribeName(folder.SubjectDN).OneLine;
        var findings = new List<StoreFinding>();
        var inMy = my.FirstOrDefault(c => c.Store.Thumbprint == thumbprint);
        if (inMy is null)
            findings.Add(new StoreFinding(FindingCode.StoreCertificateMissing, MachineStore.My, thumbprint, subject,
                $"the folder's certificate ({request.FolderPath}) is not in LocalMachine\\My, where IC's certificate wizard imports it from",
                "import its PFX (certificate and private key, key marked exportable) into Local Computer > Personal"));
        else
            findings.AddRange(KeyFindings(inMy.Store, subject));

        findings.AddRange(SameNames(request, my, inMy, thumbprint, subject));
        findings.AddRange(ChainFindings(request, my.Concat(ca).Concat(root), root, subject, thumbprint));
        return findings;
    }

    /// <summary>
    /// The folder certificate's chain through the stores, as <see cref="Check"/> judges it: the leaf first, then the
    /// issuers the builder took from My, CA and Root, ending with the root of Root it reached (when it reached one). The
    /// one path definition: a backup's store record takes this path, so what it records is what <c>store</c> validates.
    /// </summary>
    /// <exception cref="StoreNeedsWindowsException">Off Windows.</exception>
    /// <exception cref="StoreUnreadableException">A store cannot be opened.</exception>
    public ChainResult Chain(StoreCheckRequest request)
    {
        IReadOnlyList<Parsed> Of(MachineStore store) => stores.List(store).Select(c => Parsed.Of(c)).OfType<Parsed>().ToList();
        var root = Of(MachineStore.Root);
        return Build(request, Of(MachineStore.My).Concat(Of(MachineStore.CA)).Concat(root), root);
    }

    private ChainResult Build(StoreCheckRequest request, IEnumerable<Parsed> all, IReadOnlyList<Parsed> root) =>
        builder.Build(new ChainRequest(request.FolderCertificate, new CertificatePool(all.Select(c => c.Certificate)),
            new CertificatePool(root.Select(c => c.Certificate)), request.At) { MinDigest = request.MinDigest });

    private IReadOnlyList<Parsed> Read(MachineStore store, out StoreFinding? unreadable)
    {
        unreadable = null;
        try
        {
            return stores.List(store).Select(c => Parsed.Of(c)).OfType<Parsed>().ToList();
        }
        catch (StoreUnreadableException e)
        {
            unreadable = new StoreFinding(FindingCode.StoreUnreadable, store, null, $"LocalMachine\\{store}",
                $"the store could not be opened read-only ({e.InnerException?.Message ?? e.Message})",
                "run the check as an administrator on the IC server, and check the store with certlm.msc");
            return [];
        }
    }

    private static IEnumerable<StoreFinding> KeyFindings(StoreCertificate c, string subject)
    {
        if (!c.HasPrivateKey)
        {
            yield return new StoreFinding(FindingCode.StorePrivateKeyMissing, c.Store, c.Thumbprint, subject,
                "the certificate is in LocalMachine\\My without its private key, so IC's wizard cannot import it with its key",
                "delete it from Local Computer > Personal and import the PFX that holds the certificate and its private key");
            yield break;
        }

        if (c.PrivateKeyMatches == false)
            yield return new StoreFinding(FindingCode.StorePrivateKeyMismatch, c.Store, c.Thumbprint, subject,
                "the private key linked to the certificate in LocalMachine\\My is another key pair's",
                "delete it from Local Computer > Personal and import the PFX made from this certificate and its own key");
        switch (c.KeyExportable)
        {
            case KeyExportability.No:
                yield return new StoreFinding(FindingCode.StoreKeyNotExportable, c.Store, c.Thumbprint, subject,
                    "its private key is marked non-exportable: IC's wizard cannot copy it into the folder, nor can it be taken to the backup server",
                    "delete it and import the PFX again with \"Mark this key as exportable\" (certutil -importPFX without NoExport)");
                break;
            case KeyExportability.Unknown:
                yield return new StoreFinding(FindingCode.StoreKeyExportabilityUnknown, c.Store, c.Thumbprint, subject,
                    "whether its private key is exportable cannot be told from here (no access to the key, or a provider that does not say)",
                    "run the check as an administrator, or look in certlm.msc: All Tasks > Export must offer \"Yes, export the private key\"");
                break;
        }
    }

    // The other certificates of My for the folder certificate's names, and the expiry of every one IC would pick.
    private static IEnumerable<StoreFinding> SameNames(StoreCheckRequest request, IReadOnlyList<Parsed> my, Parsed? inMy, string thumbprint, string subject)
    {
        var folder = request.FolderCertificate;
        var names = DnsNames(folder);
        var picked = my.Where(c => ReferenceEquals(c, inMy) || c.Certificate.SubjectDN.Equivalent(folder.SubjectDN, true) || DnsNames(c.Certificate).Overlaps(names)).ToList();
        foreach (var c in picked)
        {
            var s = c.Store;
            var state = Expiry.Of(new DateTimeOffset(s.NotBefore, TimeSpan.Zero), new DateTimeOffset(s.NotAfter, TimeSpan.Zero), request.At, request.ExpiryWarningDays);
            var whose = ReferenceEquals(c, inMy) ? "the folder's certificate" : "a certificate for the folder certificate's names";
            if (state == ExpiryState.Expired)
            {
                yield return new StoreFinding(FindingCode.StoreCertificateExpired, s.Store, s.Thumbprint, s.Subject,
                    $"{whose} in LocalMachine\\My expired on {s.NotAfter:yyyy-MM-dd HH:mm} UTC",
                    ReferenceEquals(c, inMy) ? "renew it with the CA, import the new PFX into Local Computer > Personal and into the folder with IC's wizard, then delete this one"
                              : "delete it from Local Computer > Personal so that it cannot be picked instead of the folder's");
                continue; // an expired copy is stale whatever its age: that is the one thing to say about it
            }

            if (state == ExpiryState.ExpiringSoon)
                yield return new StoreFinding(FindingCode.StoreCertificateExpiringSoon, s.Store, s.Thumbprint, s.Subject,
                    $"{whose} in LocalMachine\\My expires on {s.NotAfter:yyyy-MM-dd HH:mm} UTC, within {request.ExpiryWarningDays} days",
                    "plan the renewal: import the renewed PFX into Local Computer > Personal and into the folder with IC's wizard");
            if (ReferenceEquals(c, inMy)) continue;

            var newer = s.NotBefore > folder.NotBefore.ToUniversalTime() || s.NotBefore == folder.NotBefore.ToUniversalTime() && s.NotAfter > folder.NotAfter.ToUniversalTime();
            yield return newer
                ? new StoreFinding(FindingCode.StoreCertificateNewer, s.Store, s.Thumbprint, s.Subject,
                    $"LocalMachine\\My holds a newer certificate for these names (valid from {s.NotBefore:yyyy-MM-dd}) than the folder's {request.FolderPath} ({thumbprint}, valid from {folder.NotBefore.ToUniversalTime():yyyy-MM-dd}): the store's is newer; IC runs with the folder's",
                    "import the store's certificate into the folder with IC's certificate wizard (on every server of the pair), or delete it from Local Computer > Personal if it is not meant to be used")
                : new StoreFinding(FindingCode.StoreCertificateOlder, s.Store, s.Thumbprint, s.Subject,
                    $"LocalMachine\\My holds another, older certificate for these names (valid from {s.NotBefore:yyyy-MM-dd}) than the folder's {request.FolderPath} ({thumbprint}, valid from {folder.NotBefore.ToUniversalTime():yyyy-MM-dd}): the folder's is newer",
                    "delete the older one from Local Computer > Personal once the folder's is in use, so that the wizard cannot pick it");
        }
    }

    private IEnumerable<StoreFinding> ChainFindings(StoreCheckRequest request, IEnumerable<Parsed> all, IReadOnlyList<Parsed> root, string subject, string thumbprint)
    {
        var chain = Build(request, all, root);
        var leaf = request.FolderCertificate;
        var problems = chain.Problems.Where(p => !(LeafDates.Contains(p.Code) && p.Subject == subject)).ToList();
        if (chain.Anchor is not null && problems.Count == 0) yield break;

        if (chain.Anchor is null)
        {
            var top = chain.Path.Count > 0 ? chain.Path[chain.Path.Count - 1] : leaf;
            var topSubject = PkiDescriber.DescribeName(top.SubjectDN).OneLine;
            var selfSigned = top.SubjectDN.Equivalent(top.IssuerDN, true);
            var why = selfSigned
                ? $"the chain of the folder's certificate ends at the root {topSubject}, which is not in LocalMachine\\Root"
                : $"the chain of the folder's certificate stops at {topSubject}: its issuer {PkiDescriber.DescribeName(top.IssuerDN).OneLine} is in neither LocalMachine\\CA nor LocalMachine\\Root";
            yield return new StoreFinding(FindingCode.StoreRootMissing, MachineStore.Root, selfSigned ? Thumbprints.Of(top.GetEncoded()) : null,
                selfSigned ? topSubject : PkiDescriber.DescribeName(top.IssuerDN).OneLine, why,
                "import the CA's root certificate into Local Computer > Trusted Root Certification Authorities and its intermediates into Intermediate Certification Authorities");
            yield break;
        }

        yield return new StoreFinding(FindingCode.StoreChainNotTrusted, MachineStore.Root, Thumbprints.Of(chain.Anchor.GetEncoded()),
            PkiDescriber.DescribeName(chain.Anchor.SubjectDN).OneLine,
            $"the chain of the folder's certificate ({thumbprint}) through the stores reaches this root but does not validate: {string.Join("; ", problems.Select(p => p.Message))}",
            "replace the CA certificates named in LocalMachine\\CA and LocalMachine\\Root with the CA's current ones");
    }

    private static HashSet<string> DnsNames(X509Certificate c) =>
        new(PkiDescriber.Describe(c).Sans.Where(s => s.Type == SanType.Dns).Select(s => s.Value), StringComparer.OrdinalIgnoreCase);

    // A store certificate with its BouncyCastle parse (the chain builder's type); one the parser refuses is left out.
    private sealed record Parsed(StoreCertificate Store, X509Certificate Certificate)
    {
        public static Parsed? Of(StoreCertificate store)
        {
            try
            {
                return new Parsed(store, new X509Certificate(store.RawDer.ToArray()));
            }
            catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or ArgumentException or IOException or InvalidCastException)
            {
                return null;
            }
        }
    }
}
