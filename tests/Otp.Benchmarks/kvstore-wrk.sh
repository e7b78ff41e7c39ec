#!/usr/bin/env bash
# Throughput and latency of chapter 7's HTTP API with wrk, on loopback: GET and POST against
# (1) the store on one node, (2) node0 of a three-node cluster with W=2 (every POST waits for one
# other replica), (3) the BEAM equivalent (erlang/kv_httpd.erl: inets httpd + a gen_server map),
# all in one run. Prints uptime before and after: on a shared machine, read the figures with it.
# Usage: tests/Otp.Benchmarks/kvstore-wrk.sh [SECONDS] [CONNECTIONS]   (defaults 8, 16)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-8}; conns=${2:-16}
dotnet build -c Release src/Otp.KvStore -nologo -v:q >/dev/null
dll=artifacts/bin/Otp.KvStore/release/Otp.KvStore.dll
out="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"; }
trap cleanup EXIT
printf 'wrk.method = "POST"\nwrk.body = "hello, book club"\nwrk.headers["Content-Type"] = "text/plain"\n' >"$out/post.lua"
wait_line() { for _ in $(seq 1 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "no '$2' in $1"; cat "$1"; exit 1; }
measure() { # LABEL URL
  curl -s -o /dev/null -X POST -H 'Content-Type: text/plain' --data-binary 'hello, book club' "$2"
  for method in GET POST; do
    extra=(); [ "$method" = POST ] && extra=(-s "$out/post.lua")
    wrk -t2 -c"$conns" -d"${secs}s" --latency "${extra[@]}" "$2" >"$out/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$out/wrk.txt")
    errors=$( (grep -E "Non-2xx|Socket errors" "$out/wrk.txt" || true) | tr "\n" " ")
    printf '%-28s %-5s %10s req/s   p99 %8s   %s\n' "$1" "$method" "$rps" "$p99" "$errors"
  done
}
echo "before: $(uptime)"
echo "wrk -t2 -c$conns -d${secs}s on 127.0.0.1; $(nproc) cores"

dotnet "$dll" --http 18180 >"$out/one.txt" 2>&1 & pids+=($!)
wait_line "$out/one.txt" "HTTP API on"
measure "C# one node" http://127.0.0.1:18180/kv/bench/k
kill "${pids[-1]}"

host=$(hostname -s); hosts="kvb0@$host,kvb1@$host,kvb2@$host"
for i in 0 1 2; do
  dotnet "$dll" --sname "kvb$i" --cookie "bench$$" --http "1819$i" --hosts "$hosts" --w 2 >"$out/n$i.txt" 2>&1 & pids+=($!)
done
for i in 0 1 2; do wait_line "$out/n$i.txt" "HTTP API on"; done
sleep 3 # let the nodes connect
measure "C# three nodes, W=2 (node0)" http://127.0.0.1:18190/kv/bench/k
for i in 0 1 2; do kill "${pids[-1]}"; unset 'pids[-1]'; done

if command -v erlc >/dev/null; then
  erlc -o "$out" tests/Otp.Benchmarks/erlang/kv_httpd.erl
  # Kestrel's sockets have TCP_NODELAY; httpd's do not by default, and then Nagle and the delayed
  # ACK hold each response about 40 ms (measured: ~360 req/s instead of thousands). Same footing:
  erl -noshell -kernel inet_default_listen_options '[{nodelay,true}]' -pa "$out" -eval 'kv_httpd:start(18185)' >"$out/beam.txt" 2>&1 & pids+=($!)
  wait_line "$out/beam.txt" "kv_httpd on"
  measure "BEAM inets httpd+gen_server" http://127.0.0.1:18185/kv/bench/k
fi
echo "after:  $(uptime)"
