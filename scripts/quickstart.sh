#!/usr/bin/env bash
# Set up datacareers in .venv (Python 3.11+) and build the graph and its HTML view into output/.
# Usage: ./scripts/quickstart.sh            (re-running is safe and quick)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/datacareers build
echo
echo "Done. Open output/datacareers.html in a browser, or try:"
echo "  .venv/bin/datacareers path \"data analyst\" \"chief data officer\""
