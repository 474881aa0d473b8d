BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Cmdlets = 'Test-IcCertificateFolder', 'Get-IcCertificate', 'Test-IcCertificateChain', 'Get-IcCertificateDigest',
        'Backup-IcCertificateFolder', 'Get-IcCertificateBackup', 'Restore-IcCertificateFolder', 'Invoke-IcCertificateSafeInstall'
}

Describe 'The CertInstaller module' {
    It 'has a manifest Test-ModuleManifest accepts' {
        $manifest = Test-ModuleManifest (Join-Path $Modules 'CertInstaller/CertInstaller.psd1') -ErrorAction Stop
        $manifest.Name | Should -Be 'CertInstaller'
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'imports by name and exports the cmdlets' {
        $exported = (Get-Module CertInstaller).ExportedCmdlets.Keys
        foreach ($name in $Cmdlets) { $exported | Should -Contain $name }
    }

    It 'gives examples in the help of <_>' -ForEach @(
        'Test-IcCertificateFolder', 'Get-IcCertificate', 'Test-IcCertificateChain', 'Get-IcCertificateDigest',
        'Backup-IcCertificateFolder', 'Get-IcCertificateBackup', 'Restore-IcCertificateFolder', 'Invoke-IcCertificateSafeInstall') {
        $help = Get-Help $_ -Examples
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+ \[' # not the syntax PowerShell makes up when no help is found
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $help.Examples.Example[0].Code | Should -Match $_
    }

    It 'declares Restore-IcCertificateFolder high impact with -WhatIf and -Confirm' {
        $command = Get-Command Restore-IcCertificateFolder
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }
}
