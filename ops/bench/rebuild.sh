#!/usr/bin/env bash
# Rebuild benchmark: seeds the event store (default 1,000,000 events), rebuilds every read model
# from it (ReadModelRebuild: the listing and auction views, the bid book, the rights, contract and
# identity registers) and checks that the rebuilt tables are identical to the live ones (row counts
# and checksums of every table). Prints the rate against same-run baselines: a raw JDBC scan of the
# event table, the storage engine's read of the log, and the rate seeding stored the events at.
# Target: >= 20,000 events/s. BENCH_JAVA_OPTS=-Dbench.jfr=/tmp/rebuild.jfr records the rebuild.
# Usage: ops/bench/rebuild.sh [events=1000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
events="${1:-1000000}"
./mvnw -q -B -o -pl exchange-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.StoreBenchmark mode=rebuild "events=$events"
