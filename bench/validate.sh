#!/usr/bin/env bash
# Benchmark: `certharness validate` of a typical IC certificates folder (about 200 files: third-party Server Group,
# 60 remote subsystem folders), as a whole process, best and median of R runs. Budget: under 1 s wall.
# Usage: bench/validate.sh [peers] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
peers=${1:-60}
runs=${2:-7}
out=artifacts/bench
mkdir -p "$out"
echo "publishing certharness (Release)..."
dotnet publish harness/CertInstaller.Harness -c Release -r linux-x64 --self-contained false -o "$out/certharness" -nologo -v q >/dev/null
harness="$out/certharness/certharness"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$harness" sample "$dir/Certificates" --trust thirdparty-servergroup --peers "$peers"
echo "folder: $(find "$dir/Certificates" -type f | wc -l) files"
times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  "$harness" validate "$dir/Certificates" --json >"$out/validate.json" || { echo "validate exited $?"; cat "$out/validate.json"; exit 1; }
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "validate (whole process): best ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms over $runs runs (budget 1000 ms)"
grep -c '"code"' "$out/validate.json" | xargs echo "findings:"
