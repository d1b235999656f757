#!/usr/bin/env bash
# Settlement benchmark: 1,000 contracts x 1,000 CSV lines streamed through report validation,
# statements and ledger postings on a fresh embedded PostgreSQL (fsync on), settlement's real
# persistence path. Prints elapsed time, lines/s, statements, transfers and peak heap.
# Usage: ops/bench/settlement.sh [contracts=1000] [lines=1000] [threads=2] [fsync=on]
# Builds in the reactor only (nothing is installed into ~/.m2); MVN_FLAGS=-o builds offline.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B ${MVN_FLAGS:-} -pl exchange-core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx${BENCH_HEAP:-512m} ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.SettlementBenchmark "$@"
