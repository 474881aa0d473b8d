using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Pki;

namespace CertInstaller.Installer.Tests.Data;

public class ActionDataSerializerTests
{
    // A folder is a full path on the system that runs the action (D:\ on Windows, / elsewhere).
    private static readonly string Root = OperatingSystem.IsWindows() ? @"D:\" : "/";

    private static readonly ActionData Sample = new()
    {
        CertDir = Root + @"I3\IC\Certificates\",
        BackupDir = Root + @"ProgramData\CertInstaller\Backups\",
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

    [TestCase(@"a;b\c")]
    [TestCase(@"a;;b;")]
    [TestCase(";")]
    [TestCase(@"with space\and=equals\""quoted""")]
    [TestCase(@"Zertifikate\Übergang\证书\ünïcödé")]
    [TestCase(@"server\share\certs\")]
    public void Parse_WhenHostileValue_RoundTrips(string relative)
    {
        var path = Root + relative;
        var data = Sample with { CertDir = path, BackupDir = path + "x" };

        var back = ActionDataSerializer.Parse(ActionDataSerializer.Serialize(data));

        Assert.That((back.CertDir, back.BackupDir), Is.EqualTo((path.Trim(), (path + "x").Trim())));
    }

    [Test]
    public void Parse_WhenVeryLongValue_RoundTrips()
    {
        var path = Root + string.Join(@"\", Enumerable.Repeat("segment;with;semicolons", 400));

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
        var data = ActionDataSerializer.Parse($"CertDir={Root}c;BackupDir={Root}b;Mode=;Preserve=;PreservePatterns=;Validation=;MinDigest=;ExpiryWarningDays=;Host=;Retain=;ProductVersion=");

        Assert.That(data, Is.EqualTo(new ActionData { CertDir = Root + "c", BackupDir = Root + "b", PreservePatterns = data.PreservePatterns }));
        Assert.That(data.PreservePatterns, Is.Empty);
    }

    [TestCase("CertDir={0}c;BackupDir={0}b;Bogus=1", ActionDataProblemCode.UnknownKey, "Bogus")]
    [TestCase("CertDir={0}c;BackupDir={0}b;CertDir={0}d", ActionDataProblemCode.DuplicateKey, "CertDir")]
    [TestCase("BackupDir={0}b", ActionDataProblemCode.FolderMissing, "CertDir")]
    [TestCase("CertDir={0}c", ActionDataProblemCode.FolderMissing, "BackupDir")]
    [TestCase("CertDir=c;BackupDir={0}b", ActionDataProblemCode.FolderNotFullPath, "CertDir")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Validation=strict", ActionDataProblemCode.ValueNotAllowed, "Validation")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Retain=0", ActionDataProblemCode.NumberOutOfRange, "Retain")]
    [TestCase("CertDir={0}c;BackupDir={0}b;ExpiryWarningDays=x", ActionDataProblemCode.NumberOutOfRange, "ExpiryWarningDays")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Preserve=maybe", ActionDataProblemCode.ValueNotAllowed, "Preserve")]
    [TestCase("CertDir={0}c;BackupDir={0}b;MinDigest=SHA-3", ActionDataProblemCode.DigestUnknown, "MinDigest")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Mode=1", ActionDataProblemCode.ValueNotAllowed, "Mode")]
    [TestCase("CertDir={0}c;BackupDir={0}b;ProductCode=../x", ActionDataProblemCode.ProductCodeInvalid, "ProductCode")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Host=a b", ActionDataProblemCode.HostInvalid, "Host")]
    [TestCase("CertDir={0}c;BackupDir={0}b;Host=a\u0007", ActionDataProblemCode.ControlCharacter, "Host")]
    public void Parse_WhenInvalid_GivesTheCodeAndTheKey(string text, ActionDataProblemCode code, string key)
    {
        var e = Refused(string.Format(text, Root));

        Assert.That(e.Items.Select(i => (i.Code, i.Key)), Is.EqualTo(new[] { (code, key) }));
        Assert.That(e.Problems.Single(), Does.StartWith(Core.Codes.CodeRegistry.Of(code).Text + " "), "the code is printed with the problem");
    }

    [Test]
    public void Parse_WhenProductVersionTooLong_GivesValueTooLong()
    {
        Assert.That(Refused($"CertDir={Root}c;BackupDir={Root}b;ProductVersion={new string('9', 65)}").Codes, Is.EqualTo(new[] { ActionDataProblemCode.ValueTooLong }));
    }

    [TestCase("sha256", "SHA-256")]
    [TestCase("SHA-1", "SHA-1")]
    [TestCase("Sha384", "SHA-384")]
    public void Parse_WhenDigestSpelledDifferently_Normalises(string given, string expected)
    {
        Assert.That(DigestNames.ToDisplayName(ActionDataSerializer.Parse($"CertDir={Root}c;BackupDir={Root}b;MinDigest={given}").MinDigest), Is.EqualTo(expected));
    }

    private static ActionDataException Refused(string text) => Assert.Throws<ActionDataException>(() => ActionDataSerializer.Parse(text))!;

    [TestCase("\"{0}certs\"")]
    [TestCase("'{0}certs'")]
    [TestCase(" \"{0}certs\" ")]
    public void Parse_WhenCertDirQuoted_DropsTheQuotes(string quoted)
    {
        var data = ActionDataSerializer.Parse($"CertDir={string.Format(quoted, Root)};BackupDir={Root}b");

        Assert.That(data.CertDir, Is.EqualTo(Root + "certs"), "issue 11 §11: a quoted CertDir was taken as a relative path");
    }

    [TestCase("CertDir", "certs")]
    [TestCase("CertDir", "\"certs")]
    [TestCase("CertDir", "\"certs\"")]
    [TestCase("BackupDir", "Backups")]
    [TestCase("CertDir", ".")]
    public void Parse_WhenFolderNotAFullPath_Refused(string key, string value)
    {
        var text = key == "CertDir" ? $"CertDir={value};BackupDir={Root}b" : $"CertDir={Root}c;BackupDir={value}";

        Assert.That(Refused(text).Keys, Is.EqualTo(new[] { key }));
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\u001b[2J")]
    [TestCase("\u2028")]
    [TestCase("\u0000")]
    public void Parse_WhenValueHoldsControlCharacter_RefusedWithoutEchoingIt(string control)
    {
        var forged = $"x{control}CertInstaller error: forged line";

        var e = Refused($"CertDir={Root}c;BackupDir={Root}b;ProductVersion={forged};Host=h{control}");

        Assert.That(e.Keys, Is.EquivalentTo(new[] { "ProductVersion", "Host" }));
        Assert.That(string.Concat(e.Problems).IndexOfAny(['\n', '\r', '\u001b', '\u2028', '\u0000']), Is.EqualTo(-1));
    }

    [Test]
    public void Parse_WhenUnknownKeyHoldsNewline_NamesItEscaped()
    {
        var e = Refused($"CertDir={Root}c;BackupDir={Root}b;Bad\nKey=1");

        Assert.That(string.Concat(e.Problems).IndexOf('\n'), Is.EqualTo(-1));
    }

    [Test(Description = "issue 11 §11: a 300-character ProductCode failed after the snapshot was taken")]
    public void Parse_WhenProductCodeTooLongOrNotACode_Refused()
    {
        Assert.That(Refused($"CertDir={Root}c;BackupDir={Root}b;ProductCode={{{new string('A', 300)}}}").Keys, Is.EqualTo(new[] { "ProductCode" }));
        Assert.That(Refused($"CertDir={Root}c;BackupDir={Root}b;ProductCode=../../evil").Keys, Is.EqualTo(new[] { "ProductCode" }));
        Assert.That(ActionDataSerializer.Parse($"CertDir={Root}c;BackupDir={Root}b;ProductCode={{12345678-1234-1234-1234-123456789012}}").ProductCode,
            Is.EqualTo("{12345678-1234-1234-1234-123456789012}"));
    }

    [Test]
    public void Parse_WhenPolicyAndExpiryWarningDaysGiven_CarriesThemAndEmptyTakesDefaults()
    {
        var data = ActionDataSerializer.Parse($"CertDir={Root}c;BackupDir={Root}b;Policy={Root}site-policy.json;ExpiryWarningDays=90");
        var defaults = ActionDataSerializer.Parse($"CertDir={Root}c;BackupDir={Root}b;Policy=;ExpiryWarningDays=");

        Assert.That((data.PolicyFile, data.ExpiryWarningDays), Is.EqualTo((Root + "site-policy.json", 90)));
        Assert.That((defaults.PolicyFile, defaults.ExpiryWarningDays), Is.EqualTo(((string?)null, 30)));
    }
}
