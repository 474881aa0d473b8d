#!/usr/bin/env bash
# Benchmark (not a timed test): worst-case chain-build times on crafted pools: 1,000 CAs with one subject, cross-signing
# meshes whose path count explodes, every path failing. The same pools are asserted on by PathologicalPoolTests.
# Usage: bench/chains-pathological.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project bench/ChainsPathologicalBench -- "$@"
