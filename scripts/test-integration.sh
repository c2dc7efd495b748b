#!/usr/bin/env bash
# Integration tests run against a real database: always the embedded PGlite, and also the
# PostgreSQL server in TEST_POSTGRES_URL when it is set (CI sets it).
set -euo pipefail
echo "== integration tests on the embedded database (PGlite)"
env -u TEST_DATABASE_URL npx vitest run --project integration
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration tests on PostgreSQL"
  TEST_DATABASE_URL="$TEST_POSTGRES_URL" npx vitest run --project integration
fi
