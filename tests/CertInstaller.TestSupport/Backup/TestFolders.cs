using System.Text;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>The named folders of a backup test inside its <see cref="TempDir"/>; nothing is created until a test writes there.</summary>
public static class BackupTestFolders
{
    extension(TempDir dir)
    {
        /// <summary>The certificates folder.</summary>
        public string Certificates => System.IO.Path.Combine(dir.Path, "IC", "Certificates");

        /// <summary>The backup root.</summary>
        public string BackupRoot => System.IO.Path.Combine(dir.Path, "Backups");

        /// <summary>A folder outside the certificates folder that links may point at.</summary>
        public string Outside => System.IO.Path.Combine(dir.Path, "outside");
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class TestClock : IClock
{
    /// <summary>The time the clock reads (2026-11-26 22:15 UTC until the test sets or advances it).</summary>
    public DateTimeOffset UtcNow { get; set; } = new(2026, 11, 26, 22, 15, 0, TimeSpan.Zero);

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => UtcNow += by;
}

/// <summary>A lock-holder probe whose verdict the test chooses.</summary>
public sealed class TestLockProbe(bool holdersAlive) : ILockHolderProbe
{
    /// <summary>The holder this process would write into a lock file.</summary>
    public (string MachineName, int ProcessId, string ProcessName, DateTimeOffset ProcessStartUtc) Current { get; } =
        ("TESTHOST", 4242, "msiexec", new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero));

    /// <summary>What <see cref="IsAlive"/> answers for every holder.</summary>
    public bool HoldersAlive { get; set; } = holdersAlive;

    /// <summary>Answers <see cref="HoldersAlive"/>.</summary>
    public bool IsAlive(LockHolder holder) => HoldersAlive;
}

/// <summary>Realistic certificates-folder content (bytes are arbitrary; the Backup area does not parse them).</summary>
public static class SampleFolder
{
    /// <summary>The third-party certificate.</summary>
    public const string ThirdPartyCert = "ServerGroup/ServerGroupCertificate.cer";
    public const string ThirdPartyKey = "ServerGroup/ServerGroupPrivateKey.bin";
    public const string IcCaCert = "ICCertificateAuthority/IC1_ICCertificateAuthorityCertificate.cer";
    public const string ReadOnlyFile = "Client/Local_Subsystems/IC1_TrustedCertificate.cer";
    public const string MapFile = "IC1_ININ_Certificates.xml";

    public static readonly string[] Files =
    {
        ThirdPartyCert,
        ThirdPartyKey,
        IcCaCert,
        "ICCertificateAuthority/IC1_ICCertificateAuthorityPrivateKey.bin",
        "Client/Local_Subsystems/IC1_ServerCertificate.cer",
        "Client/Local_Subsystems/IC1_ServerPrivateKey.bin",
        ReadOnlyFile,
        MapFile,
    };

    /// <summary>Writes the folder; content depends on <paramref name="generation"/> so two generations differ.</summary>
    public static void Write(string root, string generation = "A")
    {
        Directory.CreateDirectory(System.IO.Path.Combine(root, "CSRs")); // an empty directory
        foreach (var relative in Files)
        {
            WriteFile(root, relative, Content(relative, generation));
        }

        File.SetAttributes(System.IO.Path.Combine(root, ReadOnlyFile), FileAttributes.ReadOnly);
    }

    /// <summary>The bytes of <paramref name="relative"/> in <paramref name="generation"/>.</summary>
    public static byte[] Content(string relative, string generation) =>
        Encoding.UTF8.GetBytes($"-----BEGIN {generation}-----\n{relative}\n{new string('x', relative.Length * 7)}\n-----END {generation}-----\n");

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> under <paramref name="root"/>, over a read-only file too.</summary>
    public static void WriteFile(string root, string relative, byte[] content)
    {
        var path = System.IO.Path.Combine(root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }

        File.WriteAllBytes(path, content);
    }

    /// <summary>How the product would classify <paramref name="relative"/>: ServerGroup third-party, the map other, the rest IC-issued.</summary>
    public static FileClassification Classify(string relative) =>
        relative.StartsWith("ServerGroup/", StringComparison.Ordinal)
            ? new FileClassification(FileOrigin.ThirdParty, "issued by Contoso Root CA")
            : relative.EndsWith(".xml", StringComparison.Ordinal)
                ? new FileClassification(FileOrigin.Other, "certificate map")
                : new FileClassification(FileOrigin.IcIssued, "issued by the IC CA");

    /// <summary>Simulates an install regenerating the folder: IC files rewritten, a file removed, one added, a directory added.</summary>
    public static void Regenerate(string root)
    {
        SampleFolder.WriteFile(root, ThirdPartyCert, Content(ThirdPartyCert, "B"));
        SampleFolder.WriteFile(root, ThirdPartyKey, Content(ThirdPartyKey, "B"));
        SampleFolder.WriteFile(root, ReadOnlyFile, Content(ReadOnlyFile, "B"));
        File.SetAttributes(System.IO.Path.Combine(root, ReadOnlyFile), FileAttributes.ReadOnly);
        File.Delete(System.IO.Path.Combine(root, IcCaCert));
        SampleFolder.WriteFile(root, "HTTPS/ic1.example.com.cer", Content("HTTPS/ic1.example.com.cer", "B"));
    }
}
