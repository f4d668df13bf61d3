#!/usr/bin/env bash
# What the browser tests (lib/src/test/java/org/webrtcprimer/browser) and the 'bench-remote'
# command need: Debian's headless-capable Chromium. The tests drive it over the DevTools
# protocol from Java, so no Node.js, npm package or downloaded browser is involved.
# Idempotent: installs only what is missing. Run as root (CI) or with sudo.
set -euo pipefail

if command -v /usr/lib/chromium/chromium >/dev/null 2>&1 || command -v chromium >/dev/null 2>&1; then
  echo "browser-test-deps: chromium is installed ($(chromium --version 2>/dev/null | head -1))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "browser-test-deps: run as root, or install Debian's 'chromium' package yourself" >&2
    exit 1
  fi
fi

echo "browser-test-deps: installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
chromium --version 2>/dev/null | head -1
