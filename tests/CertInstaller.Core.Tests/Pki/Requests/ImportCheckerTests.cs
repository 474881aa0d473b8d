using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Pki.Requests;

public class ImportCheckerTests
{
    private const string Asked = "C=US, O=U.S. Government, OU=DoD, OU=PKI, OU=CONTRACTOR, CN=ic1.example.gov";

    private static readonly SubjectAltName[] Sans = [SubjectAltName.Dns("ic1.example.gov"), SubjectAltName.Ip("10.0.0.5")];

    private static readonly IssuedCertificate Ca = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Import Test CA"), KeyCache.Shared.Get(KeySpec.EcP256, "import-check/ca"));

    private static readonly Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair Keys = KeyCache.Shared.Get(KeySpec.EcP256, "import-check/leaf");

    private static readonly Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest Csr =
        CsrCreator.Create(new CsrRequest(SubjectParser.Parse("/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov"), Sans), Keys);

    private static Dictionary<string, CsrFinding?> Check(string subject, SubjectAltName[]? sans = null, string[]? ekus = null, Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair? keys = null,
        bool trust = true, Org.BouncyCastle.Crypto.AsymmetricKeyParameter? privateKey = null)
    {
        var issued = CertificateFactory.Issue(CertificateSpec.Leaf(subject, sans ?? Sans) with
        {
            ExtendedKeyUsages = ekus ?? [ExtendedKeyUsages.ServerAuth, ExtendedKeyUsages.ClientAuth],
        }, keys ?? Keys, Ca);
        var request = new ImportCheckRequest(issued.Certificate, Csr, DateTimeOffset.UtcNow)
        {
            Anchors = trust ? new CertificatePool([Ca.Certificate]) : null,
            PrivateKey = privateKey ?? Keys.Private,
        };
        return ImportChecker.Check(request, new ChainBuilder()).ToDictionary(c => c.Check, c => c.Finding);
    }

    [Test]
    public void Check_WhenTheCaKeptEverything_PassesEveryCheck()
    {
        var results = Check(Asked);

        Assert.That(results.Keys, Is.EqualTo(new[] { "publicKey", "subject", "sans", "privateKey", "chain", "eku", "keyUsage", "digest" }));
        Assert.That(results.Values, Has.All.Null);
    }

    [TestCase("C=US, O=U.S. Government, OU=PKI, OU=DoD, OU=CONTRACTOR, CN=ic1.example.gov", Severity.Error, TestName = "Check_WhenOusReordered_IsAnError")]
    [TestCase("C=US, O=U.S. Government, OU=DoD, OU=CONTRACTOR, CN=ic1.example.gov", Severity.Error, TestName = "Check_WhenOuDropped_IsAnError")]
    [TestCase("C=US, O=U.S. Government, OU=DoD, OU=PKI, OU=CONTRACTOR, L=Indianapolis, CN=ic1.example.gov", Severity.Warning, TestName = "Check_WhenAttributeOnlyAdded_IsAWarning")]
    public void Check_WhenSubjectChanged_ReportsSubjectChanged(string issued, Severity severity)
    {
        var finding = Check(issued)["subject"];

        Assert.That(finding?.Code, Is.EqualTo(CsrFindingCode.SubjectChanged));
        Assert.That(finding?.Severity, Is.EqualTo(severity));
    }

    [Test]
    public void Check_WhenIpDropped_ReportsSanDropped()
    {
        Assert.That(Check(Asked, sans: [SubjectAltName.Dns("ic1.example.gov")])["sans"]?.Code, Is.EqualTo(CsrFindingCode.SanDropped));
    }

    [Test]
    public void Check_WhenAnotherKeyWasCertified_ReportsKeyNotCsrKeyAndKeyMismatch()
    {
        var results = Check(Asked, keys: KeyCache.Shared.Get(KeySpec.EcP256, "import-check/other"));

        Assert.That(results["publicKey"]?.Code, Is.EqualTo(CsrFindingCode.CertificateKeyNotCsrKey));
        Assert.That(results["privateKey"]?.Code, Is.EqualTo(CsrFindingCode.CertificateKeyMismatch));
    }

    [Test]
    public void Check_WhenServerAuthOnly_ReportsEkuMissingForTheSingleCertificateMode()
    {
        Assert.That(Check(Asked, ekus: [ExtendedKeyUsages.ServerAuth])["eku"]?.Code, Is.EqualTo(CsrFindingCode.EkuMissing));
    }

    [Test]
    public void Check_WhenNoTrust_WarnsChainNotChecked()
    {
        var finding = Check(Asked, trust: false)["chain"];

        Assert.That(finding?.Code, Is.EqualTo(CsrFindingCode.ChainNotChecked));
        Assert.That(finding?.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Check_WhenTrustIsAnotherCa_ReportsChainInvalid()
    {
        var other = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Other CA"), KeyCache.Shared.Get(KeySpec.EcP256, "import-check/other-ca"));
        var issued = CertificateFactory.Issue(CertificateSpec.Leaf(Asked, Sans) with { ExtendedKeyUsages = [ExtendedKeyUsages.ServerAuth, ExtendedKeyUsages.ClientAuth] }, Keys, Ca);

        var results = ImportChecker.Check(new ImportCheckRequest(issued.Certificate, Csr, DateTimeOffset.UtcNow) { Anchors = new CertificatePool([other.Certificate]) }, new ChainBuilder());

        Assert.That(results.Single(r => r.Check == "chain").Finding?.Code, Is.EqualTo(CsrFindingCode.ChainInvalid));
    }
}
