#!/usr/bin/env bash
# Live-stream fan-out benchmark: the exchange (embedded PostgreSQL, fsync on) with one hot auction;
# N clients (default 1,000) in a separate JVM (ops/bench/FanoutClient.java, one selector thread)
# hold /stream open on it while the server places R bids/s (default 100) through the command bus.
# Prints per-event latency from the bid's placedAt to its arrival at the client (p50, p99, max),
# the client's own CPU share, and as baseline the same with one client. Target: p99 <= 200 ms.
# Each run first places bids at the same rate for `warmup` seconds, not measured (default 60: on
# a 2-core machine the server's JIT needs about a minute of load before it is warm).
# Usage: ops/bench/fanout.sh [clients=1000] [rate=100] [seconds=30] [warmup=60]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
clients="${1:-1000}" rate="${2:-100}" seconds="${3:-30}" warmup="${4:-60}"
./mvnw -q -B -o -pl exchange-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
work="$(mktemp -d "${TMPDIR:-/tmp}/reelx-fanout.XXXXXX")"
server=""
cleanup() { if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; fi; rm -rf "$work"; }
trap cleanup EXIT
one_run() {
  local n="$1" tag="$2"
  rm -f "$work"/*
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.FanoutBenchmark "ready=$work/ready" "go=$work/go" \
    "done=$work/done" "rate=$rate" "seconds=$seconds" \
    "warmup=$warmup" "measure=$work/measure" > "$work/server.log" 2>&1 &
  server=$!
  java -Xmx512m "$root/ops/bench/FanoutClient.java" "$work/ready" "$work/go" "$work/done" "$n" "$work/measure" | sed "s/^/[$tag] /"
  wait "$server" || true
  server=""
  grep -E "^server:|Exception" "$work/server.log" | sed "s/^/[$tag] /" || true
}
echo "load: $(cat /proc/loadavg)"
echo "warm-up: ${warmup} s at ${rate} bids/s (not measured), then ${seconds} s measured"
one_run 1 "baseline, 1 client"
one_run "$clients" "$clients clients"
echo "load: $(cat /proc/loadavg)"
