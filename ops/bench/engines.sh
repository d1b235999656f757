#!/usr/bin/env bash
# Event storage engine benchmark: Axon's JDBC engine on embedded PostgreSQL against the KurrentDB
# engine (on the in-memory loopback test server, whose figure is indicative only; or on a real
# KurrentDB with BENCH_JAVA_OPTS=-Dreelx.eventstoredb.connection-string=kurrentdb://...).
# Usage: ops/bench/engines.sh [events=20000] [aggregates=200] [threads=4] [fsync=on|off]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests -pl exchange-core -am install
./mvnw -q -B -pl exchange-core test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.eventstore.EngineBenchmark "$@"
