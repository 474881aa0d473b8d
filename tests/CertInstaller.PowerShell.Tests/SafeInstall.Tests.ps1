BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # An "installer" that regenerates the Server Group certificate and fails (43: Unix exit codes stop at 255), or succeeds.
    function Get-Installer([string] $Folder, [int] $ExitCode) {
        if ($IsLinux -or $IsMacOS) {
            'sh', '-c', "echo regenerated > `"`$0/ServerGroup/ServerGroupCertificate.cer`"; exit $ExitCode", $Folder
        }
        else {
            'powershell.exe', '-NoProfile', '-Command', "Set-Content '$Folder\ServerGroup\ServerGroupCertificate.cer' regenerated; exit $ExitCode"
        }
    }
}

Describe 'Invoke-IcCertificateSafeInstall' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ('certs' + [guid]::NewGuid().ToString('n').Substring(0, 6))
        $script:Root = Join-Path $TestDrive ('backups' + [guid]::NewGuid().ToString('n').Substring(0, 6))
        Copy-Item $Sample $Folder -Recurse
    }

    It 'restores the folder exactly when the installer fails' {
        $picture = Get-FolderPicture $Folder
        $program, $arguments = Get-Installer $Folder 43
        $r = Invoke-IcCertificateSafeInstall $Folder $program $arguments -BackupRoot $Root -Confirm:$false
        $r.Outcome | Should -Be 'InstallerFailed'
        $r.InstallerExitCode | Should -Be 43
        $r.Restored | Should -BeTrue
        $r.SnapshotId | Should -Not -BeNullOrEmpty
        Get-FolderPicture $Folder | Should -Be $picture
        (Get-IcCertificateBackup $Root).Id | Should -Contain $r.SnapshotId
    }

    It 'keeps what a successful installer made and reports success' {
        $program, $arguments = Get-Installer $Folder 0
        $r = Invoke-IcCertificateSafeInstall $Folder $program $arguments -BackupRoot $Root -Validation off
        $r.Outcome | Should -Be 'Succeeded'
        $r.ExitCode | Should -Be 0
        $r.Restored | Should -BeFalse
    }

    It 'runs nothing under -WhatIf' {
        $picture = Get-FolderPicture $Folder
        $program, $arguments = Get-Installer $Folder 43
        Invoke-IcCertificateSafeInstall $Folder $program $arguments -BackupRoot $Root -WhatIf | Should -BeNullOrEmpty
        Get-FolderPicture $Folder | Should -Be $picture
        Test-Path $Root | Should -BeFalse
    }
}
