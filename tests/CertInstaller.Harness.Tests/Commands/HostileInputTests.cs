namespace CertInstaller.Harness.Tests.Commands;

/// <summary>Mutated copies of valid files (fixed seed): every run exits 0, 1 or 2, never with a stack trace, and a failure names the file.</summary>
public class HostileInputTests
{
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
            if (run.Code == 2)
            {
                Assert.That(run.Stderr, Does.Contain(file + ": "), run.ToString());
            }
        }

        var digests = HarnessRun.Of("digests", dir, "--verify-chains", "--password", SampleSite.Password);
        Assert.That(digests.Code, Is.AnyOf(0, 1), digests.ToString());
    }
}
