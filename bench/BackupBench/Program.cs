using System.Diagnostics;
using CertInstaller.Core.Backup;

// Usage: BackupBench [files=500] [runs=5]. Prints one line per run and the median; budget: backup + verify < 1 s.
var files = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var work = Path.Combine(Path.GetTempPath(), "certinstaller-bench-" + Guid.NewGuid().ToString("N"));
var source = Path.Combine(work, "Certificates");
var random = new Random(20261126);
long bytes = 0;
for (var i = 0; i < files; i++)
{
    var folder = Path.Combine(source, $"Client/Remote_Subsystems/peer{i % 25:00}");
    Directory.CreateDirectory(folder);
    var content = new byte[random.Next(1024, 4097)];
    random.NextBytes(content);
    File.WriteAllBytes(Path.Combine(folder, $"IC{i:000}_ClientCertificate.cer"), content);
    bytes += content.Length;
}

Console.WriteLine($"folder: {files} files, {bytes / 1024} KiB, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
var totals = new List<double>();
try
{
    for (var run = 0; run <= runs; run++)
    {
        var store = new SnapshotStore(Path.Combine(work, "Backups" + run));
        var watch = Stopwatch.StartNew();
        var snapshot = store.Create(new SnapshotRequest(source, "bench") { Classify = _ => new FileClassification(FileOrigin.IcIssued, "bench") });
        var backupMs = watch.Elapsed.TotalMilliseconds;
        var result = store.Verify(snapshot.Id);
        var totalMs = watch.Elapsed.TotalMilliseconds;
        if (!result.IsValid || result.FilesChecked != files)
        {
            throw new InvalidOperationException("verification failed");
        }

        var label = run == 0 ? "warm-up" : $"run {run}";
        Console.WriteLine($"{label,-8} backup {backupMs,7:F1} ms   verify {totalMs - backupMs,7:F1} ms   total {totalMs,7:F1} ms");
        if (run > 0)
        {
            totals.Add(totalMs);
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

totals.Sort();
var median = totals[totals.Count / 2];
Console.WriteLine($"median backup+verify: {median:F1} ms (budget 1000 ms) => {(median < 1000 ? "PASS" : "FAIL")}");
return median < 1000 ? 0 : 1;
