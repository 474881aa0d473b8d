using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;
using Org.BouncyCastle.X509;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness pfx create: the guide's openssl pkcs12 -export, refusing a key that is not the certificate's.</summary>
internal static class PfxCreateCommand
{
    private const string Help = """
        Create a PFX from the certificate the CA sent back, its private key (the Server Group private key) and the
        CA chain: the guide's 'openssl pkcs12 -export'. It refuses when key and certificate do not match and then
        writes nothing. The key and certificates are encrypted with AES-256-CBC, the key derived with PBKDF2
        (HMAC-SHA256), and the file is MACed with HMAC-SHA256 over 2048 iterations (openssl 3's default); --legacy uses
        3DES for the key, RC2-40 for the certificates and a SHA-1 MAC, for Windows Server 2016 and older and Windows 10
        before 1709, which cannot import AES or a SHA-256 MAC. The file is written private (0600 / owner and Administrators), never over an existing
        file, then read back with the password and verified before success is reported.
        The password comes from --password-file or CERTHARNESS_PASSWORD only, never from an argument, and is never printed.
        An encrypted --key is opened with --key-password-file (default: the same password).
        Exit codes: 0 written and verified; 1 key and certificate do not match (nothing written); 2 bad usage, an existing --out, unreadable input.
        Examples:
          certharness pfx create --cert ic1.cer --key ServerGroupPrivateKey.bin --chain ca-chain.pem --out ic1.pfx --password-file pw.txt
          CERTHARNESS_PASSWORD=... certharness pfx create --cert ic1.cer --key ic1.key --out ic1.pfx --friendly-name "IC1 Server Group" --legacy --json
        """;

    public static Command Create()
    {
        var cert = new Option<string>("--cert") { Description = "the certificate (a file with the chain too is fine)", Required = true };
        var key = new Option<string>("--key") { Description = "its private key", Required = true };
        var chain = new Option<string[]>("--chain") { Description = "CA certificates to include (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "the PFX to write (must not exist)", Required = true };
        var friendly = new Option<string?>("--friendly-name") { Description = "the name the Windows store shows (default: the subject's CN)" };
        var legacy = new Option<bool>("--legacy") { Description = "3DES/RC2-40 encryption for old consumers instead of AES-256-CBC + PBKDF2" };
        var keyPassword = new Option<string?>("--key-password-file") { Description = "file whose first line is the password of an encrypted --key" };
        var json = new Option<bool>("--json") { Description = "print JSON (shape documented in README.md) instead of text" };
        var secret = new SecretInput();
        var command = new Command("create", Help) { cert, key, chain, output, secret.PasswordFile, friendly, legacy, keyPassword, json };
        command.SetAction(r =>
        {
            var outFile = r.GetValue(output)!;
            if (File.Exists(outFile) || Directory.Exists(outFile))
            {
                throw new HarnessException(InputErrorCode.OutputExists, $"{outFile}: already exists; certharness never overwrites (nothing was written)");
            }

            var password = secret.Resolve(r) is { Length: > 0 } p ? p
                : throw new HarnessException(InputErrorCode.InputMissing, $"no password for the PFX: give --password-file or set {CommonOptions.PasswordVariable} (never on the command line)");
            var keyPass = r.GetValue(keyPassword) is { } kp ? new SecretInput().ReadFile(kp) : password;
            var privateKey = CsrCommand.ReadPrivateKey(r.GetValue(key)!, keyPass, "--key");
            var reader = new PkiReader();
            var given = Certificates(reader, r.GetValue(cert)!, "--cert");
            var extra = (r.GetValue(chain) ?? []).SelectMany(c => Certificates(reader, c, "--chain")).ToList();
            var leaf = given.FirstOrDefault(c => KeyMatcher.Matches(privateKey, c));
            var view = leaf is null
                ? Refused(outFile, given[0])
                : Build(new PfxRequest(leaf, privateKey, given.Where(c => !c.Equals(leaf)).Concat(extra).Distinct().ToList(), password)
                {
                    FriendlyName = r.GetValue(friendly),
                    Legacy = r.GetValue(legacy),
                }, outFile);
            Renderer.Render(view, new OutputOptions(json).Format(r), r.InvocationConfiguration.Output);

            return view.Written ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    private static PfxCreateView Refused(string outFile, X509Certificate certificate) =>
        new(false, outFile, PkiDescriber.DescribeName(certificate.SubjectDN).OneLine, 0, null, null, null, null,
            [new ProblemView(CsrFindingCode.CertificateKeyMismatch.ToString(),
                "the private key does not match the certificate; openssl pkcs12 -export refuses this pair too (nothing was written)",
                PkiDescriber.DescribeName(certificate.SubjectDN).OneLine)]);

    private static PfxCreateView Build(PfxRequest request, string outFile)
    {
        var bytes = PfxCreator.Create(request);
        if (PfxCreator.Verify(bytes, request) is { Count: > 0 } built)
        {
            throw new HarnessException(InputErrorCode.PfxNotVerified, $"{outFile}: the PFX did not verify after building ({string.Join("; ", built)}); nothing was written");
        }

        NewFile.Write(outFile, bytes, privateAccess: true);
        var problems = PfxCreator.Verify(File.ReadAllBytes(outFile), request);
        if (problems.Count > 0)
        {
            File.Delete(outFile); // ours, written a moment ago, and not what was asked
            throw new HarnessException(InputErrorCode.PfxNotVerified, $"{outFile}: the PFX read back from disk did not verify ({string.Join("; ", problems)}); it was removed");
        }

        var d = PkiDescriber.DescribePkcs12(bytes);
        return new PfxCreateView(true, outFile, PkiDescriber.DescribeName(request.Certificate.SubjectDN).OneLine, 1 + request.Chain.Count,
            d?.FriendlyNames.FirstOrDefault(), d?.KeyEncryption, d?.CertificateEncryption, d?.MacDigest, []);
    }

    private static List<X509Certificate> Certificates(PkiReader reader, string path, string option)
    {
        var result = reader.ReadFile(path);
        if (result.Error is { } error)
        {
            throw Errors.Unreadable(error);
        }

        var certificates = CertificateSource.CertificatesOf(result).ToList();
        return certificates.Count > 0 ? certificates : throw new HarnessException(InputErrorCode.NothingOfThatKind, $"{path}: no certificate in this file (given to {option})");
    }
}
