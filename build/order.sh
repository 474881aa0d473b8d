#!/usr/bin/env bash
# The method order files of the NativeAOT programs (IlcOrderFile in their csproj): the managed methods that typical runs
# call, in the order of their first call, so the compiler lays them out together at the start of the code. A run then
# touches a few hundred KB of contiguous code instead of a page here and there across 8 MB (each of which the kernel
# maps as a 64 KB fault-around window): `certharness --version` touched 3.4 MB of code before, 0.5 MB after
# (bench/footprint.sh). A method missing from the list (new code since the last run of this script) is only laid out
# among the cold ones: the order file changes where code sits, never what it does. Re-run after larger changes and
# commit the two .order files.
# How: publish each program (linux-x64, as build/release.sh does), put a breakpoint on every managed method's entry
# (build/order/first-calls.c, ptrace; addresses from the compiler's object file, build/order/symbols.py), run the
# typical runs below, and keep each method's first call.
# Needs clang, lld and readelf (binutils). Usage: build/order.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(realpath -m artifacts/order)
rm -rf "$work"; mkdir -p "$work"
clang -O2 -Wall -Werror -o "$work/first-calls" build/order/first-calls.c

# publish PROJECT ASSEMBLY: the program with the release build's properties; sets BIN and OBJ.
publish() {
  echo "order.sh: publishing $1 (NativeAOT linux-x64)" >&2
  dotnet publish "$1" -c Release -r linux-x64 -p:Aot=true -p:DebugType=none -o "$work/$2" --nologo -nodeReuse:false -v quiet >&2
  BIN=$work/$2/$2
  OBJ=$1/obj/Release/net10.0/linux-x64/native/$2.o
  python3 build/order/symbols.py "$BIN" "$OBJ" >"$work/$2.symbols"
  cut -d' ' -f1 "$work/$2.symbols" >"$work/$2.addresses"
  LINKBASE=$(readelf -lW "$BIN" | awk '$1 == "LOAD" && $2 ~ /^0x0+$/ { print $3; exit }')
  : >"$work/$2.calls"
}
# trace NAME CMD...: one typical run under first-calls; its first calls are appended to NAME.calls.
trace() {
  local name=$1; shift
  "$work/first-calls" "$work/$name.addresses" "$LINKBASE" "$work/run.calls" "$@" >"$work/run.out" 2>&1 \
    || { echo "order.sh: $* failed: $(tail -3 "$work/run.out")" >&2; exit 1; }
  cat "$work/run.calls" >>"$work/$name.calls"
}
# write NAME ORDERFILE: NAME.calls (addresses, first calls first) as method names, each once.
write() {
  awk 'NR == FNR { name[$1] = $2; next } !seen[$1]++ { print name[$1] }' "$work/$1.symbols" "$work/$1.calls" >"$2"
  echo "order.sh: $2: $(wc -l <"$2") methods" >&2
}

data=$work/data
publish harness/CertInstaller.Harness certharness
h=$BIN
mkdir -p "$data"
"$h" sample "$data/ic/Certificates" --trust thirdparty-servergroup --peers 60 >/dev/null
# 1,100 leaves: a scan of more than 1,024 files takes every path of a large one (its periodic full collections, the
# thread pool's queues once they fill), so those methods are laid out with the rest instead of among the cold ones.
"$h" sample "$data/leaves" --leaves 1100 >/dev/null
ic=$data/ic/Certificates
leaf=$(find "$data/leaves" -name 'host*.cer' | sort | sed -n 1p)
trace certharness "$h" --version
# The folder scan first after start-up: its methods are the largest set a run touches, so they go together first.
trace certharness "$h" digests "$data/leaves" --verify-chains --trust "$data/leaves/root.cer"
trace certharness "$h" inspect "$ic/ServerGroup/ServerGroupCertificate.cer" "$ic/ServerGroup/ServerGroupPrivateKey.bin"
trace certharness "$h" inspect --json "$ic/ServerGroup/ServerGroupCertificate.cer"
trace certharness "$h" digests "$ic" --json
trace certharness "$h" chain "$leaf" --bundle "$data/leaves" --trust "$data/leaves/root.cer"
trace certharness "$h" validate "$ic"
trace certharness "$h" validate "$ic" --json
trace certharness "$h" backup create "$ic" --to "$data/backups"
trace certharness "$h" --help
write certharness harness/CertInstaller.Harness/certharness.order

publish src/CertInstaller.ActionHost certinstaller-action
a=$BIN
cp -r "$ic" "$data/action"
actiondata="CertDir=$data/action/;BackupDir=$data/action-backups/;Mode=upgrade;ProductCode={6F1B6B2E-3C4D-4E5F-8A9B-0C1D2E3F4A5B};Validation=enforce;ProductVersion=2025.4"
for op in backup preserve validate; do trace certinstaller-action "$a" "$op" "$actiondata"; done
write certinstaller-action src/CertInstaller.ActionHost/certinstaller-action.order
