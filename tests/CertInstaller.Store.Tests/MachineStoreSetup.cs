using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace CertInstaller.Store.Tests;

/// <summary>
/// The tiny setup step of these tests: puts openssl-made certificates and PFX files into the machine's LocalMachine
/// stores, as certutil -addstore / -importPFX would, and takes out again everything it put in, keys included. The
/// product never writes a store; only this test helper does.
/// </summary>
/// <remarks>
/// A PFX's key goes into a CAPI machine key container of its own (RSACryptoServiceProvider over rsaenh), linked to the
/// certificate before X509Store.Add: the BCL's PFX loader asks CNG about machine keys first, which Wine's CNG cannot
/// answer (NTE_NOT_SUPPORTED), and Wine's PFXImportCertStore puts every key into one default container, so a second
/// import would replace the first one's key.
/// </remarks>
internal sealed class MachineStoreSetup : IDisposable
{
    private const string ContainerPrefix = "certinstaller-store-test-";
    private readonly List<(StoreName Store, string Thumbprint)> _added = [];
    private readonly List<string> _containers = [];

    /// <summary>Adds the certificate of a PEM file (no key) to <paramref name="store"/>.</summary>
    public void AddCertificate(StoreName store, string cerFile)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(cerFile));
        Add(store, certificate);
    }

    /// <summary>Imports a PFX (certificate and RSA key) into LocalMachine\My: a persisted machine key, exportable unless
    /// <paramref name="exportable"/> is false (the import wizard's "Mark this key as exportable").</summary>
    public void ImportPfx(string pfxFile, string password, bool exportable = true)
    {
        var pfx = new Pkcs12StoreBuilder().Build();
        using (var stream = File.OpenRead(pfxFile)) pfx.Load(stream, password.ToCharArray());
        var alias = pfx.Aliases.First(pfx.IsKeyEntry);
        var key = (RsaPrivateCrtKeyParameters)pfx.GetKey(alias).Key;
        var container = ContainerPrefix + Guid.NewGuid().ToString("N");
        _containers.Add(container);
        var csp = new CspParameters(1, null, container)
        {
            Flags = CspProviderFlags.UseMachineKeyStore | (exportable ? 0 : CspProviderFlags.UseNonExportableKey),
            KeyNumber = (int)KeyNumber.Exchange,
        };
        using var rsa = new RSACryptoServiceProvider(csp) { PersistKeyInCsp = true };
        rsa.ImportParameters(DotNetUtilities.ToRSAParameters(key));
        using var certificate = X509CertificateLoader.LoadCertificate(pfx.GetCertificate(alias).Certificate.GetEncoded());
        // The link certutil sets (CERT_KEY_PROV_INFO), then the certificate into My through crypt32 itself:
        // X509Certificate2.CopyWithPrivateKey would read the certificate's public key through BCrypt first, which has no
        // RSA under Wine.
        var info = new CryptKeyProvInfo
        {
            ContainerName = container,
            ProviderName = rsa.CspKeyContainerInfo.ProviderName,
            ProviderType = (uint)rsa.CspKeyContainerInfo.ProviderType,
            Flags = CryptMachineKeyset,
            KeySpec = AtKeyExchange,
        };
        if (!CertSetCertificateContextProperty(certificate.Handle, CertKeyProvInfoPropId, 0, ref info))
            throw new CryptographicException(Marshal.GetLastPInvokeError());
        var store = CertOpenStore(new IntPtr(10), 0, IntPtr.Zero, CertSystemStoreLocalMachine, "My");
        if (store == IntPtr.Zero) throw new CryptographicException(Marshal.GetLastPInvokeError());
        try
        {
            if (!CertAddCertificateContextToStore(store, certificate.Handle, CertStoreAddReplaceExisting, IntPtr.Zero))
                throw new CryptographicException(Marshal.GetLastPInvokeError());
        }
        finally
        {
            CertCloseStore(store, 0);
        }

        _added.Add((StoreName.My, certificate.Thumbprint));
    }

    private const uint CertSystemStoreLocalMachine = 0x20000;
    private const uint CertStoreAddReplaceExisting = 3;

    [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    private static extern IntPtr CertOpenStore(IntPtr provider, uint encoding, IntPtr cryptProv, uint flags, string para);

    [DllImport("crypt32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CertAddCertificateContextToStore(IntPtr store, IntPtr context, uint disposition, IntPtr added);

    [DllImport("crypt32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CertCloseStore(IntPtr store, uint flags);

    private const uint CertKeyProvInfoPropId = 2;
    private const uint CryptMachineKeyset = 0x20;
    private const uint AtKeyExchange = 1;

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct CryptKeyProvInfo
    {
        public string ContainerName;
        public string? ProviderName;
        public uint ProviderType;
        public uint Flags;
        public uint ProvParamCount;
        public IntPtr ProvParams;
        public uint KeySpec;
    }

    [DllImport("crypt32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CertSetCertificateContextProperty(IntPtr context, uint propId, uint flags, ref CryptKeyProvInfo data);

    private void Add(StoreName store, X509Certificate2 certificate)
    {
        using var x509 = new X509Store(store, StoreLocation.LocalMachine);
        x509.Open(OpenFlags.ReadWrite);
        x509.Add(certificate);
        _added.Add((store, certificate.Thumbprint));
    }

    /// <summary>Takes out what an earlier, interrupted run left: every certificate of the fixture's names in My, CA
    /// and Root (the fixture's subjects are its own), and its machine key containers.</summary>
    public static void RemoveLeftovers()
    {
        foreach (var store in new[] { StoreName.My, StoreName.CertificateAuthority, StoreName.Root })
        {
            using var x509 = new X509Store(store, StoreLocation.LocalMachine);
            x509.Open(OpenFlags.ReadWrite);
            foreach (var c in x509.Certificates)
            {
                if (c.Subject.Contains("Example Store", StringComparison.Ordinal) || c.Subject.Contains("CN=ic1.example.com, O=Example Corp", StringComparison.Ordinal))
                {
                    DeleteKey(c);
                    x509.Remove(c);
                    ForgetInRegistry(store, c.Thumbprint);
                }

                c.Dispose();
            }
        }
    }

    /// <summary>Removes every certificate this setup added, and deletes the key containers it made.</summary>
    public void Dispose()
    {
        foreach (var (store, thumbprint) in _added)
        {
            using var x509 = new X509Store(store, StoreLocation.LocalMachine);
            x509.Open(OpenFlags.ReadWrite);
            foreach (var c in x509.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false))
            {
                x509.Remove(c);
                c.Dispose();
            }

            ForgetInRegistry(store, thumbprint);
        }

        foreach (var container in _containers) DeleteContainer(container);
        _added.Clear();
        _containers.Clear();
    }

    // Wine 8's crypt32 drops a removal from its LocalMachine registry stores (the certificate is back on the next open):
    // the store's registry key goes too. On Windows X509Store.Remove has deleted it already, and this finds nothing.
    private static void ForgetInRegistry(StoreName store, string thumbprint)
    {
        var name = store switch { StoreName.My => "My", StoreName.CertificateAuthority => "CA", _ => "Root" };
        Microsoft.Win32.Registry.LocalMachine.DeleteSubKeyTree($@"SOFTWARE\Microsoft\SystemCertificates\{name}\Certificates\{thumbprint}", throwOnMissingSubKey: false);
    }

    private static void DeleteKey(X509Certificate2 certificate)
    {
        try
        {
            using var key = certificate.GetRSAPrivateKey();
            if (key is RSACryptoServiceProvider csp && csp.CspKeyContainerInfo.KeyContainerName is { } name && name.StartsWith(ContainerPrefix, StringComparison.Ordinal))
                DeleteContainer(name);
        }
        catch (CryptographicException)
        {
            // No key, or one this setup did not make: left alone.
        }
    }

    private static void DeleteContainer(string container)
    {
        try
        {
            using var rsa = new RSACryptoServiceProvider(new CspParameters(1, null, container) { Flags = CspProviderFlags.UseMachineKeyStore | CspProviderFlags.UseExistingKey })
            {
                PersistKeyInCsp = false,
            };
            rsa.Clear();
        }
        catch (CryptographicException)
        {
            // Gone already.
        }
    }
}
