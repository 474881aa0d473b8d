using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>One PKI object found in a file; <see cref="Pem"/> tells whether it came from a PEM block.</summary>
public abstract record PkiObject(PkiObjectKind Kind, bool Pem);

/// <summary>An X.509 certificate.</summary>
public sealed record CertificateObject(X509Certificate Certificate, bool Pem) : PkiObject(PkiObjectKind.Certificate, Pem);

/// <summary>A PKCS#10 certificate signing request.</summary>
public sealed record CsrObject(Pkcs10CertificationRequest Request, bool Pem) : PkiObject(PkiObjectKind.Csr, Pem);

/// <summary>A private key and the encoding it was stored in.</summary>
public sealed record PrivateKeyObject(AsymmetricKeyParameter Key, KeyFormat Format, bool Pem) : PkiObject(PkiObjectKind.PrivateKey, Pem);

/// <summary>A bare public key.</summary>
public sealed record PublicKeyObject(AsymmetricKeyParameter Key, bool Pem) : PkiObject(PkiObjectKind.PublicKey, Pem);

/// <summary>A PKCS#12 container: its certificates (in file order) and private keys.</summary>
public sealed record Pkcs12Object(IReadOnlyList<X509Certificate> Certificates, IReadOnlyList<AsymmetricKeyParameter> Keys)
    : PkiObject(PkiObjectKind.Pkcs12, false);

/// <summary>A PKCS#7 bundle and its certificates in file order.</summary>
public sealed record Pkcs7Object(IReadOnlyList<X509Certificate> Certificates, bool Pem) : PkiObject(PkiObjectKind.Pkcs7, Pem);
