using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace CertInstaller.Core.Pki.Signatures;

/// <summary>
/// The process-wide choice of signature verifier, detected once: a probe verifies known-good (and one tampered)
/// signatures with the platform's own cryptography. A platform that errs or answers wrongly (.NET Framework without
/// CNG's PSS, Wine, whose CNG has neither RSA nor ECDSA) gets BouncyCastle for that algorithm family.
/// The capabilities never change once computed, and nothing else here is process-wide: each run makes its verifier.
/// </summary>
public static class SignatureVerifiers
{
    /// <summary>
    /// The AppContext switch (runtimeconfig.json <c>configProperties</c>) that makes BouncyCastle verify everything in the
    /// process, read once at detection: for a platform whose native answers are doubted, and for the test run that
    /// repeats the chain tests with BouncyCastle only.
    /// </summary>
    public const string BouncyCastleOnlySwitch = "CertInstaller.Signatures.BouncyCastleOnly";

    private static readonly Lazy<NativeCapabilities> Detected = new(Detect, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What the probe found (or the switch forced), computed once per process.</summary>
    public static NativeCapabilities Capabilities => Detected.Value;

    /// <summary>A verifier for one run (it keeps the platform keys it imports): <see cref="BclSignatureVerifier"/> when the
    /// probe passed for any family, else BouncyCastle.</summary>
    public static ISignatureVerifier Create() => Capabilities.Any ? new BclSignatureVerifier(Capabilities, BouncyCastle) : BouncyCastle;

    /// <summary>BouncyCastle, the fallback and the reference.</summary>
    public static ISignatureVerifier BouncyCastle => BouncyCastleSignatureVerifier.Instance;

    /// <summary>A BCL verifier with this platform's probed capabilities (for tests and benchmarks; uncached).</summary>
    public static BclSignatureVerifier CreateBcl() => new(Probe(), BouncyCastle);

    /// <summary>Runs the probe now: each family's known-good signature must verify and its tampered copy must not.</summary>
    public static NativeCapabilities Probe()
    {
        var notes = new List<string>();
        var message = Encoding.ASCII.GetBytes(ProbeData.Message);
        var modulus = Convert.FromBase64String(ProbeData.RsaModulus);
        var exponent = new byte[] { 1, 0, 1 };
        var pkcs1 = Check("RSA PKCS#1", notes, signature => NativeRsa.Verify(modulus, exponent, message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), ProbeData.RsaPkcs1Signature);
        var pss = Check("RSA-PSS", notes, signature => NativeRsa.Verify(modulus, exponent, message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss), ProbeData.RsaPssSignature);
        var q = Convert.FromBase64String(ProbeData.EcP256Point);
        var ec = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = q.Take(32).ToArray(), Y = q.Skip(32).ToArray() } };
        var ecdsa = Check("ECDSA", notes, signature => NativeEcdsa.Verify(ec, message, signature, HashAlgorithmName.SHA256), ProbeData.EcP256Signature);
        return new NativeCapabilities(pkcs1, pss, ecdsa, string.Join("; ", notes));
    }

    private static NativeCapabilities Detect()
    {
        var capabilities = AppContext.TryGetSwitch(BouncyCastleOnlySwitch, out var forced) && forced
            ? NativeCapabilities.None($"switch {BouncyCastleOnlySwitch} is on")
            : Probe();
        Trace.WriteLine(capabilities.Describe(), "CertInstaller");
        return capabilities;
    }

    private static bool Check(string family, List<string> notes, Func<byte[], bool> verify, string signatureBase64)
    {
        var good = Convert.FromBase64String(signatureBase64);
        var bad = (byte[])good.Clone();
        bad[bad.Length / 2] ^= 0x01;
        try
        {
            if (verify(good) && !verify(bad))
            {
                return true;
            }

            notes.Add($"{family}: the platform gave a wrong verdict on the probe");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            notes.Add($"{family}: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
        }

        return false;
    }
}
