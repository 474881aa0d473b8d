BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # The progress stream cannot be piped; a PowerShell instance collects it (Streams.Progress).
    function Get-ProgressOf([string] $Script) {
        $ps = [powershell]::Create()
        try {
            $ps.AddScript("Import-Module CertInstaller; $Script") | Out-Null
            $ps.Invoke() | Out-Null
            $ps.Streams.Error | Should -BeNullOrEmpty
            @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Write-Progress from long work' {
    It 'reports files done of the total and completes, for <Name>' -ForEach @(
        @{ Name = 'Test-IcCertificateFolder'; Script = 'Test-IcCertificateFolder "{0}" -Summary' },
        @{ Name = 'Get-IcCertificateDigest'; Script = 'Get-IcCertificateDigest "{0}"' },
        @{ Name = 'Backup-IcCertificateFolder'; Script = 'Backup-IcCertificateFolder "{0}" "{1}"' }) {
        $records = Get-ProgressOf ($Script -f $Sample, (Join-Path $TestDrive ('b' + [guid]::NewGuid().ToString('n'))))
        $records.Count | Should -BeGreaterThan 1
        $records[0].Activity | Should -BeLike "$Name *"
        @($records | Where-Object StatusDescription -Match '^\d+/\d+ files').Count | Should -BeGreaterThan 0
        $records[-1].RecordType | Should -Be 'Completed'
    }
}
