using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>Signature digests over a folder: one entry per signed object, and the files that could not be read.</summary>
public sealed record DigestReport(DigestPolicy Policy, IReadOnlyList<DigestEntry> Entries, IReadOnlyList<(SourceFile File, ReadError Error)> Unreadable)
{
    /// <summary>True when every entry meets the policy.</summary>
    public bool AllOk => Entries.All(e => e.Ok);
}
