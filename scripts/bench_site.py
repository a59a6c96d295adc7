"""Benchmark the static site: build time, page sizes, time to first render in Chromium.

Every figure is printed with a baseline measured in the same run:

- build: ``render_site`` on the shipped graph, against rendering the one HTML view
  (``render_html``, what ``build`` writes today) in the same process;
- sizes: bytes and gzip bytes per kind of page (index, role pages min / median / max,
  path finder, map, sources, and the whole site);
- first render: from navigation start to the first contentful paint of each kind of page
  opened from ``file://`` in headless Chromium, against a blank page (one paragraph) in
  the same browser; for the path finder also the time to its answer (``data-ready``), for
  the map the time to a still, drawn network (``data-site-ready``). Median of a few runs.

Usage::

    python scripts/bench_site.py [--runs 5] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

from datacareers.store.shipped import shipped_store
from datacareers.views.html.page import render_html
from datacareers.views.site import render_site, write_site

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Static pages are ready at their load event; the path finder once it has answered, the map
#: once its network is drawn and still (each page notes the time itself).
LOADED = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"

#: The pages whose first render is timed: (name, path, selector to wait for, ready time).
PAGES = [("blank (baseline)", "blank.html", "body", LOADED),
         ("index", "fr/index.html", "body", LOADED),
         ("role page", "fr/roles/machine-learning-engineer.html", "body", LOADED),
         ("sources", "fr/sources.html", "body", LOADED),
         ("path finder", "fr/path.html?from=data-analyst&to=chief-data-officer&k=3", "body[data-ready=true]",
          "() => window.datacareersPath.readyAt"),
         ("map (focus)", "fr/map.html?focus=data-scientist", "body[data-site-ready=true]",
          "() => window.datacareersSite.readyAt"),
         ("map (whole)", "fr/map.html", "body[data-site-ready=true]", "() => window.datacareersSite.readyAt")]

FCP = """() => new Promise(done => {
  const seen = performance.getEntriesByName("first-contentful-paint")[0];
  if (seen) return done(seen.startTime);
  new PerformanceObserver((list, obs) => {
    const e = list.getEntriesByName("first-contentful-paint")[0];
    if (e) { obs.disconnect(); done(e.startTime); }
  }).observe({ type: "paint", buffered: true });
})"""


def timed(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sizes(site: dict[str, bytes]) -> list[tuple[str, int, int]]:
    def row(name, paths):
        data = [site[p] for p in paths]
        return name, sum(len(d) for d in data), sum(len(gzip.compress(d, 9)) for d in data)

    roles = sorted((p for p in site if p.startswith("fr/roles/")), key=lambda p: len(site[p]))
    return [row("index (fr)", ["fr/index.html"]), row("role page, smallest", roles[:1]),
            row("role page, median", [roles[len(roles) // 2]]), row("role page, largest", roles[-1:]),
            row("path finder (fr)", ["fr/path.html"]), row("map (fr)", ["fr/map.html"]),
            row("sources (fr)", ["fr/sources.html"]), row(f"whole site ({len(site)} files)", list(site))]


def first_render(folder: Path, runs: int, chromium: str) -> list[tuple[str, float, float]]:
    from playwright.sync_api import sync_playwright

    (folder / "blank.html").write_text("<!DOCTYPE html><html lang=en><title>blank</title><p>blank</p>")
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for name, path, selector, ready in PAGES:
            paints, readies = [], []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(folder.resolve().as_uri() + "/" + path)
                page.wait_for_selector(selector, state="attached", timeout=60_000)
                page.wait_for_function("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
                paints.append(page.evaluate(FCP))
                readies.append(page.evaluate(ready))
                page.close()
            out.append((name, statistics.median(paints), statistics.median(readies)))
        browser.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    store = shipped_store()
    render_site(store)  # warm caches (templates, assets, vis-network) before timing
    view = timed(lambda: render_html(store, lang="fr"), args.runs)
    whole = timed(lambda: render_site(store), args.runs)
    print(f"build: render_site {whole:.2f} s; baseline render_html (one view) {view:.2f} s; "
          f"ratio {whole / view:.1f}x  (median of {args.runs})")
    site = render_site(store)
    print("\nsizes:")
    for name, raw, packed in sizes(site):
        print(f"  {name:<28} {raw:>11,} bytes  {packed:>9,} gzipped")
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_site(site, Path(tmp) / "site")
        timings = first_render(folder, args.runs, args.chromium)
    base_paint, base_ready = timings[0][1], timings[0][2]
    print(f"\nfirst render in Chromium (file://, median of {args.runs}; ratio to the blank page):")
    for name, paint, ready in timings:
        print(f"  {name:<18} first paint {paint:7.0f} ms ({paint / base_paint:4.1f}x)   "
              f"ready {ready:7.0f} ms ({ready / base_ready:5.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
