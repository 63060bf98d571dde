#!/usr/bin/env bash
# Runs every test (set-up included): unit, end-to-end on the real input/, browser, validators.
# Extra arguments go to 'dotnet test', e.g. ./test.sh --filter "Category!=Browser".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/scripts/setup.sh" test
# The native generator ./build.sh runs, which tests compare with theirs (Support/Generator.cs): published here, before
# the tests' time limits start, and only when its sources changed.
"$root/scripts/publish-generator.sh" native >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$root/QualityMonth.slnx" -c Release --no-restore -nologo "$@" 2>&1 | tee "$log" || status=$?
# One plain closing line for CI: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); f += $4; p += $6; s += $8 }
     END { if (p + f + s > 0) printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
