#!/usr/bin/env bash
# Growth benchmark: bid rate and p99 through the command path (fresh auctions, one client thread
# per auction) on the empty store (baseline), then with N events stored (default 5,000,000: bids
# published in bulk on fresh auctions); then the avails check of a title with 1,000 holdings and
# 1,000 grants against a title with one holding. Targets: within 20% of the empty store; < 5 ms.
# Each bid run first bids unmeasured for `warmup` seconds (default 60: the JIT needs it on 2 cores).
# Usage: ops/bench/growth.sh [events=5000000] [seconds=10] [threads=16] [warmup=60]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -o -pl exchange-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.StoreBenchmark mode=growth \
  "events=${1:-5000000}" "seconds=${2:-10}" "threads=${3:-16}" "warmup=${4:-60}"
