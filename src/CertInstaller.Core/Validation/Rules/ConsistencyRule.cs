using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// The folder's own hierarchy holds together: the IC CA is issued by ServerGroup\'s certificate, and (self-signed
/// mode) each remote subsystem and remote client folder has a trusted file, and this server's trusted file there
/// (&lt;server&gt;_TrustedCertificate.cer) holds the Server Group certificate its peers need. Certificates chaining to a displaced root are <see cref="ChainRule"/>'s (<see cref="FindingCode.OrphanedByDisplacedRoot"/>).
/// </summary>
public sealed class ConsistencyRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context) => RuleGuard.Run("", () => Checks(context));

    private static IEnumerable<Observation> Checks(ValidationContext context)
    {
        var slots = context.Slots;
        if (slots.ServerGroup is { } sg && slots.Ca is { } ca && !FolderSlots.Issued(sg, ca))
        {
            var named = ca.IssuerDN.Equivalent(sg.SubjectDN, true)
                ? $"it names the Server Group as issuer but its signature does not verify with the key of {slots.ServerGroupPath}"
                : $"its issuer is '{Pki.Reading.PkiDescriber.DescribeName(ca.IssuerDN).OneLine}', not the Server Group certificate in {slots.ServerGroupPath}";
            yield return new Observation(FindingCode.CaNotIssuedByServerGroup, slots.CaPath!,
                $"the IC CA is not issued by the folder's current Server Group: {named}. When a Preserve has put an earlier ServerGroup\\ back, " +
                "this is typically the IC CA the install regenerated under the root Preserve displaced. Fix: regenerate the IC CA under the current Server Group (IC Setup Assistant), " +
                "or restore the pre-install snapshot");
        }

        if (slots.SelfSignedRoot is not { } root) yield break;
        var layout = context.Layout;
        var remoteDirs = layout.Entries
            .Where(e => e.Role is CertificateRole.RemoteSubsystem or CertificateRole.RemoteClient && e.Peer is not null)
            .GroupBy(e => DirOf(e.RelativePath), StringComparer.OrdinalIgnoreCase);
        foreach (var dir in remoteDirs)
        {
            var trusted = dir.Where(e => e.Part == FilePart.Trusted).ToList();
            if (trusted.Count == 0)
            {
                if (dir.Any(e => e.Part == FilePart.Certificate))
                    yield return new Observation(FindingCode.RemoteTrustIncomplete, dir.First(e => e.Part == FilePart.Certificate).RelativePath,
                        $"the remote folder {dir.Key} has no trusted certificate file: copy {slots.ServerGroupPath} there as <server>_TrustedCertificate.cer so the peer can verify this server");
                continue;
            }
            // <this server>_TrustedCertificate.cer is what the peer uses to trust this server; a file named after another
            // server holds that server's root and is not judged here.
            foreach (var t in trusted.Where(t => t.Server is null || layout.ServerName is null || t.Server.Equals(layout.ServerName, StringComparison.OrdinalIgnoreCase)))
            {
                var certs = context.Files.Certificates(t.RelativePath);
                if (certs.Count == 0) continue; // unreadable: CertificateRule reports it
                if (!certs.Any(c => c.Equals(root)))
                    yield return new Observation(FindingCode.RemoteTrustIncomplete, t.RelativePath,
                        $"this remote trusted file does not hold the folder's Server Group certificate ({slots.ServerGroupPath}), which the peer needs to verify this server: " +
                        "copy the current Server Group certificate into it (IC Setup Assistant regenerates it)");
            }
        }
    }

    private static string DirOf(string rel) => rel.Contains('/') ? rel.Substring(0, rel.LastIndexOf('/')) : "";
}
