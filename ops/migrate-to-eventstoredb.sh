#!/usr/bin/env bash
# Moves the exchange's events from its PostgreSQL into EventStoreDB / KurrentDB, then exits.
# Stop every node first. Afterwards start the exchange with
#   --reelx.event-store=eventstoredb --reelx.eventstoredb.connection-string=<the same string>
# (see ops/eventstoredb.md). Rerunnable: events already copied are skipped.
# Usage: REELX_ADMIN_PASSWORD=... ops/migrate-to-eventstoredb.sh 'kurrentdb://host:2113?tls=false' [--spring.datasource.url=...]
set -euo pipefail
target="${1:?usage: ops/migrate-to-eventstoredb.sh <connection string> [options]}"
shift
exec "$(dirname "$0")/run.sh" --spring.main.web-application-type=none --reelx.event-store=postgres \
  --reelx.migrate-to-eventstoredb=true --reelx.eventstoredb.connection-string="$target" "$@"
