#!/usr/bin/env bash
# Set up datacareers in .venv (Python 3.11+) and build the graph and its HTML view into output/.
# Usage: ./scripts/quickstart.sh            (re-running is safe and quick)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
.venv/bin/datacareers build
echo
echo "Done. Open output/datacareers.html in a browser, or try:"
echo "  .venv/bin/datacareers path \"data analyst\" \"chief data officer\""
