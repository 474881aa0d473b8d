using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary>The documented exit statuses: Linux carries the Windows Installer codes in 8 bits, Windows keeps them.</summary>
public class ExitStatusMapTests
{
    [TestCase(InstallerExitCodes.Success, 0)]
    [TestCase(InstallerExitCodes.RebootRequired, 194)]
    [TestCase(InstallerExitCodes.RebootInitiated, 105)]
    [TestCase(InstallerExitCodes.Failure, 67)]
    [TestCase(InstallerExitCodes.AlreadyRunning, 82)]
    [TestCase(InstallerExitCodes.InvalidCommandLine, 103)]
    public void Unix_StatusOf_ADocumentedCode_IsItsRow(int code, int status)
    {
        Assert.That(ExitStatusMap.Unix.StatusOf(code), Is.EqualTo(status));
        Assert.That(ExitStatusMap.Table.Single(r => r.Code == code).UnixStatus, Is.EqualTo(status));
    }

    [Test]
    public void Table_EachStatusIsTheCodesLowByte_AsWineReportsIt()
    {
        Assert.That(ExitStatusMap.Table.Select(r => r.UnixStatus), Is.EqualTo(ExitStatusMap.Table.Select(r => r.Code & 0xFF)));
        Assert.That(ExitStatusMap.Table.Select(r => r.UnixStatus), Is.Unique);
    }

    [TestCase(194, InstallerExitCodes.RebootRequired)]
    [TestCase(105, InstallerExitCodes.RebootInitiated)]
    [TestCase(0, InstallerExitCodes.Success)]
    [TestCase(67, 67)]
    [TestCase(1, 1)]
    [TestCase(137, 137)]
    public void Unix_CodeOf_ReadsRebootStatusesAsSuccessAndKeepsEveryOtherStatus(int status, int code)
    {
        Assert.That(ExitStatusMap.Unix.CodeOf(status), Is.EqualTo(code));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(67)]
    [TestCase(137)]
    [TestCase(1602)]
    public void Unix_StatusOf_AnInstallersOwnFailure_PassesThroughAndRoundTrips(int code)
    {
        var status = ExitStatusMap.Unix.StatusOf(code);

        Assert.That(status, Is.EqualTo(code & 0xFF));
        Assert.That(InstallerExitCodes.IsSuccess(ExitStatusMap.Unix.CodeOf(status)), Is.False);
    }

    [TestCase(256)]
    [TestCase(1792)]
    [TestCase(256 + 194)]
    [TestCase(256 + 105)]
    [TestCase(194)]
    [TestCase(-256)]
    public void Unix_StatusOf_AFailureWhoseLowByteReadsAsSuccess_Is67(int code)
    {
        Assert.That(ExitStatusMap.Unix.StatusOf(code), Is.EqualTo(67));
    }

    [TestCase(0)]
    [TestCase(1603)]
    [TestCase(3010)]
    [TestCase(1792)]
    public void Windows_KeepsEveryCode(int code)
    {
        Assert.That((ExitStatusMap.Windows.StatusOf(code), ExitStatusMap.Windows.CodeOf(code)), Is.EqualTo((code, code)));
    }
}
