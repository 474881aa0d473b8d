namespace CertInstaller.Harness.Tests.Commands;

public class HelpPageTests
{
    [TestCase("csr", TestName = "help-csr-to-text")]
    [TestCase("csr create", TestName = "help-csr-create-to-text")]
    [TestCase("csr lint-config", TestName = "help-csr-lint-config-to-text")]
    [TestCase("pfx create", TestName = "help-pfx-create-to-text")]
    [TestCase("import-check", TestName = "help-import-check-to-text")]
    [TestCase("digests", TestName = "help-digests-to-text")]
    public void Help_WhenAsked_HasExitCodesExamplesAndJson(string verb)
    {
        var run = HarnessRun.Of([.. verb.Split(' '), "--help"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("Exit codes: 0").And.Contain("Examples:").And.Contain("certharness " + verb).And.Contain("--json"));
    }
}
