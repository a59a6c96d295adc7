"""``datacareers build``: load, validate, then publish every artefact as one set.

Every artefact is produced in memory first; only when all of them exist is the set
published (:func:`datacareers.files.publish`): written into a staging folder, then
swapped in with one rename, so a failed, interrupted or killed build leaves the
previous set whole, and the next build removes what a killed one left.

>>> from datacareers.store.shipped import shipped_store
>>> counts(shipped_store())["roles"] >= 30
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

from datacareers.constants import PREFIXES
from datacareers.errors import NotConformingError

ARTEFACTS = ("ttl", "jsonld", "nt", "trig", "graphml")
HTML_NAME = "datacareers.html"
#: The static bilingual site's folder in the output (``output/site/fr/index.html``).
SITE_DIR = "site"

_COUNTS = """
SELECT
  (COUNT(DISTINCT ?role) AS ?roles) (COUNT(DISTINCT ?skill) AS ?skills)
  (COUNT(DISTINCT ?move) AS ?moves) (COUNT(DISTINCT ?salary) AS ?salaries)
WHERE {
  { ?role a career:Role } UNION { ?skill a career:Skill }
  UNION { ?a career:canBecome ?b BIND(CONCAT(STR(?a), " ", STR(?b)) AS ?move) }
  UNION { ?salary a career:SalaryRange }
}"""


@dataclass
class BuildSummary:
    triples: int
    graphs: dict[str, int]
    counts: dict[str, int]
    files: list[tuple[Path, int]]

    def text(self) -> str:
        lines = [
            f"Built {self.triples} triples in {len(self.graphs)} named graphs: "
            + ", ".join(f"{self.counts[k]} {k}" for k in ("roles", "skills", "moves", "salaries")) + ".",
        ]
        for graph, size in sorted(self.graphs.items()):
            lines.append(f"  {graph.rsplit('/', 1)[-1]:<24} {size:>7} triples")
        lines.append("Wrote:")
        lines += [f"  {path}  ({size:,} bytes)" for path, size in self.files]
        return "\n".join(lines)


def counts(store: Store) -> dict[str, int]:
    """How many roles, skills, distinct moves and salary ranges *store* holds."""
    row = next(iter(store.query(_COUNTS, prefixes=PREFIXES, use_default_graph_as_union=True)))
    return {k: int(row[k].value) for k in ("roles", "skills", "moves", "salaries")}


def build(store: Store, output_dir: Path, *, lang: str = "fr") -> BuildSummary:
    """Validate *store*, then publish every artefact into *output_dir* at once; *lang*
    is the language of the HTML view and of the GraphML labels."""
    from datacareers.files import publish
    from datacareers.store.validate import validate_store
    from datacareers.views.export import FORMATS, export_bytes
    from datacareers.views.html.page import render_html
    from datacareers.views.site.build import render_site

    report = validate_store(store)
    if not report.conforms:
        raise NotConformingError(
            f"the data does not conform to the shapes; nothing written. {report.results[0]}"
            + (f" (and {len(report.results) - 1} more: run `datacareers validate`)" if len(report.results) > 1 else "")
        )
    produced = {FORMATS[fmt]: export_bytes(store, fmt, lang=lang) for fmt in ARTEFACTS}
    produced[HTML_NAME] = render_html(store, lang=lang).encode("utf-8")
    produced.update({f"{SITE_DIR}/{name}": data for name, data in render_site(store).items()})
    files = publish(Path(output_dir), produced)
    graphs = {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}
    return BuildSummary(triples=len(store), graphs=graphs, counts=counts(store), files=files)
