#!/usr/bin/env bash
# The README's "Nodes" walkthrough, as a newcomer types it: two command-line C# nodes in two
# "terminals" (background processes), one pinging the other; then erl and iex pinging a C# node;
# then tut17 in every mix (erl pong / C# ping, C# pong / erl ping, erl spawning the C# ping on the
# C# node, two C# nodes), each node's lines compared with those of erl-erl tut17; and stopping a
# C# node with rpc:call(Node, init, stop, []). Everything on loopback (node names @localhost).
# Last line: STEP-TOTALS passed=N failed=M.
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

# ---- tut17 -------------------------------------------------------------------------------------
# wait_for FILE TEXT: up to 60 s for a line TEXT in FILE.
wait_for() { for _ in $(seq 1 120); do grep -qx "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; return 1; }
# lines FILE: the node's tut17 lines, ping lines then pong lines, each in the order printed ("ping
# finished" and "Pong finished" come from two processes and may print in either order).
ping_lines() { grep -E '^(Ping|ping) ' "$1"; }
pong_lines() { grep -E '^Pong ' "$1"; }
lines() { ping_lines "$1"; echo --; pong_lines "$1"; }
erl_cmd=(erl -setcookie "$cookie" -noshell -pa "$out" -kernel inet_dist_use_interface '{127,0,0,1}')
if command -v erlc >/dev/null && erlc -o "$out" src/Workbook.Modules/Erlang/tut17.erl; then
  # The reference: tut17 between two erl nodes.
  timeout 60 "${erl_cmd[@]}" -sname ci_rpong@localhost -eval 'tut17:start_pong()' >"$out/ref_pong.txt" 2>&1 &
  sleep 2
  timeout 60 "${erl_cmd[@]}" -sname ci_rping@localhost -eval 'tut17:start_ping(ci_rpong@localhost)' >"$out/ref_ping.txt" 2>&1 &
  wait_for "$out/ref_ping.txt" "ping finished"; wait_for "$out/ref_pong.txt" "Pong finished"
  check "erl-erl tut17 prints the tutorial's lines" '[ "$(ping_lines "$out/ref_ping.txt")" = "$(printf "Ping received pong\nPing received pong\nPing received pong\nping finished")" ] && [ "$(pong_lines "$out/ref_pong.txt")" = "$(printf "Pong received ping\nPong received ping\nPong received ping\nPong finished")" ]'

  # An erl pong and a C# ping (README: tut17 across nodes).
  timeout 60 "${erl_cmd[@]}" -sname ci_epong@localhost -eval 'tut17:start_pong()' >"$out/m1_pong.txt" 2>&1 &
  sleep 2
  timeout 60 "${node_cmd[@]}" --sname ci_csping@localhost --cookie "$cookie" --run tut17 start_ping ci_epong@localhost >"$out/m1_ping.txt" 2>&1 &
  wait_for "$out/m1_ping.txt" "ping finished"; wait_for "$out/m1_pong.txt" "Pong finished"
  check "C# ping / erl pong: the C# node prints erl's ping lines" '[ "$(lines "$out/m1_ping.txt")" = "$(lines "$out/ref_ping.txt")" ]'
  check "C# ping / erl pong: erl prints erl's pong lines" '[ "$(lines "$out/m1_pong.txt")" = "$(lines "$out/ref_pong.txt")" ]'

  # A C# pong and an erl ping.
  ( timeout 60 "${node_cmd[@]}" --sname ci_cspong@localhost --cookie "$cookie" --run tut17 start_pong; echo "exit $?" ) >"$out/m2_pong.txt" 2>&1 &
  wait_for "$out/m2_pong.txt" "node ci_cspong@localhost is up"
  timeout 60 "${erl_cmd[@]}" -sname ci_eping@localhost -eval 'tut17:start_ping(ci_cspong@localhost)' >"$out/m2_ping.txt" 2>&1 &
  wait_for "$out/m2_ping.txt" "ping finished"; wait_for "$out/m2_pong.txt" "Pong finished"
  check "erl ping / C# pong: erl prints erl's ping lines" '[ "$(lines "$out/m2_ping.txt")" = "$(lines "$out/ref_ping.txt")" ]'
  check "erl ping / C# pong: the C# node prints erl's pong lines" '[ "$(lines "$out/m2_pong.txt")" = "$(lines "$out/ref_pong.txt")" ]'

  # erl spawns the C# ping on the C# node ci_one: every line prints on erl (the group leader rule).
  timeout 60 "${erl_cmd[@]}" -sname ci_espawn@localhost -eval 'tut17:start_pong(), spawn(ci_one@localhost, tut17, ping, [3, node()])' >"$out/m3.txt" 2>&1 &
  wait_for "$out/m3.txt" "ping finished"; wait_for "$out/m3.txt" "Pong finished"
  check "erl spawning the C# ping: erl prints the ping lines" '[ "$(ping_lines "$out/m3.txt")" = "$(ping_lines "$out/ref_ping.txt")" ]'
  check "erl spawning the C# ping: erl prints the pong lines" '[ "$(pong_lines "$out/m3.txt")" = "$(pong_lines "$out/ref_pong.txt")" ]'
  check "erl spawning the C# ping: nothing printed on the C# node" '! grep -qiE "^(ping|pong) " "$out/one.txt"'

  # Two C# nodes.
  timeout 60 "${node_cmd[@]}" --sname ci_cspong2@localhost --cookie "$cookie" --run tut17 start_pong >"$out/m4_pong.txt" 2>&1 &
  wait_for "$out/m4_pong.txt" "node ci_cspong2@localhost is up"
  timeout 60 "${node_cmd[@]}" --sname ci_csping2@localhost --cookie "$cookie" --run tut17 start_ping ci_cspong2@localhost >"$out/m4_ping.txt" 2>&1 &
  wait_for "$out/m4_ping.txt" "ping finished"; wait_for "$out/m4_pong.txt" "Pong finished"
  check "two C# nodes: ping lines as erl's" '[ "$(lines "$out/m4_ping.txt")" = "$(lines "$out/ref_ping.txt")" ]'
  check "two C# nodes: pong lines as erl's" '[ "$(lines "$out/m4_pong.txt")" = "$(lines "$out/ref_pong.txt")" ]'

  # Stopping a C# node from erl.
  stop_says=$(timeout 30 "${erl_cmd[@]}" -sname ci_stopper@localhost -eval 'io:format("~p~n", [rpc:call(ci_cspong@localhost, init, stop, [])]), halt().' 2>&1)
  check "rpc:call(ci_cspong, init, stop, []) -> ok (got: $stop_says)" '[ "$stop_says" = ok ]'
  check "the stopped C# node says so and exits 0" 'wait_for "$out/m2_pong.txt" "node ci_cspong@localhost stopping" && wait_for "$out/m2_pong.txt" "exit 0"'
else
  check "erlc is installed and compiles tut17.erl" false
fi
rc=0; timeout 60 "${node_cmd[@]}" --sname ci_runbad@localhost --cookie "$cookie" --run nomod nofun >"$out/runbad.txt" 2>&1 || rc=$?
check "--run of an unknown function exits 1 with erl's undef reason" '[ $rc = 1 ] && grep -q "{undef,\[{nomod,nofun,\[\],\[\]}\]}" "$out/runbad.txt"'

rc=0; timeout 60 "${node_cmd[@]}" --sname ci_one@localhost --cookie "$cookie" >"$out/taken.txt" 2>&1 || rc=$?
check "a name already taken exits 1 with a clear error" '[ $rc = 1 ] && grep -q "already running" "$out/taken.txt"'
rc=0; timeout 60 "${node_cmd[@]}" --sname ci_runshort@localhost --run tut17 >"$out/usage_run.txt" 2>&1 || rc=$?
check "--run without a FUNCTION exits 2 with a usage line" '[ $rc = 2 ] && grep -q "^usage:" "$out/usage_run.txt"'
rc=0; timeout 60 "${node_cmd[@]}" --bogus >"$out/usage.txt" 2>&1 || rc=$?
check "a bad option exits 2 with a usage line" '[ $rc = 2 ] && grep -q "^usage:" "$out/usage.txt"'

for f in one two three ref_ping ref_pong m1_ping m1_pong m2_ping m2_pong m3 m4_ping m4_pong runbad; do [ -f "$out/$f.txt" ] && { echo "--- $f"; cat "$out/$f.txt"; }; done
echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
