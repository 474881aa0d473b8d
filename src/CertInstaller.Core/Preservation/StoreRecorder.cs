using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Store;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Preservation;

/// <summary>
/// Records the store's part of a folder for its snapshot: the folder's Server Group (single-certificate) certificate as
/// LocalMachine\My holds it, then its issuers, found by subject and verified signature among CA, Root and the folder's own
/// certificates, as CA (intermediates) and Root (the self-issued end) hold them. Only thumbprints, subjects and key state
/// are read: the stores' private keys are never opened for export, and no certificate bytes are kept.
/// </summary>
/// <param name="stores">The stores, or null when this host has none.</param>
/// <param name="run">The run's parse cache (the classification has read the folder's files already).</param>
public sealed class StoreRecorder(IMachineCertificateStores? stores, RunCache run)
{
    /// <summary>Depth at which the issuer walk stops (the chain builder's default too).</summary>
    private const int MaxDepth = 8;

    private readonly PkiReader _reader = new();

    /// <summary>The store section for <paramref name="layout"/>. Never throws: a store that cannot be read is recorded as not recorded.</summary>
    public StoreSection Record(FolderLayout layout)
    {
        var set = layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup && s.Certificate is not null);
        var leaf = set is null ? null : Certificates(layout, set.Certificate!).FirstOrDefault();
        if (leaf is null)
        {
            return new StoreSection(true, "the folder holds no readable Server Group certificate, so it relies on no store certificate", []);
        }

        if (SelfIssued(leaf))
        {
            return new StoreSection(true, "the Server Group certificate is IC's own self-signed root: the folder relies on no store certificate", []);
        }

        if (stores is null)
        {
            return StoreSection.NotRecorded("this process has no access to the certificate stores");
        }

        try
        {
            return new StoreSection(true, null, Walk(layout, set!.Certificate!, leaf));
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

    private IReadOnlyList<StoreCertificateRecord> Walk(FolderLayout layout, string leafFile, X509Certificate leaf)
    {
        var records = new List<StoreCertificateRecord> { Observe(MachineStore.My, StoreCertificateRole.Certificate, leaf, leafFile) };
        var fromStores = stores!.List(MachineStore.Root).Concat(stores.List(MachineStore.CA))
            .Select(c => (File: (string?)null, Certificate: Parse(c.RawDer)))
            .Where(c => c.Certificate is not null);
        var fromFolder = layout.Entries.Where(e => e.Part is FilePart.Certificate or FilePart.Trusted)
            .SelectMany(e => Certificates(layout, e.RelativePath).Select(c => (File: (string?)e.RelativePath, Certificate: (X509Certificate?)c)));
        var candidates = fromStores.Concat(fromFolder).ToList();

        var current = leaf;
        for (var depth = 0; depth < MaxDepth && !SelfIssued(current); depth++)
        {
            var subject = current;
            var issuer = candidates.FirstOrDefault(c => c.Certificate!.SubjectDN.Equivalent(subject.IssuerDN) && run.Signatures.Verifies(c.Certificate, subject));
            if (issuer.Certificate is null)
            {
                break; // an issuer found nowhere: the store check (and validation) name it; there is no thumbprint to record
            }

            current = issuer.Certificate;
            var root = SelfIssued(current);
            var file = issuer.File ?? FolderFileOf(layout, current);
            records.Add(Observe(root ? MachineStore.Root : MachineStore.CA, root ? StoreCertificateRole.Root : StoreCertificateRole.Intermediate, current, file));
        }

        return records;
    }

    private StoreCertificateRecord Observe(MachineStore store, StoreCertificateRole role, X509Certificate certificate, string? folderFile)
    {
        var thumbprint = Thumbprints.Of(certificate.GetEncoded());
        var held = stores!.Find(store, thumbprint);
        return held is null
            ? new StoreCertificateRecord(store, role, thumbprint, certificate.SubjectDN.ToString(), certificate.NotBefore.ToUniversalTime(),
                false, false, KeyExportability.Unknown, null, folderFile)
            : new StoreCertificateRecord(store, role, held.Thumbprint, held.Subject, held.NotBefore,
                true, held.HasPrivateKey, held.KeyExportable, held.PrivateKeyMatches, folderFile);
    }

    private string? FolderFileOf(FolderLayout layout, X509Certificate certificate) =>
        layout.Entries.Where(e => e.Part is FilePart.Certificate or FilePart.Trusted)
            .FirstOrDefault(e => Certificates(layout, e.RelativePath).Any(c => c.Equals(certificate)))?.RelativePath;

    private IReadOnlyList<X509Certificate> Certificates(FolderLayout layout, string relativePath) =>
        run.Files.Read(_reader, new SourceFile(layout.FullPath(relativePath), relativePath)).Result.Objects
            .OfType<CertificateObject>().Select(o => o.Certificate).ToList();

    private bool SelfIssued(X509Certificate certificate) =>
        certificate.SubjectDN.Equivalent(certificate.IssuerDN) && run.Signatures.Verifies(certificate, certificate);

    private static X509Certificate? Parse(ReadOnlyMemory<byte> der)
    {
        try
        {
            return new X509CertificateParser().ReadCertificate(der.ToArray());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // a store entry BouncyCastle cannot read is no issuer of the folder's certificate
        }
    }
}
