#!/usr/bin/env bash
# Backup + verify of a 500-file folder (1-4 KB files); budget < 1 s. Usage: bench/backup.sh [files] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/BackupBench -- "$@"
