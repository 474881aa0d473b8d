namespace CertInstaller.Harness.Tests.Commands;

/// <summary>Mutated copies of valid files (fixed seed): every run exits 0, 1 or 2, never with a stack trace, and a failure names the file.</summary>
public class HostileInputTests
{
    // BouncyCastle's and .NET's type names (Org.BouncyCastle.Asn1.DerSequence, DerInteger, Asn1OctetString, RsaKeyParameters).
    private const string TypeName = @"Org\.BouncyCastle|System\.[A-Z]\w+\.|\b(Der|Ber|DL|Asn1)[A-Z]\w+|\w+(KeyParameters|Parameters)\b";

    [TestCase("server.pem", TestName = "inspect-mutated-pem-certificate-to-text")]
    [TestCase("good.csr", TestName = "inspect-mutated-der-csr-to-text")]
    [TestCase("server.pfx", TestName = "inspect-mutated-pkcs12-to-text")]
    [TestCase("chain.p7b", TestName = "inspect-mutated-pkcs7-to-text")]
    [TestCase("server-key.p8", TestName = "inspect-mutated-pkcs8-key-to-text")]
    public void Inspect_WhenBytesMutated_ExitsCleanlyNamingTheFile(string name)
    {
        var original = File.ReadAllBytes(SampleSite.Shared[name]);
        var random = new Random(name.Length * 7919);
        var dir = Path.Combine(SampleSite.Shared.Root, "mutated-" + name);
        Directory.CreateDirectory(dir);
        for (var i = 0; i < 60; i++)
        {
            var bytes = (byte[])original.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(10) == 0 ? random.Next(bytes.Length) : bytes.Length;
            var file = Path.Combine(dir, $"{i:D2}-{name}");
            File.WriteAllBytes(file, bytes.Take(length).ToArray());

            var run = HarnessRun.Of("inspect", "--password", SampleSite.Password, file);

            Assert.That(run.Code, Is.AnyOf(0, 2), run.ToString());
            Assert.That(run.Stderr + run.Stdout, Does.Not.Contain("   at "), run.ToString());
            Assert.That(run.Stderr, Does.Not.Match(TypeName), "issue 11 §11: a BouncyCastle type name leaked into the message");
            if (run.Code == 2)
            {
                Assert.That(run.Stderr, Does.Contain(file + ": "), run.ToString());
            }
        }

        var digests = HarnessRun.Of("digests", dir, "--verify-chains", "--password", SampleSite.Password);
        Assert.That(digests.Code, Is.AnyOf(0, 1), digests.ToString());
    }

    [Test(Description = "issue 11 §8: --password-file /dev/zero took 8.4 GB and ended in a raw .NET error")]
    [Platform(Include = "Linux")]
    public void Inspect_WhenPasswordFileIsEndless_ExitsTwoNamingTheFile()
    {
        var task = Task.Run(() => HarnessRun.Of("inspect", SampleSite.Shared["server.pfx"], "--password-file", "/dev/zero"));

        Assert.That(task.Wait(TimeSpan.FromSeconds(30)), Is.True, "reading /dev/zero did not stop");
        Assert.That(task.Result.Code, Is.EqualTo(2), task.Result.ToString());
        Assert.That(task.Result.Stderr, Does.Contain("/dev/zero: "));
    }

    [Test]
    public void Inspect_WhenPasswordFileHasNoShortFirstLine_ExitsTwo()
    {
        var file = Path.Combine(SampleSite.Shared.Root, "not-a-password.txt");
        File.WriteAllText(file, new string('x', 100_000));

        var run = HarnessRun.Of("inspect", SampleSite.Shared["server.pfx"], "--password-file", file);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(file + ": "));
    }

    [Test]
    public void Inspect_WhenPasswordFileHasPasswordLine_ReadsIt() =>
        Assert.That(HarnessRun.Of("inspect", SampleSite.Shared["server.pfx"], "--password-file", SampleSite.Shared["password.txt"]).Code, Is.Zero);

    [TestCase("inspect", "{pfx}", "--pasword", "S3cr3t-pw")]
    [TestCase("inspect", "{pfx}", "--passwrd=S3cr3t-pw")]
    [TestCase("inspect", "{pfx}", "--password-fil", "S3cr3t-pw")]
    [TestCase("validate", "{dir}", "--passwd", "S3cr3t-pw")]
    [TestCase("validate", "{dir}", "--pasword:S3cr3t-pw")]
    [TestCase("digests", "{dir}", "--pwd", "S3cr3t-pw")]
    [TestCase("backup", "create", "{dir}", "--to", "{dir}-b", "--secret", "S3cr3t-pw")]
    public void AnyVerb_WhenPasswordGivenToAMistypedOption_NeverPrintsIt(params string[] template)
    {
        var args = template.Select(a => a.Replace("{pfx}", SampleSite.Shared["server.pfx"]).Replace("{dir}", SampleSite.Shared.IcDir)).ToArray();

        var run = HarnessRun.Of(args);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stdout + run.Stderr, Does.Not.Contain("S3cr3t"), "issue 11 §7: the password was echoed");
    }

    [Test(Description = "issue 11 §11: control characters in names were printed raw to the terminal")]
    [Platform(Include = "Linux")]
    public void Inspect_WhenFileNameHoldsControlCharacters_PrintsThemEscaped()
    {
        var dir = Path.Combine(SampleSite.Shared.Root, "control-names");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "x\nforged line\u001b[2J.pem");
        File.Copy(SampleSite.Shared["server.pem"], file, overwrite: true);
        var broken = Path.Combine(dir, "y\nforged error\u001b[2J.pem");
        File.WriteAllText(broken, "not pem");

        var run = HarnessRun.Of("inspect", file, broken);
        var digests = HarnessRun.Of("digests", dir);

        foreach (var output in new[] { run.Stdout, run.Stderr, digests.Stdout, digests.Stderr })
        {
            Assert.That(output.IndexOf('\u001b'), Is.EqualTo(-1), output);
            Assert.That(output.Split('\n').Where(l => l.StartsWith("forged", StringComparison.Ordinal)), Is.Empty, output);
        }
    }
}
