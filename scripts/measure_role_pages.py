"""How long a reader waits for the first figure of a role: lines of ``show`` before the first
figure, height of the role page above its pay section on a 1366 px and a 375 px screen, page
sizes; with ``--screenshots``, retakes the README's role page screenshots (desktop and phone).

The baseline is the same page's full height, measured in the same browser: the share of the
page a reader scrolls before pay is printed beside each figure.

Usage::

    python scripts/measure_role_pages.py [--roles data-scientist chief-data-officer]
                                         [--lang fr] [--chromium /usr/bin/chromium] [--screenshots]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from pathlib import Path

from datacareers.constants import ROLE
from datacareers.store.shipped import shipped_store
from datacareers.views.describe import role_facts
from datacareers.views.report import show_text
from datacareers.views.site import render_site, write_site

DOCS = Path(__file__).resolve().parent.parent / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
#: The first figure a reader asks for: pay, written with its currency.
FIGURE = re.compile(r"\b(EUR|USD)\b")
SIZES = {"desktop": (1366, 900), "phone": (375, 812)}


def lines_before_figure(text: str) -> int:
    """How many lines of *text* come before the first one holding a pay figure.

    >>> lines_before_figure("Title\\n\\nPay: median 112,590 USD per year")
    2
    """
    return next((i for i, line in enumerate(text.splitlines()) if FIGURE.search(line)), len(text.splitlines()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", nargs="+", default=["data-scientist", "chief-data-officer"])
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--screenshots", action="store_true", help="retake docs/site-role*.png (first role)")
    args = parser.parse_args(argv)
    store = shipped_store()
    for slug in args.roles:
        text = show_text(role_facts(store, ROLE[slug], args.lang), args.lang)
        print(f"show {slug} --lang {args.lang}: {lines_before_figure(text)} lines before the first figure "
              f"(of {len(text.splitlines())})")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        write_site(render_site(store, langs=("fr", "en")), site)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            for slug in args.roles:
                page_file = site / args.lang / "roles" / f"{slug}.html"
                raw = page_file.read_bytes()
                zipped = len(gzip.compress(raw)) / 1000
                print(f"{args.lang}/roles/{slug}.html: {len(raw) / 1000:.0f} kB ({zipped:.0f} kB gzipped)")
                for name, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(page_file.as_uri())
                    top = page.evaluate("() => document.getElementById('salaries').getBoundingClientRect().top "
                                        "+ window.scrollY")
                    first = page.evaluate("() => { const d = document.querySelector('#summary dd');"
                                          " return d ? d.getBoundingClientRect().top + window.scrollY : null; }")
                    whole = page.evaluate("() => document.documentElement.scrollHeight")
                    summary = f"; pay in the summary at {first:.0f} px" if first is not None else "; no summary"
                    print(f"  {name} {width} px: pay section at {top:.0f} px ({top / whole:.0%} of {whole} px)"
                          + summary)
                    if args.screenshots and slug == args.roles[0]:
                        target = DOCS / ("site-role.png" if name == "desktop" else "site-role-phone.png")
                        page.screenshot(path=str(target))
                        print(f"  wrote {target}")
                    page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
