@{
    RootModule           = 'CertInstaller.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d2a0e-3c8b-4e57-9d0a-2b7c4f1e9a31'
    Author               = 'CertInstaller'
    CompanyName          = 'CertInstaller'
    Copyright            = '(c) CertInstaller. All rights reserved.'
    Description          = 'IC (PureConnect) certificates folders as objects: validate, inspect, chains, digests, snapshots and the safe-install wrapper.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('CertInstaller.format.ps1xml')
    CmdletsToExport      = @(
        'Test-IcCertificateFolder',
        'Get-IcCertificate',
        'Test-IcCertificateChain',
        'Get-IcCertificateDigest',
        'Backup-IcCertificateFolder',
        'Get-IcCertificateBackup',
        'Restore-IcCertificateFolder',
        'Invoke-IcCertificateSafeInstall'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('PureConnect', 'InteractionCenter', 'Certificates', 'PKI')
        }
    }
}
