using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness import-check: does the certificate the CA sent back match the CSR, the key and IC's needs?</summary>
internal static class ImportCheckCommand
{
    private const string Help = """
        Check the certificate the CA sent back against what was asked, before it is imported and IC Setup Assistant
        runs. One result per check:
          publicKey   the certificate carries the CSR's public key (CertificateKeyNotCsrKey)
          subject     subject attributes and OUs kept, in order (SubjectChanged; an attribute only added is a warning)
          sans        every requested DNS name and IP kept (SanDropped)
          privateKey  with --key: the key matches the certificate (CertificateKeyMismatch)
          chain       with --trust: the chain verifies to it (ChainInvalid; without --trust a ChainNotChecked warning)
          eku         the EKUs IC needs: serverAuth and clientAuth for the single-certificate mode (EkuMissing)
          keyUsage    the key usage allows TLS (KeyUsageNotTls)
          digest      the CA signed it with at least the minimum digest, SHA-256 or the --policy's minDigest (DigestTooWeak)
        A --cert file that also holds the chain is fine (the leaf is found, the rest joins --bundle).
        An encrypted --key is opened with --password-file or CERTHARNESS_PASSWORD.
        Exit codes: 0 every check passed (warnings allowed); 1 a check failed; 2 unreadable input or bad usage.
        Examples:
          certharness import-check --cert ic1.cer --csr ic1.csr --key ic1.key --bundle ca-chain.pem --trust root.cer
          certharness import-check --cert ic1.p7b --csr ic1.csr --trust root.cer --purpose server --json
        """;

    public static Command Create()
    {
        var cert = new Option<string>("--cert") { Description = "the signed certificate the CA sent back", Required = true };
        var csr = new Option<string>("--csr") { Description = "the CSR it answers", Required = true };
        var key = new Option<string?>("--key") { Description = "the CSR's private key" };
        var bundle = new Option<string[]>("--bundle") { Description = "intermediates: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var trust = new Option<string[]>("--trust") { Description = "trust anchors: file or folder (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var at = new Option<string?>("--at") { Description = "verification time, ISO 8601 (default now)" };
        var purpose = new Option<string?>("--purpose") { Description = "what IC uses it for: both (default, single-certificate mode), server, client" };
        var policy = new Option<string?>("--policy") { Description = "JSON csr policy (as for certharness csr): its minDigest applies to the certificate's signature" };
        var json = new Option<bool>("--json") { Description = "print JSON (shape documented in README.md) instead of text" };
        var secret = new SecretInput();
        var command = new Command("import-check", Help) { cert, csr, key, bundle, trust, at, purpose, policy, secret.PasswordFile, json };
        command.SetAction(r =>
        {
            var password = secret.Resolve(r);
            var reader = new PkiReader(password);
            var certFile = r.GetValue(cert)!;
            var certResult = reader.ReadFile(certFile);
            if (certResult.Error is { } error)
            {
                throw Errors.Unreadable(error);
            }

            var certificates = CertificateSource.CertificatesOf(certResult).ToList();
            if (certificates.Count == 0)
            {
                throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{certFile}: no certificate in this file (given to --cert)");
            }

            var csrFile = r.GetValue(csr)!;
            var csrResult = reader.ReadFile(csrFile);
            if (csrResult.Error is { } csrError)
            {
                throw Errors.Unreadable(csrError);
            }

            var request = csrResult.Objects.OfType<CsrObject>().FirstOrDefault()?.Request
                ?? throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{csrFile}: no certificate signing request in this file (given to --csr)");
            var leaf = LeafSelector.Select(certificates);
            var pool = ChainInputs.Load(r.GetValue(bundle) ?? [], reader, "--bundle");
            foreach (var extra in certificates.Where(c => !c.Equals(leaf)))
            {
                pool.Add(extra);
            }

            var trustPaths = r.GetValue(trust) ?? [];
            var results = ImportChecker.Check(new ImportCheckRequest(leaf, request, Inputs.At(r.GetValue(at)))
            {
                PrivateKey = r.GetValue(key) is { } k ? CsrCommand.ReadPrivateKey(k, password, "--key") : null,
                Pool = pool,
                MinDigest = CsrCommand.LoadPolicy(r.GetValue(policy)).MinDigest,
                Anchors = trustPaths.Length > 0 ? ChainInputs.Load(trustPaths, reader, "--trust") : null,
                Purpose = r.GetValue(purpose) switch
                {
                    null or "both" => ChainPurpose.ServerAndClient,
                    "server" => ChainPurpose.Server,
                    "client" => ChainPurpose.Client,
                    var other => throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{other}' for --purpose; options are both, server, client"),
                },
            }, new ChainBuilder());
            var view = new ImportCheckView(certFile, csrFile, results.All(c => c.Ok), PkiDescriber.DescribeName(leaf.SubjectDN).OneLine,
                results.Select(c => new ImportCheckItemView(c.Check,
                    c.Finding is null ? "ok" : c.Finding.Severity == Severity.Error ? "error" : "warning",
                    c.Finding?.Code.ToString(), c.Finding?.Message ?? c.Detail)).ToList());
            var o = r.InvocationConfiguration.Output;
            Renderer.Render(view, new OutputOptions(json).Format(r), o);

            return view.Ok ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }
}
