#!/usr/bin/env bash
# Avails benchmark alone (the last part of growth.sh, without the bid runs and the seeding): the
# avails check of a title with 1,000 holdings and 1,000 grants against a title with one holding
# (baseline, same run), and how the large check splits into loading and calculating. Target: < 5 ms.
# Usage: ops/bench/avails.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -o -pl exchange-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.StoreBenchmark mode=avails threads=2
