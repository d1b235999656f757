#!/usr/bin/env bash
# HTTP benchmark (issue 17): the exchange on embedded PostgreSQL (fsync on); in one run the
# command path's bids/s as the baseline, bids/s over HTTP from wrk (keep-alive, bearer tokens, 100
# auctions), p99 at half that rate open loop (a client in its own JVM), and GET /api/v1/me with a
# bearer token and with HTTP Basic against the 401 rate. Load comes from separate processes; each
# line gives the client's share of the machine's CPU. Needs wrk (Debian package `wrk`).
# Usage: ops/bench/http.sh [seconds=10] [auctions=100] [platforms=16] [threads=16] [connections=100] (name=value)
#        [warmup=60] [parts=command,http,open,auth]
#        [openrate=half the closed-loop rate]
#   env BENCH_JAVA_OPTS: extra JVM options of the server (e.g. -XX:StartFlightRecording=filename=x.jfr)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
# built inside the reactor (no install into ~/.m2): the modules' classes from their target folders
./mvnw -q -B -o -pl exchange-core -am test-compile
./mvnw -q -B -o -pl exchange-core dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null 2>&1 || \
  ./mvnw -q -B -o -pl exchange-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
cp="exchange-core/target/test-classes:exchange-core/target/classes:$(cat exchange-core/target/bench.classpath)"
# the reactor's own modules from their target folders rather than copies in ~/.m2
for module in api-spec settlement; do
  cp="$(echo "$cp" | sed -E "s#[^:]*/io/reelx/$module/[^:]*\.jar#$root/$module/target/classes#g")"
done
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.reelx.exchange.bench.HttpBenchmark "$@"
