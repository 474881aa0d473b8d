#!/usr/bin/env bash
# Release builds: NativeAOT certharness and certinstaller-action per runtime, and the certharness .NET tool packages.
# Output:
#   artifacts/release/<rid>/certharness[.exe], certinstaller-action[.exe]   (native programs: no .NET runtime needed)
#   artifacts/release/certharness.<version>.nupkg          the tool's pointer package (`dotnet tool install certharness`)
#   artifacts/release/certharness.<rid>.<version>.nupkg    the NativeAOT tool for each RID built here
#   artifacts/release/certharness.any.<version>.nupkg      framework-dependent fallback for every other RID (Linux run)
#   artifacts/release/CertInstaller.wixlib                 (only where it was built: Windows)
# NativeAOT does not cross-compile between operating systems, so each OS builds its own RIDs: Linux runs this with
# linux-x64 (the default), the Windows workflow with win-x64 after its solution build (so the wixlib sits next to the
# exes). The pointer package names linux-x64, win-x64 and any (ToolPackageRuntimeIdentifiers in the harness csproj);
# a release feed gets the pointer and `any` from the Linux run and each RID package from its own OS.
# Needs clang and lld on Linux (apt-get install -y clang lld), Visual Studio's C++ tools on Windows.
# Usage: build/release.sh [rid ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rids=("$@")
((${#rids[@]})) || rids=(linux-x64)
out=artifacts/release
configuration=Release
case "$(uname -s)" in
  Linux) host_os=linux ;;
  Darwin) host_os=osx ;;
  MINGW* | MSYS* | CYGWIN*) host_os=win ;;
  *) host_os=unknown ;;
esac
if [ "$host_os" = linux ]; then
  for tool in clang ld.lld; do
    command -v "$tool" >/dev/null 2>&1 || { echo "release.sh: $tool is missing (NativeAOT links with it): apt-get install -y clang lld" >&2; exit 2; }
  done
fi

for rid in "${rids[@]}"; do
  if [ "${rid%%-*}" != "$host_os" ]; then
    echo "release.sh: $rid cannot be built on this $host_os machine: NativeAOT does not cross-compile between operating systems; run build/release.sh $rid on ${rid%%-*}" >&2
    exit 2
  fi
  dir="$out/$rid"
  rm -rf "$dir"
  for project in harness/CertInstaller.Harness src/CertInstaller.ActionHost; do
    echo "release.sh: $project for $rid (NativeAOT)"
    # No symbols next to the program: they stay in the project's obj/ for the build that made them.
    dotnet publish "$project" -c "$configuration" -r "$rid" -p:Aot=true -p:DebugType=none -o "$dir" \
      --nologo -nodeReuse:false -v quiet
  done
  echo "release.sh: certharness.$rid tool package (NativeAOT)"
  dotnet pack harness/CertInstaller.Harness -c "$configuration" -r "$rid" -p:DebugType=none -o "$out" --nologo -nodeReuse:false -v quiet
done

echo "release.sh: certharness tool packages: the pointer and the framework-dependent fallback (any)"
dotnet pack harness/CertInstaller.Harness -c "$configuration" -o "$out" --nologo -nodeReuse:false -v quiet
if [ "$host_os" = linux ]; then
  dotnet pack harness/CertInstaller.Harness -c "$configuration" -r any -p:DebugType=none -o "$out" --nologo -nodeReuse:false -v quiet
fi

wixlib=installer/bin/$configuration/CertInstaller.wixlib
if [ -f "$wixlib" ]; then cp "$wixlib" "$out/"; fi

# The version, commit and runtime form every piece was built from, checked on the harness built for this machine.
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] && [ -x "$out/linux-x64/certharness" ]; then "$out/linux-x64/certharness" --version; fi
find "$out" -maxdepth 2 -type f | sort
