#!/usr/bin/env bash
# Auction benchmark: the exchange on embedded PostgreSQL (fsync on), bids through the command bus
# and over HTTP, against a plain JDBC insert loop on the same database. Prints one line a figure.
# Usage: ops/bench/auction.sh [seconds=10] [threads=16] [auctions=100] [warmup=20] [parts=jdbc,hot,many,http]
#        [paths=command,desk] [rounds=1]   (many-auctions part: which bid paths, runs of each)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests -pl exchange-core -am install
./mvnw -q -B -pl exchange-core test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.AuctionBenchmark "$@"
