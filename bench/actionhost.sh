#!/usr/bin/env bash
# The install-time path through the action host: `certinstaller-action backup`, then `preserve`, then `validate` of the
# typical 196-file IC folder, three processes, as Windows Installer runs them (Mode=upgrade, Validation=enforce).
# Wall, CPU and peak RSS of the three together (best of RUNS; each run on a fresh copy of the folder and an empty
# backup root). Goal (issue 10): under 1 s on Linux. --wine also runs the published win-x64 exe under Wine (creates a
# private WINEPREFIX under artifacts/bench the first time, which takes minutes).
# Usage: bench/actionhost.sh [RUNS] [--wine]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
runs=${1:-5}
wine=${2:-}
publish_jit
echo "publishing certinstaller-action (Release, ReadyToRun, linux-x64)..." >&2
dotnet publish src/CertInstaller.ActionHost -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/action-host" -nologo -v q >/dev/null
host=$out/action-host/certinstaller-action
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$jit" sample "$dir/fresh/Certificates" --trust thirdparty-servergroup --peers 60 >/dev/null
files=$(find "$dir/fresh/Certificates" -type f | wc -l)

# one_install EXE CERTDIR BACKUPDIR: the three deferred actions of one upgrade, in order; fails on the first failure.
cat >"$dir/install.sh" <<'SH'
#!/usr/bin/env bash
set -e
exe=$1; data="CertDir=$2;BackupDir=$3;Mode=upgrade;ProductCode={6F1B6B2E-3C4D-4E5F-8A9B-0C1D2E3F4A5B};Validation=enforce;ProductVersion=2025.4"
shift 3
for op in backup preserve validate; do "$@" "$exe" "$op" "$data"; done
SH
chmod +x "$dir/install.sh"

fresh() { rm -rf "$dir/work"; mkdir -p "$dir/work"; cp -r "$dir/fresh/Certificates" "$dir/work/"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
header "Backup + Preserve + Validate, $files files, 3 processes"
bw=""; bc=""; br=0
for ((i = 1; i <= runs; i++)); do
  fresh
  run_once "$dir/install.sh" "$host" "$dir/work/Certificates/" "$dir/work/Backups/"
  [ "$RC" -eq 0 ] || { echo "action host failed: $(tail -5 "$out/run.out")" >&2; exit 1; }
  if [ -z "$bw" ] || [ "$W" -lt "$bw" ]; then bw=$W; fi
  if [ -z "$bc" ] || [ "$C" -lt "$bc" ]; then bc=$C; fi
  if [ "$R" -gt "$br" ]; then br=$R; fi
done
printf '%-58s %8d ms %8d ms %6d MB   (best of %d)\n' "certinstaller-action linux-x64 (JIT, ReadyToRun)" "$bw" "$bc" "$br" "$runs"
printf '  goal < 1 s on Linux: %s\n' "$([ "$bw" -lt 1000 ] && echo met || echo "NOT met")"

if [ "$wine" = "--wine" ]; then
  winebin=$(command -v wine64 || echo /usr/lib/wine/wine64)
  echo "publishing certinstaller-action (win-x64, single file, self-contained)..." >&2
  dotnet publish src/CertInstaller.ActionHost -c Release -r win-x64 --self-contained -p:PublishSingleFile=true -o "$out/action-host-win" -nologo -v q >/dev/null
  export WINEPREFIX=${WINEPREFIX:-$(realpath "$out")/wineprefix} WINEDEBUG=-all
  [ -d "$WINEPREFIX" ] || "$winebin" wineboot -i >/dev/null 2>&1
  bw=""; bc=""
  for ((i = 1; i <= runs; i++)); do
    fresh
    run_once "$dir/install.sh" "$(realpath "$out/action-host-win/certinstaller-action.exe")" "Z:$dir/work/Certificates/" "Z:$dir/work/Backups/" "$winebin"
    [ "$RC" -eq 0 ] || { echo "action host under Wine failed: $(tail -5 "$out/run.out")" >&2; exit 1; }
    if [ -z "$bw" ] || [ "$W" -lt "$bw" ]; then bw=$W; fi
    if [ -z "$bc" ] || [ "$C" -lt "$bc" ]; then bc=$C; fi
  done
  printf '%-58s %8d ms %8d ms   (best of %d; CPU counts this process tree only, not wineserver)\n' "certinstaller-action win-x64 under Wine" "$bw" "$bc" "$runs"
fi
