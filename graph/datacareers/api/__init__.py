"""The Python API, for notebooks and scripts: the same answers as the command line.

``import datacareers`` stays light; these functions load on first use. Each reads the
graph the CLI reads (shipped facts plus whatever ``datacareers import`` brought), and
answers plain records (lists of dicts, ready for ``json.dumps``), or a pandas DataFrame
with ``as_frame=True`` when pandas is installed (``pip install 'datacareers[pandas]'``).
Errors are the CLI's own (:mod:`datacareers.errors`), with the same one-line messages.

>>> import datacareers
>>> [r["label"] for r in datacareers.roles(lang="fr")][:2]
['administrateur de base de données', 'analyste de système informatique']
>>> datacareers.profile("CDO")["label"]
'chief data officer'
>>> best = datacareers.paths("data analyst", "chief data officer", k=1)[0]
>>> [step["evidence"] for step in best["steps"]]
['stated']
>>> datacareers.query("ASK { role:data-analyst career:canBecome role:chief-data-officer }")
True
"""

from __future__ import annotations

from collections.abc import Iterable

from datacareers import i18n
from datacareers.api.records import frame, graph_of, solution_records, step_rows
from datacareers.store.dataset import open_dataset
from datacareers.store.resolve import resolve_role
from datacareers.views.counts import role_rows
from datacareers.views.describe import role_facts
from datacareers.views.paths import Constraints, find_paths
from datacareers.views.report import path_json
from datacareers.views.sparql import run_query
from datacareers.views.sparql_write import answer_kind

__all__ = ["roles", "profile", "paths", "query"]


def _lang(lang: str | None) -> str:
    """*lang*, or the CLI's default (``$DATACAREERS_LANG``, the locale, else English)."""
    if lang is None:
        return i18n.default_language()
    if not i18n.supported(lang):
        raise ValueError(f"lang must be 'fr' or 'en', not {lang!r}")
    return i18n.supported(lang)


def roles(lang: str | None = None, include_imported: bool = False, as_frame: bool = False):
    """The roles, sorted by name: ``id``, ``slug``, ``label``, ``skills``, ``moves_out``,
    ``moves_in`` (what ``datacareers roles --format json`` prints). Our curated roles; with
    *include_imported*, every occupation an import brought too (``roles --all``).

    >>> rows = roles(lang="en")
    >>> len(rows) >= 30, sorted(rows[0])
    (True, ['id', 'label', 'moves_in', 'moves_out', 'skills', 'slug'])
    """
    lang = _lang(lang)
    rows = role_rows(open_dataset(), lang, include_imported)
    return frame(rows) if as_frame else rows


def profile(role: str, lang: str | None = None) -> dict:
    """Everything the graph says about *role* (a name in French or English, an id or an
    IRI), each fact with its sources: the record ``datacareers show --format json`` prints.

    >>> facts = profile("ingénieur machine learning", lang="fr")
    >>> facts["slug"], bool(facts["skills"])
    ('machine-learning-engineer', True)
    """
    lang = _lang(lang)
    store = open_dataset()
    with i18n.using(lang):
        return role_facts(store, resolve_role(store, role), lang)


def paths(from_role: str, to_role: str, k: int = 3, *, evidence: str = "inferred", have: Iterable[str] = (),
          desirable: bool = False, viable: bool = False, max_steps: int | None = None,
          via: Iterable[str] = (), avoid: Iterable[str] = (), lang: str | None = None, as_frame: bool = False):
    """The *k* best paths from one role to another, best first, each step explained: the
    ``paths`` of ``datacareers path --format json`` (same options, same ranking). With
    *as_frame*, one row per step (``path``, ``step``, ``from``, ``to``, ``evidence``,
    ``cost``, ``skill_gap``, ``new_skills``, ``why``). No path: an empty list, where the
    CLI exits 1 with what blocks it.

    >>> best = paths("data analyst", "data scientist", k=1, evidence="stated")[0]
    >>> [s["to"]["label"] for s in best["steps"]], best["steps"][0]["why"][0]["source"]
    (['data protection officer', 'data scientist'], 'https://w3id.org/datacareers/source/rome-4.0')
    """
    if evidence not in ("stated", "related", "inferred"):
        raise ValueError(f"evidence must be 'stated', 'related' or 'inferred', not {evidence!r}")
    if not 1 <= k <= 50:
        raise ValueError(f"k must be between 1 and 50, not {k}")
    lang = _lang(lang)
    store = open_dataset()
    constraints = Constraints.named(store, via=via, avoid=avoid, have=have, evidence=evidence,
                                    max_steps=max_steps, desirable=desirable, viable=viable)
    with i18n.using(lang):
        result = find_paths(store, resolve_role(store, from_role), resolve_role(store, to_role), k=k,
                            constraints=constraints)
        found = path_json(store, result, lang)["paths"]
    return frame(step_rows(found)) if as_frame else found


def query(sparql: str, as_frame: bool = False):
    """Run a read-only SPARQL 1.1 query over the graph (our prefixes predeclared, the
    default graph the merge of every source, as ``datacareers query``). SELECT answers one
    dict per solution (IRIs as strings, literals as Python values, unbound as None); ASK
    answers a bool; CONSTRUCT and DESCRIBE an :class:`rdflib.Graph`. Updates and SERVICE
    are refused (:class:`datacareers.errors.QueryError`). It runs in this process, without
    the CLI's time and memory walls: it is your own notebook.

    >>> query("SELECT ?to WHERE { role:data-analyst career:canBecome ?to } ORDER BY ?to LIMIT 1")
    [{'to': 'https://w3id.org/datacareers/role/chief-data-officer'}]
    >>> len(query("CONSTRUCT WHERE { role:data-analyst skos:prefLabel ?l }"))
    2
    """
    result = run_query(open_dataset(), sparql)
    kind = answer_kind(result)
    if kind == "boolean":
        return bool(result)
    if kind == "results":
        rows = solution_records(result)
        return frame(rows, [v.value for v in result.variables]) if as_frame else rows
    return graph_of(result)
