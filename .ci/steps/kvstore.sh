#!/usr/bin/env bash
# The README's key-value store session, as a newcomer types it: the store started from the command
# line, then curl (201, 200 with the body, 200 on delete, 404, 405 with Allow), bad input (400, 413)
# and the command line's exits (port taken: 1, bad option: 2, SIGTERM: 0 with "kv: stopping").
# Loopback only; the port is picked by the store (--http 0) so a busy 8080 cannot fail CI.
# Last line: STEP-TOTALS passed=N failed=M.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0; failed=0
check() { if eval "$2"; then echo "ok:     $1"; passed=$((passed+1)); else echo "FAILED: $1"; failed=$((failed+1)); fi; }

dotnet build src/Otp.KvStore -nologo -v:q >/dev/null 2>&1
kv_cmd=(dotnet run --no-build --project src/Otp.KvStore --)
out="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$out"' EXIT

timeout 300 "${kv_cmd[@]}" --http 0 >"$out/kv.txt" 2>&1 &
kv_pid=$!
for _ in $(seq 1 60); do grep -q "HTTP API on" "$out/kv.txt" && break; sleep 1; done
base=$(sed -nE 's/^kv: HTTP API on (http:\/\/127\.0\.0\.1:[0-9]+)\/ .*/\1/p' "$out/kv.txt")
check "the store prints where it listens (got: $(head -1 "$out/kv.txt"))" '[ -n "$base" ]'

status() { curl -s -o "$out/body" -D "$out/headers" -w '%{http_code}' "$@"; }
s=$(status -X POST -H 'Content-Type: text/plain' --data-binary 'hello, book club' "$base/kv/chapter7/greeting")
check "POST stores: 201 (got $s)" '[ "$s" = 201 ]'
s=$(status "$base/kv/chapter7/greeting")
check "GET: 200 with the body and its content type (got $s: $(cat "$out/body"))" \
  '[ "$s" = 200 ] && [ "$(cat "$out/body")" = "hello, book club" ] && grep -qi "^content-type: text/plain" "$out/headers"'
s=$(status -X DELETE "$base/kv/chapter7/greeting")
check "DELETE: 200 (got $s)" '[ "$s" = 200 ]'
s=$(status "$base/kv/chapter7/greeting")
check "GET after DELETE: 404 (got $s)" '[ "$s" = 404 ]'
s=$(status -X PUT --data-binary 'hello' "$base/kv/chapter7/greeting")
check "PUT: 405 with Allow: GET, POST, DELETE (got $s)" '[ "$s" = 405 ] && grep -qi "^allow: GET, POST, DELETE" "$out/headers"'
s=$(status -X POST --data-binary 'x' "$base/kv//greeting")
check "empty namespace: 400 (got $s: $(cat "$out/body"))" '[ "$s" = 400 ]'
s=$(head -c 2000000 /dev/zero | status -X POST --data-binary @- "$base/kv/chapter7/big")
check "a 2 MB body: 413 (got $s: $(cat "$out/body"))" '[ "$s" = 413 ]'
s=$(status "$base/kv/chapter7/big")
check "... and nothing was stored: 404 (got $s)" '[ "$s" = 404 ]'

port=${base##*:}
rc=0; timeout 60 "${kv_cmd[@]}" --http "$port" >"$out/taken.txt" 2>&1 || rc=$?
check "a port already taken exits 1 with a clear error" '[ $rc = 1 ] && grep -q "cannot listen" "$out/taken.txt"'
rc=0; timeout 60 "${kv_cmd[@]}" --bogus >"$out/usage.txt" 2>&1 || rc=$?
check "a bad option exits 2 with a usage line" '[ $rc = 2 ] && grep -q "^usage:" "$out/usage.txt"'

# dotnet run forwards nothing: stop the store itself, as docker stop or systemd would.
store_pid=$(pgrep -P "$(pgrep -P "$kv_pid" | head -1)" | head -1)
[ -z "$store_pid" ] && store_pid=$(pgrep -P "$kv_pid" | head -1)
rc=0
if [ -n "$store_pid" ]; then kill -TERM "$store_pid"; wait "$kv_pid" || rc=$?; else rc=99; fi
check "SIGTERM stops the store cleanly: exit 0, 'kv: stopping' (rc $rc)" '[ $rc = 0 ] && grep -qx "kv: stopping" "$out/kv.txt"'

echo "--- kv"; cat "$out/kv.txt"
echo "STEP-TOTALS passed=$passed failed=$failed"
[ "$failed" = 0 ]
