BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Pki = Join-Path $TestDrive 'pki'
    New-OpenSslPki $Pki -LeafDays 20
}

Describe 'Get-IcCertificate' {
    It 'reads an openssl certificate as an object with its properties' {
        $c = Get-IcCertificate (Join-Path $Pki 'leaf.cer')
        $c | Should -BeOfType 'CertInstaller.PowerShell.Objects.IcCertificate'
        $c.Kind | Should -Be 'Certificate'
        $c.Subject | Should -Match 'ic1.example.com'
        $c.Issuer | Should -Match 'Test Root CA'
        $c.DnsNames | Should -Be @('ic1.example.com')
        $c.KeyAlgorithm | Should -Be 'RSA'
        $c.KeySize | Should -Be 2048
        $c.Digest | Should -Be 'SHA-256'
        $c.IsCa | Should -BeFalse
        $c.NotAfter | Should -BeOfType [datetime]
        $c.NotAfter | Should -BeGreaterThan (Get-Date).ToUniversalTime().AddDays(19)
        $c.NotAfter | Should -BeLessThan (Get-Date).ToUniversalTime().AddDays(21)
        $expected = (& openssl x509 -in (Join-Path $Pki 'leaf.cer') -noout -fingerprint -sha256) -replace '.*=', '' -replace ':', ''
        $c.Sha256.ToUpperInvariant() | Should -Be $expected
    }

    It 'reads keys, CSRs and PKCS#12 as typed objects' {
        $key = Get-IcCertificate (Join-Path $Pki 'leaf.key')
        $key.Kind | Should -Be 'PrivateKey'
        $key.KeySize | Should -Be 2048
        $csr = Get-IcCertificate (Join-Path $Pki 'leaf.csr')
        $csr | Should -BeOfType 'CertInstaller.PowerShell.Objects.IcCertificateRequest'
        $csr.SignatureValid | Should -BeTrue
        $csr.DnsNames | Should -Be @('ic1.example.com')
        $pfx = Get-IcCertificate (Join-Path $Pki 'leaf.pfx') -Password (ConvertTo-SecureString pw -AsPlainText -Force)
        $pfx.Kind | Should -Be 'Pkcs12'
        $pfx.KeyCount | Should -Be 1
        $pfx.Certificates.Subject | Should -Contain 'CN = ic1.example.com'
    }

    It 'takes files from Get-ChildItem and filters on NotAfter in the pipeline' {
        Push-Location $Pki
        try {
            $soon = Get-ChildItem *.cer | Get-IcCertificate | Where-Object NotAfter -lt (Get-Date).AddDays(30)
        }
        finally { Pop-Location }
        @($soon).Count | Should -Be 1
        $soon.Path | Should -BeLike '*leaf.cer'
    }

    It 'expands wildcards in -Path' {
        $all = Get-IcCertificate (Join-Path $Pki '*.cer')
        ($all.Path | ForEach-Object { Split-Path $_ -Leaf } | Sort-Object) | Should -Be @('ca.cer', 'leaf.cer')
    }

    It 'keeps the objects whole for ConvertTo-Json and Export-Csv' {
        $c = Get-IcCertificate (Join-Path $Pki 'ca.cer')
        ($c | ConvertTo-Json | ConvertFrom-Json).IsCa | Should -BeTrue
        $csv = Join-Path $TestDrive 'c.csv'
        $c | Export-Csv $csv -NoTypeInformation
        (Import-Csv $csv).Subject | Should -Be $c.Subject
    }

    It 'reports an unreadable file as an error record whose id starts with the registry code' {
        $missing = Join-Path $TestDrive 'missing.cer'
        $out = Get-IcCertificate $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI1101,*'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'reports a file that is not PKI data as CI1103 and goes on with the next file' {
        $junk = Join-Path $TestDrive 'junk.cer'
        Set-Content $junk 'not a certificate'
        $out = Get-IcCertificate $junk, (Join-Path $Pki 'ca.cer') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI1103,*'
        @($out).Count | Should -Be 1
    }

    It 'stops on -ErrorAction Stop' {
        $thrown = { Get-IcCertificate (Join-Path $TestDrive 'missing.cer') -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'CI1101,Unreadable,*'
    }
}
