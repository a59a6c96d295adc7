#!/usr/bin/env bash
# Rebuild the site's JavaScript bundle (graphology + graphology-shortest-path) from the
# exact versions pinned in package-lock.json, and refresh the licences shipped beside it.
#
#     ./scripts/build_site_js.sh          # rebuild graph/datacareers/views/site/assets/graphology.min.js
#     ./scripts/build_site_js.sh --check  # exit 1 if the committed bundle differs from a fresh build
#
# The bundle is committed, so installing the package, running the tests or building the
# site never needs npm; only changing the pinned versions does (edit package.json, run
# `npm install` to update package-lock.json, then this script, and commit all three).
set -euo pipefail
cd "$(dirname "$0")/.."
ASSETS=graph/datacareers/views/site/assets
OUT="$ASSETS/graphology.min.js"
npm ci --no-audit --no-fund --loglevel=error
build() {
  node_modules/.bin/esbuild scripts/site_js_entry.js --bundle --minify --format=iife \
    --target=es2017 --legal-comments=none --charset=utf8 --log-level=warning --outfile="$1"
  # Name what is inside, with versions, at the top of the bundle.
  node -e '
    const fs = require("fs"), lock = require("./package-lock.json"), out = process.argv[1];
    const names = Object.keys(lock.packages).filter(p => p.startsWith("node_modules/") && !lock.packages[p].dev)
      .map(p => p.slice(13) + "@" + lock.packages[p].version + " (" + (lock.packages[p].license || "?") + ")").sort();
    const head = "/*! datacareers site bundle, built by scripts/build_site_js.sh from package-lock.json: " +
      names.join(", ") + ". Licences: graphology.LICENSES.txt */\n";
    fs.writeFileSync(out, head + fs.readFileSync(out, "utf8"));
  ' "$1"
}
if [[ "${1:-}" == "--check" ]]; then
  fresh=$(mktemp)
  build "$fresh"
  if cmp -s "$fresh" "$OUT"; then echo "bundle up to date"; rm -f "$fresh"; exit 0; fi
  echo "bundle differs from a fresh build of package-lock.json: run scripts/build_site_js.sh" >&2
  rm -f "$fresh"; exit 1
fi
build "$OUT"
# The licence of every package inside the bundle, next to it.
node -e '
  const fs = require("fs"), lock = require("./package-lock.json");
  const parts = Object.keys(lock.packages).filter(p => p.startsWith("node_modules/") && !lock.packages[p].dev).sort()
    .map(p => { const dir = p, files = fs.readdirSync(dir).filter(f => /^licen[sc]e/i.test(f));
      return "==== " + p.slice(13) + " " + lock.packages[p].version + " (" + (lock.packages[p].license || "?") + ")\n\n" +
        (files.length ? fs.readFileSync(dir + "/" + files[0], "utf8").trim() : "(no licence file in the package)") + "\n"; });
  fs.writeFileSync(process.argv[1], parts.join("\n"));
' "$ASSETS/graphology.LICENSES.txt"
wc -c "$OUT" "$ASSETS/graphology.LICENSES.txt"
