#!/usr/bin/env bash
# Benchmark: `certharness digests DIR --verify-chains` over N generated certificates (default 2000) under a shared
# root → intermediate → leaf hierarchy, in one process, against `openssl verify` run once per leaf file.
# Prints wall and CPU (user+sys) time of both, and the ratios. CPU time is the fairer figure on a shared machine.
# Usage: bench/chains.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
runs=${2:-3}
out=artifacts/bench
mkdir -p "$out"

echo "publishing certharness (Release, ReadyToRun)..."
dotnet publish harness/CertInstaller.Harness -c Release -r linux-x64 --self-contained false -o "$out/certharness" -nologo -v q >/dev/null
harness="$out/certharness/certharness"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$harness" sample "$dir" --leaves "$count" >/dev/null
files=$(find "$dir" -name '*.cer' | wc -l)
echo "folder: $files certificates ($count leaves + intermediate + root); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

best_wall=""; best_cpu=""
for ((i = 1; i <= runs; i++)); do
  set +e
  /usr/bin/time -f "%e %U %S" -o "$out/time.txt" \
    "$harness" digests "$dir" --verify-chains --trust "$dir/root.cer" --timings >"$out/digests.txt" 2>"$out/timings.txt"
  code=$?
  set -e
  read -r wall user sys <"$out/time.txt"
  cpu=$(echo "$user + $sys" | bc -l)
  printf 'certharness run %d: %.2f s wall, %.2f s CPU (exit %d; %s)\n' "$i" "$wall" "$cpu" "$code" "$(cat "$out/timings.txt")"
  if [ -z "$best_wall" ] || (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; fi
  if [ -z "$best_cpu" ] || (( $(echo "$cpu < $best_cpu" | bc -l) )); then best_cpu=$cpu; fi
done
tail -2 "$out/digests.txt"

find "$dir" -path '*leaves*' -name '*.cer' | sort >"$out/leaves.txt"
/usr/bin/time -f "%e %U %S" -o "$out/time.txt" bash -c '
  failed=0
  while IFS= read -r f; do
    openssl verify -CAfile "$1/root.cer" -untrusted "$1/intermediate.cer" "$f" >/dev/null 2>&1 || failed=$((failed + 1))
  done <"$2"
  echo "$failed" >"$3"' _ "$dir" "$out/leaves.txt" "$out/failed.txt"
read -r owall ouser osys <"$out/time.txt"
ocpu=$(echo "$ouser + $osys" | bc -l)

printf '\ncertharness digests --verify-chains, %d certificates, 1 process: %6.2f s wall, %6.2f s CPU (best of %d)\n' "$files" "$best_wall" "$best_cpu" "$runs"
printf 'openssl verify, once per leaf file, %d processes (%d failed): %6.2f s wall, %6.2f s CPU\n' "$count" "$(cat "$out/failed.txt")" "$owall" "$ocpu"
printf 'ratio: %.1fx faster (wall), %.1fx less CPU\n' "$(echo "$owall / $best_wall" | bc -l)" "$(echo "$ocpu / $best_cpu" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
