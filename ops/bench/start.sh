#!/usr/bin/env bash
# Start-time benchmark of the embedded default: the jar as ops/run.sh runs it, on its own embedded
# PostgreSQL. "Ready" is from launching java to the first UP answer of /actuator/health.
#   first start: a fresh data directory each time (initdb, migrations, the admin user)
#   restart:     the same, already initialised data directory
# Started as ops/run.sh starts it: the jar extracted, with its class-data archive (ops/cds.sh,
# made once per jar); BENCH_MODE=jar starts the jar itself (java -jar, no archive).
# Prints each run, then min / median / max of each kind and the load average. A busy machine
# starts slower: compare medians taken on the same machine at similar load. The CPU time used
# until ready depends much less on the load: the JVM's (user + system, all its threads; of it the
# JIT compilers' share), and PostgreSQL's (initdb, the server and its processes).
# Usage: ops/bench/start.sh [runs=5]
#   env: JAVA_OPTS (passed to java), BENCH_PORT (default 18090), BENCH_MODE (cds or jar),
#   BENCH_JAR (default: the jar ops/run.sh builds; another one, e.g. a copy of an older build, to
#   compare: its archive goes next to it, in JAR.cds/)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
port="${BENCH_PORT:-18090}"
jar="${BENCH_JAR:-$root/exchange-core/target/exchange-core-0.1.0-SNAPSHOT-exec.jar}"
if [ ! -f "$jar" ]; then
  echo "Building $jar (skipping tests)..."
  (cd "$root" && ./mvnw -B -q -DskipTests -pl exchange-core -am package)
fi
mode="${BENCH_MODE:-cds}"
run=("$jar")
if [ "$mode" = cds ]; then
  cds="$root/exchange-core/target/cds"
  [ -z "${BENCH_JAR:-}" ] || cds="${jar%.jar}.cds"
  . "$root/ops/cds.sh"
  prepare_cds "$jar" "$cds"
  run=(-XX:SharedArchiveFile="$cds/app.jsa" -jar "$cds/$(basename "$jar")")
else
  run=(-jar "$jar")
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/reelx-start-bench.XXXXXX")"
cleanup() {
  # the exchange started by a run still going (one_start runs in a subshell: its id is in a file)
  if [ -f "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null; then kill "$(cat "$work/pid")"; sleep 2; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# CPU milliseconds (user + system) of process $1 and all its descendants, waited-for children included
tree_cpu() {
  local hz pids
  hz="$(getconf CLK_TCK)"
  pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"
  for p in $(pgrep -P "$1"); do pids="$pids $(pgrep -P "$p" | tr '\n' ' ')"; done
  for p in $pids; do cat "/proc/$p/stat" 2>/dev/null; done \
    | sed -E 's/^[0-9]+ \(.*\) //' | awk -v hz="$hz" '{ t += $12 + $13 + $14 + $15 } END { printf "%d", t * 1000 / hz }'
}

# one start: prints the milliseconds to ready, the JVM's CPU milliseconds until then, of them the
# JIT compilers', and PostgreSQL's; leaves the exchange stopped
one_start() {
  local data="$1" log="$work/start.log" started pid
  started=$(now_ms)
  REELX_DATA_DIR="$data" REELX_ADMIN_PASSWORD=start-bench-admin-password PORT="$port" \
    java ${JAVA_OPTS:-} "${run[@]}" >"$log" 2>&1 &
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
  local hz cpu jit total
  hz="$(getconf CLK_TCK)"
  # fields after the command name (which may hold spaces): utime is the 12th, stime the 13th
  cpu=$(sed -E 's/^[0-9]+ \(.*\) //' "/proc/$pid/stat" | awk -v hz="$hz" '{ printf "%d", ($12 + $13) * 1000 / hz }')
  jit=$(for t in /proc/"$pid"/task/*; do
      case "$(cat "$t/comm")" in C1\ Compiler*|C2\ Compiler*) sed -E 's/^[0-9]+ \(.*\) //' "$t/stat" ;; esac
    done | awk -v hz="$hz" '{ t += $12 + $13 } END { printf "%d", t * 1000 / hz }')
  total=$(tree_cpu "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$work/pid"
  # only now: the caller goes on (and may remove the data directory) as soon as it reads this line,
  # so the exchange must have stopped, and its PostgreSQL with it, before it is written
  echo "$ready $cpu $jit $(( total - cpu ))"
}

stats() { # label, then milliseconds
  local label="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-16s runs %d  min %.1f s  median %.1f s  max %.1f s\n", label, NR, v[1] / 1000, median / 1000, v[NR] / 1000
    }'
}

first=() first_cpu=() first_jit=() first_pg=() again=() again_cpu=() again_jit=() again_pg=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  read -r ms cpu jit pg < <(one_start "$work/data") || true
  [ -n "${pg:-}" ] || exit 1
  echo "first start $i: ready in $ms ms, JVM CPU $cpu ms (JIT $jit ms), PostgreSQL CPU $pg ms"
  first+=("$ms") first_cpu+=("$cpu") first_jit+=("$jit") first_pg+=("$pg")
done
for i in $(seq 1 "$runs"); do
  read -r ms cpu jit pg < <(one_start "$work/data") || true
  [ -n "${pg:-}" ] || exit 1
  echo "restart $i:     ready in $ms ms, JVM CPU $cpu ms (JIT $jit ms), PostgreSQL CPU $pg ms"
  again+=("$ms") again_cpu+=("$cpu") again_jit+=("$jit") again_pg+=("$pg")
done
echo "mode $mode ($jar)"
stats "first start" "${first[@]}"
stats "restart" "${again[@]}"
stats "first JVM CPU" "${first_cpu[@]}"
stats "  of it JIT" "${first_jit[@]}"
stats "first PG CPU" "${first_pg[@]}"
stats "restart JVM CPU" "${again_cpu[@]}"
stats "  of it JIT" "${again_jit[@]}"
stats "restart PG CPU" "${again_pg[@]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; jar $(du -m "$jar" | cut -f1) MiB"
