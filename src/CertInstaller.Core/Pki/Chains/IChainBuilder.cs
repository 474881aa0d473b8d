namespace CertInstaller.Core.Pki.Chains;

/// <summary>Builds and verifies a certificate path; never throws for bad certificates.</summary>
public interface IChainBuilder
{
    /// <summary>Builds the path from <see cref="ChainRequest.Leaf"/> to an anchor and reports every problem.</summary>
    ChainResult Build(ChainRequest request);
}
