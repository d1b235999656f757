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
# start loads, made once after each build by a start that stops when the context is ready (a
# throw-away data directory, no port opened). Without an archive, the jar as it is.
cds="$root/exchange-core/target/cds"
app="$cds/$(basename "$jar")"
if [ "${REELX_CDS:-on}" != off ] && { [ ! -f "$cds/app.jsa" ] || [ "$jar" -nt "$cds/app.jsa" ]; }; then
  echo "Preparing a class-data archive for faster starts (once after each build, about one start)..."
  rm -rf "$cds"
  training="$(mktemp -d)"
  if java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null \
      && REELX_DATA_DIR="$training" REELX_ADMIN_PASSWORD=class-data-training-only \
         java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" \
         >"$cds/training.log" 2>&1; then
    :
  else
    echo "No class-data archive (see $cds/training.log); starting from the jar."
    rm -f "$cds/app.jsa"
  fi
  rm -rf "$training"
fi
if [ "${REELX_CDS:-on}" != off ] && [ -f "$cds/app.jsa" ]; then
  exec java -XX:SharedArchiveFile="$cds/app.jsa" ${JAVA_OPTS:-} -jar "$app" "$@"
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
