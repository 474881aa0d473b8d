namespace CertInstaller.Harness.Tests.Commands;

public class PfxCreateCommandTests
{
    private const string Password = "pfx-pw-7431";

    private static SampleSite Site => SampleSite.Shared;

    private static readonly Dictionary<string, string> PasswordEnv = new() { ["PFX_PW"] = Password };

    private TempDir _dir = null!;

    [SetUp]
    public void MakeDir()
    {
        _dir = new TempDir("ci-pfx-");
        File.WriteAllText(P("pw.txt"), Password + "\n");
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private string P(string name) => Path.Combine(_dir.Path, name);

    [Test(Description = "pfx-create-default-to-json")]
    public void Create_WhenKeyMatches_WritesAes256Pbkdf2PfxThatOpensslOpens()
    {
        var run = HarnessRun.Of("pfx", "create", "--cert", Site["server.pem"], "--key", Site["server-key.p8"], "--chain", Site["ca.pem"], "--chain", Site["root.pem"],
            "--out", P("ic1.pfx"), "--password-file", P("pw.txt"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout + run.Stderr, Does.Not.Contain(Password));
        Assert.That(run.Json.GetProperty("written").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("certificates").GetInt32(), Is.EqualTo(3));
        Assert.That(run.Json.GetProperty("keyEncryption").GetString(), Does.Contain("AES-256-CBC").And.Contain("PBKDF2"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(P("ic1.pfx")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var info = OpenSsl.RunWith(PasswordEnv, "pkcs12", "-in", P("ic1.pfx"), "-info", "-nodes", "-passin", "env:PFX_PW");
        Assert.That(info.ExitCode, Is.Zero, info.Output);
        Assert.That(info.Output, Does.Contain("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC").And.Contain("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC")
            .And.Contain("friendlyName: ic1.example.test").And.Contain("BEGIN PRIVATE KEY"));
        Assert.That(info.Output.Split("BEGIN CERTIFICATE").Length - 1, Is.EqualTo(3));
        // Issue 26: at least openssl 3's own pkcs12 -export MAC (it was SHA-1 with 1024 iterations).
        var mac = OpenSsl.RunWith(PasswordEnv, "pkcs12", "-in", P("ic1.pfx"), "-info", "-noout", "-passin", "env:PFX_PW");
        Assert.That(mac.ExitCode, Is.Zero, mac.Output);
        Assert.That(mac.Output, Does.Contain("MAC: sha256, Iteration 2048")
            .And.Contain("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256")
            .And.Contain("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256"));
        Assert.That(run.Json.GetProperty("macDigest").GetString(), Is.EqualTo("SHA-256"));
    }

    [Test(Description = "pfx-create-legacy-to-text")]
    public void Create_WhenLegacy_Uses3DesAndRc2AndTheFriendlyNameGiven()
    {
        Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", Password);
        HarnessRun run;
        try
        {
            run = HarnessRun.Of("pfx", "create", "--cert", Site["server.pem"], "--key", Site["server-key.p8"], "--out", P("old.pfx"), "--legacy", "--friendly-name", "IC1 Server Group");
        }
        finally
        {
            Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", null);
        }

        Assert.That(run.Code, Is.Zero, run.ToString());
        var info = OpenSsl.RunWith(PasswordEnv, "pkcs12", "-in", P("old.pfx"), "-info", "-noout", "-legacy", "-passin", "env:PFX_PW");
        Assert.That(info.ExitCode, Is.Zero, info.Output);
        Assert.That(info.Output, Does.Contain("Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC").And.Contain("pbeWithSHA1And40BitRC2-CBC")
            .And.Contain("MAC: sha1, Iteration 2048"), "old importers know no SHA-256 MAC");
        var inspect = HarnessRun.Of("inspect", P("old.pfx"), "--password-file", P("pw.txt"));
        Assert.That(inspect.Stdout, Does.Contain("friendly name:  IC1 Server Group").And.Contain("pbeWithSHA1And3-KeyTripleDES-CBC"));
    }

    [Test(Description = "pfx-create-mismatch-to-json")]
    public void Create_WhenKeyIsNotTheCertificates_RefusesAndWritesNothing()
    {
        var run = HarnessRun.Of("pfx", "create", "--cert", Site["ca.pem"], "--key", Site["server-key.p8"], "--out", P("x.pfx"), "--password-file", P("pw.txt"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("CertificateKeyMismatch"));
        Assert.That(File.Exists(P("x.pfx")), Is.False);
    }

    [Test(Description = "pfx-create-no-password-to-text")]
    public void Create_WhenNoPassword_ExitsTwoAndTakesNoPasswordArgument()
    {
        var none = HarnessRun.Of("pfx", "create", "--cert", Site["server.pem"], "--key", Site["server-key.p8"], "--out", P("x.pfx"));
        var argument = HarnessRun.Of("pfx", "create", "--cert", Site["server.pem"], "--key", Site["server-key.p8"], "--out", P("x.pfx"), "--password", Password);

        Assert.That(none.Code, Is.EqualTo(2), none.ToString());
        Assert.That(none.Stderr, Does.Contain("--password-file").And.Contain("CERTHARNESS_PASSWORD"));
        Assert.That(argument.Code, Is.EqualTo(2), argument.ToString());
        Assert.That(File.Exists(P("x.pfx")), Is.False);
    }

    [Test(Description = "pfx-create-existing-to-text")]
    public void Create_WhenOutExists_NeverOverwrites()
    {
        File.WriteAllText(P("x.pfx"), "keep");

        var run = HarnessRun.Of("pfx", "create", "--cert", Site["server.pem"], "--key", Site["server-key.p8"], "--out", P("x.pfx"), "--password-file", P("pw.txt"));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(File.ReadAllText(P("x.pfx")), Is.EqualTo("keep"));
    }

    [Test(Description = "inspect-pfx-no-key-to-json")]
    public void Inspect_WhenPfxHasNoKey_SaysNoKeyInsteadOfAMismatch()
    {
        var export = OpenSsl.RunWith(PasswordEnv, "pkcs12", "-export", "-nokeys", "-in", Site["server.pem"], "-out", P("nokey.pfx"), "-passout", "env:PFX_PW");
        Assert.That(export.ExitCode, Is.Zero, export.Output);

        var json = HarnessRun.Of("inspect", P("nokey.pfx"), "--password-file", P("pw.txt"), "--json");
        var text = HarnessRun.Of("inspect", P("nokey.pfx"), "--password-file", P("pw.txt"));

        Assert.That(json.Code, Is.Zero, json.ToString());
        Assert.That(json.Json[0].GetProperty("hasKey").GetBoolean(), Is.False);
        Assert.That(json.Json[0].TryGetProperty("keyMatchesCertificate", out _), Is.False);
        Assert.That(json.Json[0].GetProperty("encryption").GetProperty("certificates").GetString(), Does.Contain("AES-256-CBC"), "openssl 3's default");
        Assert.That(text.Stdout, Does.Contain("no key").And.Not.Contain("key matches"));
    }

    [Test(Description = "inspect-pfx-openssl-export-to-json")]
    public void Inspect_WhenOpensslExported_ShowsItsFriendlyNameAndEncryption()
    {
        var export = OpenSsl.RunWith(PasswordEnv, "pkcs12", "-export", "-in", Site["server.pem"], "-inkey", Site["server-key.p8"], "-name", "IC1 from openssl",
            "-out", P("o.pfx"), "-passout", "env:PFX_PW");
        Assert.That(export.ExitCode, Is.Zero, export.Output);

        var run = HarnessRun.Of("inspect", P("o.pfx"), "--password-file", P("pw.txt"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        var pfx = run.Json[0];
        Assert.That(pfx.GetProperty("friendlyName").GetString(), Is.EqualTo("IC1 from openssl"));
        Assert.That(pfx.GetProperty("hasKey").GetBoolean(), Is.True);
        Assert.That(pfx.GetProperty("keyMatchesCertificate").GetBoolean(), Is.True);
        Assert.That(pfx.GetProperty("encryption").GetProperty("key").GetString(), Is.EqualTo("PBES2, PBKDF2 hmacWithSHA256, AES-256-CBC, 2048 iterations"));
        Assert.That(pfx.GetProperty("encryption").GetProperty("macDigest").GetString(), Is.EqualTo("SHA-256"));
    }
}
