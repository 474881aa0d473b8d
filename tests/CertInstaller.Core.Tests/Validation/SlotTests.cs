using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>What the chain rule asks the chain builder per slot, and the map file's passwords.</summary>
public class SlotTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private sealed class Recorder : IChainBuilder
    {
        private readonly ChainBuilder _inner = new();
        public List<ChainRequest> Requests { get; } = [];

        public ChainResult Build(ChainRequest request)
        {
            lock (Requests) Requests.Add(request);
            return _inner.Build(request);
        }
    }

    private List<ChainRequest> Requests(IcFolderSpec spec)
    {
        var certs = Path.Combine(_dir.Path, "Certificates");
        new IcFolderBuilder().BuildServer(certs, spec);
        var recorder = new Recorder();
        var context = new ValidationContext { Layout = new LayoutScanner().Scan(certs), Policy = ValidationPolicy.Installer, At = Now };
        Assert.That(new ChainRule(recorder).Check(context), Is.Empty);
        return recorder.Requests;
    }

    private static string Cn(ChainRequest r) => CertInstaller.Core.Pki.Reading.PkiDescriber.DescribeName(r.Leaf.SubjectDN).OneLine;

    // Adds a chain warning (as ChainWarnings makes them: the path stays valid) to the results of the slots it picks.
    private sealed class Warner(Func<ChainRequest, bool> picks) : IChainBuilder
    {
        private readonly ChainBuilder _inner = new();

        public ChainResult Build(ChainRequest request)
        {
            var result = _inner.Build(request);
            return picks(request) ? result with { Warnings = [new ChainProblem(ChainProblemCode.CaUsedAsEndEntity, "a CA certificate is the end entity", Cn(request))] } : result;
        }
    }

    [Test]
    public void ChainRule_WhenAValidPathCarriesAWarning_ReportsItAsChainWarning_AndNothingElse()
    {
        var certs = Path.Combine(_dir.Path, "Certificates");
        new IcFolderBuilder().BuildServer(certs, new IcFolderSpec());
        var context = new ValidationContext { Layout = new LayoutScanner().Scan(certs), Policy = ValidationPolicy.Installer, At = Now };

        var quiet = new ChainRule(new Warner(_ => false)).Check(context).ToList();
        var warned = new ChainRule(new Warner(r => Cn(r).Contains("OU = Server"))).Check(context).ToList();

        Assert.That(quiet, Is.Empty);
        Assert.That(warned.Select(o => o.Code), Is.EqualTo(new[] { FindingCode.ChainWarning }));
        Assert.That(warned[0].Path, Does.EndWith("ServerCertificate.cer"));
        Assert.That(ValidationPolicy.Installer.SeverityOf(FindingCode.ChainWarning), Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void ChainRule_AsksForThePurposeOfEachSlotAndTheWebProfileForHttps()
    {
        var requests = Requests(new IcFolderSpec { RemotePeers = 1 });

        Assert.That(requests.Single(r => Cn(r).Contains("OU = Server")).Purpose, Is.EqualTo(ChainPurpose.Server));
        Assert.That(requests.Single(r => Cn(r).Contains("OU = Client, CN = ic1.example.com")).Purpose, Is.EqualTo(ChainPurpose.Client));
        Assert.That(requests.Single(r => Cn(r).Contains("for peer001")).Purpose, Is.EqualTo(ChainPurpose.Client));
        var https = requests.Single(r => Cn(r) == "CN = ic1.example.com");
        Assert.That((https.Purpose, https.Profile), Is.EqualTo((ChainPurpose.Server, ChainProfile.WebPki)));
        Assert.That(requests.Where(r => r != https).Select(r => r.Profile).Distinct(), Is.EqualTo(new[] { ChainProfile.Rfc5280 }));
    }

    [Test]
    public void ChainRule_InSingleThirdPartyCertificateMode_ChecksTheServerGroupAsACa_WhileItsSlotNeedsServerAndClient()
    {
        var spec = new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup };
        var requests = Requests(spec);

        // The Server Group issues the subsystem certificates: its path is a CA's; UsageRule judges its EKU for both purposes.
        Assert.That(requests.Single(r => Cn(r).Contains("Server Group")).Purpose, Is.EqualTo(ChainPurpose.Any));
        var certs = Path.Combine(_dir.Path, "Certificates");
        var slots = FolderSlots.Of(new ValidationContext { Layout = new LayoutScanner().Scan(certs), Policy = ValidationPolicy.Installer, At = Now });
        Assert.That(slots.Slots.Single(s => s.Role == CertificateRole.ServerGroup).Purpose, Is.EqualTo(ChainPurpose.ServerAndClient));
    }

    [Test]
    public void ChainRule_NeverGivesAnotherSetsTrustedCertificatesAsAnchors()
    {
        var certs = Path.Combine(_dir.Path, "Certificates");
        var folder = new IcFolderBuilder().BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, RemotePeers = 1 });
        File.WriteAllText(Path.Combine(certs, "Client", "Remote_Subsystems", "peer001", "ic1_TrustedCertificate.cer"),
            CertInstaller.Samples.Issuing.PkiWriter.CertificatePem(folder.ServerGroup.Certificate));
        var recorder = new Recorder();
        new ChainRule(recorder).Check(new ValidationContext { Layout = new LayoutScanner().Scan(certs), Policy = ValidationPolicy.Installer, At = Now }).ToList();

        var peer = recorder.Requests.Single(r => Cn(r).Contains("for peer001"));
        Assert.That(peer.Anchors.Certificates, Is.EqualTo(new[] { folder.ServerGroup.Certificate }), "the outside root of the local trusted file is not the peer's anchor");
    }

    [Test]
    public void MapPasswords_AreReadFromElementsAndAttributesButNeverThroughADtd()
    {
        var map = _dir.Write("ic1_ININ_Certificates.xml", """<Certificates><Certificate Path="D:\x.pfx" Password="attr-pw"/><Password>elem-pw</Password></Certificates>""");
        var hostile = _dir.Write("ic2_ININ_Certificates.xml", """<!DOCTYPE x [<!ENTITY e "leak">]><Certificates><Password>&e;</Password></Certificates>""");

        Assert.That(MapPasswordReader.Read(map), Is.EqualTo(new[] { "attr-pw", "elem-pw" }));
        Assert.That(MapPasswordReader.Read(hostile), Is.Empty);
        Assert.That(new LayoutScanner().Scan(_dir.Path).MapPasswords, Is.EqualTo(new[] { "attr-pw", "elem-pw" }));
    }
}
