using CertInstaller.Core.Pki.Creation;

namespace CertInstaller.Core.Tests.Pki.Creation;

public class SubjectParserTests
{
    private static string[] Pairs(string subject) => SubjectParser.Parse(subject).Select(a => $"{a.Type.ShortName}={a.Value}").ToArray();

    [Test]
    public void Parse_WhenSlashForm_KeepsOrderAndRepeatedOus()
    {
        Assert.That(Pairs("/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov"),
            Is.EqualTo(new[] { "C=US", "O=U.S. Government", "OU=DoD", "OU=PKI", "OU=CONTRACTOR", "CN=ic1.example.gov" }));
    }

    [Test]
    public void Parse_WhenOneLineForm_ReadsWhatCertharnessPrints()
    {
        Assert.That(Pairs(@"C = US, O = Example\, Inc., OU = B, OU = A, CN = host"), Is.EqualTo(new[] { "C=US", "O=Example, Inc.", "OU=B", "OU=A", "CN=host" }));
    }

    [Test]
    public void Parse_WhenOneLineOfParsedRoundTrips_GivesTheSameAttributes()
    {
        var first = SubjectParser.Parse("/C=US/O=a, b + c/OU=#1 Team/ST=Indiana/CN=x ");
        Assert.That(SubjectParser.Parse(SubjectParser.OneLine(first)), Is.EqualTo(first));
    }

    [TestCase("/C=US/S=Indiana/L=Indianapolis/emailAddress=a@b.c/CN=h", "ST=Indiana")]
    [TestCase("/countryName=US/organizationalUnitName=IC/commonName=h", "OU=IC")]
    public void Parse_WhenAliasesOrLongNames_MapsToShortNames(string subject, string expected)
    {
        Assert.That(Pairs(subject), Does.Contain(expected));
    }

    [TestCase("/C=US/XX=1/CN=h")]
    [TestCase("/C=USA/CN=h")]
    [TestCase("/C=US//CN=h")]
    [TestCase("C = US, CN")]
    [TestCase("C = US, CN = a + OU = b")]
    [TestCase("")]
    [TestCase("/CN=")]
    public void Parse_WhenMalformed_Throws(string subject)
    {
        Assert.That(() => SubjectParser.Parse(subject), Throws.InstanceOf<SubjectFormatException>());
    }

    [Test]
    public void Parse_WhenUnknownType_NamesTheValidOnes()
    {
        Assert.That(() => SubjectParser.Parse("/DC=com/CN=h"), Throws.InstanceOf<SubjectFormatException>().With.Message.Contains("C, ST (or S), L, O, OU, CN, emailAddress"));
    }
}

public class KeyTypeTests
{
    [TestCase("rsa:2048", "RSA", 2048)]
    [TestCase("RSA:4096", "RSA", 4096)]
    [TestCase("ec:P-256", "EC", 256)]
    [TestCase("ec:secp384r1", "EC", 384)]
    public void TryParse_WhenKnown_GivesTheType(string text, string algorithm, int bits)
    {
        Assert.That(KeyType.TryParse(text, out var type), Is.True);
        Assert.That(type, Is.EqualTo(new KeyType(algorithm, bits)));
    }

    [TestCase("rsa:1024")]
    [TestCase("ec:P-521")]
    [TestCase("ed25519")]
    [TestCase(null)]
    public void TryParse_WhenNotOffered_IsFalse(string? text)
    {
        Assert.That(KeyType.TryParse(text, out _), Is.False);
    }
}
