namespace CertInstaller.Core.Tests;

public class SmokeTests
{
    [Test]
    public void ToolInfo_Version_IsSet() => Assert.That(ToolInfo.Version, Is.Not.Empty);
}
