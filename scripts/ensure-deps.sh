#!/usr/bin/env bash
# Installs the system libraries qe-validate builds against, when they are missing:
# GSL (libgsl-dev) found through pkg-config. Debian/Ubuntu; run as root or with sudo available.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then
  exit 0
fi
echo "qe-validate: installing libgsl-dev and pkg-config" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libgsl-dev pkg-config >/dev/null
pkg-config --exists gsl
