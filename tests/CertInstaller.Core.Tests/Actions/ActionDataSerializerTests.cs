using CertInstaller.Core.Actions;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Tests.Actions;

public class ActionDataSerializerTests
{
    private static readonly ActionData Sample = new()
    {
        CertDir = @"D:\I3\IC\Certificates\",
        BackupDir = @"C:\ProgramData\CertInstaller\Backups\",
        Mode = InstallMode.Upgrade,
        ProductCode = "{12345678-1234-1234-1234-123456789012}",
        ProductVersion = "2.0.0",
        Preserve = false,
        PreservePatterns = ["HTTPS/*.cer", "CSRs/**"],
        Validation = ValidationMode.Enforce,
        MinDigest = DigestAlgorithm.Sha384,
        ExpiryWarningDays = 45,
        PolicyFile = @"C:\ProgramData\Site\cert-policy.json",
        Host = "ic1.example.com",
        Retain = 3,
    };

    [Test]
    public void Parse_WhenSerialized_RoundTrips()
    {
        var back = ActionDataSerializer.Parse(ActionDataSerializer.Serialize(Sample));

        Assert.That(back with { PreservePatterns = Sample.PreservePatterns }, Is.EqualTo(Sample));
        Assert.That(back.PreservePatterns, Is.EqualTo(Sample.PreservePatterns));
    }

    [TestCase(@"C:\a;b\c")]
    [TestCase(@"C:\a;;b;")]
    [TestCase(";")]
    [TestCase(@"C:\with space\and=equals\""quoted""")]
    [TestCase(@"C:\Zertifikate\Übergang\证书\ünïcödé")]
    [TestCase(@"\\server\share\certs\")]
    public void Parse_WhenHostileValue_RoundTrips(string path)
    {
        var data = Sample with { CertDir = path, BackupDir = path + "x" };

        var back = ActionDataSerializer.Parse(ActionDataSerializer.Serialize(data));

        Assert.That((back.CertDir, back.BackupDir), Is.EqualTo((path.Trim(), (path + "x").Trim())));
    }

    [Test]
    public void Parse_WhenVeryLongValue_RoundTrips()
    {
        var path = @"C:\" + string.Join(@"\", Enumerable.Repeat("segment;with;semicolons", 400));

        Assert.That(ActionDataSerializer.Parse(ActionDataSerializer.Serialize(Sample with { CertDir = path })).CertDir, Is.EqualTo(path));
    }

    [Test]
    public void Serialize_Always_EndsWithProductVersionSoNoTrailingBackslash()
    {
        var text = ActionDataSerializer.Serialize(Sample with { ProductVersion = "1.0" });

        Assert.That(text, Does.EndWith(";ProductVersion=1.0"));
    }

    [Test]
    public void Parse_WhenValuesEmpty_TakesDefaults()
    {
        var data = ActionDataSerializer.Parse(@"CertDir=C:\c;BackupDir=C:\b;Mode=;Preserve=;PreservePatterns=;Validation=;MinDigest=;ExpiryWarningDays=;Host=;Retain=;ProductVersion=");

        Assert.That(data, Is.EqualTo(new ActionData { CertDir = @"C:\c", BackupDir = @"C:\b", PreservePatterns = data.PreservePatterns }));
        Assert.That(data.PreservePatterns, Is.Empty);
    }

    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;Bogus=1", "unknown key 'Bogus'")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;CertDir=C:\\d", "given twice")]
    [TestCase("BackupDir=C:\\b", "CERTINSTALLER_CERTDIR")]
    [TestCase("CertDir=C:\\c", "CERTINSTALLER_BACKUPDIR")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;Validation=strict", "Validation 'strict'")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;Retain=0", "Retain '0'")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;Preserve=maybe", "Preserve 'maybe'")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;MinDigest=SHA-3", "MinDigest 'SHA-3'")]
    [TestCase("CertDir=C:\\c;BackupDir=C:\\b;Mode=1", "Mode '1'")]
    public void Parse_WhenInvalid_NamesTheProblem(string text, string expected)
    {
        var e = Assert.Throws<ActionDataException>(() => ActionDataSerializer.Parse(text))!;

        Assert.That(e.Problems, Has.Some.Contains(expected));
    }

    [TestCase("sha256", "SHA-256")]
    [TestCase("SHA-1", "SHA-1")]
    [TestCase("Sha384", "SHA-384")]
    public void Parse_WhenDigestSpelledDifferently_Normalises(string given, string expected)
    {
        Assert.That(DigestNames.ToDisplayName(ActionDataSerializer.Parse($"CertDir=c;BackupDir=b;MinDigest={given}").MinDigest), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_WhenPolicyAndExpiryWarningDaysGiven_CarriesThemAndEmptyTakesDefaults()
    {
        var data = ActionDataSerializer.Parse(@"CertDir=C:\c;BackupDir=C:\b;Policy=C:\site\policy.json;ExpiryWarningDays=90");
        var defaults = ActionDataSerializer.Parse(@"CertDir=C:\c;BackupDir=C:\b;Policy=;ExpiryWarningDays=");

        Assert.That((data.PolicyFile, data.ExpiryWarningDays), Is.EqualTo((@"C:\site\policy.json", 90)));
        Assert.That((defaults.PolicyFile, defaults.ExpiryWarningDays), Is.EqualTo(((string?)null, 30)));
    }
}
