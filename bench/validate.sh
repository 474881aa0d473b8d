#!/usr/bin/env bash
# `certharness validate` of the typical IC certificates folder (196 files: third-party Server Group, 60 remote
# subsystem folders), whole process: wall, CPU (user+sys), peak RSS, best and median of RUNS, for the JIT build
# (ReadyToRun) and, when clang is installed, the NativeAOT build. Goal (issue 10): under 100 ms.
# Usage: bench/validate.sh [PEERS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
peers=${1:-60}
runs=${2:-7}
publish_jit
publish_aot
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$jit" sample "$dir/Certificates" --trust thirdparty-servergroup --peers "$peers" >/dev/null
files=$(find "$dir/Certificates" -type f | wc -l)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
header "validate, $files-file folder, whole process"
for build in jit aot; do
  exe=${!build}
  [ -n "$exe" ] || continue
  measure "certharness validate ($build)" "$runs" "$exe" validate "$dir/Certificates" --json
  grep -q '"valid": true' "$out/run.out" || { echo "validate did not say valid: $(head -c 300 "$out/run.out")" >&2; exit 1; }
  printf '  goal < 100 ms: %s\n' "$([ "$BW" -lt 100 ] && echo met || echo "NOT met") ($BW ms best wall)"
done
