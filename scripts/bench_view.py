"""Benchmark the HTML view: time to a stable, drawn network in headless Chromium.

Two cases: the default view of the shipped graph, and a SYNTHETIC large graph (made-up
roles and skills, clearly labelled "synthetic", never shipped) of a few thousand nodes,
the size an ESCO import gives. For each: Python render time, file size, and the time
from navigation start to the page's own "stable" mark (physics stopped, or the Python
layout drawn) plus one animation frame, median of a few runs.

Usage::

    python scripts/bench_view.py [--runs 3] [--roles 600] [--skills 2400] [--chromium /usr/bin/chromium]

Target: the default view stable in under 3 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

from datacareers.constants import CAREER, PREFIXES, ROLE, SKILL, source_iri
from datacareers.store.shipped import shipped_store
from datacareers.views.html.page import render_html

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def synthetic_store(roles: int = 600, skills: int = 2400, seed: int = 0) -> Store:
    """The shipped store plus made-up roles and skills in the named graph source:synthetic.

    Roles come in families of 20 that share a pool of skills; each role needs 8 skills
    and can become 2 other roles, mostly in its family. Labels say "synthetic".
    """
    rng = random.Random(seed)
    store = shipped_store()
    graph = NamedNode(source_iri("synthetic"))
    a = NamedNode(PREFIXES["rdf"] + "type")
    pref = NamedNode(PREFIXES["skos"] + "prefLabel")
    kinds = [CAREER["hard"], CAREER["soft"], CAREER["knowledge"]]
    quads = []
    role_iris = [NamedNode(ROLE[f"synthetic-role-{i}"]) for i in range(roles)]
    skill_iris = [NamedNode(SKILL[f"synthetic-skill-{i}"]) for i in range(skills)]
    for i, iri in enumerate(role_iris):
        quads += [Quad(iri, a, NamedNode(CAREER["Role"]), graph),
                  Quad(iri, pref, Literal(f"synthetic role {i}", language="en"), graph),
                  Quad(iri, pref, Literal(f"métier synthétique {i}", language="fr"), graph)]
    for i, iri in enumerate(skill_iris):
        quads += [Quad(iri, a, NamedNode(CAREER["Skill"]), graph),
                  Quad(iri, pref, Literal(f"synthetic skill {i}", language="en"), graph),
                  Quad(iri, NamedNode(CAREER["skillKind"]), NamedNode(kinds[i % 3]), graph)]
    families = max(1, roles // 20)
    per_family = max(1, skills // families)
    for i, iri in enumerate(role_iris):
        family = i % families
        pool = skill_iris[family * per_family:(family + 1) * per_family] or skill_iris
        for skill in rng.sample(pool, min(8, len(pool))):
            quads.append(Quad(iri, NamedNode(CAREER["essentialSkill"]), skill, graph))
        for _ in range(2):
            other = role_iris[(family + families * rng.randrange(20)) % roles] \
                if rng.random() < 0.8 else rng.choice(role_iris)
            if other != iri:
                quads.append(Quad(iri, NamedNode(CAREER["canBecome"]), other, graph))
    store.extend(quads)
    return store


def time_in_browser(html_path: Path, chromium: str, runs: int) -> tuple[list[float], list[float]]:
    """Per run: ms from navigation start to stable + one frame drawn, and ms to show every
    node (the legend's reset, for views that open with skills unticked) and draw again."""
    from playwright.sync_api import sync_playwright

    times, reveal = [], []
    with sync_playwright() as p:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                context = p.chromium.launch_persistent_context(
                    profile, executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
                    viewport={"width": 1400, "height": 860})
                page = context.new_page()
                requests = []
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(html_path.as_uri())
                page.wait_for_selector("body[data-stable=true]", state="attached", timeout=120_000)
                drawn = page.evaluate(
                    "new Promise(r => requestAnimationFrame(() => r(performance.now())))")
                times.append(drawn)
                reveal.append(page.evaluate("""() => new Promise(resolve => {
                    const t = performance.now(); datacareersView.resetFilters();
                    const done = () => requestAnimationFrame(() => resolve(performance.now() - t));
                    if (datacareersView.stable) done();
                    else datacareersView.network.once("stabilizationIterationsDone", done); })"""))
                others = [u for u in requests if u != html_path.as_uri()]
                if others:
                    print(f"  WARNING: requests beyond the file: {others}", file=sys.stderr)
                context.close()
    return times, reveal


def bench(name: str, store: Store, chromium: str, runs: int, folder: Path) -> None:
    started = time.perf_counter()
    html = render_html(store, lang="fr")
    render_s = time.perf_counter() - started
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    count = html.count('"kind":"')  # one per node in the embedded data
    ms, reveal = time_in_browser(path, chromium, runs)
    print(f"{name}: render {render_s:.2f} s in Python, {len(html) / 1e6:.2f} MB, "
          f"~{count} nodes; stable+drawn in Chromium: median {statistics.median(ms) / 1000:.2f} s "
          f"(runs: {', '.join(f'{m / 1000:.2f}' for m in ms)}); then every node shown and drawn: "
          f"median {statistics.median(reveal) / 1000:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--roles", type=int, default=600)
    parser.add_argument("--skills", type=int, default=2400)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}; install it (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench("default", shipped_store(), args.chromium, args.runs, folder)
        started = time.perf_counter()
        big = synthetic_store(args.roles, args.skills)
        print(f"(synthetic store: {args.roles} roles + {args.skills} skills, built in "
              f"{time.perf_counter() - started:.2f} s)")
        bench(f"synthetic-{args.roles + args.skills}", big, args.chromium, args.runs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
