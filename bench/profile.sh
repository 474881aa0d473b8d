#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) of the NativeAOT certharness: the 2,000-cert `digests --verify-chains` scan of
# bench/compare.sh's openssl corpus and `validate` of bench/validate.sh's typical 196-file folder. Counts do not move
# with machine load, so they compare builds on a busy machine where wall times cannot (a few percent of thread-timing
# noise remains: GC and thread-pool work differ run to run). Needs valgrind and clang/lld.
# The binary is published with its symbols kept (-p:StripSymbols=false) and then stripped of DWARF only (valgrind gives
# up on the AOT debug info but reads the symbol table), so callgrind_annotate names the managed methods.
# Usage: bench/profile.sh [N]   (files: $BENCH_OUT/callgrind.{digests,validate}.out)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
n=${1:-2000}
command -v valgrind >/dev/null 2>&1 || { echo "bench/profile.sh: valgrind is missing: apt-get install -y valgrind" >&2; exit 2; }
command -v clang >/dev/null 2>&1 || { echo "bench/profile.sh: clang is missing: apt-get install -y clang lld" >&2; exit 2; }
echo "publishing certharness (NativeAOT, symbols kept)..." >&2
dotnet publish harness/CertInstaller.Harness -c Release -r linux-x64 -p:StripSymbols=false -o "$out/aot-symbols" -nologo -v q >/dev/null
exe="$out/certharness-profiled"
cp "$out/aot-symbols/certharness" "$exe" && strip --strip-debug "$exe"
make_corpus "$out/corpus-$n" "$n"
folder="$out/typical/Certificates"
[ -d "$folder" ] || "$exe" sample "$folder" --trust thirdparty-servergroup --peers 60 >/dev/null

count() { # count NAME ARGS...: total instructions, then the ten costliest functions
  local name=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$name.out" "$exe" "$@" >/dev/null 2>"$out/callgrind.$name.log" || true
  printf '%-9s %s instructions\n' "$name" "$(grep -o 'refs: *[0-9,]*' "$out/callgrind.$name.log" | tr -dc '0-9,')"
  callgrind_annotate --inclusive=no "$out/callgrind.$name.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | sed -n 2,11p | cut -c1-160
}
count digests digests "$out/corpus-$n" --verify-chains --trust "$out/corpus-$n/root.pem"
count validate validate "$folder" --json
