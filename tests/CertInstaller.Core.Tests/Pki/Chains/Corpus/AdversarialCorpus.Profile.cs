namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

internal static partial class AdversarialCorpus
{
    private static partial IEnumerable<CorpusCase> ProfileSets()
    {
        yield break;
    }
}
