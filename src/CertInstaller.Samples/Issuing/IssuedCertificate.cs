using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Samples.Issuing;

/// <summary>A certificate together with the key pair of its subject.</summary>
public sealed record IssuedCertificate(X509Certificate Certificate, AsymmetricCipherKeyPair Keys);
