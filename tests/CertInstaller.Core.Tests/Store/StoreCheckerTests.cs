using CertInstaller.Core.Pki;
using CertInstaller.Core.Store;
using CertInstaller.Core.Validation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The store checker over a fake port, on an openssl-made PKI: each finding where its defect is, none on a
/// consistent setup.</summary>
public class StoreCheckerTests
{
    private static TempDir _dir = null!;
    private static StorePki _pki = null!;

    [OneTimeSetUp]
    public static void MakePki()
    {
        _dir = new TempDir("ci-store-");
        _pki = new StorePki(_dir.Path);
    }

    [OneTimeTearDown]
    public static void RemovePki() => _dir.Dispose();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>The single-certificate mode as the guide leaves it: the leaf with an exportable key in My, the issuing CA
    /// in CA, the root in Root.</summary>
    private static FakeStores Consistent(string leaf = "leaf.cer") => new FakeStores()
        .Add(MachineStore.My, _pki.P(leaf), key: true)
        .Add(MachineStore.CA, _pki.P("inter.cer"))
        .Add(MachineStore.Root, _pki.P("root.cer"));

    private static IReadOnlyList<StoreFinding> Check(FakeStores stores, string folderCertificate = "leaf.cer", DateTimeOffset? at = null) =>
        new StoreChecker(stores).Check(new StoreCheckRequest(Read(folderCertificate), "ServerGroup/ServerGroupCertificate.cer", at ?? Now, 30, DigestAlgorithm.Sha256));

    private static X509Certificate Read(string name) => new X509CertificateParser().ReadCertificate(File.ReadAllBytes(_pki.P(name)));

    private static FindingCode[] Codes(IEnumerable<StoreFinding> findings) => findings.Select(f => f.Code).OrderBy(c => c).ToArray();

    [Test]
    public void Check_WhenConsistent_FindsNothing()
    {
        Assert.That(Check(Consistent()), Is.Empty);
    }

    [Test]
    public void Check_WhenRootAlsoInCaAndOtherCertificatesInMy_FindsNothing()
    {
        // Other names in My (the CA certificates by mistake) are not ones IC would pick.
        var stores = Consistent().Add(MachineStore.CA, _pki.P("root.cer")).Add(MachineStore.My, _pki.P("inter.cer"));
        Assert.That(Check(stores), Is.Empty);
    }

    [Test]
    public void Check_WhenFolderCertificateNotInMy_StoreCertificateMissing()
    {
        var stores = new FakeStores().Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        var findings = Check(stores);
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreCertificateMissing }));
        Assert.That(findings[0].Store, Is.EqualTo(MachineStore.My));
        Assert.That(findings[0].Thumbprint, Is.EqualTo(Thumbprints.Of(Read("leaf.cer").GetEncoded())));
    }

    [Test]
    public void Check_WhenNoPrivateKey_StorePrivateKeyMissing()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: false)
            .Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { FindingCode.StorePrivateKeyMissing }));
    }

    [Test]
    public void Check_WhenKeyIsAnotherPairs_StorePrivateKeyMismatch()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true, matches: false)
            .Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { FindingCode.StorePrivateKeyMismatch }));
    }

    [TestCase(KeyExportability.No, FindingCode.StoreKeyNotExportable)]
    [TestCase(KeyExportability.Unknown, FindingCode.StoreKeyExportabilityUnknown)]
    public void Check_WhenKeyNotMarkedExportable_SaysSo(KeyExportability exportable, FindingCode expected)
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true, exportable: exportable)
            .Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { expected }));
    }

    [TestCase(null, TestName = "Check_WhenRootInNoStore_StoreRootMissing")]
    [TestCase(MachineStore.CA, TestName = "Check_WhenRootOnlyInCa_StoreRootMissing")]
    [TestCase(MachineStore.My, TestName = "Check_WhenRootOnlyInMy_StoreRootMissing")]
    public void Check_WhenRootNotInRoot_StoreRootMissing(MachineStore? rootIn)
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true).Add(MachineStore.CA, _pki.P("inter.cer"));
        if (rootIn is { } s) stores.Add(s, _pki.P("root.cer"));
        var findings = Check(stores);
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreRootMissing }));
        Assert.That(findings[0].Store, Is.EqualTo(MachineStore.Root));
        Assert.That(findings[0].Thumbprint, rootIn is null ? Is.Null : Is.EqualTo(Thumbprints.Of(Read("root.cer").GetEncoded())));
    }

    [Test]
    public void Check_WhenIssuingCaInNoStore_StoreRootMissing()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { FindingCode.StoreRootMissing }));
    }

    [Test]
    public void Check_WhenIssuingCaInStoreExpired_StoreChainNotTrusted()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true)
            .Add(MachineStore.CA, _pki.P("inter-expired.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { FindingCode.StoreChainNotTrusted }));
    }

    [Test]
    public void Check_WhenMyHoldsARenewedCertificate_StoreCertificateNewer()
    {
        var findings = Check(Consistent().Add(MachineStore.My, _pki.P("renewed.cer"), key: true));
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreCertificateNewer }));
        Assert.That(findings[0].Thumbprint, Is.EqualTo(Thumbprints.Of(Read("renewed.cer").GetEncoded())));
    }

    [Test]
    public void Check_WhenRenewedOnlyInMy_MissingAndNewer()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("renewed.cer"), key: true)
            .Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        Assert.That(Codes(Check(stores)), Is.EqualTo(new[] { FindingCode.StoreCertificateMissing, FindingCode.StoreCertificateNewer }));
    }

    [Test]
    public void Check_WhenFolderHoldsTheRenewedAndMyTheOldToo_StoreCertificateOlder()
    {
        var findings = Check(Consistent("renewed.cer").Add(MachineStore.My, _pki.P("leaf.cer"), key: true), folderCertificate: "renewed.cer");
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreCertificateOlder }));
        Assert.That(findings[0].Thumbprint, Is.EqualTo(Thumbprints.Of(Read("leaf.cer").GetEncoded())));
    }

    [Test]
    public void Check_WhenMyHoldsAnExpiredCopy_StoreCertificateExpiredOnly()
    {
        var findings = Check(Consistent().Add(MachineStore.My, _pki.P("expired.cer"), key: true));
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreCertificateExpired }));
        Assert.That(findings[0].Thumbprint, Is.EqualTo(Thumbprints.Of(Read("expired.cer").GetEncoded())));
    }

    [Test]
    public void Check_WhenMyHoldsAnExpiredCopyWithoutKey_StillExpired()
    {
        Assert.That(Codes(Check(Consistent().Add(MachineStore.My, _pki.P("expired.cer")))), Is.EqualTo(new[] { FindingCode.StoreCertificateExpired }));
    }

    [Test]
    public void Check_WhenFolderCertificateItselfExpired_StoreCertificateExpired()
    {
        var findings = Check(Consistent("expired.cer"), folderCertificate: "expired.cer");
        Assert.That(Codes(findings), Is.EqualTo(new[] { FindingCode.StoreCertificateExpired }));
    }

    [Test]
    public void Check_WhenMyHoldsOneAboutToExpire_ExpiringSoonAndOlder()
    {
        Assert.That(Codes(Check(Consistent().Add(MachineStore.My, _pki.P("soon.cer"), key: true))),
            Is.EqualTo(new[] { FindingCode.StoreCertificateOlder, FindingCode.StoreCertificateExpiringSoon }));
    }

    [Test]
    public void Check_WhenFolderCertificateExpiresWithinTheWindow_ExpiringSoon()
    {
        Assert.That(Codes(Check(Consistent(), at: Now.AddDays(340))), Is.EqualTo(new[] { FindingCode.StoreCertificateExpiringSoon }));
    }

    [TestCase(MachineStore.My)]
    [TestCase(MachineStore.CA)]
    [TestCase(MachineStore.Root)]
    public void Check_WhenAStoreCannotBeOpened_StoreUnreadableNamesIt(MachineStore store)
    {
        var stores = Consistent();
        stores.Unreadable.Add(store);
        var findings = Check(stores);
        Assert.That(findings.Select(f => (f.Code, f.Store)), Is.EqualTo(new[] { (FindingCode.StoreUnreadable, store) }));
    }

    [Test]
    public void Location_NamesTheCertificateDrivePath()
    {
        var finding = Check(Consistent().Add(MachineStore.My, _pki.P("renewed.cer"), key: true)).Single();
        Assert.That(finding.Location, Is.EqualTo($@"Cert:\LocalMachine\My\{finding.Thumbprint}"));
        Assert.That(finding.ToObservation().Path, Is.EqualTo(finding.Location));
    }
}
