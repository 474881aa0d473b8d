#!/usr/bin/env bash
# What is shipped, against the right peer, in one run over the same openssl-made files:
#   forms: the release exe (build/release.sh: NativeAOT certharness), the installed .NET tool (`dotnet tool install`
#          from build/release.sh's packages: the pointer picks certharness.linux-x64, NativeAOT), the action host
#          (build/release.sh's NativeAOT certinstaller-action);
#   - scan: `certharness digests DIR --verify-chains` against ONE `openssl verify -CAfile root -untrusted inter
#     leaves/*.pem` process, N (2,000) leaves, and 10×N (20,000) to show how cost grows;
#   - inspect: `certharness inspect FILE` against `openssl x509 -in FILE -noout -text`, one file, whole process;
#   - validate: `certharness validate` of the typical 196-file IC folder;
#   - install: the action host's Backup + Preserve + Validate of that folder, three processes as Windows Installer runs
#     them (--wine adds the win-x64 self-contained exe the MSI tests use under Wine: NativeAOT for win-x64 is built on
#     Windows only).
#   - start-up alone: `--version` of each form, so the peak of a scan splits into the binary's start-up and the scan's own.
# Wall, CPU (user+sys), peak RSS (GNU time %M), the ratios, and the issue-21 goals per form. bench/footprint.sh says
# where a form's resident memory is (binary sections, libraries, heap).
# Usage: bench/compare.sh [N] [RUNS] [--wine]      BENCH_RELEASE=reuse skips build/release.sh when artifacts/release
# already holds its output (the forms are then the ones built last).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
n=${1:-2000}
runs=${2:-5}
wine=${3:-}
big=$((n * 10))
release=artifacts/release
[ -x /usr/bin/time ] || { echo "bench/compare.sh: GNU time is missing: apt-get install -y time" >&2; exit 2; }

if [ "${BENCH_RELEASE:-}" != reuse ] || [ ! -x "$release/linux-x64/certharness" ]; then
  echo "building the release forms (build/release.sh)..." >&2
  build/release.sh >"$out/release.log" 2>&1 || { tail -20 "$out/release.log" >&2; exit 1; }
fi
echo "installing the .NET tool from $release (private NuGet cache, only that source)..." >&2
rm -rf "$out/tool" "$out/tool-packages"
printf '<configuration><packageSources><clear /></packageSources></configuration>\n' >"$out/tool-nuget.config"
NUGET_PACKAGES=$(realpath "$out")/tool-packages dotnet tool install certharness --tool-path "$out/tool" \
  --add-source "$release" --configfile "$out/tool-nuget.config" >/dev/null

exe=$release/linux-x64/certharness
tool=$out/tool/certharness
host=$release/linux-x64/certinstaller-action
forms=(exe tool)
declare -A label=([exe]="release exe" [tool]=".NET tool")

make_corpus "$out/corpus-$n" "$n"
make_corpus "$out/corpus-$big" "$big"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); uptime: $(uptime)"
echo "$(openssl version)"
echo "release exe: $("$exe" --version)"
echo ".NET tool:   $("$tool" --version)   ($(readlink -f "$tool" | sed "s|$(realpath "$out")/||"))"

# The binary alone: `--version` starts the runtime, prints, exits. Its peak RSS is what each form costs before any work
# (code and type data the start-up touches, libc, the first GC region), so a scan's peak minus it is the scan's own.
echo
header "start-up alone: --version, whole process"
measure_short "openssl version" 20 5 openssl version
for form in "${forms[@]}"; do
  measure_short "certharness --version (${label[$form]})" 20 5 "${!form}" --version
  eval "version_${form}_r=$BRK"
done
measure_short "certinstaller-action --version (release, NativeAOT)" 20 5 "$host" --version

scan() { # scan N RUNS
  local corpus=$out/corpus-$1 runs=$2
  echo
  header "scan: $1 leaves + intermediate + root"
  measure "openssl verify, one process" "$runs" openssl verify -CAfile "$corpus/root.pem" -untrusted "$corpus/inter.pem" "$corpus"/leaves/*.pem
  local ok; ok=$(grep -c ': OK$' "$out/run.out" || true)
  [ "$ok" = "$1" ] || { echo "openssl verified $ok of $1" >&2; exit 1; }
  eval "openssl_w$1=$BW openssl_c$1=$BC openssl_r$1=$BRK"
  local ow=$BW oc=$BC or=$BRK form
  for form in "${forms[@]}"; do
    measure "certharness digests --verify-chains (${label[$form]})" "$runs" "${!form}" digests "$corpus" --verify-chains --trust "$corpus/root.pem"
    grep -q "$(($1 + 2)) chain(s) verified, 0 invalid" "$out/run.out" || { echo "certharness: $(tail -1 "$out/run.out")" >&2; exit 1; }
    printf '  vs openssl: %sx the speed (wall), %sx less CPU, %sx the memory\n' "$(ratio "$ow" "$BW")" "$(ratio "$oc" "$BC")" "$(ratio "$BRK" "$or")"
    eval "${form}_w$1=$BW ${form}_c$1=$BC ${form}_r$1=$BRK"
  done
}

scan "$n" "$runs"
scan "$big" 3

echo
file=$out/corpus-$n/inter.pem
header "inspect, one file, whole process: $(basename "$file")"
measure_short "openssl x509 -noout -text" 20 5 openssl x509 -in "$file" -noout -text
inspect_openssl=$BW
for form in "${forms[@]}"; do
  measure_short "certharness inspect (${label[$form]})" 20 5 "${!form}" inspect "$file"
  printf '  vs openssl: %sx the speed (wall), peak %s MB\n' "$(ratio "$inspect_openssl" "$BW")" "$(mb "$BRK")"
  eval "inspect_${form}=$BW"
done

echo
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$exe" sample "$dir/fresh/Certificates" --trust thirdparty-servergroup --peers 60 >/dev/null
files=$(find "$dir/fresh/Certificates" -type f | wc -l)
header "validate, the typical $files-file IC folder, whole process"
for form in "${forms[@]}"; do
  measure "certharness validate (${label[$form]})" "$runs" "${!form}" validate "$dir/fresh/Certificates" --json
  grep -q '"valid": true' "$out/run.out" || { echo "validate did not say valid: $(head -c 300 "$out/run.out")" >&2; exit 1; }
  eval "validate_${form}=$BW validate_${form}_r=$BRK"
done

# install_once EXE PREFIX...: the three deferred actions of one upgrade on a fresh copy of the folder; sets W C R RC.
cat >"$dir/install.sh" <<'SH'
#!/usr/bin/env bash
set -e
exe=$1; data="CertDir=$2;BackupDir=$3;Mode=upgrade;ProductCode={6F1B6B2E-3C4D-4E5F-8A9B-0C1D2E3F4A5B};Validation=enforce;ProductVersion=2025.4"
shift 3
for op in backup preserve validate; do "$@" "$exe" "$op" "$data"; done
SH
chmod +x "$dir/install.sh"
install_best() { # install_best LABEL EXE CERTDIR-PREFIX [RUNNER]: best wall/CPU, largest RSS over RUNS fresh installs
  local name=$1 bin=$2 prefix=$3; shift 3
  local bw="" bc="" br=0 i
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$dir/work"; mkdir -p "$dir/work"; cp -r "$dir/fresh/Certificates" "$dir/work/"
    run_once "$dir/install.sh" "$bin" "$prefix$dir/work/Certificates/" "$prefix$dir/work/Backups/" "$@"
    [ "$RC" -eq 0 ] || { echo "$name failed: $(tail -5 "$out/run.out")" >&2; exit 1; }
    if [ -z "$bw" ] || [ "$W" -lt "$bw" ]; then bw=$W; fi
    if [ -z "$bc" ] || [ "$C" -lt "$bc" ]; then bc=$C; fi
    if [ "$R" -gt "$br" ]; then br=$R; fi
  done
  printf '%-58s %8d ms %8d ms %6d MB   (best of %d)\n' "$name" "$bw" "$bc" "$br" "$runs"
  install_w=$bw
}
echo
header "install: Backup + Preserve + Validate, $files files, 3 processes"
install_best "certinstaller-action (release, NativeAOT linux-x64)" "$host" ""
install_host=$install_w
if [ "$wine" = --wine ]; then
  winebin=$(command -v wine64 || echo /usr/lib/wine/wine64)
  echo "publishing certinstaller-action (win-x64, single file, self-contained: what the MSI tests run)..." >&2
  dotnet publish src/CertInstaller.ActionHost -c Release -r win-x64 --self-contained -p:PublishSingleFile=true -o "$out/action-host-win" -nologo -v q >/dev/null
  export WINEPREFIX=${WINEPREFIX:-$(realpath "$out")/wineprefix} WINEDEBUG=-all
  [ -d "$WINEPREFIX" ] || "$winebin" wineboot -i >/dev/null 2>&1
  install_best "certinstaller-action win-x64 self-contained, under Wine" "$(realpath "$out/action-host-win/certinstaller-action.exe")" "Z:" "$winebin"
fi

echo
echo "goals (issue 21), per shipped form:"
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
for form in "${forms[@]}"; do
  w=${form}_w$n; r=${form}_r$n; bw=${form}_w$big; iw=inspect_$form; vw=validate_$form
  ow=openssl_w$n; or=openssl_r$n
  printf '  %-11s %d-cert scan >= 5x one openssl verify: %d vs %d ms = %sx, %s\n' "${label[$form]}" "$n" "${!w}" "${!ow}" \
    "$(ratio "${!ow}" "${!w}")" "$(verdict "${!ow} >= 5 * ${!w}")"
  printf '  %-11s inspect >= 2x openssl x509 -text: %d.%02d vs %d.%02d ms = %sx, %s\n' "${label[$form]}" $((${!iw} / 100)) $((${!iw} % 100)) \
    $((inspect_openssl / 100)) $((inspect_openssl % 100)) "$(ratio "$inspect_openssl" "${!iw}")" "$(verdict "$inspect_openssl >= 2 * ${!iw}")"
  vr=version_${form}_r
  printf '  %-11s scan peak memory <= 3x openssl: %s vs %s MB = %sx, %s (--version alone: %s MB, so the scan adds %s MB)\n' \
    "${label[$form]}" "$(mb "${!r}")" "$(mb "${!or}")" "$(ratio "${!r}" "${!or}")" "$(verdict "${!r} <= 3 * ${!or}")" "$(mb "${!vr}")" "$(mb "$((${!r} - ${!vr}))")"
  printf '  %-11s validate of the %d-file folder < 50 ms: %d ms, %s\n' "${label[$form]}" "$files" "${!vw}" "$(verdict "${!vw} < 50")"
  printf '  %-11s %d-cert scan linear: %d ms = %sx the %d-cert time for 10x the certs (openssl %sx), %s\n' "${label[$form]}" "$big" \
    "${!bw}" "$(ratio "${!bw}" "${!w}")" "$n" "$(ratio "$(eval echo "\$openssl_w$big")" "${!ow}")" "$(verdict "${!bw} <= 12 * ${!w}")"
done
printf '  %-11s install (3 processes) of the %d-file folder: %d ms\n' "action host" "$files" "$install_host"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
