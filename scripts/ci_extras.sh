#!/usr/bin/env bash
# Optional test services, installed when running as root (as on CI): a throw-away
# Virtuoso for the push integration test. Without them those tests skip with a reason.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ] && ! command -v virtuoso-t >/dev/null 2>&1; then
  echo "Installing Debian's virtuoso-opensource for the push integration test..."
  bash scripts/virtuoso.sh install >/dev/null
fi
