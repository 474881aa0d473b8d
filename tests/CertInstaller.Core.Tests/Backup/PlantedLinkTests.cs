using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// Issue 25, item 3: a link planted at a restore's staging or displaced path, before or after the file is created there,
/// never makes the privileged run change a file outside the folder. Each planting is done by a decorator at the exact
/// step (the "other account" here is the test itself); an outside 0600 file is the bait. The race harness below does the
/// same blindly from another thread.
/// </summary>
[Platform(Exclude = "Win", Reason = "Unix modes and symbolic links")]
[UnsupportedOSPlatform("windows")]
public class PlantedLinkTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private TempDir _dir = null!;
    private TestClock _clock = null!;
    private string _bait = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
        Directory.CreateDirectory(_dir.Outside);
        _bait = Path.Combine(_dir.Outside, "root-only.key");
        File.WriteAllText(_bait, "root's secret");
        File.SetUnixFileMode(_bait, Private);
        File.SetLastWriteTimeUtc(_bait, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void RestoreExact_WhenALinkIsPlantedAtTheStagingPathBeforeItIsCreated_FailsCodedAndChangesNothingOutside()
    {
        var snapshot = PrepareChangedFolder();
        var before = FolderPicture.Of(_dir.Certificates);
        var fs = new PlantingFileSystem(p => IsStaging(p), Plant.BeforeCreate, _bait);

        var error = Assert.Throws<BackupException>(() => Restorer(fs).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(fs.Planted, Is.EqualTo(1));
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.StagingTampered));
            Assert.That(error.FilePath, Does.EndWith(".certinstaller-staging"));
            AssertBaitUntouched();
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True, "rolled back, nothing of its own left behind");
            Assert.That(StagingEntries(), Is.Empty);
        });
    }

    [Test]
    public void RestoreExact_WhenTheStagedFileIsSwappedForALinkBeforeItsModeIsSet_NeverChangesTheLinkTarget()
    {
        // The reproduction of issue 25: the staged file renamed away and a link put in its place before the mode is set.
        var snapshot = PrepareChangedFolder();
        var before = FolderPicture.Of(_dir.Certificates);
        var fs = new PlantingFileSystem(p => IsStaging(p), Plant.BeforeAttributes, _bait);

        var error = Assert.Throws<BackupException>(() => Restorer(fs).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(fs.Planted, Is.EqualTo(1));
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.StagingTampered));
            AssertBaitUntouched();
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
            Assert.That(Links(), Is.Empty, "no link of the planter's is left where a file belongs");
        });
    }

    [Test]
    public void RestoreExact_WhenTheStagedFileIsSwappedForALinkDuringTheRename_FailsCodedAndPutsTheFileBack()
    {
        var snapshot = PrepareChangedFolder();
        var before = FolderPicture.Of(_dir.Certificates);
        var fs = new PlantingFileSystem(p => IsStaging(p), Plant.BeforeRename, _bait);

        var error = Assert.Throws<BackupException>(() => Restorer(fs).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(fs.Planted, Is.EqualTo(1));
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.StagingTampered));
            AssertBaitUntouched();
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
            Assert.That(Links(), Is.Empty);
        });
    }

    [Test]
    public void RestoreExact_WhenALinkIsPlantedAtTheDisplacedPath_FailsAndChangesNothingOutside()
    {
        var snapshot = PrepareChangedFolder();
        var before = FolderPicture.Of(_dir.Certificates);
        var fs = new PlantingFileSystem(p => p.Contains(Path.DirectorySeparatorChar + "displaced" + Path.DirectorySeparatorChar, StringComparison.Ordinal), Plant.BeforeCreate, _bait);

        var error = Assert.Throws<BackupException>(() => Restorer(fs).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(fs.Planted, Is.EqualTo(1));
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.RestoreFailedRolledBack));
            AssertBaitUntouched();
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
        });
    }

    [Test]
    public void RestoreExact_WithNothingPlanted_StillRestoresModesAndTimes()
    {
        var snapshot = PrepareChangedFolder();
        var fs = new PlantingFileSystem(_ => false, Plant.BeforeCreate, _bait);

        Restorer(fs).RestoreExact(snapshot.Id, _dir.Certificates);

        var restored = Path.Combine(_dir.Certificates, SampleFolder.ReadOnlyFile);
        var entry = snapshot.Manifest.Files.Single(f => f.RelativePath == SampleFolder.ReadOnlyFile);
        Assert.Multiple(() =>
        {
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(FolderPicture.Of(Path.Combine(snapshot.Path, "files"))), Is.True);
            Assert.That(Convert.ToString((int)File.GetUnixFileMode(restored), 8), Is.EqualTo(entry.Permissions));
            Assert.That(File.GetLastWriteTimeUtc(restored), Is.EqualTo(entry.ModifiedUtc));
            Assert.That(StagingEntries(), Is.Empty);
        });
    }

    /// <summary>
    /// The race harness: another thread keeps renaming a link to the bait over every staging name it sees, while restores
    /// run. Whatever it wins, the bait keeps its mode, content and time, and no link is left where a file belongs.
    /// </summary>
    [Test]
    public void RestoreExact_WhileAnotherThreadRenamesLinksOverStagingNames_NeverChangesTheBait()
    {
        var snapshot = PrepareChangedFolder();
        var outcomes = new Dictionary<string, int>();
        var swaps = 0;
        using var stop = new CancellationTokenSource();
        var attacker = Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                foreach (var name in SafeList(_dir.Certificates))
                {
                    try
                    {
                        var temp = Path.Combine(Path.GetDirectoryName(name)!, $".planted-{n++}");
                        File.CreateSymbolicLink(temp, _bait);
                        File.Move(temp, name, overwrite: true); // rename(2) over the staging name
                        Interlocked.Increment(ref swaps);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // lost the race this time
                    }
                }
            }
        });

        const int runs = 40;
        for (var run = 0; run < runs; run++)
        {
            RemoveLinks(); // first: regenerating writes through a link
            SampleFolder.Regenerate(_dir.Certificates);
            _clock.Advance(TimeSpan.FromMinutes(1));
            string outcome;
            try
            {
                Restorer(new PhysicalFileSystem()).RestoreExact(snapshot.Id, _dir.Certificates);
                outcome = "restored";
            }
            catch (BackupException e)
            {
                outcome = e.Code.ToString();
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            AssertBaitUntouched();
        }

        stop.Cancel();
        attacker.Wait();
        TestContext.Out.WriteLine($"{runs} restores, {swaps} links renamed over staging names: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.That(outcomes.Keys, Is.SubsetOf(new[] { "restored", nameof(BackupErrorCode.StagingTampered), nameof(BackupErrorCode.RestoreFailedRolledBack) }));
        AssertBaitUntouched();

        static IEnumerable<string> SafeList(string root)
        {
            try
            {
                return Directory.EnumerateFiles(root, "*.certinstaller-staging", SearchOption.AllDirectories).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }
    }

    private SnapshotInfo PrepareChangedFolder()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = Store(new PhysicalFileSystem()).Create(new SnapshotRequest(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        SampleFolder.Regenerate(_dir.Certificates);
        return snapshot;
    }

    private SnapshotStore Store(IFileSystem fs) => new(_dir.BackupRoot, fs, _clock, new TestLockProbe(false));

    private SnapshotRestorer Restorer(IFileSystem fs) => new(Store(fs));

    private void AssertBaitUntouched()
    {
        Assert.That(File.GetUnixFileMode(_bait), Is.EqualTo(Private), "the outside file's mode changed");
        Assert.That(File.ReadAllText(_bait), Is.EqualTo("root's secret"), "the outside file's content changed");
        Assert.That(File.GetLastWriteTimeUtc(_bait), Is.EqualTo(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)), "the outside file's time changed");
    }

    private static bool IsStaging(string path) => Path.GetFileName(path).EndsWith(".certinstaller-staging", StringComparison.Ordinal);

    private IEnumerable<string> StagingEntries() =>
        Directory.EnumerateFileSystemEntries(_dir.Certificates, "*", SearchOption.AllDirectories).Where(IsStaging).ToList();

    private IEnumerable<string> Links() =>
        Directory.EnumerateFileSystemEntries(_dir.Certificates, "*", SearchOption.AllDirectories).Where(p => new FileInfo(p).LinkTarget is not null).ToList();

    private void RemoveLinks()
    {
        foreach (var link in Links())
        {
            File.Delete(link);
        }
    }

    private enum Plant
    {
        /// <summary>A link at the path before the run creates its file there.</summary>
        BeforeCreate,

        /// <summary>The created file renamed away and a link put in its place, before its mode and times are set.</summary>
        BeforeAttributes,

        /// <summary>The created file renamed away and a link put in its place, as the rename into the folder starts.</summary>
        BeforeRename,
    }

    /// <summary>Plants a link to <paramref name="bait"/> once, at the first path <paramref name="at"/> matches, at the chosen step.</summary>
    private sealed class PlantingFileSystem(Func<string, bool> at, Plant when, string bait) : DelegatingFileSystem(new PhysicalFileSystem())
    {
        private readonly Dictionary<Stream, string> _paths = new();

        public int Planted { get; private set; }

        public override Stream CreateNew(string path, bool privateAccess)
        {
            if (when == Plant.BeforeCreate && Planted == 0 && at(path))
            {
                File.CreateSymbolicLink(path, bait);
                Planted++;
            }

            var stream = Inner.CreateNew(path, privateAccess);
            _paths[stream] = path;
            return stream;
        }

        public override void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions)
        {
            if (when == Plant.BeforeAttributes && Planted == 0 && _paths.TryGetValue(stream, out var path) && at(path))
            {
                Swap(path);
            }

            Inner.ApplyAttributesOnHandle(stream, createdUtc, modifiedUtc, readOnly, permissions);
        }

        public override void MoveFile(string source, string destination, bool overwrite)
        {
            if (when == Plant.BeforeRename && Planted == 0 && at(source))
            {
                Swap(source);
            }

            Inner.MoveFile(source, destination, overwrite);
        }

        private void Swap(string path)
        {
            File.Move(path, Path.Combine(Path.GetDirectoryName(bait)!, "moved-away-" + Guid.NewGuid().ToString("N"))); // out of the folder
            var temp = path + ".link";
            File.CreateSymbolicLink(temp, bait);
            File.Move(temp, path);
            Planted++;
        }
    }
}
