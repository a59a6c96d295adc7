#!/usr/bin/env bash
# Optional test services, installed when running as root (as on CI): a throw-away
# Virtuoso for the push integration test. Without them those tests skip with a reason.
# (The second store for push, Oxigraph server, is a PyPI wheel: it comes with the test
# extras in pyproject.toml, root or not. Apache Jena Fuseki is in none of the package
# registries CI reaches: Debian ships only the Jena libraries, without Fuseki.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ] && ! command -v virtuoso-t >/dev/null 2>&1; then
  echo "Installing Debian's virtuoso-opensource for the push integration test..."
  bash scripts/virtuoso.sh install >/dev/null
fi
