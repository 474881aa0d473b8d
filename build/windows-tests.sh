#!/usr/bin/env bash
# The Windows side of the tests (issue 20), run by test.sh after the Linux suites:
#   1. the Core and Installer suites against the netstandard2.0 builds (the ones the DTF action loads on .NET
#      Framework), on Linux;
#   2. the Core and Installer suites (against both builds) and the ActionHost suite as self-contained win-x64 executables
#      (NUnit's Microsoft.Testing.Platform runner) under Wine, the same Wine the MSI tests use: the Platform.IsWindows
#      branches of IO/ and Backup/ run as Windows processes;
#      and the Harness suite (certharness) as a win-x64 executable too;
#   3. certharness store against Wine's LocalMachine certificate stores (CertInstaller.Store.Tests, own prefix).
# Writes one TRX per run into the results directory ($1), so test.sh's closing line counts them. A test a run cannot
# run is named in tests/not-run.tsv with its reason; this script leaves it out with a filter and prints it as not run.
# Exit status 1 when a run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
results=${1:?usage: build/windows-tests.sh RESULTS_DIR}
mkdir -p "$results"
list=tests/not-run.tsv
status=0

# The lines of the list for a run: the list's first column is a run name or a prefix of one ("wine" = every Wine run).
entries() { awk -F'\t' -v run="$1" '!/^#/ && NF >= 3 && index(run, $1) == 1 { print $2 "\t" $3 }' "$list"; }
filter() { entries "$1" | awk -F'\t' '{ f = f (f ? "&" : "") "FullyQualifiedName!~" $1 } END { print f }'; }

# Names (Class.Method) of every test of a suite, from the Linux run's TRX of the default build (for the not-run count).
suite_names() {
  local trx
  for trx in "$results"/*.trx; do
    grep -q "codeBase=\"[^\"]*/bin/Release/net10.0/$1.dll\"" "$trx" 2>/dev/null || continue
    grep -o '<TestMethod [^>]*>' "$trx" | sed -n 's/.*className="\([^"]*\)" name="\([^"]*\)".*/\1.\2/p'
    return
  done
}

# Prints what a run left out: each entry of the list, how many tests it names, and its reason.
report_not_run() {
  local run=$1 suite=$2 names total=0 n
  names=$(suite_names "$suite")
  [ -n "$names" ] || total="?" # the Linux run of the suite left no TRX to count from
  while IFS=$'\t' read -r test reason; do
    if [ -n "$names" ]; then n=$(grep -cF -- "$test" <<<"$names" || true); total=$((total + n)); else n="?"; fi
    echo "  NOT RUN ($run): $test [$n] - $reason"
  done < <(entries "$run" | awk -F'\t' -v suite="$suite." 'index($1, suite) == 1')
  echo "  $run: $total tests of $suite not run (tests/not-run.tsv)"
}

# A run must skip nothing quietly: a test it does not run is in tests/not-run.tsv (left out by the filter), so a TRX
# that reports a test not executed ([Platform], [Ignore], an inconclusive setup) fails the run.
skipped_none() {
  local n; n=$(grep -o '<Counters [^>]*>' "$1" 2>/dev/null | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p')
  [ "${n:-0}" -eq 0 ] && return 0
  echo "$1: $n tests not executed: name each in tests/not-run.tsv with its limit, or make it run:"
  grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$1" | sed -n 's/.*testName="\([^"]*\)".*/  \1/p' | head -40
  return 1
}

counted() { grep -o '<Counters [^>]*>' "$1" 2>/dev/null | sed -n 's/.* executed="\([0-9]*\)".* passed="\([0-9]*\)".* failed="\([0-9]*\)".*/\1 ran, \2 passed, \3 failed/p'; }

# --- 1. Core's netstandard2.0 build on Linux -------------------------------------------------------------------------
run=linux-netstandard2.0
start=$SECONDS
dotnet test tests/CertInstaller.Core.Tests -c Release -p:CoreTargetFramework=netstandard2.0 --filter "$(filter $run)" \
  --logger "trx;LogFileName=core-netstandard2.0.trx" --results-directory "$results" || status=1
echo "Core suite against Core's netstandard2.0 build: $(counted "$results/core-netstandard2.0.trx") in $((SECONDS - start)) s"
skipped_none "$results/core-netstandard2.0.trx" || status=1
report_not_run $run CertInstaller.Core.Tests
start=$SECONDS
dotnet test tests/CertInstaller.Installer.Tests -c Release -p:CoreTargetFramework=netstandard2.0 --filter "$(filter $run)" \
  --logger "trx;LogFileName=installer-netstandard2.0.trx" --results-directory "$results" || status=1
echo "Installer suite against the netstandard2.0 builds: $(counted "$results/installer-netstandard2.0.trx") in $((SECONDS - start)) s"
skipped_none "$results/installer-netstandard2.0.trx" || status=1
report_not_run $run CertInstaller.Installer.Tests

# --- 2. win-x64 under Wine -------------------------------------------------------------------------------------------
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine || true)
if [ -z "$wine" ]; then
  echo "Wine is not installed: the win-x64 test runs cannot run (test.sh installs wine64)" >&2
  exit 1
fi
export WINEPREFIX="$PWD/artifacts/wineprefix-tests" WINEDEBUG=-all WINEDLLOVERRIDES="mshtml=" DISPLAY=""
# .NET's W^X double mapping of JIT code crashes under Wine (an "Internal CLR error" in a DynamicMethod finalizer).
export DOTNET_EnableWriteXorExecute=0
server="$(dirname "$wine")/wineserver"; [ -x "$server" ] || server=wineserver
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"; "$wine" wineboot -i >/dev/null 2>&1; "$server" -w
fi
winpath() { echo "Z:$(realpath -m "$1" | tr / '\\')"; }
wine_ran=0
# Minutes one Wine run may take before it is killed and fails (under 20, so a hang cannot stall CI).
wine_minutes=${CERTINSTALLER_WINE_MINUTES:-15}

# Builds a test project as a self-contained win-x64 exe and runs it under Wine: the tests the include filter selects
# (all when empty), minus the run's not-run entries.
wine_suite() {
  local run=$1 project=$2 trx=$3 include=$4; shift 4
  local out="artifacts/win-x64/$run/$project" start=$SECONDS f code
  rm -rf "$out"; mkdir -p "$(dirname "$out")"
  if ! dotnet build "tests/$project" -c Release -p:WinX64Tests=true "$@" -o "$out" -v:q -nologo >"$out.build.log" 2>&1; then
    echo "$run: $project did not build for win-x64:"; grep -E "error" "$out.build.log" | sort -u | head -20; status=1; return
  fi
  local build=$((SECONDS - start))
  f=$(filter "$run")
  [ -z "$include" ] || f="($include)${f:+&$f}"
  # A hang must fail the run, not stall CI: timeout(1) ends a run the runner's own --timeout (a minute earlier) did not
  # end, and wineserver -k every process left in this prefix (an action host too).
  # The hang after a failing test (issue 20) had one cause, found with a scratch test that fails and WINEDEBUG=+seh,+tid:
  # Wine 8's x86_64 dispatcher pushes a record on the TEB exception list around each language handler and pops it when
  # the handler returns; .NET 10's handler never returns (it runs the catch and resumes with RtlRestoreContext), so a
  # failing test, whose assertion leaves the test method through reflection's native invoke frame, leaves that record
  # on the list. The next exception dispatched from above that stack depth calls the record's overwritten handler
  # (address 0x30, then 0) and faults in the dispatcher forever: "found wine frame ... handler 0000000000000000", one
  # thread spinning in nested access violations, the run stuck until killed. The test exes' startup hook
  # (tests/CertInstaller.TestSupport/WineExceptionFrames.cs) restores the list at every managed throw under Wine: a
  # failing test now fails and the run goes on. Wine 9+ keeps no such record (a .seh handler instead).
  # wine_umask (a run's own, see the Harness run): the mode the test exe creates files with.
  (if [ -n "${wine_umask:-}" ]; then umask "$wine_umask"; fi
   exec timeout --kill-after=30s "${wine_minutes}m" "$wine" "$out/$project.exe" --no-ansi --no-progress \
    --results-directory "$(winpath "$results")" --report-trx --report-trx-filename "$trx" \
    --timeout "$((wine_minutes - 1))m" ${f:+--filter "$f"}) >"$out.run.log" 2>&1
  code=$?
  if [ $code -eq 124 ] || [ $code -eq 137 ]; then
    echo "$run: $project under Wine did not finish in $wine_minutes min: killed, the run FAILS (last lines of $out.run.log):"
    grep -v '^\s*$' "$out.run.log" | tail -15
    "$server" -k 2>/dev/null
  elif grep -q "Test run summary: Aborted" "$out.run.log"; then
    echo "$run: $project under Wine was cancelled by its ${wine_minutes}-minute timeout: the run FAILS"
  fi
  timeout 60s "$server" -w || "$server" -k 2>/dev/null
  [ $code -eq 0 ] || { status=1; grep -E "^\s*(failed|Failed|error)" "$out.run.log" | head -40; }
  local ran; ran=$(grep -o '<Counters [^>]*>' "$results/$trx" 2>/dev/null | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  wine_ran=$((wine_ran + ${ran:-0}))
  echo "$run: $project under Wine: $(counted "$results/$trx") (exit $code; build $build s, run $((SECONDS - start - build)) s)"
  [ -f "$results/$trx" ] || { echo "$run: $project wrote no TRX (see $out.run.log)"; status=1; }
  skipped_none "$results/$trx" || status=1
  report_not_run "$run" "$project"
}

# The Core suite under Wine: the namespaces that drive the file system, where every Platform.IsWindows branch is
# (IO, Backup with its crash-point and power-cut tests, the actions and the wrapper with their fault injection,
# Preservation, the test helpers), plus the two netstandard2.0-on-Linux exclusions outside them. The rest (Pki,
# Layout, Validation, Codes, Samples) is platform-neutral logic over bytes, run on Linux against both Core builds;
# under Wine it would only add minutes (every file operation is a wineserver round trip).
core="CertInstaller.Core.Tests"
wine_core="FullyQualifiedName~$core.IO.|FullyQualifiedName~$core.Backup.|FullyQualifiedName~$core.Preservation.|FullyQualifiedName~$core.Helpers."
wine_core+="|FullyQualifiedName~$core.Pki.Creation.CsrCreatorTests.Write_WhenPrivate|FullyQualifiedName~$core.Validation.FolderVerdictTests.Consistency_"
# The file access of Pki and Validation that goes through the port: NewFile's owner-only ACL, the baseline's snapshot, the key ACL read.
wine_core+="|FullyQualifiedName~$core.Pki.Creation.NewFileTests|FullyQualifiedName~$core.Pki.Digests.DigestBaselineReadTests|FullyQualifiedName~$core.Validation.PrivateKeyPermissionPortTests"
# In every run: the Core suite's file-system namespaces and the whole Installer suite against the netstandard2.0 builds,
# the ones the DTF action loads on .NET Framework: their #else branches run nowhere else. The net10.0 builds' Windows
# branches run under Wine through the ActionHost suite (below) and the MSI scenarios; their Core and Installer suites
# under Wine too on request (CERTINSTALLER_WINE_CORE=all), since each Wine run adds minutes (CI stays under 30).
echo "Under Wine, the Core suite runs its file-system namespaces (IO, Backup, Preservation, Helpers) and the Installer suite runs whole, against the netstandard2.0 builds"
wine_suite wine-netstandard2.0 CertInstaller.Core.Tests core-wine-netstandard2.0.trx "$wine_core" -p:CoreTargetFramework=netstandard2.0
wine_suite wine-netstandard2.0 CertInstaller.Installer.Tests installer-wine-netstandard2.0.trx "" -p:CoreTargetFramework=netstandard2.0
if [ "${CERTINSTALLER_WINE_CORE:-}" = all ]; then
  wine_suite wine-net10.0 CertInstaller.Core.Tests core-wine-net10.0.trx "$wine_core"
  wine_suite wine-net10.0 CertInstaller.Installer.Tests installer-wine-net10.0.trx ""
else
  echo "NOT RUN: the Core and Installer suites under Wine against the net10.0 builds: on request (CERTINSTALLER_WINE_CORE=all); the net10.0 Windows branches run under Wine in the ActionHost suite and the MSI scenarios"
fi
wine_suite wine-net10.0 CertInstaller.ActionHost.Tests actionhost-wine.trx ""
# The Harness suite (certharness in-process, and as certharness.exe in ProcessTests) as a Windows process: paths with
# drive letters and backslashes, output files and reports written, the backup verbs. Its tests that start openssl or
# another Linux program stay on Linux (tests/not-run.tsv): a Windows process under Wine cannot wait for a Unix one.
# Wine derives a file's ACL from its Unix mode: with the usual umask every key a test writes reads as readable by
# Everyone, and validate reports CI6001/CI6003 beside what a test asserts. Under umask 077 the keys read as the owner's
# only, as an IC folder's are on Windows (the ACL checks themselves are the Windows workflow's).
wine_umask=077 wine_suite wine-net10.0 CertInstaller.Harness.Tests harness-wine.trx ""
# --- 3. certharness store against Wine's LocalMachine stores (issue 27) ----------------------------------------------
# CertInstaller.Store.Tests imports an openssl-made PKI into the machine stores and runs certharness store on it. Its own
# prefix, made fresh each run (the tests write the stores, and Wine 8 keeps a certificate X509Store.Remove took out),
# and its PKI made here: a test under Wine can start openssl but not wait for it (a Unix process has no Windows handle).
store_suite() {
  local run=wine-store project=CertInstaller.Store.Tests trx=store-wine.trx start=$SECONDS code ran
  local out="artifacts/win-x64/$run/$project" pki="$PWD/artifacts/store-pki" prefix="$PWD/artifacts/wineprefix-store" tests_prefix=$WINEPREFIX
  rm -rf "$out" "$pki" "$prefix"; mkdir -p "$(dirname "$out")" "$prefix"
  if ! dotnet build "tests/$project" -c Release -p:WinX64Tests=true -o "$out" -v:q -nologo >"$out.build.log" 2>&1; then
    echo "$run: $project did not build for win-x64:"; grep -E "error" "$out.build.log" | sort -u | head -20; status=1; return
  fi
  if ! bash tests/CertInstaller.TestSupport/store-pki.sh "$pki" >"$out.pki.log" 2>&1; then
    echo "$run: store-pki.sh could not make the PKI (see $out.pki.log)"; status=1; return
  fi
  export WINEPREFIX=$prefix
  "$wine" wineboot -i >/dev/null 2>&1; "$server" -w
  CERTINSTALLER_STORE_PKI="$(winpath "$pki")" "$wine" "$out/$project.exe" --no-ansi --no-progress --results-directory "$(winpath "$results")" \
    --report-trx --report-trx-filename "$trx" --timeout 10m >"$out.run.log" 2>&1
  code=$?
  "$server" -k 2>/dev/null; export WINEPREFIX=$tests_prefix
  [ $code -eq 0 ] || { status=1; grep -E "^\s*(failed|Failed|error)" "$out.run.log" | head -40; }
  ran=$(grep -o '<Counters [^>]*>' "$results/$trx" 2>/dev/null | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  wine_ran=$((wine_ran + ${ran:-0}))
  echo "$run: $project under Wine: $(counted "$results/$trx") (exit $code; $((SECONDS - start)) s)"
  [ -f "$results/$trx" ] || { echo "$run: $project wrote no TRX (see $out.run.log)"; status=1; }
  skipped_none "$results/$trx" || status=1
}
store_suite
"$server" -k 2>/dev/null
echo "Under Wine (win-x64 processes): $wine_ran tests ran"
exit $status
