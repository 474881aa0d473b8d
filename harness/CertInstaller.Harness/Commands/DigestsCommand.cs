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
            var verifyChains = r.GetValue(verify);
            IReadOnlyList<(SourceFile File, Scanned Result)> files;
            using (var progress = output.Progress(r, "digests"))
            {
                // Each file is classified as soon as it is read and only its entries are kept (with --verify-chains, each
                // certificate as its encoding): the parsed objects of a 20,000-file folder are never all alive at once.
                files = new FolderReader(reader).ReadEach(folder, (file, result) => Scan(file, result, policy, verifyChains), progress);
            }

            var read = clock.Elapsed;
            var report = new DigestReport(policy,
                files.SelectMany(f => f.Result.Entries.Select(e => e.Entry)).ToList(),
                files.Where(f => f.Result.Error is not null).Select(f => (f.File, f.Result.Error!)).ToList());
            var encoded = files.SelectMany(f => f.Result.Entries.Where(e => e.Encoded is not null).Select(e => e.Encoded!)).ToList();
            if (exactDigest is { } only)
            {
                report = report with { Entries = report.Entries.Select(x => x with { Ok = x.Signature.Digest == only }).ToList() };
            }

            var classified = clock.Elapsed;
            var view = Build(report, encoded, verifyChains ? new ChainBuilder() : null, anchors, when);
            if (exactDigest is { } exactly)
            {
                view = view with { Minimum = "exactly " + exactly.ToDisplayName() };
            }

            var verified = clock.Elapsed;
            Renderer.Render(view with { Folder = folder, At = when }, format, r.InvocationConfiguration.Output);

            if (r.GetValue(timings))
            {
                r.InvocationConfiguration.Error.WriteLine(
                    $"timings: read {read.TotalMilliseconds:F0} ms, classify {(classified - read).TotalMilliseconds:F0} ms, "
                    + $"chains {(verified - classified).TotalMilliseconds:F0} ms, output {(clock.Elapsed - verified).TotalMilliseconds:F0} ms");
            }

            var ok = report.AllOk && (view.Chains is null || view.Chains.Invalid == 0);
            return ok ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    /// <summary>What a streamed scan keeps of one file: its entries (each certificate's encoding too, for --verify-chains), or its read error.</summary>
    private sealed record Scanned(IReadOnlyList<(DigestEntry Entry, EncodedCertificate? Encoded)> Entries, ReadError? Error);

    private static Scanned Scan(SourceFile file, ReadResult result, DigestPolicy policy, bool keepEncoded) =>
        result.Error is { } error
            ? new Scanned([], error)
            : new Scanned(DigestScanner.ClassifyFile(file, result, policy)
                .Select(e => (e with { Certificate = null }, keepEncoded && e.Certificate is { } c ? EncodedCertificate.Of(c) : null))
                .ToList(), null);

    private static DigestsView Build(DigestReport report, IReadOnlyList<EncodedCertificate> certificates, ChainBuilder? chains, CertificatePool anchors, DateTimeOffset at)
    {
        var files = report.Entries.Select(e => new DigestFileView(
            e.File.RelativePath, e.Kind, e.Subject, e.Signature.Algorithm, e.Signature.Digest.ToDisplayName(), e.Ok)).ToList();
        var skipped = report.Unreadable.Select(u => new SkippedView(u.File.RelativePath, u.Error.Problem) { Code = Core.Codes.CodeRegistry.Of(u.Error.Code).Text }).ToList();
        if (chains is null)
        {
            return new DigestsView(report.Policy.Minimum.ToDisplayName(), files, skipped);
        }

        var results = FolderChainVerifier.VerifyEncoded(certificates, anchors, at, chains,
            result => (result.Valid, Problems: result.Problems.Select(ChainInputs.View).ToList()));
        var index = 0;
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Kind == "certificate")
            {
                var result = results[index++];
                files[i] = files[i] with { ChainValid = result.Valid, ChainProblems = result.Problems };
            }
        }

        return new DigestsView(report.Policy.Minimum.ToDisplayName(), files, skipped)
        {
            Chains = new ChainSummaryView(results.Count, results.Count(r => !r.Valid), chains.Signatures.Verifications),
        };
    }
}
