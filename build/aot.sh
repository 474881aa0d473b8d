#!/usr/bin/env bash
# NativeAOT certharness for linux-x64: one self-contained native binary, no .NET runtime needed to run it.
# Needs clang and lld (Debian: apt-get install -y clang lld); the ILCompiler package comes from NuGet with the SDK's
# own version. Trim and AOT warnings are errors (TreatWarningsAsErrors), so a clean publish is an AOT-safe harness.
# Every RID-specific publish of the harness is NativeAOT (its csproj sets PublishAot), so this is the same compile as
# the release exe's and the tool package's: test.sh runs it before the tests, and ToolPackageTests' `dotnet pack -r
# linux-x64` then finds the native compile up to date instead of doing it again.
# Usage: build/aot.sh [OUTPUT_DIR]   (default artifacts/aot/linux-x64; the binary is OUTPUT_DIR/certharness)
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-artifacts/aot/linux-x64}
for tool in clang lld; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build/aot.sh: $tool is missing: apt-get install -y clang lld" >&2; exit 2; }
done
dotnet publish harness/CertInstaller.Harness -c Release -r linux-x64 -o "$output" -nologo
echo "built $output/certharness ($(du -h "$output/certharness" | cut -f1))"
