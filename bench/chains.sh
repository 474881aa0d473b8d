#!/usr/bin/env bash
# Benchmark: `certharness digests DIR --verify-chains` over N generated certificates (default 2000) under a shared
# root → intermediate hierarchy, in one process, against `openssl verify` run once per certificate file.
# Prints the figures: best-of-R wall time of certharness, the openssl loop's wall time, and the ratio.
# Usage: bench/chains.sh [N] [R]
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
echo "folder: $files certificates ($count leaves + intermediate + root) in $dir"

now() { date +%s.%N; }
best=""
for ((i = 1; i <= runs; i++)); do
  start=$(now)
  set +e
  "$harness" digests "$dir" --verify-chains --trust "$dir/root.cer" --timings >"$out/digests.txt" 2>"$out/timings.txt"
  code=$?
  set -e
  end=$(now)
  t=$(echo "$end - $start" | bc -l)
  printf 'certharness run %d: %.3f s (exit %d; %s)\n' "$i" "$t" "$code" "$(cat "$out/timings.txt")"
  if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
done
tail -2 "$out/digests.txt"

start=$(now)
failed=0
while IFS= read -r f; do
  openssl verify -CAfile "$dir/root.cer" -untrusted "$dir/intermediate.cer" "$f" >/dev/null 2>&1 || failed=$((failed + 1))
done < <(find "$dir" -path '*leaves*' -name '*.cer')
end=$(now)
ossl=$(echo "$end - $start" | bc -l)

printf 'certharness digests --verify-chains, %d certificates, one process: %.3f s wall (best of %d)\n' "$files" "$best" "$runs"
printf 'openssl verify once per leaf file (%d processes, %d failed):        %.3f s wall\n' "$count" "$failed" "$ossl"
printf 'ratio: %.1fx faster\n' "$(echo "$ossl / $best" | bc -l)"
