using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// The LocalMachine stores against the folder's single third-party certificate (<see cref="StoreChecker"/>): not among
/// the default rules, since it reads the machine rather than the folder; the hosts add it on request.
/// </summary>
/// <remarks>The folder's certificate is <see cref="FolderSlots.SingleCertificate"/>, the selector a backup's store record
/// uses too. A folder without one (a self-signed Server Group, separate Server and Client certificates) has no part in
/// the stores: <see cref="FindingCode.StoreNotApplicable"/>, and nothing is read.</remarks>
public sealed class StoreRule(IMachineCertificateStores stores, IChainBuilder builder) : IFolderRule
{
    /// <summary>A rule over <paramref name="stores"/> with a chain builder of its own.</summary>
    public StoreRule(IMachineCertificateStores stores) : this(stores, new ChainBuilder()) { }

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        if (context.Layout.Kind is FolderKind.Missing or FolderKind.Empty or FolderKind.Unreadable) return []; // FolderRule's
        if (context.Slots.SingleCertificate is not { } single)
            return [new Observation(FindingCode.StoreNotApplicable, "",
                "the folder is not in single third-party certificate mode (its Server Group certificate is self-signed or missing, and no third-party certificate serves both Server and Client): " +
                "the machine stores play no part in it. Fix: none needed; convert the folder to the single-certificate mode first if that is what was meant")];
        try
        {
            var request = new StoreCheckRequest(single.Certificate, single.Path, context.At, context.Policy.ExpiryWarningDays, context.Policy.MinDigest);
            return new StoreChecker(stores, builder).Check(request).Select(f => f.ToObservation()).ToList();
        }
        catch (StoreNeedsWindowsException e)
        {
            // The hosts refuse the check off Windows before it runs; a host that did not still gets a coded answer.
            return [new Observation(FindingCode.StoreUnreadable, $@"Cert:\LocalMachine\{e.Store}", $"{e.Message} Fix: run it on Windows")];
        }
    }
}
