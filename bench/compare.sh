#!/usr/bin/env bash
# certharness against the right peer, over the same openssl-made files:
#   - `certharness digests DIR --verify-chains` against ONE `openssl verify -CAfile root -untrusted inter leaves/*.pem`
#     process, for N (2,000) leaves and for 10×N (20,000) to show how cost grows;
#   - `certharness inspect FILE` against `openssl x509 -in FILE -noout -text`, one file, whole process.
# Wall, CPU (user+sys) and peak RSS, and the ratios, for the JIT build (ReadyToRun) and, when clang is installed, the
# NativeAOT build (build/aot.sh). Run on an idle machine. Usage: bench/compare.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
n=${1:-2000}
runs=${2:-5}
big=$((n * 10))

publish_jit
publish_aot
make_corpus "$out/corpus-$n" "$n"
make_corpus "$out/corpus-$big" "$big"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(openssl version)"
echo "signature verifier: $(CERTHARNESS_DEBUG=1 "$jit" chain "$out/corpus-$n/inter.pem" --trust "$out/corpus-$n/root.pem" 2>&1 >/dev/null | grep -o 'signatures: [^;]*' | head -1)"

scan() { # scan LABEL N RUNS
  local corpus=$out/corpus-$2 runs=$3
  echo
  header "$1: $2 leaves + intermediate + root"
  measure "openssl verify, one process" "$runs" openssl verify -CAfile "$corpus/root.pem" -untrusted "$corpus/inter.pem" "$corpus"/leaves/*.pem
  local ok; ok=$(grep -c ': OK$' "$out/run.out" || true)
  [ "$ok" = "$2" ] || { echo "openssl verified $ok of $2" >&2; exit 1; }
  local ow=$BW oc=$BC or=$BR
  for build in jit aot; do
    local exe=${!build}
    [ -n "$exe" ] || continue
    measure "certharness digests --verify-chains ($build)" "$runs" "$exe" digests "$corpus" --verify-chains --trust "$corpus/root.pem"
    grep -q "$(($2 + 2)) chain(s) verified, 0 invalid" "$out/run.out" || { echo "certharness: $(tail -1 "$out/run.out")" >&2; exit 1; }
    printf '  %s vs openssl: %sx the speed (wall), %sx less CPU, %sx the memory\n' "$build" "$(ratio "$ow" "$BW")" "$(ratio "$oc" "$BC")" "$(ratio "$BR" "$or")"
    eval "${build}_w$2=$BW ${build}_c$2=$BC ${build}_r$2=$BR"
  done
  eval "openssl_w$2=$ow openssl_c$2=$oc"
}

scan "chain verification" "$n" "$runs"
scan "scaling" "$big" 3

echo
file=$out/corpus-$n/inter.pem
header "one file, whole process: $(basename "$file")"
measure_short "openssl x509 -noout -text" 20 5 openssl x509 -in "$file" -noout -text
ow=$BW; oc=$BC
for build in jit aot; do
  exe=${!build}
  [ -n "$exe" ] || continue
  measure_short "certharness inspect ($build)" 20 5 "$exe" inspect "$file"
  printf '  %s vs openssl: %sx the speed (wall), %sx less CPU\n' "$build" "$(ratio "$ow" "$BW")" "$(ratio "$oc" "$BC")"
  eval "inspect_${build}=$BW"
done
inspect_openssl=$ow

echo
echo "goals (issue 10):"
for build in jit aot; do
  [ -n "${!build}" ] || continue
  w=${build}_w$n; c=${build}_c$n; ow=openssl_w$n; oc=openssl_c$n
  verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
  printf '  %-4s %d-cert scan >= 3x faster wall than one openssl verify: %sx, %s; less CPU: %d vs %d ms, %s\n' "$build" "$n" \
    "$(ratio "${!ow}" "${!w}")" "$(verdict "$(echo "${!ow} >= 3 * ${!w}" | bc)")" "${!c}" "${!oc}" "$(verdict "$(echo "${!c} < ${!oc}" | bc)")"
  iw=inspect_$build
  printf '  %-4s inspect faster than openssl x509 -text: %d.%02d vs %d.%02d ms, %s\n' "$build" $((${!iw} / 100)) $((${!iw} % 100)) \
    $((inspect_openssl / 100)) $((inspect_openssl % 100)) "$(verdict "$(echo "${!iw} < $inspect_openssl" | bc)")"
  bw=${build}_w$big; br=${build}_r$big
  printf '  %-4s %d certs: %d ms wall (%sx the %d-cert time for 10x the certs), peak %d MB (< 300 MB: %s)\n' "$build" "$big" "${!bw}" \
    "$(ratio "${!bw}" "${!w}")" "$n" "${!br}" "$(verdict "$(echo "${!br} < 300" | bc)")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
