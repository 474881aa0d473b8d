BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

Describe 'Test-IcCertificateFolder' {
    It 'finds nothing at error level in the sample folder and gives findings as objects' {
        $summary = Test-IcCertificateFolder $Sample -Summary
        $summary | Should -BeOfType 'CertInstaller.PowerShell.Objects.IcFolderSummary'
        $summary.Valid | Should -BeTrue
        $summary.Errors | Should -Be 0
        @(Test-IcCertificateFolder $Sample | Where-Object Severity -eq Error).Count | Should -Be 0
    }

    It 'reports expired certificates with -At, one object per finding with Code, Severity, Path, Message, Fix' {
        $findings = Test-IcCertificateFolder $Sample -At ([datetime]'2200-01-01')
        $expired = $findings | Where-Object Code -eq 'CI3002'
        @($expired).Count | Should -BeGreaterThan 0
        $expired[0].Name | Should -Be 'Expired'
        $expired[0].Severity | Should -Be 'Error'
        $expired[0].Path | Should -Match '\.cer$'
        $expired[0].Message | Should -Not -BeNullOrEmpty
        $expired[0].Fix | Should -Not -BeNullOrEmpty
        (Test-IcCertificateFolder $Sample -At ([datetime]'2200-01-01') -Summary).Valid | Should -BeFalse
    }

    It 'keeps findings whole for ConvertTo-Json' {
        $json = Test-IcCertificateFolder $Sample -At ([datetime]'2200-01-01') | ConvertTo-Json | ConvertFrom-Json
        ($json | Where-Object Code -eq 'CI3002' | Select-Object -First 1).Fix | Should -Not -BeNullOrEmpty
    }

    It 'judges warnings as failures with -Strict' {
        $folder = Join-Path $TestDrive 'strict'
        Copy-Item $Sample $folder -Recurse
        New-OpenSslPki (Join-Path $TestDrive 'soon') -LeafDays 10
        Copy-Item (Join-Path $TestDrive 'soon/leaf.cer') (Join-Path $folder 'HTTPS/soon.cer')
        $lenient = Test-IcCertificateFolder $folder -Summary
        $strict = Test-IcCertificateFolder $folder -Summary -Strict
        $lenient.Warnings | Should -BeGreaterThan 0
        $strict.FailAt | Should -Be 'Warning'
        $strict.Valid | Should -BeFalse
    }

    It 'compares the switchover peer with -Peer' {
        $twin = Join-Path $TestDrive 'twin'
        Copy-Item $Sample $twin -Recurse
        New-OpenSslPki (Join-Path $TestDrive 'stranger')
        (Test-IcCertificateFolder $Sample -Peer $twin).Code | Should -Not -Contain 'CI4001'
        (Test-IcCertificateFolder $Sample -Peer (Join-Path $TestDrive 'stranger')).Code | Should -Contain 'CI4001'
    }

    It 'takes a policy file' {
        $policy = Join-Path $TestDrive 'policy.json'
        '{ "failAt": "warning" }' | Set-Content $policy
        (Test-IcCertificateFolder $Sample -Policy $policy -Summary).FailAt | Should -Be 'Warning'
        (Test-IcCertificateFolder $Sample -Summary).FailAt | Should -Be 'Error'
    }

    It 'refuses a policy file it cannot use with the policy code' {
        $policy = Join-Path $TestDrive 'bad-policy.json'
        '{ "minDigets": "SHA-256" }' | Set-Content $policy
        $thrown = { Test-IcCertificateFolder $Sample -Policy $policy } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'CI14005,PolicySettingUnknown,*'
        $thrown.Exception.Message | Should -BeLike "*$policy*"
    }

    It 'refuses a baseline that is no snapshot with its backup code' {
        $thrown = { Test-IcCertificateFolder $Sample -Baseline (Join-Path $TestDrive 'no-snapshot') } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'CI100*'
    }

    It 'reports a damaged file of an openssl-made folder by its code' {
        $folder = Join-Path $TestDrive 'damaged'
        Copy-Item $Sample $folder -Recurse
        Set-Content (Join-Path $folder 'ServerGroup/ServerGroupCertificate.cer') 'garbage'
        $codes = (Test-IcCertificateFolder $folder).Code
        $codes | Should -Contain 'CI1001'
    }

    It 'reports a folder that is not a certificates folder' {
        New-OpenSslPki (Join-Path $TestDrive 'plain')
        (Test-IcCertificateFolder (Join-Path $TestDrive 'plain')).Code | Should -Contain 'CI1010'
    }

    It 'writes CI1009 for a missing folder and honours -ErrorAction' {
        $missing = Join-Path $TestDrive 'nope'
        Test-IcCertificateFolder $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI1009,FolderUnreadable*'
        $thrown = { Test-IcCertificateFolder $missing -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'CI1009,FolderUnreadable,*'
    }

    It 'takes folders from Get-ChildItem -Directory' {
        $root = Join-Path $TestDrive 'site'
        Copy-Item $Sample (Join-Path $root 'ic1') -Recurse
        Copy-Item $Sample (Join-Path $root 'ic2') -Recurse
        $summaries = Get-ChildItem $root -Directory | Test-IcCertificateFolder -Summary
        @($summaries).Count | Should -Be 2
        ($summaries.Folder | Split-Path -Leaf) | Should -Be @('ic1', 'ic2')
    }
}

Describe 'Test-IcCertificateChain' {
    BeforeAll {
        $script:Pki = Join-Path $TestDrive 'chainpki'
        New-OpenSslPki $Pki
    }

    It 'verifies an openssl chain and gives the path as objects' {
        $r = Test-IcCertificateChain (Join-Path $Pki 'leaf.cer') -Trust (Join-Path $Pki 'ca.cer')
        $r.Valid | Should -BeTrue
        $r.Path.Count | Should -Be 2
        $r.Path[0] | Should -Match 'ic1.example.com'
        $r.Anchor | Should -Match 'Test Root CA'
        $r.Problems.Count | Should -Be 0
    }

    It 'reports an expired chain by code' {
        $r = Test-IcCertificateChain (Join-Path $Pki 'leaf.cer') -Trust (Join-Path $Pki 'ca.cer') -At ([datetime]'2200-01-01')
        $r.Valid | Should -BeFalse
        $r.Problems.Code | Should -Match '^CI31\d\d$'
    }

    It 'reports a leaf that is not trusted' {
        New-OpenSslPki (Join-Path $TestDrive 'other')
        $r = Test-IcCertificateChain (Join-Path $Pki 'leaf.cer') -Trust (Join-Path $TestDrive 'other/ca.cer')
        $r.Valid | Should -BeFalse
        @($r.Problems).Count | Should -BeGreaterThan 0
    }
}

Describe 'Get-IcCertificateDigest' {
    It 'lists the digest of every certificate of the sample' {
        $digests = Get-IcCertificateDigest $Sample
        @($digests).Count | Should -BeGreaterThan 3
        $digests | ForEach-Object { $_.Digest | Should -Be 'SHA-256'; $_.Ok | Should -BeTrue }
    }

    It 'flags SHA-1 certificates made by openssl' {
        $dir = Join-Path $TestDrive 'sha1'
        New-Item -ItemType Directory $dir | Out-Null
        Invoke-OpenSsl req -x509 -newkey rsa:2048 -nodes -sha1 -keyout (Join-Path $dir 'old.key') -out (Join-Path $dir 'old.cer') -days 30 -subj '/CN=old'
        $d = Get-IcCertificateDigest $dir | Where-Object Path -eq 'old.cer'
        $d.Digest | Should -Be 'SHA-1'
        $d.Ok | Should -BeFalse
        (Get-IcCertificateDigest $dir -Minimum SHA-1 | Where-Object Path -eq 'old.cer').Ok | Should -BeTrue
    }

    It 'compares with a baseline folder' {
        $before = Join-Path $TestDrive 'before'
        Copy-Item $Sample $before -Recurse
        $changes = Get-IcCertificateDigest $Sample -Baseline $before
        @($changes).Count | Should -BeGreaterThan 0
        $changes.Change | Sort-Object -Unique | Should -Be @('Unchanged')
    }
}
