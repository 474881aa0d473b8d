using System.CommandLine;
using System.Text;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;
using Org.BouncyCastle.Crypto;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness csr create: a private key and a CSR by IC's rules (the guide's openssl req -new, checked before it is written).</summary>
internal static class CsrCreateCommand
{
    private const string Help = """
        Create a private key and a CSR for the CA, the guide's 'openssl req -new' done by IC's rules:
        the subject keeps the order given (repeated OUs included), the SAN carries every --dns and --ip (IPv4 and
        IPv6), basicConstraints CA:FALSE, key usage for TLS and EKU serverAuth + clientAuth are requested.
        --subject takes OpenSSL's /C=US/O=Org/OU=a/OU=b/CN=host form or the one-line C = US, O = Org, CN = host form.
        --config reads an OpenSSL.cnf of the guide's shape ([req_distinguished_name] *_default values with numbered
        OUs, [alt_names] DNS.n/IP.n, default_md, default_bits); --subject, --dns, --ip, --digest, --key-type given too
        win over (or add to) it. --key reuses an existing private key (the backup server of a switchover pair takes
        the primary's key); --out-key is then not given. The new key is written PEM (PKCS#8), private: mode 0600 on
        Unix, owner and Administrators only on Windows. The CSR is checked against the csr policy (--policy, as for
        'certharness csr') before anything is written; an existing file is never overwritten.
        An encrypted --key is opened with --password-file or CERTHARNESS_PASSWORD.
        Exit codes: 0 written (warnings allowed); 1 findings, nothing written; 2 bad usage, an existing output file, unreadable input.
        Examples:
          certharness csr create --subject "/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov" --dns ic1.example.gov --ip 10.0.0.5 --out-key ic1.key --out-csr ic1.csr
          certharness csr create --config OpenSSL.cnf --key-type ec:P-384 --out-key ic1.key --out-csr ic1.csr --json
          certharness csr create --subject "C = US, O = Example, CN = ic2.example.com" --dns ic2.example.com --key ServerGroupPrivateKey.bin --out-csr ic2.csr
        """;

    public static Command Create()
    {
        var subject = new Option<string?>("--subject") { Description = "the subject: /C=US/O=Org/OU=a/CN=host or C = US, O = Org, CN = host" };
        var dns = new Option<string[]>("--dns") { Description = "a DNS name to request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var ip = new Option<string[]>("--ip") { Description = "an IPv4 or IPv6 address to request (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var key = new Option<string?>("--key") { Description = "reuse this existing private key instead of generating one" };
        var keyType = new Option<string?>("--key-type") { Description = $"the key to generate: {string.Join("|", KeyType.Names)} (default rsa:2048, or the cnf's default_bits)" };
        var digest = new Option<string?>("--digest") { Description = "signature digest (default SHA-256, or the cnf's default_md)" };
        var outKey = new Option<string?>("--out-key") { Description = "where to write the new private key (must not exist)" };
        var outCsr = new Option<string>("--out-csr") { Description = "where to write the CSR (must not exist)", Required = true };
        var policy = new Option<string?>("--policy") { Description = "JSON csr policy the result must meet (as for certharness csr)" };
        var config = new Option<string?>("--config") { Description = "an OpenSSL.cnf of the guide's shape to take the subject and SANs from" };
        var json = new Option<bool>("--json") { Description = "print JSON (shape documented in README.md) instead of text" };
        var secret = new SecretInput();
        var command = new Command("create", Help) { subject, dns, ip, key, keyType, digest, outKey, outCsr, policy, config, json, secret.PasswordFile };
        command.SetAction(r =>
        {
            var p = CsrCommand.LoadPolicy(r.GetValue(policy));
            var cfg = r.GetValue(config) is { } cnf ? CsrConfig.Read(OpenSslConfig.Parse(ReadText(cnf, "--config")), p) : null;
            // openssl req would prompt for a field without default; certharness does not guess one: --subject or a refusal.
            if (r.GetValue(subject) is null && cfg is { FieldsWithoutDefault.Count: > 0 })
            {
                throw new HarnessException(InputErrorCode.ConfigIncomplete, $"{r.GetValue(config)}: [req_distinguished_name] {string.Join(", ", cfg.FieldsWithoutDefault)} " +
                    $"{(cfg.FieldsWithoutDefault.Count == 1 ? "has" : "have")} a prompt and no default, so openssl req would ask for " +
                    $"{(cfg.FieldsWithoutDefault.Count == 1 ? "it" : "them")}; give the whole subject with --subject, or add the _default values to the file (nothing was written)");
            }

            var attributes = r.GetValue(subject) is { } s ? ParseSubject(s)
                : cfg is { Subject.Count: > 0 } ? cfg.Subject
                : throw new HarnessException(cfg is null ? InputErrorCode.InputMissing : InputErrorCode.ConfigIncomplete, cfg is null ? "give --subject (or --config with subject defaults)" : $"{r.GetValue(config)}: no subject defaults found; give --subject");
            var sans = new List<SubjectAltName>();
            foreach (var san in (cfg?.Sans ?? []).Concat((r.GetValue(dns) ?? []).Select(SubjectAltName.Dns)).Concat((r.GetValue(ip) ?? []).Select(a => CsrCommand.Ip(a, "--ip"))))
            {
                if (!sans.Any(x => CsrChecker.SameSan(x, san)))
                {
                    sans.Add(san);
                }
            }

            var request = new CsrRequest(attributes, sans)
            {
                Digest = r.GetValue(digest) is { } d ? Inputs.Digest(d, "--digest") : cfg?.Digest ?? DigestAlgorithm.Sha256,
                ExtendedKeyUsages = cfg?.ExtendedKeyUsages ?? [ExtendedKeyUsages.ServerAuth, ExtendedKeyUsages.ClientAuth],
                KeyUsage = cfg?.KeyUsage,
            };
            var keyFile = r.GetValue(key);
            var outKeyFile = r.GetValue(outKey);
            var type = ResolveKeyType(r.GetValue(keyType), keyFile, cfg);
            if (keyFile is not null && outKeyFile is not null)
            {
                throw new HarnessException(InputErrorCode.OptionsConflict, "--out-key is for a new key; with --key the existing key is reused and nothing else is written for it");
            }

            if (keyFile is null && outKeyFile is null)
            {
                throw new HarnessException(InputErrorCode.InputMissing, "give --out-key for the new private key (or --key to reuse an existing one)");
            }

            var csrFile = r.GetValue(outCsr)!;
            foreach (var target in new[] { csrFile, outKeyFile }.OfType<string>())
            {
                if (File.Exists(target) || Directory.Exists(target))
                {
                    throw new HarnessException(InputErrorCode.OutputExists, $"{target}: already exists; certharness never overwrites (nothing was written)");
                }
            }

            if (outKeyFile is not null && Path.GetFullPath(outKeyFile) == Path.GetFullPath(csrFile))
            {
                throw new HarnessException(InputErrorCode.OptionsConflict, "--out-key and --out-csr name the same file");
            }

            var keys = keyFile is not null
                ? KeyCreator.PairOf(CsrCommand.ReadPrivateKey(keyFile, secret.Resolve(r), "--key"))
                : KeyCreator.Generate(type);
            var view = Run(request, keys, p, cfg, csrFile, keyFile ?? outKeyFile!, keyFile is not null);
            Renderer.Render(view, new OutputOptions(json).Format(r), r.InvocationConfiguration.Output);

            return view.Written ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    private static CsrCreateView Run(CsrRequest request, AsymmetricCipherKeyPair keys, CsrPolicy policy, CsrConfig? cfg, string csrFile, string keyFile, bool reused)
    {
        Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest csr;
        try
        {
            csr = CsrCreator.Create(request, keys);
        }
        catch (ArgumentException e)
        {
            throw new HarnessException(InputErrorCode.OptionValueInvalid, e.Message.Split('(')[0].Trim());
        }

        var description = PkiDescriber.Describe(csr);
        var findings = CsrChecker.Check(description, policy).ToList();
        if (CsrChecker.CheckKey(csr, keys.Private) is { } mismatch)
        {
            findings.Add(mismatch);
        }

        // The cnf's pitfalls are reported, but do not stop the CSR: certharness requests the SANs openssl would have left out.
        findings.AddRange((cfg?.Findings ?? []).Select(f => f with { Severity = Severity.Warning }));
        var subject = description.Subject.OneLine;
        var errors = findings.Where(f => f.Severity == Severity.Error).Select(f => CsrCommand.View(f, subject)).ToList();
        var warnings = findings.Where(f => f.Severity == Severity.Warning).Select(f => CsrCommand.View(f, subject)).ToList();
        string? permissions = null;
        if (errors.Count == 0)
        {
            if (!reused)
            {
                NewFile.Write(keyFile, Encoding.ASCII.GetBytes(PemText.PrivateKey(keys.Private)), privateAccess: true);
                permissions = OperatingSystem.IsWindows() ? "owner and Administrators" : Convert.ToString((int)File.GetUnixFileMode(keyFile), 8).PadLeft(4, '0');
            }

            try
            {
                NewFile.Write(csrFile, Encoding.ASCII.GetBytes(PemText.Csr(csr)), privateAccess: false);
            }
            catch
            {
                if (!reused)
                {
                    File.Delete(keyFile); // ours, written a moment ago: a key without its CSR is of no use
                }

                throw;
            }
        }

        var type = description.PublicKey;
        return new CsrCreateView(errors.Count == 0, csrFile, keyFile, reused,
            type.Algorithm == "EC" ? $"ec:{type.Curve}" : $"{type.Algorithm.ToLowerInvariant()}:{type.Bits}", permissions,
            ObjectViews.Csr(description) with { File = csrFile }, errors, warnings);
    }

    private static KeyType ResolveKeyType(string? option, string? keyFile, CsrConfig? cfg)
    {
        if (option is not null)
        {
            if (keyFile is not null)
            {
                throw new HarnessException(InputErrorCode.OptionsConflict, "give --key (reuse a key) or --key-type (generate one), not both");
            }

            return KeyType.TryParse(option, out var t) ? t : throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{option}' for --key-type; options are {string.Join(", ", KeyType.Names)}");
        }

        if (cfg?.DefaultBits is { } bits && keyFile is null)
        {
            return KeyType.TryParse($"rsa:{bits}", out var t) ? t : throw new HarnessException(InputErrorCode.ConfigIncomplete, $"the cnf's default_bits = {bits} is not one of 2048, 3072, 4096; give --key-type");
        }

        return KeyType.Default;
    }

    private static IReadOnlyList<SubjectAttribute> ParseSubject(string text)
    {
        try
        {
            return SubjectParser.Parse(text);
        }
        catch (SubjectFormatException e)
        {
            throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid --subject: {e.Message}");
        }
    }

    internal static string ReadText(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HarnessException(CodeRegistry.Of(ReadErrorCode.Unreadable), $"{path}: cannot read the file given to {option}: {Core.Text.Messages.Brief(e.Message)}");
        }
    }
}
