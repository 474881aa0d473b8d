using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Core.Tests.Preservation;

/// <summary>Preserve after a regeneration, failing at every file-system step: nothing of the admin's is ever lost and a re-run completes.</summary>
public class PreserverCrashTests
{
    [TestCase(FaultMode.Crash)]
    [TestCase(FaultMode.Transient)]
    public void Preserve_WhenAnyOperationFails_NothingLostAndRerunCompletes(FaultMode mode)
    {
        var total = 0;
        var counted = false;
        for (var k = 1; !counted || k <= total; k++)
        {
            using var dir = new TempDir();
            var certs = Path.Combine(dir.Path, "Certificates");
            var backups = Path.Combine(dir.Path, "Backups");
            var builder = new IcFolderBuilder();
            var site = builder.BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
            var original = FolderPicture.Of(certs).Hashes;
            var clock = new TestClock();
            var clean = new SnapshotStore(backups, new PhysicalFileSystem(), clock, new TestLockProbe(false));
            var classes = new FolderClassifier().Classify(new LayoutScanner().Scan(certs), []);
            var snapshot = clean.Create(new SnapshotRequest(certs, "install") { Classify = p => classes[p] });
            builder.BuildServer(certs, new IcFolderSpec { KeySeed = "regenerated" });
            var regenerated = FolderPicture.Of(certs).Hashes;

            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), counted ? k : int.MaxValue, mode);
            Exception? error = null;
            try { new Preserver(new SnapshotStore(backups, faulty, clock, new TestLockProbe(false))).Preserve(snapshot.Id, certs); }
            catch (BackupException e) { error = e; }
            if (!counted)
            {
                total = faulty.MutationCount;
                counted = true;
                k = 0;
                continue;
            }

            var context = $"k={k}/{total} ({mode}): {error?.Message}";
            // The one failure that surfaces no error is the lock release, after the work is done.
            var afterFailure = FolderPicture.Of(certs).Hashes.Where(f => !f.Key.EndsWith(SnapshotLayout.StagingSuffix, StringComparison.Ordinal));
            foreach (var (path, hash) in afterFailure)
                Assert.That(hash == regenerated.GetValueOrDefault(path) || hash == original.GetValueOrDefault(path), Is.True, $"{path} is neither old nor new; {context}");

            clock.Advance(TimeSpan.FromMinutes(1));
            new Preserver(clean).Preserve(snapshot.Id, certs);

            var final = FolderPicture.Of(certs).Hashes;
            foreach (var file in site.ThirdPartyFiles)
                Assert.That(final[file], Is.EqualTo(original[file]), $"{file} after re-run; {context}");
            var kept = Directory.EnumerateFiles(backups, "*", SearchOption.AllDirectories).Select(f => FolderPicture.HashFile(f)).ToHashSet();
            foreach (var file in site.ThirdPartyFiles)
                Assert.That(kept, Does.Contain(regenerated[file]), $"the regenerated {file} is kept in a displaced area; {context}");
        }

        TestContext.Out.WriteLine($"Preserve ({mode}): {total} crash points, each followed by a re-run that completed");
        Assert.That(total, Is.GreaterThanOrEqualTo(10));
    }
}
