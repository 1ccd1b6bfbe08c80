#!/usr/bin/env bash
# Installs what qe-validate builds and tests against, when it is missing: GSL (libgsl-dev) and
# zlib (zlib1g-dev) found through pkg-config, SQLite's headers (libsqlite3-dev, for the history
# store's GRDB), openssl (the tests check report signatures with it), and PostgreSQL (the
# postgresql package: the tests start a throwaway server with it, scripts/test.sh).
# Debian/Ubuntu; run as root or with sudo available.
set -euo pipefail
missing=()
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists gsl; then
  missing+=(libgsl-dev pkg-config)
fi
if ! pkg-config --exists zlib 2>/dev/null; then
  missing+=(zlib1g-dev)
fi
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "qe-validate: installing ${missing[*]}" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
pkg-config --exists gsl
pkg-config --exists zlib
[ -f /usr/include/sqlite3.h ]
command -v openssl >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null
