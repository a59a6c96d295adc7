#!/usr/bin/env bash
# Set up datacareers in .venv (Python 3.11+) and build the graph, its HTML view and the site into output/.
# Usage: ./scripts/quickstart.sh            (re-running is safe and quick)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
.venv/bin/datacareers build
echo
echo "Done. Open output/site/fr/index.html (or en/) in a browser, the map output/datacareers.html, or try:"
echo "  .venv/bin/datacareers path \"data analyst\" \"chief data officer\""
echo "  .venv/bin/datacareers next \"comptable\" --into data"
