#!/usr/bin/env bash
# The README's three-node key-value store (docs/kvstore.md, "The cluster"): three nodes started as
# the README says (each on a port it picks), a POST on node0 read back on node1 and node2, a DELETE
# on node1 seen everywhere; with node1 and node2 stopped a POST is not acknowledged (503); node1
# restarted gets what it missed through anti-entropy and POSTs are acknowledged again.
# Loopback only; every wait bounded. Last line: STEP-TOTALS passed=N failed=M.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0; failed=0
check() { if eval "$2"; then echo "ok:     $1"; passed=$((passed+1)); else echo "FAILED: $1"; failed=$((failed+1)); fi; }

dotnet build src/Otp.KvStore -nologo -v:q >/dev/null 2>&1
dll=artifacts/bin/Otp.KvStore/debug/Otp.KvStore.dll
out="$(mktemp -d)"
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$out"' EXIT
host=$(hostname -s); tag=$RANDOM; cookie="ci_$RANDOM$RANDOM"
hosts="kvci${tag}a@$host,kvci${tag}b@$host,kvci${tag}c@$host"
name=(kvci${tag}a kvci${tag}b kvci${tag}c)
pid=(); base=()
# start I: node I in the background (its pid in pid[I]); wait_up I: until it serves HTTP (60 s).
start() { dotnet "$dll" --sname "${name[$1]}" --cookie "$cookie" --http 0 --hosts "$hosts" --sync-ms 500 >"$out/n$1.txt" 2>&1 & pid[$1]=$!; }
wait_up() {
  for _ in $(seq 1 120); do grep -q "HTTP API on" "$out/n$1.txt" && break; sleep 0.5; done
  base[$1]=$(sed -nE 's/^kv: HTTP API on (http:\/\/127\.0\.0\.1:[0-9]+)\/ .*/\1/p' "$out/n$1.txt")
}
# eventually COMMAND...: true once COMMAND succeeds, trying for up to 10 s.
eventually() { for _ in $(seq 1 40); do "$@" && return 0; sleep 0.25; done; return 1; }
status() { curl -s -o "$out/body" -w '%{http_code}' "$@"; }
reads() { [ "$(status "${base[$1]}/kv/club/$2")" = "$3" ]; }

for i in 0 1 2; do start $i; done
for i in 0 1 2; do wait_up $i; done
check "three nodes up, W=2" 'grep -q "^kv: node ${name[0]}@$host, replicas on $hosts, W=2, sync=full$" "$out/n0.txt" && [ -n "${base[2]}" ]'

s=""; for _ in $(seq 1 40); do s=$(status -X POST -H 'Content-Type: text/plain' --data-binary 'chapter seven' "${base[0]}/kv/club/book"); [ "$s" = 201 ] && break; sleep 0.25; done
check "POST on node0: 201 once the nodes are connected (got $s)" '[ "$s" = 201 ]'
check "node1 and node2 read it: 200 with the body" 'eventually reads 1 book 200 && [ "$(cat "$out/body")" = "chapter seven" ] && eventually reads 2 book 200'
s=$(status -X DELETE "${base[1]}/kv/club/book")
check "DELETE on node1: 200 (got $s)" '[ "$s" = 200 ]'
check "then 404 on every node" 'eventually reads 0 book 404 && eventually reads 2 book 404'
s=$(status -X POST --data-binary 'kept' "${base[0]}/kv/club/kept")
check "POST before the failures: 201 (got $s)" '[ "$s" = 201 ]'

kill -9 "${pid[1]}" "${pid[2]}"; wait "${pid[1]}" "${pid[2]}" 2>/dev/null; sleep 1
s=$(status -X POST --data-binary 'alone' "${base[0]}/kv/club/alone")
check "node1 and node2 down: POST not acknowledged, 503 (got $s: $(cat "$out/body"))" '[ "$s" = 503 ] && grep -q "write not acknowledged" "$out/body"'

start 1; wait_up 1
check "node1 restarted (empty memory) gets the earlier write back through anti-entropy" 'eventually reads 1 kept 200 && [ "$(cat "$out/body")" = kept ]'
s=""; for _ in $(seq 1 40); do s=$(status -X POST --data-binary 'again' "${base[0]}/kv/club/again"); [ "$s" = 201 ] && break; sleep 0.25; done
check "with node1 back, POST on node0: 201 (got $s)" '[ "$s" = 201 ]'

for i in 0 1 2; do echo "--- node$i"; cat "$out/n$i.txt"; done
echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
