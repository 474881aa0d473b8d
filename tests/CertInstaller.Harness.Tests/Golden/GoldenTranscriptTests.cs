using System.Runtime.CompilerServices;

namespace CertInstaller.Harness.Tests.Golden;

/// <summary>
/// Each verb's whole output (stdout, stderr, exit code) on fixed inputs, compared with a checked-in transcript.
/// Set CERTINSTALLER_BLESS_GOLDEN=1 to rewrite the transcripts after an intended change, then review the diff.
/// </summary>
public sealed class GoldenTranscriptTests
{
    private const string BlessVariable = "CERTINSTALLER_BLESS_GOLDEN";
    private const string Valid = "2027-06-01T00:00:00Z";
    private const string Expired = "2040-06-01T00:00:00Z";

    private static readonly (string Name, string[] Args)[] Runs =
    [
        ("inspect-cert-to-text", ["inspect", "<dir>/server.pem"]),
        ("inspect-cert-to-json", ["inspect", "<dir>/server.pem", "--json"]),
        ("inspect-key-to-text", ["inspect", "<dir>/server-key.p8"]),
        ("inspect-key-to-json", ["inspect", "<dir>/server-key.p8", "--json"]),
        ("inspect-csr-to-text", ["inspect", "<dir>/server.csr"]),
        ("inspect-csr-to-json", ["inspect", "<dir>/server.csr", "--json"]),
        ("inspect-pfx-to-text", ["inspect", "<dir>/server.pfx", "--password-file", "<dir>/password.txt"]),
        ("inspect-pfx-to-json", ["inspect", "<dir>/server.pfx", "--password-file", "<dir>/password.txt", "--json"]),
        ("chain-valid-to-text", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Valid]),
        ("chain-valid-to-json", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Valid, "--json"]),
        ("chain-expired-to-text", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Expired]),
        ("chain-expired-to-json", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Expired, "--json"]),
        ("chain-untrusted-to-text", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/ca.pem", "--at", Valid]),
        ("chain-untrusted-to-json", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/ca.pem", "--at", Valid, "--json"]),
        ("digests-good-to-text", ["digests", "<dir>/good"]),
        ("digests-good-to-json", ["digests", "<dir>/good", "--json"]),
        ("digests-legacy-to-text", ["digests", "<dir>/legacy"]),
        ("digests-legacy-to-json", ["digests", "<dir>/legacy", "--json"]),
        ("validate-good-to-text", ["validate", "<dir>/good", "--at", Valid]),
        ("validate-good-to-json", ["validate", "<dir>/good", "--at", Valid, "--json"]),
        ("validate-expired-to-text", ["validate", "<dir>/good", "--at", Expired]),
        ("validate-expired-to-json", ["validate", "<dir>/good", "--at", Expired, "--json"]),
        ("validate-legacy-to-text", ["validate", "<dir>/legacy", "--at", Valid]),
        ("validate-legacy-to-json", ["validate", "<dir>/legacy", "--at", Valid, "--json"]),
        ("validate-missing-folder-to-text", ["validate", "<dir>/nowhere", "--at", Valid]),
        ("csr-good-to-text", ["csr", "<dir>/server.csr", "--expect-dns", "ic1.example.test", "--expect-ip", "10.0.0.5"]),
        ("csr-good-to-json", ["csr", "<dir>/server.csr", "--expect-dns", "ic1.example.test", "--expect-ip", "10.0.0.5", "--json"]),
        ("backup-list-one-snapshot-to-text", ["backup", "list", "--from", "<dir>/backups"]),
        ("backup-list-one-snapshot-to-json", ["backup", "list", "--from", "<dir>/backups", "--json"]),
        ("backup-verify-one-snapshot-to-text", ["backup", "verify", "--from", "<dir>/backups"]),
        ("backup-verify-one-snapshot-to-json", ["backup", "verify", "--from", "<dir>/backups", "--json"]),
        ("validate-good-to-junit", ["validate", "<dir>/good", "--at", Valid, "--format", "junit"]),
        ("validate-expired-to-junit", ["validate", "<dir>/good", "--at", Expired, "--format", "junit"]),
        ("validate-legacy-to-junit", ["validate", "<dir>/legacy", "--at", Valid, "--format", "junit"]),
        ("digests-good-to-junit", ["digests", "<dir>/good", "--at", Valid, "--format", "junit"]),
        ("digests-legacy-to-junit", ["digests", "<dir>/legacy", "--at", Valid, "--format", "junit"]),
        ("chain-valid-to-junit", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Valid, "--format", "junit"]),
        ("chain-expired-to-junit", ["chain", "<dir>/server.pem", "--bundle", "<dir>/ca.pem", "--trust", "<dir>/root.pem", "--at", Expired, "--format", "junit"]),
        ("usage-json-and-format-disagree-to-text", ["validate", "<dir>/good", "--json", "--format", "junit"]),
        ("help-root-to-text", ["--help"]),
        ("usage-unknown-verb-to-text", ["frobnicate"]),
        ("usage-missing-argument-to-text", ["inspect"]),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Runs.Select(r => new TestCaseData(r.Name, r.Args).SetName($"Golden({r.Name})"));

    [TestCaseSource(nameof(Cases))]
    public void Transcript_matches_its_golden_file(string name, string[] args)
    {
        var site = GoldenSite.Shared;
        var run = HarnessRun.Of(args.Select(a => a.Replace("<dir>", site.Root, StringComparison.Ordinal)).ToArray());
        var actual = GoldenNormaliser.Normalise(
            $"$ certharness {string.Join(' ', args)}\nexit {run.Code}\n--- stdout\n{run.Stdout}--- stderr\n{run.Stderr}", site.Root);
        var file = Path.Combine(GoldenFolder(), name + ".txt");
        if (Environment.GetEnvironmentVariable(BlessVariable) == "1")
        {
            File.WriteAllText(file, actual); // then compared like any run: a blessed file must read back as written
        }

        Assert.That(File.Exists(file), Is.True, $"{file} is missing: run with {BlessVariable}=1 to write it, then review it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal)),
            $"{name}: output differs from {file} (if the change is intended, re-bless with {BlessVariable}=1 and review the diff)");
    }

    // The transcripts are read from and blessed into the source tree, next to this file.
    private static string GoldenFolder([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;
}
