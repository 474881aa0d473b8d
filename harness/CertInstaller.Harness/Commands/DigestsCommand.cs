using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness digests: signature digest of every certificate and CSR under a folder, optionally with chain checks.</summary>
internal static class DigestsCommand
{
    private const string Help = """
        List the signature digest of every certificate and CSR under a folder (recursively) and judge it against a
        minimum (default SHA-256). Files that are not PKI data are listed as skipped.
        --verify-chains also verifies the chain of every certificate against the whole folder as pool, in the same
        process; trust anchors are --trust, or the folder's self-signed certificates when --trust is not given.
        --baseline compares the folder with its state before IC's "Manage Certificate Digest" conversion: a snapshot
        written by 'certharness backup create' (or its backup root, for the newest one) or a copy of the folder. Per
        signed object it gives the change (resigned, unchanged, added, removed), the digest before and after and
        whether key and subject were kept; it lists the certificates still SHA-1, and the Remote_Subsystems /
        Remote_Client folders and --remote off-server component folders that still hold the old issuer (a copy of the
        re-signed CA, or certificates it signed with the old digest): their components need new certificates.
        --exact SHA-1 judges the reverse conversion: every digest must be exactly that one. --min stays a minimum.
        Exit codes: 0 all digests meet the minimum (and all chains are valid; with --baseline, no folder holds the old issuer); 1 findings; 2 bad usage.
        Examples:
          certharness digests D:\I3\IC\Certificates
          certharness digests Certificates --min SHA-1 --verify-chains --json
          certharness digests D:\I3\IC\Certificates --baseline E:\Backups\20261201T100000Z-1a2b3c --remote \\media1\c$\Certificates
          certharness digests Certificates --baseline Certificates.before --exact SHA-1 --json
          certharness digests D:\I3\IC\Certificates --format junit > certharness-digests.xml
        """;

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "the folder to scan" };
        var min = new Option<string?>("--min") { Description = "weakest accepted digest (default SHA-256)" };
        var verify = new Option<bool>("--verify-chains") { Description = "also verify the chain of every certificate" };
        var trust = new Option<string[]>("--trust") { Description = "trust anchors for --verify-chains: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var at = new Option<string?>("--at") { Description = "verification time for --verify-chains, ISO 8601 (default now)" };
        var timings = new Option<bool>("--timings") { Description = "print the time of each phase to stderr" };
        var baseline = new Option<string?>("--baseline") { Description = "the folder's state before the conversion: a snapshot folder, a backup root or a folder" };
        var exact = new Option<string?>("--exact") { Description = "accept exactly this digest (e.g. SHA-1 for the reverse conversion) instead of a minimum" };
        var remote = new Option<string[]>("--remote") { Description = "with --baseline: an off-server component folder to search for the old issuer (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var common = new CommonOptions();
        var command = new Command("digests", Help) { dir, min, verify, trust, at, timings, baseline, exact, remote };
        common.AddTo(command);
        var output = new OutputOptions(common.Json, format: true, quiet: true);
        output.AddTo(command);
        command.SetAction(r =>
        {
            var format = output.Format(r);
            var folder = Inputs.ExistingDirectory(r.GetValue(dir)!);
            if (r.GetValue(exact) is not null && r.GetValue(min) is not null)
            {
                throw new HarnessException(InputErrorCode.OptionsConflict, "give --min (a minimum) or --exact (the only digest accepted), not both");
            }

            if (r.GetValue(baseline) is { } before)
            {
                if (r.GetValue(verify))
                {
                    throw new HarnessException(InputErrorCode.OptionsConflict, "--verify-chains does not combine with --baseline; run them separately");
                }

                if (format == OutputFormat.JUnit)
                {
                    throw new HarnessException(InputErrorCode.OptionsConflict, "--format junit is for the digest listing; with --baseline give --format text or json");
                }

                return DigestsBaselineReport.Run(folder, before, r.GetValue(exact) ?? r.GetValue(min), r.GetValue(exact) is not null,
                    r.GetValue(remote) ?? [], new PkiReader(common.ResolvePassword(r)), format, r.InvocationConfiguration.Output);
            }

            if ((r.GetValue(remote) ?? []).Length > 0)
            {
                throw new HarnessException(InputErrorCode.OptionsConflict, "--remote is for --baseline");
            }

            var exactDigest = r.GetValue(exact) is { } e ? Inputs.Digest(e, "--exact") : (DigestAlgorithm?)null;
            var policy = new DigestPolicy(Inputs.Digest(r.GetValue(min), "--min"));
            var reader = new PkiReader(common.ResolvePassword(r));
            var anchors = ChainInputs.Load(r.GetValue(trust) ?? [], reader, "--trust");
            var when = Inputs.At(r.GetValue(at));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var builder = r.GetValue(verify) ? new ChainBuilder() : null;
            // The platform signature probe (a few milliseconds, one thread) runs while the folder is walked and read, not
            // at the second pass's first verification, where every other worker would wait for it.
            _ = builder is null ? null : Task.Run(() => builder.Signatures.Verifier);
            DigestStream stream;
            using (var progress = output.Progress(r, "digests"))
            {
                stream = DigestStream.Prepare(folder, policy, reader, builder is null ? null : new ChainScanOptions(anchors, when, builder), progress);
            }

            var prepared = clock.Elapsed;
            var heap = GC.GetTotalMemory(false);
            var minimum = exactDigest is { } exactly ? "exactly " + exactly.ToDisplayName() : policy.Minimum.ToDisplayName();
            var result = Write(stream, folder, when, minimum, exactDigest, builder, format, r.InvocationConfiguration.Output);
            if (r.GetValue(timings))
            {
                // A bench probe (bench/compare.sh's memory figures): the managed heap after the first pass and at the end,
                // what the collector has committed, how often it ran, and the heap still live after a full collection.
                var info = GC.GetGCMemoryInfo();
                var end = GC.GetTotalMemory(false);
                var allocated = GC.GetTotalAllocatedBytes();
                var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
                r.InvocationConfiguration.Error.WriteLine(
                    $"timings: first pass {prepared.TotalMilliseconds:F0} ms (pool {stream.PoolSize} certificate(s)), "
                    + $"second pass and output {(clock.Elapsed - prepared).TotalMilliseconds:F0} ms; managed heap after the first pass "
                    + $"{heap / 1048576.0:F1} MB, at the end {end / 1048576.0:F1} MB ({GC.GetTotalMemory(true) / 1048576.0:F1} MB live), "
                    + $"committed {info.TotalCommittedBytes / 1048576.0:F1} MB, allocated {allocated / 1048576.0:F0} MB; GCs {collections} (gen0/1/2)");
            }

            return result.AllOk && result.Invalid == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    /// <summary>Whether every digest met the minimum, and how many chains are invalid.</summary>
    private sealed record Outcome(bool AllOk, int Invalid);

    /// <summary>Runs the scan's second pass into <paramref name="output"/>: as text, each line as soon as its file is done
    /// (in blocks of 64 KB, not one write per line); as JSON or JUnit, the whole view at the end.</summary>
    private static Outcome Write(DigestStream stream, string folder, DateTimeOffset at, string minimum, DigestAlgorithm? exact, ChainBuilder? chains, OutputFormat format, TextWriter output)
    {
        var (signed, weak, verified, invalid) = (0, 0, 0, 0);
        var lines = format == OutputFormat.Text ? new DigestsTextStream(minimum, TextRenderer.DigestsWidth(stream.LongestPath), output) : null;
        var files = new List<DigestFileView>();
        lines?.Header();

        var unreadable = stream.Run(
            (entry, chain) => new DigestFileView(entry.File.RelativePath, entry.Kind, entry.Subject, entry.Signature.Algorithm,
                entry.Signature.Digest.ToDisplayName(), exact is { } only ? entry.Signature.Digest == only : entry.Ok)
            {
                ChainValid = chain?.Valid,
                ChainProblems = chain?.Problems.Select(ChainInputs.View).ToList(),
            },
            view =>
            {
                signed++;
                weak += view.Ok ? 0 : 1;
                verified += view.ChainValid is null ? 0 : 1;
                invalid += view.ChainValid == false ? 1 : 0;
                if (lines is null)
                {
                    files.Add(view);
                }
                else
                {
                    lines.Line(view);
                }
            });
        var skipped = unreadable.Select(u => new SkippedView(u.File.RelativePath, u.Error.Problem) { Code = Core.Codes.CodeRegistry.Of(u.Error.Code).Text }).ToList();
        var summary = chains is null ? null : new ChainSummaryView(verified, invalid, chains.Signatures.Verifications);
        if (lines is not null)
        {
            lines.Footer(signed, weak, skipped, summary);
        }
        else
        {
            Renderer.Render(new DigestsView(minimum, files, skipped) { Chains = summary, Folder = folder, At = at }, format, output);
        }

        return new Outcome(weak == 0, invalid);
    }
}
