using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Tests.Layout;

public class MapFileReaderTests
{
    private const string Map = """
        <?xml version="1.0" encoding="utf-8"?>
        <Certificates Server="ic1">
          <Subsystem Name="Notifier">
            <Certificate>D:\I3\IC\Certificates\Client\Local_Subsystems\ic1_ServerCertificate.cer</Certificate>
            <PrivateKey path="d:\i3\ic\certificates\Client\Local_Subsystems\ic1_ServerPrivateKey.bin"/>
          </Subsystem>
          <Subsystem Name="Gone"><Certificate>D:\I3\IC\Certificates\Client\Local_Subsystems\gone.cer</Certificate></Subsystem>
          <Subsystem Name="Escape"><Certificate>D:\I3\IC\Certificates\..\..\Windows\win.ini.cer</Certificate></Subsystem>
          <Subsystem Name="Elsewhere"><Certificate>C:\Windows\System32\evil.cer</Certificate></Subsystem>
          <Subsystem Name="Relative"><Certificate>..\..\etc\passwd.cer</Certificate></Subsystem>
          <Subsystem Name="BadChars"><Certificate>D:\I3\IC\Certificates\Client\a|b.cer</Certificate></Subsystem>
        </Certificates>
        """;

    [Test]
    public void Read_WhenAbsolutePathsOfAnotherMachine_RebasesOntoScannedFolder()
    {
        using var dir = new TempDir();
        dir.Write("Client/Local_Subsystems/ic1_ServerCertificate.cer", "x");
        dir.Write("Client/Local_Subsystems/ic1_ServerPrivateKey.bin", "x");
        dir.Write("ic1_ININ_Certificates.xml", Map);

        var map = new MapFileReader().Read(dir.Path, "ic1_ININ_Certificates.xml");

        Assert.That(map.Error, Is.Null);
        Assert.That(map.Entries.Select(e => (e.RelativePath, e.Status)), Is.EqualTo(new (string?, MapEntryStatus)[]
        {
            ("Client/Local_Subsystems/ic1_ServerCertificate.cer", MapEntryStatus.Present),
            ("Client/Local_Subsystems/ic1_ServerPrivateKey.bin", MapEntryStatus.Present),
            ("Client/Local_Subsystems/gone.cer", MapEntryStatus.Missing),
            (null, MapEntryStatus.OutsideFolder),
            (null, MapEntryStatus.OutsideFolder),
            (null, MapEntryStatus.OutsideFolder),
            (null, MapEntryStatus.OutsideFolder),
        }));
    }

    [TestCase("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")]
    [TestCase("<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><r>&b;</r>")]
    [TestCase("<r><unclosed></r>")]
    [TestCase("\u0000\u0001garbage")]
    public void Read_WhenHostileOrMalformed_ReportsErrorAndReadsNothing(string xml)
    {
        using var dir = new TempDir();
        dir.Write("ic1_ININ_Certificates.xml", xml);

        var map = new MapFileReader().Read(dir.Path, "ic1_ININ_Certificates.xml");

        Assert.That(map.Error, Is.Not.Null);
        Assert.That(map.Entries, Is.Empty);
    }

    [Test(Description = "issue 11 §8: a 4 MB malformed map put a 3.9 MB error line into the output and the action log")]
    public void Read_WhenMalformedMapQuotesMegabytes_ErrorStaysOneShortLine()
    {
        using var dir = new TempDir();
        var name = new string('A', 4 * 1024 * 1024 - 100);
        dir.Write("ic1_ININ_Certificates.xml", $"<{name}>\n\u001b[2J</B>");

        var map = new MapFileReader().Read(dir.Path, "ic1_ININ_Certificates.xml");

        Assert.That(map.Error, Is.Not.Null);
        Assert.That(map.Error!.Length, Is.LessThan(400));
        Assert.That(map.Error.IndexOfAny(['\n', '\r', '\u001b']), Is.EqualTo(-1));
    }
}
