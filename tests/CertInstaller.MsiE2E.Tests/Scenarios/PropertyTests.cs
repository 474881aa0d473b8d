using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

/// <summary>Every CERTINSTALLER_* property given on a silent command line takes effect.</summary>
public sealed class PropertyTests : MsiScenario
{
    private const string CustomCertDir = CustomRoot + @"Certs\";
    private const string CustomBackupDir = CustomRoot + @"Backups\";

    [Test]
    public void CanPassEveryPropertyToTheActions_WhenGivenOnTheCommandLine()
    {
        var certs = this.Engine.HostPath(CustomCertDir);
        var backups = this.Engine.HostPath(CustomBackupDir);
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(certs);

        var run = this.InstallSucceeds(this.V1,
            $"CERTINSTALLER_CERTDIR={CustomCertDir}", $"CERTINSTALLER_BACKUPDIR={CustomBackupDir}", "CERTINSTALLER_PRESERVE=0",
            "CERTINSTALLER_PRESERVE_PATTERNS=*.pfx|CSRs/*", "CERTINSTALLER_VALIDATION=off", "CERTINSTALLER_MIN_DIGEST=SHA-384",
            "CERTINSTALLER_RETAIN=3", "CERTINSTALLER_HOST=icserver1.contoso.test");

        // The ActionData: in the MSI log's property dump (unless a package lists the action in MsiHiddenProperties) and
        // in the action host's own log.
        var text = ActionText(run, backups);
        string[] pairs =
        [
            $"CertDir={CustomCertDir};", $"BackupDir={CustomBackupDir};", "Mode=install;", "Preserve=0;", "PreservePatterns=*.pfx|CSRs/*;",
            "Validation=off;", "MinDigest=SHA-384;", "Retain=3;", "Host=icserver1.contoso.test;", $"ProductVersion={this.V1.Version}",
        ];
        foreach (var pair in pairs)
        {
            Assert.That(text, Does.Contain(pair), "the actions received it");
        }

        if (MsiLog.Property(run.Log, Actions.Backup) is { } data && !data.StartsWith('*'))
        {
            Assert.That(data, Does.StartWith($"CertDir={CustomCertDir};BackupDir={CustomBackupDir};Mode=install;"));
            Assert.That(data, Does.EndWith($";ProductVersion={this.V1.Version}"));
        }

        AssertNotRan(run, Actions.Validate);
        AssertFolder(certs, thirdParty, "is the protected folder: the product never writes there");
        Assert.That(Snapshots(backups), Is.Not.Empty, "the snapshot is in CERTINSTALLER_BACKUPDIR");
        Assert.That(Snapshots(this.BackupDir), Is.Empty, "nothing in the default backup folder");
    }

    [Test]
    public void CanLetTheProductOverwrite_WhenPreserveIsOff()
    {
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);

        this.InstallSucceeds(this.V1, "CERTINSTALLER_PRESERVE=0");

        AssertFolder(this.CertDir, thirdParty.Overlay(this.V1.Files(SamplePackage.MainFiles)), "holds what the product wrote");
        Assert.That(KeptUnder(this.BackupDir, thirdParty.Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True, "the snapshot still has it");
    }

    [Test]
    public void CanInstallWithAnExpiredCertificate_WhenValidationIsOff()
    {
        ThirdPartyCertificates.Create(expired: true).WriteTo(this.CertDir);

        var run = this.InstallSucceeds(this.V1, "CERTINSTALLER_VALIDATION=off");

        AssertNotRan(run, Actions.Validate);
    }

    [Test]
    public void FailsValidation_WhenTheMinimumDigestIsAboveTheCertificates()
    {
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);

        var run = this.Install(this.V1, "CERTINSTALLER_VALIDATION=enforce", "CERTINSTALLER_MIN_DIGEST=SHA-512");

        this.AssertFailed(run);
        AssertFolder(this.CertDir, before, "is restored");
    }

    [Test]
    public void CanPreserveMatchingFiles_WhenPreservePatternsAreGiven()
    {
        // An IC-issued file the product would regenerate, kept because a pattern names it.
        var kept = this.V2.Files(["ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityCertificate.cer"]);
        kept.WriteTo(this.CertDir);

        this.InstallSucceeds(this.V1, "CERTINSTALLER_PRESERVE_PATTERNS=ICCertificateAuthority/*.cer");

        AssertFolder(this.CertDir, this.V1.Files(SamplePackage.MainFiles).Overlay(kept), "keeps the file the pattern names");
    }

    [Test]
    public void CanKeepOnlyTheRetainedSnapshots_WhenRetainIsGiven()
    {
        this.InstallSucceeds(this.V1, "CERTINSTALLER_RETAIN=1");
        var repair = this.Repair("CERTINSTALLER_RETAIN=1");
        AssertSucceeded(repair);

        Assert.That(Snapshots(this.BackupDir), Has.Count.EqualTo(1), "commit pruned to CERTINSTALLER_RETAIN snapshots");
    }
}
