#!/usr/bin/env python3
"""What the path finder page (fr/path.html) costs now that it holds the 1,565 ROME fiches one
may start from (13,000 titles, 4,600 moves) and the text matcher: the page built without the
fiches (the baseline, roles only) and with them, in this process, each opened a few times in
headless Chromium, its CPU slowed down like a mid-range phone's (``--throttle``, 4 by default)
and not; prints the median time to the first answer (navigation start to the paths shown,
from the address), then, on the new page, a title typed to its suggestions, a pick to its
paths and a pasted CV to its new paths; sizes raw and gzipped; ratios new / baseline.

    python scripts/bench_path_page.py [--repeat 5] [--throttle 4]

Needs Debian's chromium (or DATACAREERS_CHROMIUM) and the playwright package (the test extra).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from datacareers.store.shipped import shipped_store
from datacareers.views.site import build, render_site, write_site

CHROMIUM = os.environ.get("DATACAREERS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CV = Path(__file__).resolve().parent.parent / "docs" / "examples" / "have-text" / "cv-comptable-fr.txt"

#: Interactions timed in the page, each in one synchronous block (the handlers are synchronous).
STEPS = {
    "title typed -> suggestions": """() => { const i = document.getElementById('job'), t = performance.now();
        i.value = 'comptable'; i.dispatchEvent(new Event('input'));
        return [performance.now() - t, document.querySelectorAll('#job-list li').length]; }""",
    "pick -> paths": """() => { const i = document.getElementById('job'), t = performance.now();
        i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
        return [performance.now() - t, window.datacareersPath.last.paths.length]; }""",
    "CV read -> new paths": """(cv) => { const t = performance.now();
        document.getElementById('have-text').value = cv; document.getElementById('read-text').click();
        return [performance.now() - t, document.querySelectorAll('#chips li').length]; }""",
}


def build_page(folder: Path, with_starts: bool) -> Path:
    original = build.site_starts
    if not with_starts:
        build.site_starts = lambda store, roles: []
    try:
        return write_site(render_site(shipped_store(), langs=("fr",)), folder)
    finally:
        build.site_starts = original


def first_answer(context, page_file: Path, query: str, throttle: float) -> float:
    page = context.new_page()
    try:
        if throttle > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(page_file.resolve().as_uri() + query)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return page.evaluate("() => window.datacareersPath.readyAt")
    finally:
        page.close()


def interactions(context, page_file: Path, throttle: float) -> dict[str, tuple[float, int]]:
    page = context.new_page()
    try:
        if throttle > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(page_file.resolve().as_uri() + "?to=data-analyst")
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        index = page.evaluate("""() => { const t = performance.now();
            window.datacareersJobs.index(window.datacareersPath.data.roles); return performance.now() - t; }""")
        out = {"titles' index (built once, after the first answer)": (index, 0)}
        for name, script in STEPS.items():
            out[name] = tuple(page.evaluate(script, CV.read_text(encoding="utf-8")))
        return out
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--throttle", type=float, default=4.0, help="CPU slow-down of the phone-like run")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        pages = {label: build_page(Path(tmp) / label, with_starts) / "fr" / "path.html"
                 for label, with_starts in (("baseline", False), ("with-fiches", True))}
        for label, page_file in pages.items():
            data = page_file.read_bytes()
            print(f"{label:12} fr/path.html {len(data):>9,} bytes, {len(gzip.compress(data)):>8,} gzipped")
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 375, "height": 740})
        for throttle in (1.0, options.throttle):
            medians = {}
            for label, page_file in pages.items():
                times = [first_answer(context, page_file, "?from=data-analyst&to=chief-data-officer", throttle)
                         for _ in range(options.repeat)]
                medians[label] = statistics.median(times)
            comptable = statistics.median(first_answer(context, pages["with-fiches"], "?from=M1203&to=data-analyst",
                                                       throttle) for _ in range(options.repeat))
            print(f"CPU x{throttle:g}: first answer data analyst -> CDO: baseline {medians['baseline']:.0f} ms, "
                  f"with fiches {medians['with-fiches']:.0f} ms (x{medians['with-fiches'] / medians['baseline']:.2f}); "
                  f"comptable -> data analyst {comptable:.0f} ms")
            for name, (ms, count) in interactions(context, pages["with-fiches"], throttle).items():
                print(f"  {name}: {ms:.0f} ms" + (f" ({count})" if count else ""))
        browser.close()


if __name__ == "__main__":
    main()
