#!/usr/bin/env bash
# The README's test command: runs `swift test` (arguments are passed on, e.g. --filter) against a
# throwaway PostgreSQL server started for the run and removed afterwards, even when the tests
# fail or the run is interrupted. The history-store tests get its URL in
# QE_VALIDATE_TEST_POSTGRES (TCP) and QE_VALIDATE_TEST_POSTGRES_SOCKET (Unix socket); without
# them those tests fail rather than skip. A whole run (no arguments) then checks every kind of HTML
# page qe-validate writes in headless Chromium (scripts/pages/check.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/scratch-postgres.sh
trap scratch_postgres_stop EXIT
trap 'exit 130' INT TERM
scratch_postgres_start fast
export QE_VALIDATE_TEST_POSTGRES="$SCRATCH_POSTGRES_URL"
export QE_VALIDATE_TEST_POSTGRES_SOCKET="$SCRATCH_POSTGRES_SOCKET_URL"
swift test "$@"
if [ $# -eq 0 ]; then scripts/pages/check.sh; fi
