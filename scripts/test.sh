#!/usr/bin/env bash
# Install datacareers with its test tools in .venv, then lint and run the whole test suite.
# Browser tests need Debian's chromium: installed here when running as root (as on CI),
# otherwise they are skipped with a reason. Usage: ./scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh test
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || echo "chromium could not be installed: browser tests will be skipped"
fi
if [ -f scripts/ci_extras.sh ]; then
  bash scripts/ci_extras.sh || echo "optional test services unavailable: their tests will be skipped"
fi
.venv/bin/ruff check graph tests scripts
# Every core, one test file per worker (files share module-scoped builds).
.venv/bin/python -m pytest -n auto --dist loadfile "$@"
