using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.Installer.Tests.Wrapper;

public class CommandLineTextTests
{
    [TestCase(@"""C:\Tools\certinstaller-action.exe"" run --certdir ""D:\Certs"" -- msiexec /i ""\\srv\p\IC.msi"" /qn PROP=""C:\a b\""",
        "msiexec", @"/i ""\\srv\p\IC.msi"" /qn PROP=""C:\a b\""")]
    [TestCase(@"certinstaller-action.exe run --certdir D:\Certs --   ""C:\Program Files\Vendor\setup.exe""  /S /v""/qn""",
        @"C:\Program Files\Vendor\setup.exe", @"/S /v""/qn""")]
    [TestCase(@"a.exe run --preserve-pattern ""x -- y"" -- msiexec /x {GUID}", "msiexec", "/x {GUID}")]
    public void TrySplitAfterDoubleDash_GivesTheProgramAndTheRawRest(string commandLine, string program, string rest)
    {
        Assert.That(CommandLineText.TrySplitAfterDoubleDash(commandLine, out var p, out var r), Is.True);
        Assert.That((p, r), Is.EqualTo((program, rest)));
    }

    [TestCase(@"a.exe run --certdir ""D:\Certs\"" -- msiexec /i x.msi")] // \" escapes the quote: no standalone --
    [TestCase(@"a.exe run --certdir D:\Certs --")]
    [TestCase(@"""C:\dir with -- in it\a.exe"" run")]
    public void TrySplitAfterDoubleDash_WhenNoStandaloneDoubleDashWithAProgram_IsFalse(string commandLine) =>
        Assert.That(CommandLineText.TrySplitAfterDoubleDash(commandLine, out _, out _), Is.False);

    [Test]
    public void Display_QuotesBlanksAndHidesSecretLookingValues() =>
        Assert.That(CommandLineText.Display(["msiexec", "/i", @"C:\a b\IC.msi", "SERVICE_PASSWORD=hunter2", "PIDKEY=ABC-123", "INSTALLDIR=D:\\I3"]),
            Is.EqualTo(@"msiexec /i ""C:\a b\IC.msi"" SERVICE_PASSWORD=*** PIDKEY=*** INSTALLDIR=D:\I3"));
}
