#!/usr/bin/env bash
# The history store's performance in a release build, on both backends, on this machine
# (measures; asserts nothing): adding 1,000 results files (10 benchmarks x 2 variants x 5 runs x
# 30 iterations each), listing one series of 5,000 commits with its per-run summaries, loading
# its raw samples, and the size on disk per million samples. PostgreSQL is a throwaway server
# with its default settings (fsync on), started here and removed afterwards.
# Usage: scripts/bench/history.sh [REPEATS]   (the add is run REPEATS times, default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-3}"
scripts/ensure-deps.sh
swift build -c release --product qe-history-bench >/dev/null
bench=.build/release/qe-history-bench
. scripts/lib/scratch-postgres.sh
scratch=$(mktemp -d "${TMPDIR:-/tmp}/qe-history-bench.XXXXXX")
cleanup() { scratch_postgres_stop; rm -rf "$scratch"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
scratch_postgres_start
database_url() { echo "${SCRATCH_POSTGRES_URL%%/postgres\?*}/$1?sslmode=disable"; }
create_database() { "$SCRATCH_POSTGRES_BIN/psql" "$SCRATCH_POSTGRES_URL" -q -c "CREATE DATABASE $1" >/dev/null; }

echo "## Machine"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- $(swift --version 2>/dev/null | head -1)"
echo "- SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '(sqlite3 CLI not installed)'), $("$SCRATCH_POSTGRES_BIN/postgres" --version)"
echo

echo "## Adding 1,000 results files (3,000,000 samples), one transaction each"
for run in $(seq 1 "$repeats"); do
  "$bench" add "sqlite:$scratch/add-$run.sqlite" "$scratch/files" 1000
  create_database "add_$run"
  "$bench" add "$(database_url "add_$run")" "$scratch/files" 1000
done
echo

echo "## One series of 5,000 commits: list with per-run summaries, load raw samples"
"$bench" list "sqlite:$scratch/list.sqlite" 5000 7
create_database list_series
"$bench" list "$(database_url list_series)" 5000 7
