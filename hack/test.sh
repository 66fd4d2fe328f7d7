#!/usr/bin/env bash
# Runs every test project and ends with one plain summary line, "tests: N passed, N failed, N skipped",
# which CI reads; the exit code is dotnet test's.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test NodeIpam.sln -c "${CONFIGURATION:-Release}" --nologo "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# VSTest prints one line per test assembly: "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total: ..."
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$rc"
