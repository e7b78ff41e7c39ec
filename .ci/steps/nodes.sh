#!/usr/bin/env bash
# The README's "Nodes" walkthrough, as a newcomer types it: two command-line C# nodes in two
# "terminals" (background processes), one pinging the other; then erl and iex pinging a C# node.
# Everything on loopback (node names @localhost). Last line: STEP-TOTALS passed=N failed=M.
set -uo pipefail
cd "$(dirname "$0")/../.."
export ERL_CRASH_DUMP="${TMPDIR:-/tmp}/ci-nodes-erl_crash.dump"
passed=0; failed=0
check() { if eval "$2"; then echo "ok:     $1"; passed=$((passed+1)); else echo "FAILED: $1"; failed=$((failed+1)); fi; }

dotnet build src/Otp.Node -nologo -v:q >/dev/null 2>&1
node_cmd=(dotnet run --no-build --project src/Otp.Node --)
out="$(mktemp -d)"
cookie="ci_$RANDOM$RANDOM"
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$out"' EXIT

timeout 120 "${node_cmd[@]}" --sname ci_one@localhost --cookie "$cookie" >"$out/one.txt" 2>&1 &
for _ in $(seq 1 60); do grep -q "is up" "$out/one.txt" && break; sleep 1; done
check "first C# node prints 'node ci_one@localhost is up'" 'grep -qx "node ci_one@localhost is up" "$out/one.txt"'

timeout 60 "${node_cmd[@]}" --sname ci_two@localhost --cookie "$cookie" --ping ci_one@localhost >"$out/two.txt" 2>&1 &
for _ in $(seq 1 60); do grep -q "^ping " "$out/two.txt" && break; sleep 1; done
check "second C# node pings the first: pong" 'grep -qx "ping ci_one@localhost: pong" "$out/two.txt"'
check "the first node saw nodeup ci_two@localhost" 'grep -qx "nodeup ci_two@localhost" "$out/one.txt"'

timeout 60 "${node_cmd[@]}" --sname ci_three@localhost --cookie wrong_cookie --ping ci_one@localhost >"$out/three.txt" 2>&1 &
for _ in $(seq 1 60); do grep -q "^ping " "$out/three.txt" && break; sleep 1; done
check "a wrong cookie gets pang" 'grep -qx "ping ci_one@localhost: pang" "$out/three.txt"'

if command -v erl >/dev/null; then
  erl_says=$(timeout 30 erl -sname ci_erl@localhost -setcookie "$cookie" -noshell \
    -eval 'io:format("~p~n", [net_adm:ping(ci_one@localhost)]), halt().' 2>&1)
  check "erl: net_adm:ping('ci_one@localhost') -> pong (got: $erl_says)" '[ "$erl_says" = pong ]'
else
  check "erl is installed" false
fi
if command -v elixir >/dev/null; then
  ex_says=$(timeout 60 elixir --sname ci_ex@localhost --cookie "$cookie" -e 'IO.inspect Node.ping(:"ci_one@localhost")' 2>&1)
  check "iex/elixir: Node.ping(:\"ci_one@localhost\") -> :pong (got: $ex_says)" '[ "$ex_says" = :pong ]'
else
  check "elixir is installed" false
fi

rc=0; timeout 60 "${node_cmd[@]}" --sname ci_one@localhost --cookie "$cookie" >"$out/taken.txt" 2>&1 || rc=$?
check "a name already taken exits 1 with a clear error" '[ $rc = 1 ] && grep -q "already running" "$out/taken.txt"'
rc=0; timeout 60 "${node_cmd[@]}" --bogus >"$out/usage.txt" 2>&1 || rc=$?
check "a bad option exits 2 with a usage line" '[ $rc = 2 ] && grep -q "^usage:" "$out/usage.txt"'

for f in one two three; do echo "--- $f"; cat "$out/$f.txt"; done
echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
