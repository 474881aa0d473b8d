#!/usr/bin/env bash
# What a NativeAOT certharness run keeps resident, and where: peak RSS (GNU time %M) of `--version`, `inspect FILE` and
# the N-leaf `digests --verify-chains` scan, and for each a breakdown of what was resident when the process exited
# (bench/footprint/smaps-at-exit.c, a ptrace stop before the address space goes): the binary's own mapping per ELF
# section (present pages of .rodata, __managedcode, ...), each shared library, anonymous memory. File-backed pages
# are never dropped without memory pressure, so the binary's share at exit is what the whole run touched; the kernel
# maps up to 16 pages around each touched one (fault-around), so scattered touches cost whole 64 KB windows.
# Usage: bench/footprint.sh [CERTHARNESS] [N]   (default: artifacts/release/linux-x64/certharness, built by
# build/release.sh when missing; N = 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
exe=${1:-artifacts/release/linux-x64/certharness}
n=${2:-2000}
[ -x /usr/bin/time ] || { echo "bench/footprint.sh: GNU time is missing: apt-get install -y time" >&2; exit 2; }
command -v clang >/dev/null 2>&1 || { echo "bench/footprint.sh: clang is missing: apt-get install -y clang" >&2; exit 2; }
if [ ! -x "$exe" ]; then
  echo "building the release forms (build/release.sh)..." >&2
  build/release.sh >"$out/release.log" 2>&1 || { tail -20 "$out/release.log" >&2; exit 1; }
fi
clang -O2 -Wall -Werror -o "$out/smaps-at-exit" bench/footprint/smaps-at-exit.c
make_corpus "$out/corpus-$n" "$n"
corpus=$out/corpus-$n

echo "binary: $exe ($(stat -c %s "$exe") bytes): $("$exe" --version)"
footprint() { # footprint LABEL ARGS...
  local label=$1; shift
  local best=0 i
  for i in 1 2 3; do run_once "$exe" "$@"; if [ "$R" -gt "$best" ]; then best=$R; fi; done
  [ "$RC" -eq 0 ] || { echo "$label: exit $RC: $(head -c 400 "$out/run.err")" >&2; exit 1; }
  echo
  printf '%s: peak RSS %d MB (largest of 3, GNU time %%M), wall %d ms\n' "$label" "$best" "$W"
  "$out/smaps-at-exit" "$out/footprint.smaps" "$exe" "$@" >/dev/null 2>&1
  python3 bench/footprint/breakdown.py "$out/footprint.smaps" "$exe"
}
footprint "--version" --version
footprint "inspect $(basename "$corpus/inter.pem")" inspect "$corpus/inter.pem"
footprint "scan, $n leaves (digests --verify-chains)" digests "$corpus" --verify-chains --trust "$corpus/root.pem"
