#!/usr/bin/env bash
# Release builds: self-contained single-file certharness and certinstaller-action per runtime, and the certharness
# .NET tool package. Output:
#   artifacts/release/<rid>/certharness[.exe], certinstaller-action[.exe]   (no .NET runtime needed on the target)
#   artifacts/release/certharness.<version>.nupkg                           (dotnet tool install ... certharness)
#   artifacts/release/CertInstaller.wixlib                                  (only where it was built: Windows)
# Usage: build/release.sh [rid ...]      default: linux-x64. The Windows workflow runs it with win-x64 after the
# solution build, so the wixlib sits next to the exes. NativeAOT is build/aot.sh's business, not this script's.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rids=("$@")
((${#rids[@]})) || rids=(linux-x64)
out=artifacts/release
configuration=Release

for rid in "${rids[@]}"; do
  dir="$out/$rid"
  rm -rf "$dir"
  for project in harness/CertInstaller.Harness src/CertInstaller.ActionHost; do
    echo "release.sh: $project for $rid"
    # Single file, self-contained; the harness is ReadyToRun (its csproj turns it on for any RID). No .pdb next to
    # the exe: the symbols stay in the project's obj/ for the build that made them.
    dotnet publish "$project" -c "$configuration" -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:DebugType=none -o "$dir" --nologo -nodeReuse:false -v quiet
  done
done

echo "release.sh: certharness tool package"
dotnet pack harness/CertInstaller.Harness -c "$configuration" -o "$out" --nologo -nodeReuse:false -v quiet

wixlib=installer/bin/$configuration/CertInstaller.wixlib
if [ -f "$wixlib" ]; then cp "$wixlib" "$out/"; fi

# The version and commit every piece was built from, checked on the harness built for this machine if there is one.
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] && [ -x "$out/linux-x64/certharness" ]; then "$out/linux-x64/certharness" --version; fi
find "$out" -maxdepth 2 -type f | sort
