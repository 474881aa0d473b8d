#!/usr/bin/env bash
# The Pester suite of the CertInstaller PowerShell module. Installs PowerShell 7.6.10 (the .NET tool; newer versions fail
# to install) into artifacts/pwsh, downloads Pester 5.7.1 (Pester.csproj), publishes the module folder, makes the
# harness's sample folder, then runs Invoke-Pester and writes NUnit XML to $1 (default artifacts/test-results/powershell.pester.xml).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/CertInstaller.PowerShell.Tests
out=${1:-$root/artifacts/test-results/powershell.pester.xml}
cd "$root"

tools=$root/artifacts/pwsh
if [ ! -x "$tools/pwsh" ]; then
  dotnet tool install PowerShell --version 7.6.10 --tool-path "$tools" >/dev/null
fi
dotnet restore "$here/Pester.csproj" >/dev/null
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
pester=$packages/pester/5.7.1/tools/Pester.psd1

# The module as an admin installs it: a folder named CertInstaller under a PSModulePath entry.
modules=$root/artifacts/powershell
rm -rf "$modules/CertInstaller"
dotnet publish src/CertInstaller.PowerShell -c Release -o "$modules/CertInstaller" >/dev/null

sample=$root/artifacts/powershell-tests/sample
rm -rf "$root/artifacts/powershell-tests"
dotnet run --project harness/CertInstaller.Harness -c Release -- sample "$sample" >/dev/null

mkdir -p "$(dirname "$out")"
CERTINSTALLER_MODULES=$modules CERTINSTALLER_SAMPLE=$sample "$tools/pwsh" -NoProfile -NonInteractive -Command "
  Import-Module '$pester' -RequiredVersion 5.7.1
  \$c = New-PesterConfiguration
  \$c.Run.Path = '$here'
  \$c.Run.Exit = \$true
  \$c.TestResult.Enabled = \$true
  \$c.TestResult.OutputFormat = 'NUnitXml'
  \$c.TestResult.OutputPath = '$out'
  \$c.Output.Verbosity = 'Normal'
  Invoke-Pester -Configuration \$c
"
