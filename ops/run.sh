#!/usr/bin/env bash
# Runs the exchange on its embedded PostgreSQL (data under $REELX_DATA_DIR, default ./data).
# Builds the application first when the jar is missing or older than the sources.
# Usage: REELX_ADMIN_PASSWORD=... ops/run.sh [--demo] [--server.port=8081] [--spring.datasource.url=...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/exchange-core/target/exchange-core-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/api-spec/src" "$root/exchange-core/src/main" "$root/settlement/src/main" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  # progress: one line a module (the first build also downloads the dependencies: a few minutes)
  echo "Building the exchange (api-spec, settlement, exchange-core; tests skipped)..."
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  (cd "$root" && ./mvnw -B -ntp -DskipTests -Dreelx.commit="$commit" -pl exchange-core -am install \
    | grep -E --line-buffered '^\[INFO\] (Building .*\[[0-9]+/[0-9]+\]|BUILD|Total time)|ERROR')
fi
export REELX_DATA_DIR="${REELX_DATA_DIR:-$root/data}"
# Faster starts (REELX_CDS=off to skip): the jar extracted and a class-data archive of the classes a
# start loads, made once after each build (ops/cds.sh). Without an archive, the jar as it is.
cds="$root/exchange-core/target/cds"
app="$cds/$(basename "$jar")"
if [ "${REELX_CDS:-on}" != off ]; then
  . "$root/ops/cds.sh"
  prepare_cds "$jar" "$cds" || true
fi
if [ "${REELX_CDS:-on}" != off ] && [ -f "$cds/app.jsa" ]; then
  exec java -XX:SharedArchiveFile="$cds/app.jsa" ${JAVA_OPTS:-} -jar "$app" "$@"
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
