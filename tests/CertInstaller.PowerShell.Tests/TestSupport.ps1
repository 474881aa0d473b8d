# Shared by the *.Tests.ps1 files: loads the module the way an admin does (by name from PSModulePath) and makes folders
# with openssl. CERTINSTALLER_MODULES / CERTINSTALLER_SAMPLE come from run.sh (or the Windows workflow).

$script:Modules = $env:CERTINSTALLER_MODULES
$script:Sample = $env:CERTINSTALLER_SAMPLE
if (-not $Modules -or -not (Test-Path (Join-Path $Modules 'CertInstaller/CertInstaller.psd1'))) {
    throw 'CERTINSTALLER_MODULES must name the folder holding the published CertInstaller module (run run.sh)'
}
if (($env:PSModulePath -split [IO.Path]::PathSeparator) -notcontains $Modules) {
    $env:PSModulePath = $Modules + [IO.Path]::PathSeparator + $env:PSModulePath
}
Import-Module CertInstaller -Force -ErrorAction Stop

function Invoke-OpenSsl {
    & openssl @args 2>$null
    if ($LASTEXITCODE -ne 0) { throw "openssl $args failed" }
}

# A CA and a leaf signed by it, PEM, made by openssl: ca.cer, ca.key, leaf.cer, leaf.key, leaf.csr, leaf.pfx (password 'pw').
function New-OpenSslPki([string] $Dir, [int] $LeafDays = 365) {
    New-Item -ItemType Directory -Force $Dir | Out-Null
    Push-Location $Dir
    try {
        Invoke-OpenSsl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.cer -days 3650 -subj '/CN=Test Root CA' `
            -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign'
        Invoke-OpenSsl req -new -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj '/CN=ic1.example.com' `
            -addext 'subjectAltName=DNS:ic1.example.com'
        Invoke-OpenSsl x509 -req -in leaf.csr -CA ca.cer -CAkey ca.key -CAcreateserial -out leaf.cer -days $LeafDays `
            -copy_extensions copy
        Invoke-OpenSsl pkcs12 -export -inkey leaf.key -in leaf.cer -certfile ca.cer -out leaf.pfx -passout pass:pw
    }
    finally { Pop-Location }
}

# A byte-for-byte picture of a folder: every file's relative path and SHA-256.
function Get-FolderPicture([string] $Dir) {
    $full = (Resolve-Path $Dir).ProviderPath
    Get-ChildItem -LiteralPath $full -Recurse -File -Force | Sort-Object FullName | ForEach-Object {
        '{0} {1}' -f $_.FullName.Substring($full.Length), (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash
    }
}
