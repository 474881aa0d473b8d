using CertInstaller.Core.IO;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// Every private key file is readable by its owner (and administrators) only: the live *PrivateKey.bin files,
/// leftovers (*.bin.1, *.backup), *.key files, PKCS#12 files and the CSRs work area's keys, recognised by name or by
/// content. Unix: readable by others is <see cref="FindingCode.PrivateKeyWorldReadable"/>, by the group
/// <see cref="FindingCode.PrivateKeyGroupReadable"/>. Windows: Everyone, Users or Authenticated Users allowed to read
/// it is <see cref="FindingCode.PrivateKeyWorldReadable"/>.
/// </summary>
public sealed class PrivateKeyPermissionRule : IFolderRule
{
    private readonly IFileSystem _fs;

    /// <summary>A rule that reads permissions from the real file system.</summary>
    public PrivateKeyPermissionRule() : this(new PhysicalFileSystem()) { }

    /// <summary>A rule that reads permissions through <paramref name="fileSystem"/> (tests pass a fault-injecting one).</summary>
    public PrivateKeyPermissionRule(IFileSystem fileSystem) => _fs = fileSystem;

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        var observations = new List<Observation>();
        foreach (var e in context.Layout.Entries.Where(e => IsPrivateKeyFile(context, e)))
            observations.AddRange(RuleGuard.Run(e.RelativePath, () => Access(context.Layout.FullPath(e.RelativePath), e.RelativePath, IsSigningKey(e))));
        return observations;
    }

    /// <summary>True when <paramref name="e"/> holds (or by its name would hold) a private key.</summary>
    internal static bool IsPrivateKeyFile(ValidationContext context, LayoutEntry e)
    {
        if (e.Role == CertificateRole.MapFile) return false;
        var name = Path.GetFileName(e.RelativePath);
        if (e.Part is FilePart.PrivateKey or FilePart.Pkcs12
            || name.IndexOf("PrivateKey", StringComparison.OrdinalIgnoreCase) >= 0
            || System.Text.RegularExpressions.Regex.IsMatch(name, @"\.(key|pfx|p12)(\.\d+|\.backup|\.bak|\.old|\.orig)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return true;
        if (e.Part is FilePart.Certificate or FilePart.Trusted or FilePart.PublicKey or FilePart.Request) return false;
        var read = context.Files.Read(e.RelativePath);
        return read.Objects.Any(o => o is PrivateKeyObject or Pkcs12Object)
               || read.Error?.Code is ReadErrorCode.PasswordRequired or ReadErrorCode.WrongPassword;
    }

    // The keys that issue what IC trusts: the Server Group root's and the IC CA's (a leftover copy is the same key).
    private static readonly System.Text.RegularExpressions.Regex SigningKeyName =
        new(@"(ServerGroup|CertificateAuthority)PrivateKey", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool IsSigningKey(LayoutEntry e) =>
        e.Role is CertificateRole.ServerGroup or CertificateRole.CertificateAuthority && e.Part == FilePart.PrivateKey
        || e.Role != CertificateRole.CsrWorkArea && SigningKeyName.IsMatch(Path.GetFileName(e.RelativePath));

    private IEnumerable<Observation> Access(string full, string path, bool signing)
    {
        var world = signing ? FindingCode.SigningKeyWorldReadable : FindingCode.PrivateKeyWorldReadable;
        var what = signing ? "the Server Group / IC CA private key" : "the private key";
        var why = signing ? " (anyone on this machine could issue certificates IC trusts)" : "";
        string? mode;
        IReadOnlyList<string> readers;
        try
        {
            // Unix: the mode (null in the netstandard2.0 build off Windows, which reads none); Windows: the whole ACL.
            mode = Platform.IsWindows ? null : _fs.GetPermissions(full);
            readers = Platform.IsWindows ? _fs.BroadReadersOf(full) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new Observation(FindingCode.UnreadableFile, path,
                $"its permissions cannot be read ({e.Message}), so who may read {what} is unknown: run the validation as an administrator, or check the file's owner and access")];
        }

        if (mode is not null)
        {
            var bits = Convert.ToInt32(mode, 8);
            if ((bits & 0b000_000_100) != 0)
                return [new Observation(world, path, $"{what} is readable by every user{why}: chmod o-r it (0600)")];
            if ((bits & 0b000_100_000) != 0)
                return [new Observation(FindingCode.PrivateKeyGroupReadable, path, "the private key is readable by its group: chmod g-r it (0600)")];
            return [];
        }

        return readers.Count == 0
            ? []
            : [new Observation(world, path,
                $"{string.Join(", ", readers)} may read {what}{why}: remove that access (icacls \"{Path.GetFileName(full)}\" /remove:g *S-1-1-0 *S-1-5-32-545 *S-1-5-11), " +
                "leaving SYSTEM, Administrators and the IC service account")];
    }
}
