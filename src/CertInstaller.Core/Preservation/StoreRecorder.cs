using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Store;
using CertInstaller.Core.Validation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Preservation;

/// <summary>
/// Records the store's part of a folder for its snapshot: the folder's single third-party certificate
/// (<see cref="FolderSlots.SingleCertificate"/>, the one <c>store</c> checks) as LocalMachine\My holds it, then the issuers
/// of the path <see cref="StoreChecker.Chain"/> builds through the stores (the path <c>store</c> validates), as CA
/// (intermediates) and Root (the root) hold them. Only thumbprints, subjects and key state are read: the stores' private
/// keys are never opened for export, and no certificate bytes are kept.
/// </summary>
/// <remarks>When the stores' path stops short of a root (an issuer in neither CA nor Root, which <c>store</c> reports as
/// CI13008), the rest of the path is built from the folder's own certificates and recorded as absent from the stores,
/// with the folder file that holds it: the stores' part is still exactly the validated path, and a restore can name the
/// file to import.</remarks>
/// <param name="stores">The stores, or null when this host has none.</param>
/// <param name="run">The run's parse cache (the classification has read the folder's files already) and signature cache.</param>
/// <param name="at">The time the path is judged at (the backup's clock), as <c>store</c> judges it at its own.</param>
/// <param name="minDigest">The weakest signature digest a link may use: the run's validation minimum (the installer's
/// MinDigest or policy file), so the path recorded is the one validation accepts; the policy's default when the run has none.</param>
public sealed class StoreRecorder(IMachineCertificateStores? stores, RunCache run, DateTimeOffset at, DigestAlgorithm minDigest = DigestAlgorithm.Sha256)
{
    private readonly ChainBuilder _builder = new(run.Signatures);

    /// <summary>SHA-256 of the folder's files the classification already read (relative path → hash), so selecting the
    /// single certificate parses what the run holds instead of opening those files a second time.</summary>
    public IReadOnlyDictionary<string, string>? KnownContent { get; init; }

    /// <summary>The store section for <paramref name="layout"/>. Never throws: a store that cannot be read is recorded as not recorded.</summary>
    public StoreSection Record(FolderLayout layout)
    {
        var files = new PkiFileCache(layout.Root, layout.MapPasswords, run, KnownContent);
        if (FolderSlots.Of(layout, files).SingleCertificate is not { } single)
        {
            return new StoreSection(true, "the folder is not in single third-party certificate mode (its Server Group certificate is IC's own " +
                "self-signed root or missing, and no one certificate serves both the local Server and Client slots): it relies on no store certificate", []);
        }

        if (stores is null)
        {
            return StoreSection.NotRecorded("this process has no access to the certificate stores");
        }

        try
        {
            return new StoreSection(true, null, Records(layout, files, single));
        }
        catch (StoreNeedsWindowsException)
        {
            return StoreSection.NotRecorded("the LocalMachine certificate stores exist only on Windows");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return StoreSection.NotRecorded("reading the stores failed: " + e.Message);
        }
    }

    private IReadOnlyList<StoreCertificateRecord> Records(FolderLayout layout, PkiFileCache files, SingleCertificate single)
    {
        // Expiry warnings play no part in the path; the request is the one the store check makes.
        var chain = new StoreChecker(stores!, _builder).Chain(new StoreCheckRequest(single.Certificate, single.Path, at, 0, minDigest));
        var folder = FolderCertificates(layout, files);
        var path = chain.Path.ToList();
        if (chain.Anchor is null && path.Count > 0 && !run.Signatures.IsSelfSigned(path[path.Count - 1]))
        {
            // The stores lack the next issuer: the folder's trusted files name it (none of these is in the stores' pool).
            var rest = _builder.Build(new ChainRequest(path[path.Count - 1], new CertificatePool(folder.Select(f => f.Certificate)),
                new CertificatePool(folder.Select(f => f.Certificate).Where(run.Signatures.IsSelfSigned)), at) { MinDigest = minDigest });
            path.AddRange(rest.Path.Skip(1));
        }

        var records = new List<StoreCertificateRecord> { Observe([MachineStore.My], StoreCertificateRole.Certificate, single.Certificate, single.Path) };
        foreach (var issuer in path.Skip(1))
        {
            var file = folder.Where(f => f.Certificate.Equals(issuer)).Select(f => (string?)f.File).FirstOrDefault();
            records.Add(run.Signatures.IsSelfSigned(issuer)
                ? Observe([MachineStore.Root], StoreCertificateRole.Root, issuer, file)
                // The builder may have taken an intermediate from My or Root (its pool is every store): recorded where it is.
                : Observe([MachineStore.CA, MachineStore.My, MachineStore.Root], StoreCertificateRole.Intermediate, issuer, file));
        }

        return records;
    }

    // The store first in `where` that holds the certificate, or absent from the first.
    private StoreCertificateRecord Observe(IReadOnlyList<MachineStore> where, StoreCertificateRole role, X509Certificate certificate, string? folderFile)
    {
        var thumbprint = Thumbprints.Of(certificate.GetEncoded());
        var held = where.Select(s => stores!.Find(s, thumbprint)).FirstOrDefault(c => c is not null);
        return held is null
            ? new StoreCertificateRecord(where[0], role, thumbprint, certificate.SubjectDN.ToString(), certificate.NotBefore.ToUniversalTime(),
                false, false, KeyExportability.Unknown, null, folderFile)
            : new StoreCertificateRecord(held.Store, role, held.Thumbprint, held.Subject, held.NotBefore,
                true, held.HasPrivateKey, held.KeyExportable, held.PrivateKeyMatches, folderFile);
    }

    private static IReadOnlyList<(string File, X509Certificate Certificate)> FolderCertificates(FolderLayout layout, PkiFileCache files) =>
        layout.Entries.Where(e => e.Part is FilePart.Certificate or FilePart.Trusted)
            .SelectMany(e => files.Certificates(e.RelativePath).Select(c => (e.RelativePath, c)))
            .ToList();
}
