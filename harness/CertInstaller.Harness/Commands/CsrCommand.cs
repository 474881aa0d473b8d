using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness csr: checks a CSR against a policy before it goes to the CA; csr create / csr lint-config make one.</summary>
internal static class CsrCommand
{
    private const string Help = """
        Check a CSR before it goes to the CA: its signature verifies, the subject has the required attributes
        (values in order, e.g. several OUs), the required SANs are present, the key is large enough
        (RSA 2048 / EC 256 by default) and the digest strong enough (SHA-256 by default). A CSR without any SAN is a
        warning (policy "noSan": "error" makes it fail). --key checks that the CSR was made with that private key.
        Policy file (JSON): {"subject": {"O": ["Example"], "OU": ["IC", "Servers"]}, "sans": [{"type": "dns", "value": "ic1.example.com"}],
                             "minRsaBits": 2048, "minEcBits": 256, "minDigest": "SHA-256", "noSan": "warning"}
        Subject names: C, ST (or S), L, O, OU, CN, emailAddress.
        Sub-verbs: csr create (make a key and CSR, see csr create --help), csr lint-config (check an OpenSSL.cnf).
        Exit codes: 0 the CSR meets the policy (warnings allowed); 1 findings; 2 unreadable input or bad usage.
        Examples:
          certharness csr ic1.csr --expect-dns ic1.example.com --expect-ip 10.0.0.5
          certharness csr ic1.csr --key ic1.key --policy site-policy.json --json
        """;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the CSR (PEM or DER)" };
        var policy = new Option<string?>("--policy") { Description = "JSON policy file" };
        var dns = new Option<string[]>("--expect-dns") { Description = "a DNS name the CSR must request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var ip = new Option<string[]>("--expect-ip") { Description = "an IP address the CSR must request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var key = new Option<string?>("--key") { Description = "the CSR's private key: check that the CSR was made with it" };
        var common = new CommonOptions();
        var command = new Command("csr", Help) { file, policy, dns, ip, key };
        common.AddTo(command);
        command.Add(CsrCreateCommand.Create());
        command.Add(CsrLintConfigCommand.Create());
        command.SetAction(r =>
        {
            var p = LoadPolicy(r.GetValue(policy));
            var extra = (r.GetValue(dns) ?? []).Select(SubjectAltName.Dns)
                .Concat((r.GetValue(ip) ?? []).Select(a => Ip(a, "--expect-ip")));
            p = p with { RequiredSans = p.RequiredSans.Concat(extra).ToList() };
            return Run(r.GetValue(file)!, r.GetValue(key), p, r.GetValue(common.Json), common.ResolvePassword(r), r.InvocationConfiguration.Output);
        });
        return command;
    }

    internal static CsrPolicy LoadPolicy(string? path) => path is null ? CsrPolicy.Default : CsrPolicyFile.Load(path, new PhysicalFileSystem());

    internal static SubjectAltName Ip(string address, string option) => System.Net.IPAddress.TryParse(address, out _)
        ? SubjectAltName.Ip(address)
        : throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{address}' for {option}; expected an IPv4 or IPv6 address");

    /// <summary>The first private key in <paramref name="path"/>; a usage error naming the file when there is none.</summary>
    internal static Org.BouncyCastle.Crypto.AsymmetricKeyParameter ReadPrivateKey(string path, string? password, string option)
    {
        var result = new PkiReader(password).ReadFile(path);
        if (result.Error is { } error)
        {
            throw Errors.Unreadable(error);
        }

        return result.Objects.OfType<PrivateKeyObject>().FirstOrDefault()?.Key
            ?? result.Objects.OfType<Pkcs12Object>().SelectMany(p => p.Keys).FirstOrDefault()
            ?? throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{path}: no private key in this file (given to {option}; found: {string.Join(", ", result.Objects.Select(o => o.Kind))})");
    }

    internal static ProblemView View(CsrFinding f, string? subject) => new(f.Code.ToString(), f.Message, subject);

    private static int Run(string file, string? keyFile, CsrPolicy policy, bool json, string? password, TextWriter stdout)
    {
        var result = new PkiReader(password).ReadFile(file);
        if (result.Error is { } error)
        {
            throw Errors.Unreadable(error);
        }

        var csr = result.Objects.OfType<CsrObject>().FirstOrDefault()
            ?? throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{file}: no certificate signing request in this file (found: {string.Join(", ", result.Objects.Select(o => o.Kind))})");
        var description = PkiDescriber.Describe(csr.Request);
        var findings = CsrChecker.Check(description, policy).ToList();
        if (keyFile is not null && CsrChecker.CheckKey(csr.Request, ReadPrivateKey(keyFile, password, "--key")) is { } mismatch)
        {
            findings.Add(mismatch);
        }

        var subject = description.Subject.OneLine;
        var errors = findings.Where(f => f.Severity == Severity.Error).Select(f => View(f, subject)).ToList();
        var view = new CsrCheckView(file, errors.Count == 0, ObjectViews.Csr(description) with { File = file }, errors)
        {
            Warnings = findings.Where(f => f.Severity == Severity.Warning).Select(f => View(f, subject)).ToList(),
        };

        Renderer.Render(view, json ? OutputFormat.Json : OutputFormat.Text, stdout);

        return view.Ok ? ExitCodes.Clean : ExitCodes.Findings;
    }
}
