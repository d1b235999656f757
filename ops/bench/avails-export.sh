#!/usr/bin/env bash
# EMA Avails export benchmark: N titles (default 10,000) mapped to avails rows and written by the
# streaming .xlsx writer (POI SXSSF), against the same rows written as CSV in the same run (baseline).
# Prints time, rows, file size and peak heap of each, and the ratios. Runs with a small heap
# (-Xmx256m unless BENCH_JAVA_OPTS says otherwise) to show the sheet is not held in memory.
# Builds inside the reactor (no install). Usage: ops/bench/avails-export.sh [titles=10000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -o -pl exchange-core -am test-compile
./mvnw -q -B -o -pl exchange-core dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test 2>/dev/null || ./mvnw -q -B -o -pl exchange-core -am dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:api-spec/target/classes:settlement/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xmx256m} -cp "$cp" io.reelx.exchange.bench.AvailsExportBenchmark "$@"
