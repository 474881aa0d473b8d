using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using System.CommandLine;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;
using Org.BouncyCastle.X509;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness chain: builds and verifies the path from a leaf to a trust anchor.</summary>
internal static class ChainCommand
{
    private const string Help = """
        Build and verify the chain of a leaf certificate as RFC 5280 §6.1 says: every candidate issuer is tried until a
        path validates (cross-signed and renewed CAs), signatures, validity at --at (default now), CA basic constraints
        and path length, keyCertSign, critical extensions, name constraints, the purpose (--purpose), revocation from
        CRL files (--crl, never fetched), the minimum signature digest (--min-digest, default SHA-256 as validate: a link
        signed with a weaker digest is no valid link, so a cross-signed or renewed SHA-256 CA is looked for first; MD5 is
        never accepted), and the Baseline Requirements with --profile webpki. A --trust certificate
        must be a self-signed root unless --partial-chain is given. When <leaf> holds several certificates, the one that
        issued none of the others is the leaf (any order) and the rest join the pool; two unrelated end-entity
        certificates in it are refused (exit 2), naming both. Bundles and trust anchors may be files or folders.
        Exit codes: 0 valid; 1 invalid chain; 2 unreadable input (a trust anchor or CRL that fails to load included) or bad usage.
        Examples:
          certharness chain IC1_ServerCertificate.cer --bundle Certificates --trust ServerGroup/ServerGroupCertificate.cer
          certharness chain site.pem --bundle intermediates.p7b --trust root.cer --host ic1.example.com --at 2027-01-01T00:00:00Z --json
          certharness chain site.pem --bundle ca.pem --trust ca.pem --partial-chain --crl crls/ --purpose server --profile webpki
          certharness chain site.pem --bundle ca.pem --trust root.cer --format junit > certharness-chain.xml
          certharness chain IC1_ServerCertificate.cer --bundle Certificates --trust ServerGroup/ServerGroupCertificate.cer --min-digest SHA-1
        """;

    public static Command Create()
    {
        var leaf = new Argument<string>("leaf") { Description = "the leaf certificate file" };
        var bundle = new Option<string[]>("--bundle") { Description = "intermediates: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var trust = new Option<string[]>("--trust") { Description = "trust anchors: file or folder (repeatable); self-signed roots unless --partial-chain", Arity = ArgumentArity.ZeroOrMore };
        var at = new Option<string?>("--at") { Description = "verification time, ISO 8601 (default now)" };
        var host = new Option<string?>("--host") { Description = "a DNS name or IP address the leaf must cover" };
        var purpose = new Option<string?>("--purpose") { Description = "server, client or any (default server with --host, else any)" };
        var profile = new Option<string?>("--profile") { Description = "rfc5280 (default) or webpki (adds the CA/Browser Forum Baseline Requirements)" };
        var crl = new Option<string[]>("--crl") { Description = "CRL file or folder of CRL files (repeatable); turns revocation checking on", Arity = ArgumentArity.ZeroOrMore };
        var maxDepth = new Option<int?>("--max-depth") { Description = "longest path, leaf and anchor included (default 8)" };
        var minDigest = new Option<string?>("--min-digest") { Description = "weakest signature digest a link may use: SHA-1 (legacy folders), SHA-256 (default), SHA-384, SHA-512; MD5 is never accepted" };
        var partial = new Option<bool>("--partial-chain") { Description = "a non-self-signed --trust certificate may end the path" };
        var common = new CommonOptions();
        var command = new Command("chain", Help) { leaf, bundle, trust, at, host, purpose, profile, crl, maxDepth, minDigest, partial };
        common.AddTo(command);
        var output = new OutputOptions(common.Json, format: true);
        output.AddTo(command);
        command.SetAction(r =>
        {
            var format = output.Format(r);
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
                throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{leafFile}: no certificate in this file");
            }

            var hostName = r.GetValue(host);
            var chainPurpose = Purpose(r.GetValue(purpose), hostName is not null);
            var chainProfile = Profile(r.GetValue(profile));
            var depth = r.GetValue(maxDepth) ?? 8;
            if (depth < 1)
            {
                throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{depth}' for --max-depth; give a whole number of at least 1");
            }

            var weakest = MinDigest(r.GetValue(minDigest));
            var files = new Dictionary<X509Certificate, string>();
            var pool = ChainInputs.Load(r.GetValue(bundle) ?? [], reader, "--bundle", files);
            if (LeafSelector.UnrelatedLeaves(certificates) is { } unrelated)
            {
                throw Errors.Refused(unrelated, leafFile);
            }

            var leafCertificate = LeafSelector.Select(certificates);
            foreach (var certificate in certificates)
            {
                files.TryAdd(certificate, leafFile);
                if (!certificate.Equals(leafCertificate))
                {
                    pool.Add(certificate);
                }
            }

            var anchors = ChainInputs.Load(r.GetValue(trust) ?? [], reader, "--trust", files);
            var crlPaths = r.GetValue(crl) ?? [];
            var crls = crlPaths.Length > 0 ? ChainInputs.LoadCrls(crlPaths) : null;
            var when = Inputs.At(r.GetValue(at));
            var request = new ChainRequest(leafCertificate, pool, anchors, when)
            {
                Host = hostName,
                Purpose = chainPurpose,
                Profile = chainProfile,
                PartialChain = r.GetValue(partial),
                MaxDepth = depth,
                MinDigest = weakest,
                Crls = crls,
                Files = files,
            };
            var result = new ChainBuilder().Build(request);
            var view = new ChainView(
                result.Valid,
                result.Path.Select(c => PkiDescriber.DescribeName(c.SubjectDN).OneLine).ToList(),
                result.Anchor is { } a ? PkiDescriber.DescribeName(a.SubjectDN).OneLine : null,
                result.Problems.Select(ChainInputs.View).ToList())
            {
                Leaf = leafFile,
                Purpose = chainPurpose switch
                {
                    ChainPurpose.Server => "server",
                    ChainPurpose.Client => "client",
                    ChainPurpose.ServerAndClient => "serverAndClient",
                    _ => "any",
                },
                Profile = chainProfile == ChainProfile.WebPki ? "webpki" : "rfc5280",
                Warnings = result.Warnings.Count == 0 ? null : result.Warnings.Select(ChainInputs.View).ToList(),
                CheckedCrls = crls is null ? null : result.CheckedCrls.Select(c => c.File ?? "").Distinct(StringComparer.Ordinal).ToList(),
                At = when,
            };
            Renderer.Render(view, format, r.InvocationConfiguration.Output);

            return view.Valid ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    private static DigestAlgorithm MinDigest(string? text)
    {
        var digest = Inputs.Digest(text, "--min-digest");
        return digest < DigestAlgorithm.Sha1
            ? throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{text}' for --min-digest; {digest.ToDisplayName()} signatures never verify (RFC 6151), the weakest accepted is SHA-1")
            : digest;
    }

    private static ChainPurpose Purpose(string? text, bool hostGiven) => text?.ToLowerInvariant() switch
    {
        null => hostGiven ? ChainPurpose.Server : ChainPurpose.Any,
        "server" => ChainPurpose.Server,
        "client" => ChainPurpose.Client,
        "any" => ChainPurpose.Any,
        _ => throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{text}' for --purpose; options are server, client, any"),
    };

    private static ChainProfile Profile(string? text) => text?.ToLowerInvariant() switch
    {
        null or "rfc5280" => ChainProfile.Rfc5280,
        "webpki" => ChainProfile.WebPki,
        _ => throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{text}' for --profile; options are rfc5280, webpki"),
    };
}
