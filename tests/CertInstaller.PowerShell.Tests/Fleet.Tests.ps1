BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

# The README's fleet example runs this script block on every server through Invoke-Command -ComputerName. The test cannot
# reach other machines, so it runs the same block in parallel runspaces (each loads the module by name, as a server
# does from its PSModulePath) over several folders of this machine and asserts the per-folder results.
Describe 'The fleet example' {
    BeforeAll {
        # The README's block itself: the first powershell code block after the line that names this file.
        $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
        $after = $readme.Substring($readme.IndexOf('tests/CertInstaller.PowerShell.Tests/Fleet.Tests.ps1 runs this block'))
        $code = [regex]::Match($after, '(?s)```powershell\r?\n(.*?)```').Groups[1].Value
        $code | Should -Match '^\$check = \{'
        . ([scriptblock]::Create($code))
        $script:Check = $check
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
