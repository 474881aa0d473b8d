namespace CertInstaller.Harness.Tests;

/// <summary>Deletes the shared golden fixture once, after every test of the assembly: the golden transcripts and the
/// pipeline-output tests both read it, so no one fixture's teardown may remove it under the other.</summary>
[SetUpFixture]
public sealed class SharedFixtureCleanup
{
    [OneTimeTearDown]
    public void DeleteFixture() => Golden.GoldenSite.DeleteIfBuilt();
}
