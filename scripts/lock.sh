#!/usr/bin/env bash
# Re-pin constraints.txt: resolve datacareers with every extra in a throw-away venv, as a
# fresh machine would today, and write the exact versions it got (pip, setuptools and
# wheel included). scripts/venv.sh installs with these pins, so CI and a newcomer test the
# same versions; pyproject.toml keeps compatible ranges. Run it to move to newer releases,
# then run ./scripts/test.sh and commit both files.    Usage: scripts/lock.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip setuptools wheel
"$work/venv/bin/python" -m pip install --quiet ".[test,pandas]"
{
  echo "# Exact versions scripts/venv.sh installs (pip -c and --build-constraint), resolved by"
  echo "# scripts/lock.sh on $("$work/venv/bin/python" -c 'import platform; print("Python", platform.python_version())') from pyproject.toml's ranges. Regenerate with scripts/lock.sh."
  "$work/venv/bin/python" -m pip freeze --all --exclude datacareers | LC_ALL=C sort -f
} > constraints.txt.tmp
mv constraints.txt.tmp constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) pins)"
