#!/usr/bin/env bash
# Measures the learner's loop, as the README tells a learner to work, in a fresh clone:
#   1. the first `dotnet test` after cloning (restore, build of the labs and their tests, run);
#   2. a re-run after editing one lab file (what a learner does all day).
# Wall times are printed, never asserted: they depend on the machine and on what else runs.
# Usage: tests/Workbook.Benchmarks/learner-loop.sh [runs]   (default 1 run of each)
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-1}"
lab_file="labs/Lab01.Processes/Echo.cs"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), dotnet $(dotnet --version)"
for i in $(seq 1 "$runs"); do
  dir="$(mktemp -d)/workbook"
  git clone -q "$repo" "$dir"
  echo "run $i: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

  start=$(date +%s.%N)
  (cd "$dir" && dotnet test >"$dir/../first.log" 2>&1)
  first=$(echo "$(date +%s.%N) - $start" | bc)

  # An edit a learner makes: a comment in one lab file (the lab still compiles, its tests rebuild).
  printf '\n// edited by learner-loop.sh\n' >>"$dir/$lab_file"
  start=$(date +%s.%N)
  (cd "$dir" && dotnet test >"$dir/../rerun.log" 2>&1)
  rerun=$(echo "$(date +%s.%N) - $start" | bc)

  labs=$(grep -cE '^(Passed|Failed)!' "$dir/../rerun.log")
  printf 'run %d: first dotnet test on a fresh clone: %.1f s; re-run after editing %s: %.1f s (%d lab test projects ran)\n' \
    "$i" "$first" "$lab_file" "$rerun" "$labs"
  rm -rf "$(dirname "$dir")"
done
