using CertInstaller.Core.Store;
using CertInstaller.Core.Tests.Validation;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The forms a folder takes towards the stores, each as a certificates folder over <see cref="StorePki"/>'s files.</summary>
public enum SingleCertificateForm
{
    /// <summary>The Server Group certificate is the outside CA's leaf (store-pki.sh's own folder).</summary>
    ServerGroup,
    /// <summary>A self-signed (IC's own) Server Group; the local Server and Client slots hold one third-party certificate, the leaf.</summary>
    LocalServerAndClient,
    /// <summary>A self-signed Server Group with separate Server and Client certificates: no part in the stores.</summary>
    Neither,
    /// <summary>The Server Group certificate is the leaf, and the local Server and Client slots hold another one (renewed).</summary>
    Both,
}

/// <summary>Makes the folder of each <see cref="SingleCertificateForm"/> once per fixture, and says which certificate
/// the stores must hold for it.</summary>
internal sealed class SingleCertificateFolders(StorePki pki, string directory)
{
    private const string Local = "Client/Local_Subsystems/";
    private readonly Dictionary<SingleCertificateForm, string> _made = [];

    /// <summary>The relative path of the certificate the stores must hold, or null for <see cref="SingleCertificateForm.Neither"/>.</summary>
    public static string? ExpectedPath(SingleCertificateForm form) => form switch
    {
        SingleCertificateForm.ServerGroup or SingleCertificateForm.Both => "ServerGroup/ServerGroupCertificate.cer",
        SingleCertificateForm.LocalServerAndClient => Local + "ic1_ServerCertificate.cer",
        _ => null,
    };

    /// <summary>The thumbprint of that certificate (the leaf in every form that has one), or null.</summary>
    public string? ExpectedThumbprint(SingleCertificateForm form) =>
        ExpectedPath(form) is null ? null : Thumbprint("leaf.cer");

    /// <summary>The thumbprint of a <see cref="StorePki"/> file.</summary>
    public string Thumbprint(string pkiFile) =>
        Thumbprints.Of(new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(File.ReadAllBytes(pki.P(pkiFile))).GetEncoded());

    /// <summary>The folder of <paramref name="form"/>, made on first use.</summary>
    public string Folder(SingleCertificateForm form)
    {
        if (_made.TryGetValue(form, out var made)) return made;
        var folder = Path.Combine(directory, form.ToString(), "Certificates");
        switch (form)
        {
            case SingleCertificateForm.ServerGroup:
                Copy(pki.Folder, folder);
                break;
            case SingleCertificateForm.Both:
                Copy(pki.Folder, folder);
                OneCertificateForServerAndClient(folder, "renewed");
                break;
            case SingleCertificateForm.Neither:
                _ = new OpenSslFolder(folder);
                break;
            case SingleCertificateForm.LocalServerAndClient:
                var ic = new OpenSslFolder(folder);
                OneCertificateForServerAndClient(folder, "leaf");
                File.WriteAllText(ic.At(Local + "ic1_TrustedCertificate.cer"),
                    File.ReadAllText(ic.W("sg.cer")) + File.ReadAllText(pki.P("inter.cer")) + File.ReadAllText(pki.P("root.cer")));
                break;
        }

        return _made[form] = folder;
    }

    private void OneCertificateForServerAndClient(string folder, string name)
    {
        Directory.CreateDirectory(Path.Combine(folder, "Client", "Local_Subsystems"));
        foreach (var use in new[] { "Server", "Client" })
        {
            File.Copy(pki.P(name + ".cer"), Path.Combine(folder, "Client", "Local_Subsystems", $"ic1_{use}Certificate.cer"), overwrite: true);
            File.Copy(pki.P(name + ".key"), Path.Combine(folder, "Client", "Local_Subsystems", $"ic1_{use}PrivateKey.bin"), overwrite: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
