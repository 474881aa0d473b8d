BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

# The README's fleet example runs this script block on every server through Invoke-Command -ComputerName. The test cannot
# reach other machines, so it runs the same block in parallel runspaces (each loads the module by name, as a server
# does from its PSModulePath) over several folders of this machine and asserts the per-folder results.
Describe 'The fleet example' {
    BeforeAll {
        $script:Check = {
            param([string] $Folder)
            Import-Module CertInstaller
            $summary = Test-IcCertificateFolder $Folder -Summary
            [pscustomobject]@{
                Folder   = $Folder
                Valid    = $summary.Valid
                Errors   = $summary.Errors
                Warnings = $summary.Warnings
                Codes    = @($summary.Findings | Where-Object Severity -eq 'Error' | ForEach-Object Code)
            }
        }
        $script:Site = Join-Path $TestDrive 'site'
        Copy-Item $Sample (Join-Path $Site 'ic1') -Recurse
        Copy-Item $Sample (Join-Path $Site 'ic2') -Recurse
        Set-Content (Join-Path $Site 'ic2/ServerGroup/ServerGroupCertificate.cer') 'garbage'
        New-Item -ItemType Directory (Join-Path $Site 'media1') | Out-Null
        $script:Folders = 'ic1', 'ic2', 'media1' | ForEach-Object { Join-Path $Site $_ }
    }

    It 'runs one check on every folder in parallel and reports per folder' {
        if ($PSVersionTable.PSVersion.Major -ge 7) {
            $block = $Check.ToString()
            $results = $Folders | ForEach-Object -ThrottleLimit 3 -Parallel {
                & ([scriptblock]::Create($using:block)) $_
            }
        }
        else {
            # Windows PowerShell 5.1 has no ForEach-Object -Parallel: background jobs, the same block.
            $results = $Folders | ForEach-Object { Start-Job -ScriptBlock $Check -ArgumentList $_ } | Receive-Job -Wait -AutoRemoveJob
        }
        $byFolder = @{}
        $results | ForEach-Object { $byFolder[(Split-Path $_.Folder -Leaf)] = $_ }
        $byFolder.Keys.Count | Should -Be 3
        $byFolder['ic1'].Valid | Should -BeTrue
        $byFolder['ic2'].Valid | Should -BeFalse
        $byFolder['ic2'].Codes | Should -Contain 'CI1001'
        $byFolder['media1'].Valid | Should -BeFalse
        $byFolder['media1'].Codes | Should -Contain 'CI1008'
    }
}
