using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>digests DIR --baseline: the digest-conversion report (kept apart from DigestsCommand's listing).</summary>
internal static class DigestsBaselineReport
{
    public static int Run(string folder, string baseline, string? target, bool exact, string[] remote, PkiReader reader, OutputFormat format, TextWriter o)
    {
        if (!Directory.Exists(baseline))
        {
            throw new HarnessException(InputErrorCode.InputNotFound, $"{baseline}: no such directory (given to --baseline)");
        }

        var digest = Inputs.Digest(target, exact ? "--exact" : "--min");
        var (description, before) = DigestBaseline.Read(baseline, reader);
        var offServer = remote.Select(d => (Folder: Path.GetFullPath(Inputs.ExistingDirectory(d)),
            Files: new FolderReader(reader).ReadAll(d))).ToList();
        var report = DigestBaseline.Compare(description, new FolderReader(reader).ReadAll(folder), before, digest, exact,
            offServer.Select(x => (x.Folder, x.Files)).ToList());
        var files = report.Entries.Select(e => new DigestChangeView(e.Path, e.Index, e.Kind, e.Subject, e.Change.ToString().ToLowerInvariant(),
            e.Before?.ToDisplayName(), e.After?.ToDisplayName(), e.KeyKept, e.SubjectKept, e.Ok)).ToList();
        int Count(DigestChange c) => report.Entries.Count(e => e.Change == c);
        var view = new DigestBaselineView(report.Baseline, digest.ToDisplayName(), exact, files, report.StillSha1,
            report.StaleFolders.Select(s => new StaleFolderView(s.Folder, s.OldIssuer, s.Files)).ToList(),
            new DigestChangeSummaryView(Count(DigestChange.Resigned), Count(DigestChange.Unchanged), Count(DigestChange.Added), Count(DigestChange.Removed)));
        if (format == OutputFormat.JUnit)
        {
            throw new HarnessException(InputErrorCode.OptionsConflict, "--format junit is for the digest listing; with --baseline give --format text or json");
        }

        Renderer.Render(view, format, o);

        return report.AllOk ? ExitCodes.Clean : ExitCodes.Findings;
    }
}
