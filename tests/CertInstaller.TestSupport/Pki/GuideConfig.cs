namespace CertInstaller.Harness.Tests;

/// <summary>An OpenSSL.cnf of the PureConnect guide's shape: numbered OU defaults, [alt_names] with DNS and IP, req_extensions commented out.</summary>
public static class GuideConfig
{
    public const string Text = """
        HOME = .
        [ req ]
        default_bits = 2048
        default_md = sha256
        distinguished_name = req_distinguished_name
        # req_extensions = v3_req # The extensions to add to a certificate request

        [ req_distinguished_name ]
        countryName = Country Name (2 letter code)
        countryName_default = US
        0.organizationName = Organization Name (eg, company)
        0.organizationName_default = U.S. Government
        0.organizationalUnitName = Organizational Unit Name (eg, section)
        0.organizationalUnitName_default = DoD
        1.organizationalUnitName = Organizational Unit Name (eg, section)
        1.organizationalUnitName_default = PKI
        2.organizationalUnitName = Organizational Unit Name (eg, section)
        2.organizationalUnitName_default = CONTRACTOR
        commonName = Common Name (eg, YOUR name)
        commonName_default = ic1.example.gov
        commonName_max = 64

        [ v3_req ]
        basicConstraints = CA:FALSE
        keyUsage = nonRepudiation, digitalSignature, keyEncipherment
        subjectAltName = @alt_names

        [ alt_names ]
        DNS.1 = ic1.example.gov
        DNS.2 = ic1
        IP.1 = 10.0.0.5
        IP.2 = 2001:db8::5
        """;
}
