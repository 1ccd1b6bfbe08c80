# Starts and stops a throwaway PostgreSQL server: a new cluster in a temporary directory, run as
# a non-root user (PostgreSQL refuses to run as root), listening on 127.0.0.1 on a free port and
# on a Unix socket in that directory, with password (SCRAM) authentication.
#
# Source this file, then:
#   scratch_postgres_start [fast]   # sets SCRATCH_POSTGRES_URL (TCP) and SCRATCH_POSTGRES_SOCKET_URL
#   scratch_postgres_stop           # stops the server and removes the directory (idempotent)
# "fast" turns off fsync and synchronous commit (for tests, where durability across a crash of
# the machine does not matter); without it the server runs with PostgreSQL's defaults.
# Needs Debian's postgresql package (scripts/ensure-deps.sh installs it).

scratch_postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

# Runs a command as the server's user (root cannot run PostgreSQL).
scratch_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$SCRATCH_POSTGRES_OWNER" -- "$@"
  else
    "$@"
  fi
}

scratch_postgres_start() {
  local mode="${1:-}" bin password port attempt options
  if ! bin=$(scratch_postgres_bin); then
    echo "qe-validate: PostgreSQL is not installed (no initdb); run scripts/ensure-deps.sh" >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    SCRATCH_POSTGRES_OWNER=postgres
    if ! id "$SCRATCH_POSTGRES_OWNER" >/dev/null 2>&1; then
      SCRATCH_POSTGRES_OWNER=qe-validate-pg
      id "$SCRATCH_POSTGRES_OWNER" >/dev/null 2>&1 ||
        useradd --system --no-create-home --shell /usr/sbin/nologin "$SCRATCH_POSTGRES_OWNER"
    fi
  else
    SCRATCH_POSTGRES_OWNER=$(id -un)
  fi
  SCRATCH_POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/qe-validate-pg.XXXXXX")
  chmod 755 "$SCRATCH_POSTGRES_DIR"
  mkdir -p "$SCRATCH_POSTGRES_DIR/socket"
  password=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)
  printf '%s\n' "$password" > "$SCRATCH_POSTGRES_DIR/password"
  chmod 600 "$SCRATCH_POSTGRES_DIR/password"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$SCRATCH_POSTGRES_OWNER" "$SCRATCH_POSTGRES_DIR"; fi
  scratch_postgres_as_owner "$bin/initdb" -D "$SCRATCH_POSTGRES_DIR/data" -U qe_validate \
    --pwfile="$SCRATCH_POSTGRES_DIR/password" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$SCRATCH_POSTGRES_DIR/initdb.log" 2>&1 || {
      cat "$SCRATCH_POSTGRES_DIR/initdb.log" >&2
      return 1
    }
  options="-c listen_addresses=127.0.0.1 -k $SCRATCH_POSTGRES_DIR/socket -c max_connections=60"
  if [ "$mode" = fast ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    if scratch_postgres_as_owner "$bin/pg_ctl" -D "$SCRATCH_POSTGRES_DIR/data" -l "$SCRATCH_POSTGRES_DIR/server.log" \
      -w -t 60 -o "$options -p $port" start >/dev/null 2>&1; then
      SCRATCH_POSTGRES_BIN=$bin
      SCRATCH_POSTGRES_URL="postgres://qe_validate:$password@127.0.0.1:$port/postgres?sslmode=disable"
      SCRATCH_POSTGRES_SOCKET_URL="postgres://qe_validate:$password@:$port/postgres?host=$SCRATCH_POSTGRES_DIR/socket"
      export SCRATCH_POSTGRES_URL SCRATCH_POSTGRES_SOCKET_URL
      return 0
    fi
  done
  echo "qe-validate: the scratch PostgreSQL server did not start; its log:" >&2
  cat "$SCRATCH_POSTGRES_DIR/server.log" >&2 || true
  return 1
}

scratch_postgres_stop() {
  if [ -n "${SCRATCH_POSTGRES_DIR:-}" ] && [ -d "$SCRATCH_POSTGRES_DIR" ]; then
    if [ -n "${SCRATCH_POSTGRES_BIN:-}" ]; then
      scratch_postgres_as_owner "$SCRATCH_POSTGRES_BIN/pg_ctl" -D "$SCRATCH_POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$SCRATCH_POSTGRES_DIR"
  fi
  SCRATCH_POSTGRES_DIR=
}
