#!/usr/bin/env bash
# Adversarial round for the backup engine, bounded in time. Prints runs, failures detected and files lost (must be 0).
#   kill -9 at random moments during backup / restore / preserve (certharness) and backup / restore-on-rollback
#   (certinstaller-action); a full disk (a small tmpfs it mounts and removes; needs root); concurrent runs on one
#   folder from two backup roots.
# Usage: bench/adversarial.sh [seconds per scenario, default 40]
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-40}
WORK=$(mktemp -d /tmp/ci-adversarial.XXXXXX)
MNT=""
cleanup() { [ -n "$MNT" ] && umount "$MNT" 2>/dev/null && rmdir "$MNT"; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build harness/CertInstaller.Harness -c Release -v q -nologo >/dev/null || { echo "build failed"; exit 2; }
dotnet build src/CertInstaller.ActionHost -c Release -v q -nologo >/dev/null || { echo "build failed"; exit 2; }
H="dotnet harness/CertInstaller.Harness/bin/Release/net10.0/certharness.dll"
A="dotnet src/CertInstaller.ActionHost/bin/Release/net10.0/certinstaller-action.dll"

runs=0; failures=0; lost=0; violations=0
declare -A by_scenario

picture() { [ -d "$1" ] && (cd "$1" && find . -type f ! -name '*.certinstaller-staging' -print0 | sort -z | xargs -0 -r sha256sum) || true; }
hashes_under() { find "$@" -type f -print0 2>/dev/null | xargs -0 -r sha256sum | cut -d' ' -f1 | sort -u; }
# Every file of picture $1 must still exist (by content) in the folder or under any backup root.
count_lost() {
  local pic=$1; shift
  local have; have=$(hashes_under "$@")
  local n=0
  while read -r sha _; do [ -z "$sha" ] && continue; grep -qx "$sha" <<<"$have" || n=$((n + 1)); done <<<"$pic"
  echo "$n"
}
violation() { violations=$((violations + 1)); echo "VIOLATION [$1]: $2" >&2; }
# Each file of the folder is its old or its new self (staging leftovers aside).
each_old_or_new() {
  local now old new; now=$(picture "$1"); old=$2; new=$3
  while read -r sha path; do
    [ -z "$sha" ] && continue
    grep -qF "$sha  $path" <<<"$old" || grep -qF "$sha  $path" <<<"$new" || { echo "$path"; return 1; }
  done <<<"$now"
}
kill_at_random() { # command...: runs it, kills -9 after 0.2-1.4 s (the runtime starts in ~0.3 s); returns its exit code (137 when killed)
  "$@" >/dev/null 2>&1 & local pid=$!
  sleep "$((RANDOM % 2)).$((RANDOM % 10))$((RANDOM % 10))"; sleep 0.2
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
regenerate() { # what an install does: rewrites some files, removes one, adds one
  local d=$1 i=0
  while IFS= read -r f; do i=$((i + 1)); [ $((i % 3)) -eq 0 ] && head -c $((RANDOM % 3000 + 200)) /dev/urandom >"$f"; done < <(find "$d" -type f | sort)
  rm -f "$(find "$d" -type f | sort | head -1)"
  mkdir -p "$d/HTTPS"; head -c 900 /dev/urandom >"$d/HTTPS/new-$RANDOM.cer"
}
fresh_site() { # a copy of one generated IC folder with third-party certificates (generating keys each time is slow)
  [ -d "$WORK/template" ] || $H sample "$WORK/template" --trust thirdparty-servergroup >/dev/null
  rm -rf "$WORK/site"; mkdir -p "$WORK/site"; cp -a "$WORK/template" "$WORK/site/Certificates"
}
record() { runs=$((runs + 1)); by_scenario[$1]=$(( ${by_scenario[$1]:-0} + 1 )); [ "$2" -ne 0 ] && failures=$((failures + 1)); }

scenario_kill() { # harness backup/restore/preserve, action host backup/rollback
  local end=$((SECONDS + SECONDS_EACH))
  while [ $SECONDS -lt $end ]; do
    fresh_site; local C="$WORK/site/Certificates" R="$WORK/site/Backups"
    local original; original=$(picture "$C")
    # backup create, killed
    kill_at_random $H backup create "$C" --to "$R"; record harness-backup $?
    [ "$(picture "$C")" == "$original" ] || violation backup "the folder changed"
    $H backup verify --from "$R" >/dev/null 2>&1 || violation backup "a complete snapshot does not verify"
    $H backup create "$C" --to "$R" >/dev/null 2>&1 || violation backup "the re-run failed"
    local id; id=$($H backup list --from "$R" --json 2>/dev/null | grep -o '"id": "[^"]*"' | head -1 | cut -d'"' -f4)
    # restore, killed
    regenerate "$C"; local old; old=$(picture "$C"); local new; new=$(picture "$R/$id/files")
    kill_at_random $H backup restore "$C" --from "$R" --snapshot "$id"; record harness-restore $?
    each_old_or_new "$C" "$old" "$new" >/dev/null || violation restore "a file is neither old nor new"
    lost=$((lost + $(count_lost "$old" "$C" "$R")))
    $H backup restore "$C" --from "$R" --snapshot "$id" >/dev/null 2>&1 || violation restore "the re-run failed"
    [ "$(picture "$C")" == "$original" ] || violation restore "the re-run did not restore the folder"
    # preserve, killed: the install removed the third-party files
    rm -f "$C"/ServerGroup/*
    kill_at_random $H preserve "$C" --from "$R" --snapshot "$id"; record harness-preserve $?
    $H preserve "$C" --from "$R" --snapshot "$id" >/dev/null 2>&1; [ $? -le 1 ] || violation preserve "the re-run failed"
    [ "$(picture "$C")" == "$original" ] || violation preserve "third-party files not back"
    # action host: backup, killed; re-run; install changes; rollback, killed; re-run
    local data="CertDir=$C;BackupDir=$R;ProductCode={ADVERSARIAL};ProductVersion=1.0;Validation=warn"
    kill_at_random $A backup "$data"; record action-backup $?
    $A backup "$data" >/dev/null 2>&1 || violation action-backup "the re-run failed"
    regenerate "$C"; old=$(picture "$C")
    kill_at_random $A restore-on-rollback "$data"; record action-rollback $?
    lost=$((lost + $(count_lost "$old" "$C" "$R")))
    $A restore-on-rollback "$data" >/dev/null 2>&1 || violation action-rollback "the re-run failed"
    [ "$(picture "$C")" == "$original" ] || violation action-rollback "the folder is not back"
  done
}

scenario_full_disk() {
  if [ "$(id -u)" != 0 ]; then echo "full disk: skipped (needs root to mount a tmpfs)"; return; fi
  MNT=$(mktemp -d /tmp/ci-adversarial-mnt.XXXXXX)
  mount -t tmpfs -o size=2m tmpfs "$MNT" || { echo "full disk: cannot mount a tmpfs"; MNT=""; return; }
  local end=$((SECONDS + SECONDS_EACH))
  while [ $SECONDS -lt $end ]; do
    rm -rf "${MNT:?}"/* "$WORK/full"; mkdir -p "$WORK/full"
    fresh_site; cp -a "$WORK/site/Certificates" "$MNT/Certificates"
    local C="$MNT/Certificates" original; original=$(picture "$C")
    local free=$(( (RANDOM % 24) * 2 ))   # KiB left free on the volume
    # 1. backup onto the full volume: fails cleanly or completes
    local avail; avail=$(df --output=avail -k "$MNT" | tail -1)
    head -c $(( (avail - free) * 1024 )) /dev/zero >"$MNT/filler" 2>/dev/null
    $H backup create "$C" --to "$MNT/Backups" >/dev/null 2>&1; record full-backup $?
    [ "$(picture "$C")" == "$original" ] || violation full-backup "the folder changed"
    $H backup verify --from "$MNT/Backups" >/dev/null 2>&1; [ $? -le 0 ] || [ ! -d "$MNT/Backups" ] || violation full-backup "a damaged snapshot is listed"
    # 2. rollback onto the nearly full volume, backups elsewhere
    rm -f "$MNT/filler"; rm -rf "$MNT/Backups"
    $H backup create "$C" --to "$WORK/full/Backups" >/dev/null 2>&1 || violation full-restore "backup failed"
    regenerate "$C"; local old; old=$(picture "$C")
    avail=$(df --output=avail -k "$MNT" | tail -1)
    head -c $(( (avail - free) * 1024 )) /dev/zero >"$MNT/filler" 2>/dev/null
    $H backup restore "$C" --from "$WORK/full/Backups" >/dev/null 2>&1; record full-restore $?
    each_old_or_new "$C" "$old" "$original" >/dev/null || violation full-restore "a file is neither old nor new"
    lost=$((lost + $(count_lost "$old" "$C" "$WORK/full/Backups")))
    rm -f "$MNT/filler"
    $H backup restore "$C" --from "$WORK/full/Backups" >/dev/null 2>&1 || violation full-restore "the re-run with space failed"
    [ "$(picture "$C")" == "$original" ] || violation full-restore "the re-run did not restore the folder"
  done
  umount "$MNT" && rmdir "$MNT"; MNT=""
}

scenario_concurrent() { # one folder, two backup roots: a restore from one while a backup / restore runs from the other
  local end=$((SECONDS + SECONDS_EACH))
  while [ $SECONDS -lt $end ]; do
    fresh_site; local C="$WORK/site/Certificates" R1="$WORK/site/B1" R2="$WORK/site/B2"
    local original; original=$(picture "$C")
    $H backup create "$C" --to "$R1" >/dev/null 2>&1 || violation concurrent "backup failed"
    regenerate "$C"; local old; old=$(picture "$C")
    $H backup create "$C" --to "$R2" >/dev/null 2>&1 || violation concurrent "backup failed"
    $H backup restore "$C" --from "$R1" >/dev/null 2>&1 & local p1=$!
    if [ $((RANDOM % 2)) -eq 0 ]; then $H backup create "$C" --to "$R2" >/dev/null 2>&1 & else $H backup restore "$C" --from "$R2" >/dev/null 2>&1 & fi
    local p2=$!
    wait $p1; local c1=$?; wait $p2; local c2=$?
    record concurrent $c1; record concurrent $c2
    lost=$((lost + $(count_lost "$old" "$C" "$R1" "$R2")))
    # every snapshot is of a whole folder state: all old or all new, never a half-restored mix
    for s in "$R2"/2*; do
      [ -d "$s/files" ] || continue
      local p; p=$(picture "$s/files")
      [ "$p" == "$old" ] || [ "$p" == "$original" ] || violation concurrent "snapshot $(basename "$s") holds a half-restored folder"
    done
    each_old_or_new "$C" "$old" "$original" >/dev/null || violation concurrent "a file is neither old nor new"
  done
}

start=$SECONDS
scenario_kill
scenario_full_disk
scenario_concurrent
echo "adversarial round: $((SECONDS - start)) s"
for k in "${!by_scenario[@]}"; do echo "  $k: ${by_scenario[$k]} runs"; done | sort
echo "runs: $runs"
echo "failures detected (killed, refused or out of space; each checked): $failures"
echo "invariant violations: $violations"
echo "files lost: $lost"
[ "$lost" -eq 0 ] && [ "$violations" -eq 0 ]
