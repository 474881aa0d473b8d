using System.Text.RegularExpressions;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Tests.Pki.Chains.Corpus;
using Org.BouncyCastle.OpenSsl;

namespace CertInstaller.Core.Tests.Pki.Chains;

/// <summary>
/// openssl verify is the independent oracle: on every corpus set it gives the same verdict as certharness, or
/// certharness is stricter for a reason listed, with its RFC/BR section, in the README section
/// "Where certharness is stricter than openssl".
/// </summary>
public class OpenSslDifferentialTests
{
    private static readonly Lazy<string> Readme = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(file) && File.ReadAllText(file).Contains("## certharness", StringComparison.Ordinal))
            {
                return File.ReadAllText(file);
            }
        }

        throw new FileNotFoundException("README.md of the repository not found above the test directory");
    });

    [TestCaseSource(typeof(AdversarialCorpus), nameof(AdversarialCorpus.Data))]
    public void OpenSslVerify_CorpusCase_SameVerdictOrDocumentedStricter(CorpusCase set)
    {
        var ours = new ChainBuilder().Build(set.Request()).Valid;
        var (theirs, output) = OpenSsl(set);

        if (set.StricterBecause is { } reason)
        {
            Assert.That(ours, Is.False, "a set listed as stricter must be rejected by certharness");
            Assert.That(theirs, Is.True, $"openssl rejects it too, so '{reason}' is not a difference: {output}");
            Assert.That(Section("Where certharness is stricter than openssl"), Does.Contain($"`{reason}`"), $"README lists no reason '{reason}'");
        }
        else if (set.OpenSslRejectsBecause is { } wrong)
        {
            Assert.That(ours, Is.True, "a set openssl wrongly rejects must be valid for certharness");
            Assert.That(theirs, Is.False, $"openssl accepts it, so '{wrong}' is not a difference: {output}");
            Assert.That(Section("Where openssl is stricter than the standard"), Does.Contain($"`{wrong}`"), $"README lists no reason '{wrong}'");
        }
        else
        {
            Assert.That(theirs, Is.EqualTo(ours), $"certharness valid={ours}, openssl: {output}");
        }
    }

    private static string Section(string title)
    {
        var match = Regex.Match(Readme.Value, "## " + Regex.Escape(title) + @"\n(.*?)(\n## |\z)", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    private static (bool Valid, string Output) OpenSsl(CorpusCase set)
    {
        using var dir = new TempDir();
        var args = new List<string> { "verify", "-no-CApath", "-no-CAstore" };
        args.AddRange(set.Anchors.Count > 0 ? ["-CAfile", dir.Write("anchors.pem", PkiWriter.CertificatesPem(set.Anchors))] : ["-no-CAfile"]);
        if (set.Pool.Count > 0)
        {
            args.AddRange(["-untrusted", dir.Write("pool.pem", PkiWriter.CertificatesPem(set.Pool))]);
        }

        args.AddRange(["-attime", set.At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.AddRange(["-verify_depth", (set.MaxDepth - 2).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        switch (set.Purpose)
        {
            case ChainPurpose.Server:
                args.AddRange(["-purpose", "sslserver"]);
                break;
            case ChainPurpose.Client:
                args.AddRange(["-purpose", "sslclient"]);
                break;
        }

        if (set.Host is { } host)
        {
            args.AddRange(["-verify_hostname", host]);
        }

        if (set.PartialChain)
        {
            args.Add("-partial_chain");
        }

        if (set.Crls is { } crls)
        {
            using var text = new StringWriter();
            var pem = new PemWriter(text);
            foreach (var crl in crls)
            {
                pem.WriteObject(crl);
            }

            pem.Writer.Flush();
            args.AddRange(["-CRLfile", dir.Write("crls.pem", text.ToString()), "-crl_check"]);
        }

        args.Add(dir.Write("leaf.pem", PkiWriter.CertificatePem(set.Leaf)));
        var (code, stdout, stderr) = CertInstaller.TestSupport.OpenSsl.TryLine(string.Join(" ", args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
        return (code == 0, stdout + stderr);
    }
}
