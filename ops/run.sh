#!/usr/bin/env bash
# Runs the exchange on its embedded PostgreSQL (data under $REELX_DATA_DIR, default ./data).
# Builds the application first when the jar is missing or older than the sources.
# Usage: REELX_ADMIN_PASSWORD=... ops/run.sh [--demo] [--server.port=8081] [--spring.datasource.url=...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/exchange-core/target/exchange-core-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/api-spec/src" "$root/exchange-core/src/main" "$root/settlement/src/main" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests -pl exchange-core -am install)
fi
export REELX_DATA_DIR="${REELX_DATA_DIR:-$root/data}"
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
