using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// The LocalMachine stores against the folder's single third-party certificate (<see cref="StoreChecker"/>): not among
/// the default rules, since it reads the machine rather than the folder; the hosts add it on request.
/// </summary>
/// <remarks>The folder's certificate is the Server Group certificate when an outside CA issued it (IC 2018 R5's single
/// third-party certificate mode), else the local Server slot's when it is the Client slot's too. A self-signed Server
/// Group has no part in the stores: <see cref="FindingCode.StoreNotApplicable"/>, and nothing is read.</remarks>
public sealed class StoreRule(IMachineCertificateStores stores, IChainBuilder builder) : IFolderRule
{
    /// <summary>A rule over <paramref name="stores"/> with a chain builder of its own.</summary>
    public StoreRule(IMachineCertificateStores stores) : this(stores, new ChainBuilder()) { }

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        if (context.Layout.Kind is FolderKind.Missing or FolderKind.Empty or FolderKind.Unreadable) return []; // FolderRule's
        if (FolderCertificate(context) is not { } slot)
            return [new Observation(FindingCode.StoreNotApplicable, "",
                "the folder is not in single third-party certificate mode (its Server Group certificate is self-signed or missing, and no third-party certificate serves both Server and Client): " +
                "the machine stores play no part in it. Fix: none needed; convert the folder to the single-certificate mode first if that is what was meant")];
        var (path, certificate) = slot;
        try
        {
            var request = new StoreCheckRequest(certificate, path, context.At, context.Policy.ExpiryWarningDays, context.Policy.MinDigest);
            return new StoreChecker(stores, builder).Check(request).Select(f => f.ToObservation()).ToList();
        }
        catch (StoreNeedsWindowsException e)
        {
            // The hosts refuse the check off Windows before it runs; a host that did not still gets a coded answer.
            return [new Observation(FindingCode.StoreUnreadable, $@"Cert:\LocalMachine\{e.Store}", $"{e.Message} Fix: run it on Windows")];
        }
    }

    /// <summary>The folder's single third-party certificate and its file, or null when the folder is not in that mode.</summary>
    public static (string Path, Org.BouncyCastle.X509.X509Certificate Certificate)? FolderCertificate(ValidationContext context)
    {
        var slots = context.Slots;
        if (slots.ServerGroup is { } sg && slots.ServerGroupPath is { } sgPath && slots.SelfSignedRoot is null) return (sgPath, sg);
        var single = slots.Slots.FirstOrDefault(s => s.Role == CertificateRole.LocalSubsystem && s.Purpose == ChainPurpose.ServerAndClient);
        return single is not null && context.Files.Certificates(single.Path) is { Count: > 0 } bundle ? (single.Path, LeafSelector.Select(bundle)) : null;
    }
}
