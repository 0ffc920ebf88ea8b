#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver for the web UI's browser tests
# (http/ui/e2e_test.go), unless /usr/bin/chromium is already there.
# Idempotent; exits 0 at once when Chromium is present. The tests skip with a
# message when it is missing.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "chromium.sh: not root and no sudo: cannot install Chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
