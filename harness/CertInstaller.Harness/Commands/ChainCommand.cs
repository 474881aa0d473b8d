using System.CommandLine;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness chain: builds and verifies the path from a leaf to a trust anchor.</summary>
internal static class ChainCommand
{
    private const string Help = """
        Build and verify the chain of a leaf certificate: signatures, validity at --at (default now), CA basic
        constraints and path length, keyCertSign, name chaining. When <leaf> holds several certificates, the one
        that issued none of the others is the leaf (any order) and the rest join the pool. Bundles and trust
        anchors may be files or folders, in any order.
        Exit codes: 0 valid; 1 invalid chain; 2 unreadable input (a trust anchor that fails to load included) or bad usage.
        Examples:
          certharness chain IC1_ServerCertificate.cer --bundle Certificates --trust ServerGroup/ServerGroupCertificate.cer
          certharness chain site.pem --bundle intermediates.p7b --trust root.cer --host ic1.example.com --at 2027-01-01T00:00:00Z --json
        """;

    public static Command Create()
    {
        var leaf = new Argument<string>("leaf") { Description = "the leaf certificate file" };
        var bundle = new Option<string[]>("--bundle") { Description = "intermediates: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var trust = new Option<string[]>("--trust") { Description = "trust anchors: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var at = new Option<string?>("--at") { Description = "verification time, ISO 8601 (default now)" };
        var host = new Option<string?>("--host") { Description = "a DNS name or IP address the leaf must cover" };
        var common = new CommonOptions();
        var command = new Command("chain", Help) { leaf, bundle, trust, at, host };
        common.AddTo(command);
        command.SetAction(r =>
        {
            var reader = new PkiReader(common.ResolvePassword(r));
            var leafFile = r.GetValue(leaf)!;
            var leafResult = reader.ReadFile(leafFile);
            if (leafResult.Error is { } error)
            {
                throw Errors.Unreadable(error);
            }

            var certificates = CertificateSource.CertificatesOf(leafResult).ToList();
            if (certificates.Count == 0)
            {
                throw new HarnessException($"{leafFile}: no certificate in this file");
            }

            var pool = ChainInputs.Load(r.GetValue(bundle) ?? [], reader, "--bundle");
            var leafCertificate = LeafSelector.Select(certificates);
            foreach (var extra in certificates.Where(c => !c.Equals(leafCertificate)))
            {
                pool.Add(extra);
            }

            var anchors = ChainInputs.Load(r.GetValue(trust) ?? [], reader, "--trust");
            var request = new ChainRequest(leafCertificate, pool, anchors, Inputs.At(r.GetValue(at))) { Host = r.GetValue(host) };
            var result = new ChainBuilder().Build(request);
            var view = new ChainView(
                result.Valid,
                result.Path.Select(c => PkiDescriber.DescribeName(c.SubjectDN).OneLine).ToList(),
                result.Anchor is { } a ? PkiDescriber.DescribeName(a.SubjectDN).OneLine : null,
                result.Problems.Select(ChainInputs.View).ToList()) { Leaf = leafFile };
            var stdout = r.InvocationConfiguration.Output;
            if (r.GetValue(common.Json))
            {
                JsonRenderer.Write(view, stdout);
            }
            else
            {
                TextRenderer.Write(view, stdout);
            }

            return view.Valid ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }
}
