#!/usr/bin/env bash
# CI step: every starter lab compiles and fails every one of its tests; every reference
# solution passes every test; every lab's README and tests agree on the tasks.
# Runs from the repository root. Last line of stdout: STEP-TOTALS passed=<N> failed=<M>.
set -uo pipefail

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# NO_COLOR keeps the log plain; the grader kills any test run that hangs, so the outer
# timeout only guards against the unexpected.
NO_COLOR=1 timeout 900 dotnet run --project tests/Grader -- --check-starters 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

line=$(grep -E '^starter checks: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
if [[ -z "$line" ]]; then
  echo "starters: the grader did not report its checks (exit code $status)"
  echo "STEP-TOTALS passed=0 failed=1"
  exit 1
fi
passed=$(sed -E 's/^starter checks: ([0-9]+) passed, ([0-9]+) failed$/\1/' <<<"$line")
failed=$(sed -E 's/^starter checks: ([0-9]+) passed, ([0-9]+) failed$/\2/' <<<"$line")
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "STEP-TOTALS passed=$passed failed=$failed"
[[ $failed -eq 0 ]]
