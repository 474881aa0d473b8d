using System.CommandLine;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness csr lint-config: the guide's OpenSSL.cnf pitfalls, before openssl req is run with it.</summary>
internal static class CsrLintConfigCommand
{
    private const string Help = """
        Check an OpenSSL.cnf of the guide's shape before 'openssl req -new -config' is run with it:
          ConfigSanNotRequested  req_extensions is missing or commented out (the guide's example ships it so): no SAN is requested
          ConfigOuDefaultMissing an OU field without its _default (or the reverse), or an OU the --policy requires is absent
          ConfigOuOutOfOrder     OUs not in the order of their numbers or of the --policy (openssl uses file order)
          ConfigNoIp, ConfigNoDns the SAN list has no IP address / no DNS name
          ConfigWeakDigest, ConfigWeakKeySize  default_md / default_bits below the policy (SHA-256, 2048 by default)
          ConfigSectionMissing, ConfigSyntax, ConfigUnknownAttribute  a section it names is missing, a bad line, an unknown DN field
        Exit codes: 0 no pitfall; 1 findings; 2 unreadable file or bad usage.
        Examples:
          certharness csr lint-config OpenSSL.cnf
          certharness csr lint-config OpenSSL.cnf --policy site-policy.json --json
        """;

    public static Command Create()
    {
        var file = new Argument<string>("config") { Description = "the OpenSSL.cnf" };
        var policy = new Option<string?>("--policy") { Description = "JSON csr policy (required OUs in order, minimum digest and key size)" };
        var json = new Option<bool>("--json") { Description = "print JSON (shape documented in README.md) instead of text" };
        var command = new Command("lint-config", Help) { file, policy, json };
        command.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            var cfg = CsrConfig.Read(OpenSslConfig.Parse(CsrCreateCommand.ReadText(path, "lint-config")), CsrCommand.LoadPolicy(r.GetValue(policy)));
            var subject = SubjectParser.OneLine(cfg.Subject);
            var view = new LintConfigView(path, cfg.Findings.Count == 0, subject,
                cfg.Subject.Select(a => new AttributeView(a.Type.ShortName, a.Value)).ToList(),
                cfg.Sans.Select(s => new SanView(s.TypeName, s.Value)).ToList(),
                cfg.Digest?.ToDisplayName(), cfg.DefaultBits,
                cfg.Findings.Select(f => CsrCommand.View(f, null)).ToList());
            var o = r.InvocationConfiguration.Output;
            Renderer.Render(view, new OutputOptions(json).Format(r), o);

            return view.Ok ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }
}
