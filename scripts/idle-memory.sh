#!/usr/bin/env bash
# Resident memory of an idle `signet serve` on the embedded default (SQLite and local files),
# as a user's `ps` or `top` shows it: the release binary, a fresh data directory, measured a
# second after `/readyz` answers. Prints the total and its two parts: anonymous memory (the
# heap and stacks, what the server itself allocated) and file-backed pages (the binary's code
# and constants mapped in, shared with every other process running it and dropped first under
# memory pressure).
#
#   ./scripts/idle-memory.sh          build (release) and measure three fresh starts
#   ./scripts/idle-memory.sh PATH     measure another build of `signet`
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --release -p signet --locked
  bin=target/release/signet
fi

for run in 1 2 3; do
  dir=$(mktemp -d)
  port=$((20000 + RANDOM % 20000))
  SIGNET_DATA_DIR="$dir" SIGNET_LISTEN="127.0.0.1:$port" "$bin" serve >"$dir/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep 1
  kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
  awk -v run="$run" '
    /^VmRSS:/ {rss = $2} /^RssAnon:/ {anon = $2} /^RssFile:/ {file = $2}
    END {printf "run %d: resident %.1f MiB (anonymous %.1f MiB, file-backed %.1f MiB)\n", run, rss / 1024, anon / 1024, file / 1024}
  ' "/proc/$pid/status"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
