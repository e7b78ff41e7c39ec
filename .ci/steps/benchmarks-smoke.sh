#!/usr/bin/env bash
# Benchmark smoke test: runs the comparison (the runtime, the BEAM, Akka.NET, Proto.Actor) at
# small sizes and checks that it ran, that every row has a figure from the runtime and the BEAM,
# that the rows the actor libraries can express have a figure from each of them too, and that
# every pair of nodes of the distribution benchmark has its figures. Timings are printed, never asserted: a
# shared CI machine cannot judge speed. Last line: STEP-TOTALS passed=N failed=M.
set -uo pipefail
cd "$(dirname "$0")/../.."
export OTP_REQUIRE_ERL="${OTP_REQUIRE_ERL:-1}"   # the BEAM side must run, not be skipped
out=artifacts/benchmarks
rm -f "$out/results-quick.json"

passed=0; failed=0
if timeout 600 dotnet run -c Release --project tests/Otp.Benchmarks -- compare --quick; then
  echo "ok: the benchmark command ran"; passed=$((passed+1))
else
  echo "FAILED: the benchmark command exited non-zero"; failed=$((failed+1))
fi

if [ -f "$out/results-quick.json" ]; then
  # One check per row of the comparison: both sides produced a number.
  read -r rp rf < <(/usr/bin/python3 - "$out/results-quick.json" <<'PY'
import json, math, sys
rows = json.load(open(sys.argv[1]))["comparison"]
ok = bad = 0
# The rows an actor library can express: spawn, memory, ping-pong, ring, burst.
peer_rows = ("spawn ", "  memory of an idle process", "ping-pong", "ring of", "burst:")
for r in rows:
    sides = ("csharp", "beam") + (("akka", "proto") if r["benchmark"].startswith(peer_rows) else ())
    fine = all(isinstance(r[k], (int, float)) and math.isfinite(r[k]) for k in sides)
    print(("ok:     " if fine else "FAILED: ") + f"{r['benchmark'].strip()}: " + ", ".join(f"{k} {r[k]}" for k in sides), file=sys.stderr)
    ok, bad = (ok + 1, bad) if fine else (ok, bad + 1)
# The table benchmark (docs/tables.md): every cell has a figure from the runtime and from ETS.
tables = json.load(open(sys.argv[1])).get("tables", [])
for r in tables:
    fine = all(isinstance(r[k], (int, float)) and math.isfinite(r[k]) for k in ("otp", "ets"))
    print(("ok:     " if fine else "FAILED: ") + f"table {r['table']} {r['work']} x{r['processes']}: Otp {r['otp']}, ETS {r['ets']}", file=sys.stderr)
    ok, bad = (ok + 1, bad) if fine else (ok, bad + 1)
# The TCP comparison (docs/tcp.md): every figure from both servers, and every connection held.
tcp = json.load(open(sys.argv[1])).get("tcp", [])
config = json.load(open(sys.argv[1]))["config"]
for r in tcp:
    fine = all(isinstance(r[k], (int, float)) and math.isfinite(r[k]) for k in ("otp", "beam"))
    if r["metric"] == "connections_held":
        fine = fine and r["otp"] == r["beam"] == config["tcp_connections"]
    print(("ok:     " if fine else "FAILED: ") + f"tcp {r['metric']}: Otp {r['otp']}, BEAM {r['beam']}", file=sys.stderr)
    ok, bad = (ok + 1, bad) if fine else (ok, bad + 1)
# The distribution benchmark (docs/benchmarks.md): every pair of nodes, C#-C#, erl-erl and both
# mixed pairs, has a round trip and a throughput.
dist = json.load(open(sys.argv[1])).get("distribution", [])
for r in dist:
    fine = all(isinstance(r[k], (int, float)) and math.isfinite(r[k]) for k in ("us_per_round_trip", "messages_per_s"))
    print(("ok:     " if fine else "FAILED: ") + f"distribution {r['pair']}: {r['us_per_round_trip']} us per round trip, {r['messages_per_s']} messages/s", file=sys.stderr)
    ok, bad = (ok + 1, bad) if fine else (ok, bad + 1)
print(ok, bad if rows and tables and tcp and len(dist) == 4 else 1)
PY
  )
  passed=$((passed+${rp:-0})); failed=$((failed+${rf:-1}))
else
  echo "FAILED: $out/results-quick.json was not written"; failed=$((failed+1))
fi

echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
