namespace CertInstaller.Harness.Tests.Commands;

public class ChainCommandTests
{
    private static SampleSite Site => SampleSite.Shared;

    [Test(Description = "chain-ic-server-to-json")]
    public void Chain_WhenIntermediateInFolderBundle_IsValidToServerGroup()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site.IcDir, "--trust", Site["root.pem"], "--host", "ic1.example.test", "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("path").EnumerateArray().Select(p => p.GetString()).Last(), Does.EndWith("CN = ServerGroup-IC1"));
        Assert.That(run.Json.GetProperty("path").GetArrayLength(), Is.EqualTo(3));
        Assert.That(run.Json.GetProperty("anchor").GetString(), Does.EndWith("CN = ServerGroup-IC1"));
        Assert.That(run.Json.GetProperty("problems").GetArrayLength(), Is.Zero);
    }

    [TestCase(new[] { "--trust", "root.pem" }, "IssuerNotFound", TestName = "chain-missing-intermediate-to-json")]
    [TestCase(new[] { "--bundle", "chain.p7b" }, "UntrustedRoot", TestName = "chain-no-anchor-to-json")]
    [TestCase(new[] { "--bundle", "chain.p7b", "--trust", "root.pem", "--at", "2099-01-01T00:00:00Z" }, "Expired", TestName = "chain-expired-to-json")]
    [TestCase(new[] { "--bundle", "ca.pem", "--trust", "root.pem", "--host", "other.example.test" }, "HostMismatch", TestName = "chain-wrong-host-to-json")]
    public void Chain_WhenDefective_ExitsOneWithCode(string[] options, string code)
    {
        var args = new[] { "chain", Site["server.pem"], "--json" }
            .Concat(options.Select(o => o.EndsWith(".pem", StringComparison.Ordinal) || o.EndsWith(".p7b", StringComparison.Ordinal) ? Site[o] : o))
            .ToArray();

        var run = HarnessRun.Of(args);

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain(code));
    }

    [TestCase("truncated.cer", TestName = "chain-unreadable-trust-to-text")]
    [TestCase("missing.cer", TestName = "chain-missing-trust-to-text")]
    [TestCase("server-key.p8", TestName = "chain-trust-without-certificate-to-text")]
    public void Chain_WhenTrustAnchorFailsToLoad_ExitsTwoNamingIt(string trust)
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site[trust]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(Site[trust]));
    }

    [Test(Description = "chain-bad-time-to-text")]
    public void Chain_WhenAtIsNotIso8601_ExitsTwo()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--at", "yesterday");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("invalid value 'yesterday' for --at"));
    }

    [Test(Description = "chain-ic-server-to-text")]
    public void Chain_WhenValid_PrintsPathAndAnchor()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["chain.p7b"], "--trust", Site["root.pem"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain(": VALID").And.Contain("  2: O = Interactive Intelligence, OU = Server Group").And.Contain("anchor: O = Interactive Intelligence, OU = Server Group, CN = ServerGroup-IC1"));
    }

    [Test(Description = "chain-reversed-bundle-to-json")]
    public void Chain_WhenLeafFileHoldsChainRootFirst_FindsLeafAndIsValid()
    {
        var file = Path.Combine(Site.Root, "reversed-chain.pem");
        File.WriteAllText(file, File.ReadAllText(Site["root.pem"]) + File.ReadAllText(Site["ca.pem"]) + File.ReadAllText(Site["server.pem"]));

        var run = HarnessRun.Of("chain", file, "--trust", Site["root.pem"], "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("path")[0].GetString(), Does.EndWith("OU = Server, CN = ic1.example.test"));
    }

    private static string Crl(string name, bool revokeServer, bool withNumber = true)
    {
        var ca = Site.Folder.Issued["ICCertificateAuthority"];
        var g = new Org.BouncyCastle.X509.X509V2CrlGenerator();
        g.SetIssuerDN(ca.Certificate.SubjectDN);
        g.SetThisUpdate(DateTime.UtcNow.AddDays(-1));
        g.SetNextUpdate(DateTime.UtcNow.AddDays(7));
        if (revokeServer)
        {
            g.AddCrlEntry(Site.Folder.Issued["Server"].Certificate.SerialNumber, DateTime.UtcNow.AddDays(-1), Org.BouncyCastle.Asn1.X509.CrlReason.KeyCompromise);
        }

        if (withNumber)
        {
            g.AddExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.CrlNumber, false, new Org.BouncyCastle.Asn1.X509.CrlNumber(Org.BouncyCastle.Math.BigInteger.One));
        }

        var algorithm = ca.Keys.Private is Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters ? "SHA256WITHRSA" : "SHA256WITHECDSA";
        var crl = g.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory(algorithm, ca.Keys.Private));
        var path = Site[name];
        File.WriteAllBytes(path, crl.GetEncoded());
        return path;
    }

    [Test(Description = "chain-purpose-profile-to-json")]
    public void Chain_WhenHostGiven_DefaultsPurposeToServerAndReportsProfile()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--host", "ic1.example.test", "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("purpose").GetString(), Is.EqualTo("server"));
        Assert.That(run.Json.GetProperty("profile").GetString(), Is.EqualTo("rfc5280"));
        Assert.That(run.Json.TryGetProperty("checkedCrls", out _), Is.False);
    }

    [Test(Description = "chain-no-host-purpose-any-to-json")]
    public void Chain_WhenNoHost_DefaultsPurposeToAny()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--json");

        Assert.That(run.Json.GetProperty("purpose").GetString(), Is.EqualTo("any"));
    }

    [TestCase(false, 1, TestName = "chain-intermediate-trust-without-partial-chain-to-json")]
    [TestCase(true, 0, TestName = "chain-intermediate-trust-with-partial-chain-to-json")]
    public void Chain_WhenTrustIsAnIntermediate_NeedsPartialChain(bool partial, int exit)
    {
        var args = new List<string> { "chain", Site["server.pem"], "--trust", Site["ca.pem"], "--json" };
        if (partial)
        {
            args.Add("--partial-chain");
        }

        var run = HarnessRun.Of([.. args]);

        Assert.That(run.Code, Is.EqualTo(exit), run.ToString());
        if (!partial)
        {
            var problem = run.Json.GetProperty("problems")[0];
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("AnchorNotSelfSigned"));
            Assert.That(problem.GetProperty("file").GetString(), Is.EqualTo(Site["ca.pem"]));
        }
    }

    [Test(Description = "chain-max-depth-to-json")]
    public void Chain_WhenMaxDepthTooSmall_ReportsPathTooLong()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--max-depth", "2", "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain("PathTooLong"));
    }

    [TestCase(true, "Revoked", TestName = "chain-crl-revoked-to-json")]
    [TestCase(false, null, TestName = "chain-crl-not-revoked-to-json")]
    public void Chain_WhenCrlGiven_ChecksRevocationAndListsTheCrl(bool revoked, string? code)
    {
        var crl = Crl(revoked ? "revoked.crl" : "clean.crl", revoked);

        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--crl", crl, "--json");

        Assert.That(run.Code, Is.EqualTo(revoked ? 1 : 0), run.ToString());
        Assert.That(run.Json.GetProperty("checkedCrls").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { crl }));
        if (code is not null)
        {
            Assert.That(run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain(code));
        }
    }

    [Test(Description = "chain-crl-folder-missing-for-leaf-to-json")]
    public void Chain_WhenCrlFolderHasNoCrlOfTheIssuer_ReportsCrlNotFound()
    {
        var dir = Path.Combine(Site.Root, "other-crls");
        Directory.CreateDirectory(dir);
        var ca = Site.Folder.ServerGroup;
        var g = new Org.BouncyCastle.X509.X509V2CrlGenerator();
        g.SetIssuerDN(ca.Certificate.SubjectDN);
        g.SetThisUpdate(DateTime.UtcNow.AddDays(-1));
        g.SetNextUpdate(DateTime.UtcNow.AddDays(7));
        g.AddExtension(Org.BouncyCastle.Asn1.X509.X509Extensions.CrlNumber, false, new Org.BouncyCastle.Asn1.X509.CrlNumber(Org.BouncyCastle.Math.BigInteger.One));
        var algorithm = ca.Keys.Private is Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters ? "SHA256WITHRSA" : "SHA256WITHECDSA";
        File.WriteAllBytes(Path.Combine(dir, "root.crl"), g.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory(algorithm, ca.Keys.Private)).GetEncoded());

        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--crl", dir, "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain("CrlNotFound"));
    }

    [TestCase("--crl", "root.pem", "not a CRL", TestName = "chain-crl-not-a-crl-to-text")]
    [TestCase("--crl", "missing.crl", "no such file", TestName = "chain-crl-missing-to-text")]
    [TestCase("--purpose", "email", "invalid value 'email' for --purpose", TestName = "chain-bad-purpose-to-text")]
    [TestCase("--profile", "strict", "invalid value 'strict' for --profile", TestName = "chain-bad-profile-to-text")]
    [TestCase("--max-depth", "0", "invalid value '0' for --max-depth", TestName = "chain-bad-max-depth-to-text")]
    public void Chain_WhenOptionValueIsBad_ExitsTwoNamingIt(string option, string value, string message)
    {
        var given = value.Contains('.', StringComparison.Ordinal) ? Site[value] : value;

        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], option, given);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(message));
    }

    private static string Legacy()
    {
        var file = Path.Combine(Site.Root, "legacy-sha1.pem");
        File.WriteAllText(file, CertInstaller.Samples.Issuing.PkiWriter.CertificatePem(Site.Folder.Issued["Legacy"].Certificate));
        return file;
    }

    [TestCase(null, 1, "WeakSignatureDigest", TestName = "chain-sha1-leaf-default-min-digest-to-json")]
    [TestCase("SHA-256", 1, "WeakSignatureDigest", TestName = "chain-sha1-leaf-min-digest-sha256-to-json")]
    [TestCase("SHA-1", 0, null, TestName = "chain-sha1-leaf-min-digest-sha1-to-json")]
    public void Chain_WhenALinkIsSignedWithSha1_FailsUnlessTheMinimumAllowsIt(string? minDigest, int exit, string? code)
    {
        var args = new List<string> { "chain", Legacy(), "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--json" };
        if (minDigest is not null)
        {
            args.AddRange(["--min-digest", minDigest]);
        }

        var run = HarnessRun.Of([.. args]);

        Assert.That(run.Code, Is.EqualTo(exit), run.ToString());
        var codes = run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.That(codes, code is null ? Is.Empty : Is.EqualTo(new[] { code }));
    }

    [TestCase("MD5")]
    [TestCase("md2")]
    public void Chain_WhenMinDigestIsBroken_ExitsTwoNamingIt(string digest)
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--min-digest", digest);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--min-digest"));
    }

    [TestCase("rfc5280", "warnings")]
    [TestCase("webpki", "problems")]
    public void Chain_WhenACaCertificateIsTheTlsLeaf_WarnsUnderRfc5280AndFailsUnderWebPki(string profile, string where)
    {
        var run = HarnessRun.Of("chain", Site["ca.pem"], "--trust", Site["root.pem"], "--purpose", "server", "--profile", profile, "--json");

        Assert.That(run.Json.TryGetProperty(where, out var list), Is.True, run.ToString());
        Assert.That(list.EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain("CaUsedAsEndEntity"), run.ToString());
    }

    [Test]
    public void Chain_WhenWarningsOnly_TextListsThemAndJUnitKeepsThemOutOfFailures()
    {
        var ca = Site.Folder.Issued["ICCertificateAuthority"];
        var file = Path.Combine(Site.Root, "ca-with-tls-key-usage.pem");
        var leaf = CertInstaller.Samples.Issuing.CertificateFactory.Issue(
            CertInstaller.Samples.Issuing.CertificateSpec.Ca("O=Interactive Intelligence, OU=IC, CN=ca-leaf.example.test") with
            {
                KeyUsage = CertInstaller.Core.Pki.KeyUsageFlags.KeyCertSign | CertInstaller.Core.Pki.KeyUsageFlags.DigitalSignature,
                NotBefore = new DateTimeOffset(ca.Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                NotAfter = new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).AddDays(-1),
            }, Site.Folder.Issued["Server"].Keys, ca);
        File.WriteAllText(file, CertInstaller.Samples.Issuing.PkiWriter.CertificatePem(leaf.Certificate));

        var text = HarnessRun.Of("chain", file, "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--purpose", "server", "--at", "2027-06-01T00:00:00Z");
        var junit = HarnessRun.Of("chain", file, "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--purpose", "server", "--at", "2027-06-01T00:00:00Z", "--format", "junit");

        Assert.That(text.Code, Is.Zero, text.ToString());
        Assert.That(text.Stdout, Does.Contain(": VALID").And.Contain("warning [CaUsedAsEndEntity]"));
        Assert.That(junit.Code, Is.Zero, junit.ToString());
        Assert.That(junit.Stdout, Does.Contain("CI3118").And.Not.Contain("<failure"));
    }

    [Test(Description = "chain-webpki-profile-to-json")]
    public void Chain_WhenWebPkiProfile_ReportsItAndAppliesBaselineRequirements()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--profile", "webpki", "--json");

        Assert.That(run.Json.GetProperty("profile").GetString(), Is.EqualTo("webpki"));
        var codes = run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.That(codes, Has.All.StartWith("WebPki"), run.ToString());
    }
}
