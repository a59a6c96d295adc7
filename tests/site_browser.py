"""What the browser tests of the site share: a headless Chromium opened on the site written
from the shipped store, with no network, and each page's requests and console messages.

Needs Debian's ``chromium`` and the ``playwright`` package (``axe-playwright-python`` for
the accessibility checks); ``pytestmark`` skips a test module otherwise, with the reason.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from datacareers.store.shipped import shipped_store
from datacareers.views.site import render_site, write_site

CHROMIUM = os.environ.get("DATACAREERS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
try:
    import playwright.sync_api  # noqa: F401

    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        AXE_FILE_PATH = None
    _reason = None if Path(CHROMIUM).exists() else f"no Chromium at {CHROMIUM} (apt-get install chromium)"
except ImportError:
    AXE_FILE_PATH, _reason = None, "the playwright package is not installed (pip install playwright)"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(_reason is not None, reason=_reason or "")]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return write_site(render_site(shipped_store()), tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


class Recorded:
    """A page opened at *url* in *context*, with every request and console message it made,
    once *wait* (a selector) is in it."""

    def __init__(self, context, url: str, wait: str = "body", timeout: int = 30_000):
        self.url = url
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.goto(url)
        self.page.wait_for_selector(wait, state="attached", timeout=timeout)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def close(self):
        self.page.close()


class Opened(Recorded):
    """A page of the site opened from disk."""

    def __init__(self, context, site: Path, path: str, wait: str = "body"):
        self.base = site.resolve().as_uri() + "/"
        super().__init__(context, self.base + path, wait)

    def assert_clean(self):
        pages = [u for u in self.requests
                 if u.split("?")[0].startswith(self.base) and u.split("?")[0].endswith(".html")]
        assert pages == self.requests, f"requests beyond the site's own pages: {self.requests}"
        errors = [c for c in self.console if c[0] in ("error", "pageerror", "warning")]
        assert not errors, errors


WAIT = {"path.html": "body[data-ready=true]", "map.html": "body[data-site-ready=true]"}


@pytest.fixture
def open_page(browser, site):
    opened: list[Opened] = []

    def _open(path: str) -> Opened:
        page = Opened(browser, site, path, WAIT.get(path.split("?")[0].rsplit("/", 1)[-1], "body"))
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.page.close()


def serious_violations(page: Opened, context=None) -> list[dict]:
    """axe-core's serious and critical violations on *page* (within *context*, a selector)."""
    page.page.evaluate(AXE_FILE_PATH.read_text(encoding="utf-8"))
    results = page.page.evaluate("(ctx) => axe.run(ctx || document, {resultTypes: ['violations']})", context)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in results["violations"] if v["impact"] in ("serious", "critical")]

