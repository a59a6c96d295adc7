#!/usr/bin/env bash
# Create .venv if needed and install datacareers into it (editable), with optional extras,
# at the exact versions constraints.txt pins (pip itself and the build tools included), so a
# fresh machine tests what CI tested. Re-pin with scripts/lock.sh.
# Used by quickstart.sh and test.sh.   Usage: scripts/venv.sh [EXTRAS]   e.g. scripts/venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c constraints.txt --build-constraint constraints.txt -e ".${1:+[$1]}"
