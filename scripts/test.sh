#!/usr/bin/env bash
# The whole test suite, on both storage backends. Installs what the tests
# need first (scripts/test-env.sh), so it runs on a fresh machine as is.
#
#   ./scripts/test.sh            everything: SQLite, then PostgreSQL
#   ./scripts/test.sh sqlite     the embedded backend only
#   ./scripts/test.sh postgres   the PostgreSQL backend only
#
# PostgreSQL is expected at 127.0.0.1:5432 with trust authentication for the
# user `postgres` (override with SIGNET_TEST_POSTGRES_URL); every test
# creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

which_backends=${1:-all}
./scripts/test-env.sh

pg_url=${SIGNET_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return
  fi
  # A local cluster that is installed but stopped: start it.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
    done
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return
    sleep 1
  done
  echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2
  exit 1
}

# Build every test binary once; both backends reuse them.
cargo test --workspace --no-run --locked

if [ "$which_backends" = all ] || [ "$which_backends" = sqlite ]; then
  echo "== tests on SQLite" >&2
  SIGNET_TEST_DATABASE=sqlite cargo test --workspace --locked
fi

if [ "$which_backends" = all ] || [ "$which_backends" = postgres ]; then
  ensure_postgres
  echo "== tests on PostgreSQL" >&2
  # The whole workspace again, not only the crates that touch the database:
  # the same package selection reuses the test binaries built above (another
  # selection would unify features differently and build everything twice),
  # and the backend-free crates take seconds.
  SIGNET_TEST_DATABASE=postgres SIGNET_TEST_POSTGRES_URL="$pg_url" \
    cargo test --workspace --locked
fi
