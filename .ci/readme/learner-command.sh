#!/usr/bin/env bash
# The learner's command from the README, exactly as written: `dotnet test` at the root of a fresh
# clone with nothing built. It must grade the starter labs and nothing else: one result line per
# lab (every tests/LabNN.*.Tests project), every lab test failing (the starters implement no
# task), no workbook test project in the run, no build error.
# Usage: learner-command.sh <fresh clone>. Last line: STEP-TOTALS passed=N failed=M.
set -uo pipefail
clone="${1:?usage: learner-command.sh <fresh clone>}"
log="$(cd "$(dirname "$0")/../.." && pwd)/artifacts/ci/learner-dotnet-test.log"
mkdir -p "$(dirname "$log")"

start=$(date +%s)
(cd "$clone" && dotnet test) >"$log" 2>&1
rc=$?
echo "dotnet test (learner's command) took $(( $(date +%s) - start )) s, exit code $rc"

/usr/bin/python3 - "$log" "$clone" "$rc" <<'PY'
import os, re, sys
log, clone, rc = open(sys.argv[1], errors="replace").read(), sys.argv[2], int(sys.argv[3])
ok = bad = 0
def check(cond, text):
    global ok, bad
    print(("ok:     " if cond else "FAILED: ") + text)
    ok, bad = (ok + 1, bad) if cond else (ok, bad + 1)

summary = re.compile(r"^(Passed|Failed)!\s+- Failed:\s*(\d+), Passed:\s*(\d+), Skipped:\s*(\d+), Total:\s*(\d+).* - (\S+)\.dll", re.M)
runs = {m[6]: (int(m[2]), int(m[3]), int(m[5])) for m in summary.finditer(log)}
labs = sorted(d for d in os.listdir(os.path.join(clone, "tests")) if re.match(r"^Lab\d+\..+\.Tests$", d))
errors = sorted(set(re.findall(r"error (?:CS|MSB|NU)\d+[^\r\n]*", log)))

check(not errors, "no build error" + ("".join("\n        " + e for e in errors[:10]) if errors else ""))
workbook = sorted(name for name in runs if name not in labs)
check(not workbook, "only lab tests ran" + (f" (also ran: {', '.join(workbook)})" if workbook else ""))
for lab in labs:
    if lab not in runs:
        check(False, f"{lab}: did not run")
        continue
    failed, passed, total = runs[lab]
    check(total > 0 and failed == total and passed == 0,
          f"{lab}: {failed} of {total} tests fail on the starter (passed: {passed})")
check(rc != 0, f"dotnet test exits non-zero while tasks are unfinished (exit code {rc})")
print(f"STEP-TOTALS passed={ok} failed={bad}")
sys.exit(1 if bad else 0)
PY
