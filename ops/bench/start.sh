#!/usr/bin/env bash
# Start-time benchmark of the embedded default: the jar as ops/run.sh runs it, on its own embedded
# PostgreSQL. "Ready" is from launching java to the first UP answer of /actuator/health.
#   first start: a fresh data directory each time (initdb, migrations, the admin user)
#   restart:     the same, already initialised data directory
# Prints each run, then min / median / max of each kind and the load average. A busy machine
# starts slower: compare medians taken on the same machine at similar load. The CPU time the JVM
# used until ready (user + system, PostgreSQL not included) depends much less on the load.
# Usage: ops/bench/start.sh [runs=5]
#   env: JAVA_OPTS (passed to java), BENCH_PORT (default 18090), BENCH_JAR (default: the jar
#   ops/run.sh builds; e.g. the extracted one ops/run.sh starts with its class-data archive)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
port="${BENCH_PORT:-18090}"
jar="${BENCH_JAR:-$root/exchange-core/target/exchange-core-0.1.0-SNAPSHOT-exec.jar}"
if [ ! -f "$jar" ]; then
  echo "Building $jar (skipping tests)..."
  (cd "$root" && ./mvnw -B -q -DskipTests -pl exchange-core -am package)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/reelx-start-bench.XXXXXX")"
cleanup() {
  # the exchange started by a run still going (one_start runs in a subshell: its id is in a file)
  if [ -f "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null; then kill "$(cat "$work/pid")"; sleep 2; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# one start: prints the milliseconds to ready and the JVM's CPU milliseconds until then, leaves the exchange stopped
one_start() {
  local data="$1" log="$work/start.log" started pid
  started=$(now_ms)
  REELX_DATA_DIR="$data" REELX_ADMIN_PASSWORD=start-bench-admin-password PORT="$port" \
    java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$work/pid"
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The exchange stopped before it was ready; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.05
  done
  local ready=$(( $(now_ms) - started ))
  local cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  echo "$ready $cpu"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$work/pid"
}

stats() { # label, then milliseconds
  local label="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-14s runs %d  min %.1f s  median %.1f s  max %.1f s\n", label, NR, v[1] / 1000, median / 1000, v[NR] / 1000
    }'
}

first=() first_cpu=() again=() again_cpu=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  read -r ms cpu < <(one_start "$work/data") || true
  [ -n "${cpu:-}" ] || exit 1
  echo "first start $i: ready in $ms ms, JVM CPU $cpu ms"
  first+=("$ms") first_cpu+=("$cpu")
done
for i in $(seq 1 "$runs"); do
  read -r ms cpu < <(one_start "$work/data") || true
  [ -n "${cpu:-}" ] || exit 1
  echo "restart $i:     ready in $ms ms, JVM CPU $cpu ms"
  again+=("$ms") again_cpu+=("$cpu")
done
stats "first start" "${first[@]}"
stats "restart" "${again[@]}"
stats "first (CPU)" "${first_cpu[@]}"
stats "restart (CPU)" "${again_cpu[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; jar $(du -m "$jar" | cut -f1) MiB"
