using System.CommandLine;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness csr: checks a CSR against a policy before it goes to the CA.</summary>
internal static class CsrCommand
{
    private const string Help = """
        Check a CSR before it goes to the CA: its signature verifies, the subject has the required attributes
        (values in order, e.g. several OUs), the required SANs are present, the key is large enough
        (RSA 2048 / EC 256 by default) and the digest strong enough (SHA-256 by default).
        Policy file (JSON): {"subject": {"O": ["Example"], "OU": ["IC", "Servers"]}, "sans": [{"type": "dns", "value": "ic1.example.com"}],
                             "minRsaBits": 2048, "minEcBits": 256, "minDigest": "SHA-256"}
        Exit codes: 0 the CSR meets the policy; 1 findings; 2 unreadable input or bad usage.
        Examples:
          certharness csr ic1.csr --expect-dns ic1.example.com --expect-ip 10.0.0.5
          certharness csr ic1.csr --policy site-policy.json --json
        """;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the CSR (PEM or DER)" };
        var policy = new Option<string?>("--policy") { Description = "JSON policy file" };
        var dns = new Option<string[]>("--expect-dns") { Description = "a DNS name the CSR must request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var ip = new Option<string[]>("--expect-ip") { Description = "an IP address the CSR must request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var common = new CommonOptions();
        var command = new Command("csr", Help) { file, policy, dns, ip };
        common.AddTo(command);
        command.SetAction(r =>
        {
            var p = r.GetValue(policy) is { } path ? CsrPolicyFile.Load(path) : CsrPolicy.Default;
            var extra = (r.GetValue(dns) ?? []).Select(SubjectAltName.Dns)
                .Concat((r.GetValue(ip) ?? []).Select(a => System.Net.IPAddress.TryParse(a, out _)
                    ? SubjectAltName.Ip(a)
                    : throw new HarnessException($"invalid value '{a}' for --expect-ip; expected an IPv4 or IPv6 address")));
            p = p with { RequiredSans = p.RequiredSans.Concat(extra).ToList() };
            return Run(r.GetValue(file)!, p, r.GetValue(common.Json), common.ResolvePassword(r), r.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(string file, CsrPolicy policy, bool json, string? password, TextWriter stdout)
    {
        var result = new PkiReader(password).ReadFile(file);
        if (result.Error is { } error)
        {
            throw Errors.Unreadable(error);
        }

        var csr = result.Objects.OfType<CsrObject>().FirstOrDefault()
            ?? throw new HarnessException($"{file}: no certificate signing request in this file (found: {string.Join(", ", result.Objects.Select(o => o.Kind))})");
        var description = PkiDescriber.Describe(csr.Request);
        var findings = CsrChecker.Check(description, policy);
        var view = new CsrCheckView(file, findings.Count == 0, ObjectViews.Csr(description) with { File = file },
            findings.Select(f => new ProblemView(f.Code.ToString(), f.Message, description.Subject.OneLine)).ToList());

        if (json)
        {
            JsonRenderer.Write(view, stdout);
        }
        else
        {
            TextRenderer.Write(view, stdout);
        }

        return view.Ok ? ExitCodes.Clean : ExitCodes.Findings;
    }
}
