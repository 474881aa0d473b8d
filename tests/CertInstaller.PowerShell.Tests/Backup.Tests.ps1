BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

Describe 'Backup-, Get-IcCertificateBackup and Restore-IcCertificateFolder' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ('certs' + [guid]::NewGuid().ToString('n').Substring(0, 6))
        $script:Root = Join-Path $TestDrive ('backups' + [guid]::NewGuid().ToString('n').Substring(0, 6))
        Copy-Item $Sample $Folder -Recurse
        New-OpenSslPki (Join-Path $TestDrive 'tp')
        Copy-Item (Join-Path $TestDrive 'tp/leaf.cer') (Join-Path $Folder 'CSRs-signed.cer')
    }

    It 'snapshots a folder and lists the snapshot as intact' {
        $s = Backup-IcCertificateFolder $Folder $Root -Reason 'before patch'
        $s | Should -BeOfType 'CertInstaller.PowerShell.Objects.IcSnapshot'
        $s.Intact | Should -BeTrue
        $s.Reason | Should -Be 'before patch'
        $s.Files | Should -Be @(Get-ChildItem $Folder -Recurse -File).Count
        $listed = Get-IcCertificateBackup $Root
        $listed.Id | Should -Be $s.Id
        $listed.Intact | Should -BeTrue
    }

    It 'changes nothing under -WhatIf and says what it would change' {
        $s = Backup-IcCertificateFolder $Folder $Root
        Set-Content (Join-Path $Folder 'ServerGroup/ServerGroupCertificate.cer') 'regenerated'
        Set-Content (Join-Path $Folder 'new.txt') 'added'
        $before = Get-FolderPicture $Folder
        $rootBefore = Get-FolderPicture $Root
        # "What if:" goes to the host, not to a stream: a transcript records it.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        Restore-IcCertificateFolder $Folder $Root -WhatIf
        Stop-Transcript | Out-Null
        $said = Get-Content $transcript -Raw
        Get-FolderPicture $Folder | Should -Be $before
        Get-FolderPicture $Root | Should -Be $rootBefore
        @($before).Count | Should -BeGreaterThan 10
        $said | Should -Match 'Replaced\s+ServerGroup/ServerGroupCertificate.cer'
        $said | Should -Match 'Removed\s+new.txt'
    }

    It 'restores exactly with -Confirm:$false' {
        $picture = Get-FolderPicture $Folder
        $s = Backup-IcCertificateFolder $Folder $Root
        Set-Content (Join-Path $Folder 'ServerGroup/ServerGroupCertificate.cer') 'regenerated'
        Remove-Item (Join-Path $Folder 'CSRs-signed.cer')
        Set-Content (Join-Path $Folder 'new.txt') 'added'
        $r = Restore-IcCertificateFolder $Folder $Root -Confirm:$false
        Get-FolderPicture $Folder | Should -Be $picture
        $r.SnapshotId | Should -Be $s.Id
        ($r.Files | Where-Object Path -eq 'new.txt').Action | Should -Be 'Removed'
        ($r.Files | Where-Object Path -eq 'CSRs-signed.cer').Action | Should -Be 'Restored'
        ($r.Files | Where-Object Path -eq 'ServerGroup/ServerGroupCertificate.cer').Action | Should -Be 'Replaced'
    }

    It 'says (verbose) that a snapshot without the store record cannot tell the stores, and restores all the same' {
        $s = Backup-IcCertificateFolder $Folder $Root
        # A manifest written before issue 27 has no "store" section.
        $manifest = Join-Path $Root "$($s.Id)/manifest.json"
        $json = [System.Text.Json.Nodes.JsonNode]::Parse((Get-Content $manifest -Raw)).AsObject()
        $json.Remove('store') | Should -BeTrue
        [System.IO.File]::WriteAllText($manifest, $json.ToJsonString())
        Remove-Item (Join-Path $Folder 'CSRs-signed.cer')
        $out = Restore-IcCertificateFolder $Folder $Root -Confirm:$false -Verbose 4>&1
        $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($said -match '^CI13056 ').Count | Should -Be 1
        Test-Path (Join-Path $Folder 'CSRs-signed.cer') | Should -BeTrue
    }

    It 'restores third-party files only with -ThirdPartyOnly' {
        Backup-IcCertificateFolder $Folder $Root -Preserve 'CSRs-signed.cer' | Out-Null
        Remove-Item (Join-Path $Folder 'CSRs-signed.cer')
        Set-Content (Join-Path $Folder 'new.txt') 'kept'
        $r = Restore-IcCertificateFolder $Folder $Root -ThirdPartyOnly -Confirm:$false
        Test-Path (Join-Path $Folder 'CSRs-signed.cer') | Should -BeTrue
        Test-Path (Join-Path $Folder 'new.txt') | Should -BeTrue
        $r.Scope | Should -Be 'Subset'
    }

    It 'writes CI10005 for an unknown snapshot, in Get- and Restore-' {
        Backup-IcCertificateFolder $Folder $Root | Out-Null
        Get-IcCertificateBackup $Root -Id 'nope' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI10005,SnapshotNotFound*'
        $before = Get-FolderPicture $Folder
        $thrown = { Restore-IcCertificateFolder $Folder $Root -Id 'nope' -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'CI10005,SnapshotNotFound,*'
        Get-FolderPicture $Folder | Should -Be $before
    }

    It 'writes CI10005 when a backup root holds no snapshot' {
        New-Item -ItemType Directory $Root | Out-Null
        Restore-IcCertificateFolder $Folder $Root -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI10005,*'
    }

    It 'refuses a tampered snapshot with CI10006 and leaves the folder as it was' {
        $s = Backup-IcCertificateFolder $Folder $Root
        $file = Get-ChildItem (Join-Path $s.Path 'files') -Recurse -File | Select-Object -First 1
        Set-Content $file.FullName 'tampered'
        (Get-IcCertificateBackup $Root).Intact | Should -BeFalse
        Set-Content (Join-Path $Folder 'new.txt') 'added'
        $before = Get-FolderPicture $Folder
        Restore-IcCertificateFolder $Folder $Root -Id $s.Id -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CI10006,SnapshotInvalid*'
        Get-FolderPicture $Folder | Should -Be $before
    }
}

Describe 'The backup cmdlets'' parameters (declared once in their shared base, IcFolderBackupCmdlet)' {
    It 'keeps the syntax of <Name>' -ForEach @(
        @{ Name = 'Backup-IcCertificateFolder'; Syntax = 'Backup-IcCertificateFolder [-Path] <string> [-BackupRoot] <string> [-Reason <string>] [-Preserve <string[]>] [-WhatIf] [-Confirm] [<CommonParameters>]' }
        @{ Name = 'Get-IcCertificateBackup'; Syntax = 'Get-IcCertificateBackup [-BackupRoot] <string> [[-Id] <string>] [<CommonParameters>]' }
        @{ Name = 'Restore-IcCertificateFolder'; Syntax = 'Restore-IcCertificateFolder [-Path] <string> [-BackupRoot] <string> [-Id <string>] [-ThirdPartyOnly] [-WhatIf] [-Confirm] [<CommonParameters>]' }
    ) {
        (Get-Command $Name -Syntax).Trim() | Should -Be $Syntax # case aside: Windows PowerShell 5.1 may spell a type <String>
    }

    It 'binds <Parameter> of <Name> from the pipeline by property name, also as FullName' -ForEach @(
        @{ Name = 'Backup-IcCertificateFolder'; Parameter = 'Path' }
        @{ Name = 'Restore-IcCertificateFolder'; Parameter = 'Path' }
        @{ Name = 'Get-IcCertificateBackup'; Parameter = 'BackupRoot' }
    ) {
        $p = (Get-Command $Name).Parameters[$Parameter]
        $p.Aliases | Should -Be @('FullName')
        $p.ParameterSets['__AllParameterSets'].ValueFromPipelineByPropertyName | Should -BeTrue
        $p.ParameterSets['__AllParameterSets'].IsMandatory | Should -BeTrue
    }

    It 'takes a certificates folder from the pipeline into Backup-IcCertificateFolder' {
        $folder = Join-Path $TestDrive ('piped' + [guid]::NewGuid().ToString('n').Substring(0, 6))
        Copy-Item $Sample $folder -Recurse
        $root = Join-Path $TestDrive ('pipedroot' + [guid]::NewGuid().ToString('n').Substring(0, 6))

        $s = Get-Item $folder | Backup-IcCertificateFolder -BackupRoot $root

        $s.SourceFolder | Should -Be (Get-Item $folder).FullName.TrimEnd([IO.Path]::DirectorySeparatorChar)
        (Get-Item $root | Get-IcCertificateBackup).Id | Should -Be $s.Id
    }
}
