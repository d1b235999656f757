#!/usr/bin/env bash
# Sourced by ops/run.sh and ops/bench/start.sh: the class-data archive for faster starts.
# prepare_cds JAR DIR: when DIR/app.jsa is missing or older than JAR, extracts JAR into DIR and
# records the classes a start loads into DIR/app.jsa, by a start on a throw-away data directory
# (any free port) that stops as soon as the exchange is ready (--reelx.exit-when-ready). Answers
# 0 when DIR/app.jsa is usable (start with: java -XX:SharedArchiveFile=DIR/app.jsa -jar DIR/$(basename JAR)).
prepare_cds() {
  local jar="$1" cds="$2" app training
  app="$cds/$(basename "$jar")"
  if [ -f "$cds/app.jsa" ] && [ ! "$jar" -nt "$cds/app.jsa" ]; then
    return 0
  fi
  echo "Preparing a class-data archive for faster starts (once after each build, about one start)..."
  rm -rf "$cds"
  training="$(mktemp -d)"
  if java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null \
      && REELX_DATA_DIR="$training" REELX_ADMIN_PASSWORD=class-data-training-only \
         timeout "${REELX_CDS_TRAINING_TIMEOUT:-900}" java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$cds/app.jsa" -jar "$app" \
         --server.port=0 --reelx.exit-when-ready=true --reelx.embedded-postgres.fsync=false \
         >"$cds/training.log" 2>&1 \
      && [ -f "$cds/app.jsa" ]; then
    rm -rf "$training"
    return 0
  fi
  echo "No class-data archive (see $cds/training.log); starting from the jar."
  rm -f "$cds/app.jsa"
  rm -rf "$training"
  return 1
}
