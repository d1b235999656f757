#!/usr/bin/env bash
# Page speed benchmark: the exchange with --demo (the jar as ops/bench/start.sh runs it, on a fresh
# embedded PostgreSQL in a temporary directory), then, from a separate process (ops/bench/PageBench.java,
# run by `java` directly, no build), for one demo user of each role signed in through the login form:
#   - every main page requested N times: the server's render time (Server-Timing app;dur, added by
#     the page filter) and the client's time to first byte, p50 / p95 a page, against the same
#     run's baseline (/actuator/health's time to first byte); target p95 < 50 ms;
#   - each page's first-load weight (HTML + every stylesheet and script it links, gzip asked for,
#     as served) and its weight once the assets are cached (assets with a max-age of a day or
#     more are not fetched again), with each asset's encoding and Cache-Control; target < 300 KB;
#   - the room: bid-to-room-update latency, from a bid POST (the two demo platforms in turn, over
#     the API) to the room's SSE 'bid' event arriving at a second client (a page session of the
#     other platform), p50 / p99 over BIDS bids, against the bid request's own response time;
#     target p99 < 1 s.
# The numbers depend on the machine's load: compare against the baseline of the same run.
# Usage: ops/bench/pages.sh [N=200] [BIDS=60]
#   env: BENCH_PORT (default 18091), BENCH_JAR (default: the jar ops/run.sh builds), JAVA_OPTS,
#   BENCH_WARMUP (rounds over every page of every role before measuring, default 20)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-200}"
bids="${2:-60}"
port="${BENCH_PORT:-18091}"
jar="${BENCH_JAR:-$root/exchange-core/target/exchange-core-0.1.0-SNAPSHOT-exec.jar}"
if [ ! -f "$jar" ] || [ -n "$(find "$root/api-spec/src" "$root/exchange-core/src/main" "$root/settlement/src/main" -newer "$jar" -type f -print -quit)" ]; then
  echo "Building $jar (skipping tests)..."
  (cd "$root" && ./mvnw -B -q -DskipTests -pl exchange-core -am package)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/reelx-pages-bench.XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
admin_password="pages-bench-admin-password"
echo "Starting the exchange with --demo on port $port (data in $work)..."
REELX_DATA_DIR="$work/data" REELX_ADMIN_PASSWORD="$admin_password" PORT="$port" \
  java ${JAVA_OPTS:-} -jar "$jar" --demo \
  --reelx.demo.live-auction.opens-after=PT5S --reelx.demo.live-auction.free-period=PT30M \
  >"$work/exchange.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  if curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' \
      && [ -s "$work/data/demo-credentials.txt" ]; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "The exchange stopped before it was ready; its log:" >&2
    cat "$work/exchange.log" >&2
    exit 1
  fi
  sleep 0.25
done
echo "Ready. Load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores."
echo "Compression: server.compression for text/html, text/css, JavaScript (see the encodings below)."
echo
bench=(java -Dwarmup="${BENCH_WARMUP:-20}" "$root/ops/bench/PageBench.java")
"${bench[@]}" pages "http://localhost:$port" "$work/data/demo-credentials.txt" "$admin_password" "$n"
echo
"${bench[@]}" room "http://localhost:$port" "$work/data/demo-credentials.txt" "$bids"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
