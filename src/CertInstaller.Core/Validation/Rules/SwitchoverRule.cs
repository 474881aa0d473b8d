using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>With a switchover peer given, both servers hold the same Server Group certificate and key. Line certificates are per server and exempt.</summary>
public sealed class SwitchoverRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context) =>
        context.Peer is null ? [] : RuleGuard.Run(context.Peer.Root, () => Compare(context));

    private static IEnumerable<Observation> Compare(ValidationContext context)
    {
        if (context.Peer is not { } peer) yield break;
        if (peer.Kind == FolderKind.Missing)
        {
            yield return new Observation(FindingCode.PeerFolderMissing, "", $"the peer folder {peer.Root} does not exist: give the peer's certificates folder (a share or a copy)");
            yield break;
        }
        var mine = ServerGroup(context.Layout);
        var theirs = ServerGroup(peer);
        if (mine?.Certificate is null || theirs?.Certificate is null)
        {
            yield return new Observation(FindingCode.SwitchoverMismatch, mine?.Certificate ?? "ServerGroup",
                $"a Server Group certificate is missing ({(mine?.Certificate is null ? context.Layout.Root : peer.Root)}): copy it from the other server of the pair");
            yield break;
        }
        var peerFiles = new PkiFileCache(peer.Root);
        var myCert = context.Files.Certificates(mine.Certificate).FirstOrDefault();
        var theirCert = peerFiles.Certificates(theirs.Certificate).FirstOrDefault();
        if (myCert is null || theirCert is null) yield break; // unreadable: CertificateRule reports it
        if (!myCert.Equals(theirCert))
        {
            yield return new Observation(FindingCode.SwitchoverMismatch, mine.Certificate,
                $"differs from the peer's {theirs.Certificate} in {peer.Root}: both servers of a switchover pair must share one Server Group certificate and key; copy ServerGroup\\ from the primary");
            yield break;
        }
        var myKey = mine.PrivateKey is null ? null : context.Files.PrivateKey(mine.PrivateKey);
        var theirKey = theirs.PrivateKey is null ? null : peerFiles.PrivateKey(theirs.PrivateKey);
        if (myKey is null || theirKey is null || !KeyMatcher.Matches(myKey, KeyMatcher.PublicOf(theirKey)))
            yield return new Observation(FindingCode.SwitchoverMismatch, mine.PrivateKey ?? mine.Certificate,
                "the Server Group private key is missing or differs from the peer's: copy ServerGroup\\ from the primary");
    }

    private static CertificateSet? ServerGroup(FolderLayout layout) =>
        layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup);
}
