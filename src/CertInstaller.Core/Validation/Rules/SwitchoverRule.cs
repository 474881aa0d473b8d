using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// With a switchover peer given, both servers share the Server Group. Self-signed mode (both Server Group certificates
/// are self-signed IC roots): the certificates are byte-identical and the private keys the same. Third-party mode (an
/// outside CA issued either Server Group certificate): the documented setup gives the backup the primary's private
/// key with its own CSR and certificate, so they match when they share one key pair; the certificates may differ.
/// Every finding says which rule applied. Line certificates are per server and exempt.
/// </summary>
public sealed class SwitchoverRule : IFolderRule
{
    private const string SelfSignedRule = "self-signed rule: byte-identical Server Group certificate and key";
    private const string ThirdPartyRule = "third-party rule: one Server Group key pair, certificates may differ";

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
        var peerFiles = new PkiFileCache(peer.Root, context.Passwords.Concat(peer.MapPasswords).ToList());
        var myCert = context.Files.Certificates(mine.Certificate).FirstOrDefault();
        var theirCert = peerFiles.Certificates(theirs.Certificate).FirstOrDefault();
        if (myCert is null || theirCert is null) yield break; // unreadable: CertificateRule reports it
        var myKey = mine.PrivateKey is null ? null : context.Files.PrivateKey(mine.PrivateKey);
        var theirKey = theirs.PrivateKey is null ? null : peerFiles.PrivateKey(theirs.PrivateKey);
        var selfSigned = FolderSlots.IsSelfSigned(myCert) && FolderSlots.IsSelfSigned(theirCert);

        if (selfSigned)
        {
            if (!myCert.Equals(theirCert))
            {
                yield return new Observation(FindingCode.SwitchoverMismatch, mine.Certificate,
                    $"differs from the peer's {theirs.Certificate} in {peer.Root} ({SelfSignedRule}): both servers of a switchover pair must share one Server Group certificate and key; copy ServerGroup\\ from the primary");
                yield break;
            }
            if (myKey is null || theirKey is null || !KeyMatcher.Matches(myKey, KeyMatcher.PublicOf(theirKey)))
                yield return new Observation(FindingCode.SwitchoverMismatch, mine.PrivateKey ?? mine.Certificate,
                    $"the Server Group private key is missing or differs from the peer's ({SelfSignedRule}): copy ServerGroup\\ from the primary");
            yield break;
        }

        if (!KeyMatchRule.SamePublicKey(LocalKeys.Parse(myCert.GetPublicKey), LocalKeys.Parse(theirCert.GetPublicKey)))
        {
            yield return new Observation(FindingCode.SwitchoverMismatch, mine.Certificate,
                $"holds another public key than the peer's {theirs.Certificate} in {peer.Root} ({ThirdPartyRule}): the backup server's CSR must be made " +
                "with the primary's Server Group private key; copy ServerGroupPrivateKey.bin from the primary and request the certificate again");
            yield break;
        }
        if (myKey is null || theirKey is null || !KeyMatcher.Matches(myKey, KeyMatcher.PublicOf(theirKey)))
        {
            yield return new Observation(FindingCode.SwitchoverMismatch, mine.PrivateKey ?? mine.Certificate,
                $"the Server Group private key is missing or differs from the peer's ({ThirdPartyRule}): copy ServerGroupPrivateKey.bin from the primary");
            yield break;
        }
        if (!myCert.Equals(theirCert))
            yield return new Observation(FindingCode.SwitchoverSharedKey, mine.Certificate,
                $"the Server Group certificates of the pair differ but share one key pair with {theirs.Certificate} in {peer.Root} ({ThirdPartyRule}): this is the documented third-party setup");
    }

    private static CertificateSet? ServerGroup(FolderLayout layout) =>
        layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup);
}
