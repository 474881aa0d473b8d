#!/usr/bin/env bash
# Runs every test of the portable solution, MSI-engine tests included.
# Installs what the tests need when it is missing (openssl, Wine's msiexec, msitools, wixl, clang and lld for NativeAOT,
# chromium for the HTML report's browser tests),
# then prints one closing line counted from the test results: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null 2>&1 || need+=(wine64)
command -v msibuild >/dev/null 2>&1 || need+=(msitools)
command -v wixl >/dev/null 2>&1 || need+=(wixl)
command -v clang >/dev/null 2>&1 || need+=(clang)   # the NativeAOT certharness (build/aot.sh)
command -v ld.lld >/dev/null 2>&1 || need+=(lld)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)   # the HTML report's browser tests (Playwright drives it)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "test.sh: could not install ${need[*]}; the tests that need them will fail" >&2; }
fi

status=0
# The NativeAOT certharness (what build/release.sh and the linux-x64 tool package ship) must publish with zero trim/AOT
# warnings (they are errors) and run: a view missing from the JSON context or a reflection-only API added anywhere on
# the harness path fails here. It runs before the tests, so ToolPackageTests' `dotnet pack -r linux-x64` finds this
# native compile up to date: one NativeAOT compile per run.
mkdir -p artifacts; aot=artifacts/aot/linux-x64; rm -rf artifacts/aot-smoke
if build/aot.sh "$aot" >artifacts/aot-publish.log 2>&1 && "$aot/certharness" sample artifacts/aot-smoke --leaves 3 >/dev/null \
   && "$aot/certharness" digests artifacts/aot-smoke --verify-chains --json >/dev/null; then
  echo "NativeAOT certharness: published and ran"
else
  echo "NativeAOT certharness FAILED:"; grep -E "error|warning" artifacts/aot-publish.log | head -20; status=1
fi
rm -rf artifacts/aot-smoke

results=artifacts/test-results
rm -rf "$results"
dotnet test CertInstaller.Portable.slnf -c Release --logger "trx" --results-directory "$results" "$@"
[ $? -eq 0 ] || status=1

# The chain and signature tests once more with BouncyCastle as the only verifier (an AppContext switch in a second
# build of the test project): verdicts must not depend on which verifier runs.
dotnet test tests/CertInstaller.Core.Tests -c Release -p:SignatureVerifier=bouncycastle -o artifacts/core-tests-bouncycastle \
  --filter "FullyQualifiedName~CertInstaller.Core.Tests.Pki.Chains|FullyQualifiedName~CertInstaller.Core.Tests.Pki.Signatures" \
  --logger "trx;LogFileName=core-bouncycastle-verifier.trx" --results-directory "$results"
[ $? -eq 0 ] || status=1

# ---- Windows code paths (issue 20 §2-§3): the Core suite against Core's netstandard2.0 build, and the Core and
# ActionHost suites as self-contained win-x64 executables under Wine. TRX into $results (counted below); prints what
# ran under Wine and every test tests/not-run.tsv leaves out, with its reason.
build/windows-tests.sh "$results" || status=1
# ---- end Windows code paths

# The PowerShell module's Pester suite: run.sh installs pwsh 7.6.10 (.NET tool) and Pester 5.7.1 (NuGet), publishes the
# module and writes Pester's NUnit XML into $results, counted below with the .trx files.
if tests/CertInstaller.PowerShell.Tests/run.sh "$results/powershell.pester.xml" >artifacts/powershell-tests.log 2>&1; then
  echo "PowerShell module (Pester): passed"
else
  echo "PowerShell module (Pester) FAILED:"; grep -aE "\[-\]|Tests Passed|rror" artifacts/powershell-tests.log | head -20; status=1
fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
for nunit in "$results"/*.pester.xml; do
  [ -f "$nunit" ] || continue
  # Pester's NUnit 2.5 XML: a test that did not pass (failure, error, not run, skipped, inconclusive, ...) counts as failed.
  counters=$(grep -o '<test-results [^>]*>' "$nunit" | head -1)
  n() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(n total); notpassed=0
  for a in errors failures not-run inconclusive ignored skipped invalid; do v=$(n "$a"); notpassed=$((notpassed + ${v:-0})); done
  passed=$((passed + ${total:-0} - notpassed)); failed=$((failed + notpassed))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
