using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary>Secret values of a command line are hidden in every form an installer takes them (issue 25, §2).</summary>
public class CommandLineSecretsTests
{
    private const string Secret = "S3cr3t-V4lue";

    // Each form the adversarial round tried, and the other spellings of the same forms.
    [TestCase(new[] { "/p:Password=" + Secret }, "/p:Password=***")]
    [TestCase(new[] { "/p:SQLPWD=" + Secret }, "/p:SQLPWD=***")]
    [TestCase(new[] { "-p:DbPassword=" + Secret }, "-p:DbPassword=***")]
    [TestCase(new[] { "/property:API_KEY=" + Secret }, "/property:API_KEY=***")]
    [TestCase(new[] { "--password", Secret }, "--password ***")]
    [TestCase(new[] { "-password", Secret }, "-p*** ***")]
    [TestCase(new[] { "/password", Secret }, "/password ***")]
    [TestCase(new[] { "--client-secret", Secret }, "--client-secret ***")]
    [TestCase(new[] { "--password=" + Secret }, "--password=***")]
    [TestCase(new[] { "--api-token=" + Secret }, "--api-token=***")]
    [TestCase(new[] { "--password:" + Secret }, "--password:***")]
    [TestCase(new[] { "/Password:" + Secret }, "/Password:***")]
    [TestCase(new[] { "PASS=" + Secret }, "PASS=***")]
    [TestCase(new[] { "PFX_PASS=" + Secret }, "PFX_PASS=***")]
    [TestCase(new[] { "SERVICE_PASSWORD=" + Secret }, "SERVICE_PASSWORD=***")]
    [TestCase(new[] { "PIDKEY=" + Secret }, "PIDKEY=***")]
    [TestCase(new[] { "DB_SECRET=" + Secret }, "DB_SECRET=***")]
    [TestCase(new[] { "-p" + Secret }, "-p***")]
    [TestCase(new[] { "SERVICE_PASSWORD=a b " + Secret }, "SERVICE_PASSWORD=***")]
    public void Display_HidesTheSecretInEachForm(string[] form, string shown)
    {
        var display = CommandLineText.Display(["msiexec", "/i", "IC.msi", .. form, "/qn"]);

        Assert.That(display, Does.Not.Contain(Secret));
        Assert.That(display, Is.EqualTo($"msiexec /i IC.msi {shown} /qn"));
        Assert.That(CommandLineSecrets.Values(["msiexec", .. form]).Any(v => v.Contains(Secret, StringComparison.Ordinal)), Is.True, "found for redaction");
    }

    [TestCase("INSTALLDIR=D:\\I3")]
    [TestCase("/passive")]
    [TestCase("/qn")]
    [TestCase("/l*v")]
    [TestCase("--certdir")]
    [TestCase("ADDLOCAL=ALL")]
    public void Display_LeavesOrdinaryArgumentsAlone(string argument) =>
        Assert.That(CommandLineText.Display(["msiexec", argument, "x.msi"]), Is.EqualTo($"msiexec {argument} x.msi"));

    [Test]
    public void Display_ShowsThePatchOfMsiexecSlashP() =>
        Assert.That(CommandLineText.Display(["msiexec", "/p", "fix.msp", "/qn"]), Is.EqualTo("msiexec /p fix.msp /qn"));

    [TestCase("--pasword")]
    [TestCase("--passwrd")]
    [TestCase("--pssword")]
    public void Values_WhenMisspellingsAreTolerated_HidesTheValueOfAMisspeltPasswordOption(string option)
    {
        Assert.That(CommandLineSecrets.Values(["inspect", "a.pfx", option, Secret], tolerateMisspellings: true), Is.EqualTo(new[] { Secret }));
        Assert.That(CommandLineSecrets.Values(["inspect", "a.pfx", option + "=" + Secret], tolerateMisspellings: true), Is.EqualTo(new[] { Secret }));
    }

    [TestCase("ABCPASSWORDX", true)]
    [TestCase("db_pwd", true)]
    [TestCase("PFX_PASS", true)]
    [TestCase("PASSIVE", false)]
    [TestCase("CompanyPassphrase", true)]
    [TestCase("ACCESS_KEY_ID", true)]
    [TestCase("INSTALLDIR", false)]
    public void IsSecretName_FollowsThePatternList(string name, bool secret) =>
        Assert.That(CommandLineSecrets.IsSecretName(name), Is.EqualTo(secret));

    [Test]
    public void Redact_ReplacesEveryFoundValue() =>
        Assert.That(CommandLineSecrets.Redact($"cannot open '{Secret}' nor '{Secret}x'", CommandLineSecrets.Values(["--password", Secret])),
            Is.EqualTo("cannot open '***' nor '***x'"));
}
