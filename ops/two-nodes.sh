#!/usr/bin/env bash
# Two nodes of the exchange on one PostgreSQL, on :8080 and :8081 (the arrangement TwoNodesTest
# runs). With REELX_DB_URL (and REELX_DB_USER / REELX_DB_PASSWORD) both nodes use that database;
# without it node A starts the embedded PostgreSQL on port ${REELX_DB_PORT:-54329} (data under
# $REELX_DATA_DIR) and node B connects to it. Ctrl-C stops both.
# Usage: REELX_ADMIN_PASSWORD=... ops/two-nodes.sh [extra --options for both nodes]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
: "${REELX_ADMIN_PASSWORD:?set REELX_ADMIN_PASSWORD}"
port="${REELX_DB_PORT:-54329}"
common=(--reelx.axon.aggregate-cache=false
  --axon.eventhandling.processors.listing-view.initial-segment-count=2 --axon.eventhandling.processors.listing-view.thread-count=2
  --axon.eventhandling.processors.auction-view.initial-segment-count=2 --axon.eventhandling.processors.auction-view.thread-count=2
  --axon.eventhandling.processors.listing-view.token-claim-interval=1000 --axon.eventhandling.processors.auction-view.token-claim-interval=1000
  "$@")
if [ -n "${REELX_DB_URL:-}" ]; then
  db_a=(--spring.datasource.url="$REELX_DB_URL" --spring.datasource.username="${REELX_DB_USER:-postgres}" --spring.datasource.password="${REELX_DB_PASSWORD:-}")
  db_b=("${db_a[@]}")
else
  db_a=(--reelx.embedded-postgres.port="$port")
  db_b=(--spring.datasource.url="jdbc:postgresql://localhost:$port/postgres" --spring.datasource.username=postgres --spring.datasource.password=)
fi
"$root/ops/run.sh" --server.port=8080 --reelx.node-id=node-a "${db_a[@]}" "${common[@]}" &
a=$!
trap 'kill $a ${b:-} 2>/dev/null; wait' INT TERM EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null http://localhost:8080/openapi.yaml && break
  sleep 1
done
"$root/ops/run.sh" --server.port=8081 --reelx.node-id=node-b "${db_b[@]}" "${common[@]}" &
b=$!
echo "node-a on http://localhost:8080, node-b on http://localhost:8081 (Ctrl-C stops both)"
wait
