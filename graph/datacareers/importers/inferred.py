"""Moves inferred from skill overlap, computed from an ESCO release (``import inferred``;
the shipped inferred moves come from the transition model instead, see docs/paths.md).

Inputs, from the ESCO CSV export: ``occupationSkillRelations.csv(.gz)`` (each occupation's
essential and optional skills) and ``broaderRelationsSkillPillar.csv`` (the skill
hierarchy: a skill's groups are the ESCO skill groups reached by walking up its broader
links). O*NET work activities and work context, which Nesta's Career Causeways also use,
are not read: the releases we build from do not carry them.

The similarity of a move A -> B is :func:`datacareers.skillgap.coverage`: the share of
B's skills (essential 1, optional 0.5) that A has, a skill of the same group counting
half. A move is kept when it reaches the ``threshold``; at most ``top`` moves are kept
from each occupation, the most similar first. All pairs are scored at once with sparse
matrices (scipy), by blocks of ``block`` starting occupations, so memory stays bounded
(about 40 MB for the 3,007 occupations of ESCO 1.1.1).

>>> groups = {"py": {"prog"}, "r": {"prog"}, "sql": {"db"}}
>>> profiles = {"analyst": Profile(frozenset({"sql", "r"})),
...             "scientist": Profile(frozenset({"py", "sql"}), frozenset({"r"}))}
>>> [(a, b, round(s, 3)) for a, b, s in similar_pairs(profiles, groups, threshold=0.5)]
[('analyst', 'scientist', 0.8), ('scientist', 'analyst', 1.0)]
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyoxigraph import Literal, NamedNode, Quad
from scipy import sparse

from datacareers.constants import CAREER, PREFIXES, SOURCE, TRANSITION
from datacareers.errors import ImportFormatError
from datacareers.importers.common import check_version, find_file
from datacareers.importers.common import graph_name as import_graph_name
from datacareers.skillgap import OPTIONAL_WEIGHT, PARTIAL_CREDIT, Profile

#: The similarity a move needs to be kept, and the most moves kept per occupation
#: (chosen against ROME's stated moves: see docs/paths.md).
THRESHOLD = 0.30
TOP = 5
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"

Groups = dict[str, set[str]]


@dataclass(frozen=True)
class Method:
    """The parameters of one computation, written into the source's description."""

    threshold: float = THRESHOLD
    top: int = TOP
    partial_credit: float = PARTIAL_CREDIT
    optional_weight: float = OPTIONAL_WEIGHT


# ----------------------------------------------------------------- reading ESCO


def _open(path: Path):
    raw = open(path, "rb")  # noqa: SIM115 - closed by the text wrapper
    stream = gzip.GzipFile(fileobj=raw) if path.suffix == ".gz" else raw
    return io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    with _open(path) as text:
        reader = csv.DictReader(text)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportFormatError(f"{path.name}: missing column(s) {', '.join(missing)}")
        try:
            for row in reader:
                yield tuple((row[c] or "").strip() for c in columns)
        except (UnicodeDecodeError, csv.Error, EOFError, gzip.BadGzipFile) as exc:
            raise ImportFormatError(f"{path.name}: line {reader.line_num}: {exc}") from None


def read_profiles(relations: Path, wanted: set[str] | None = None) -> dict[str, Profile]:
    """occupation URI -> its essential and optional skills (of *wanted* occupations only)."""
    essential: dict[str, set[str]] = defaultdict(set)
    optional: dict[str, set[str]] = defaultdict(set)
    for occupation, relation, skill in _rows(relations, ("occupationUri", "relationType", "skillUri")):
        if wanted is not None and occupation not in wanted:
            continue
        (essential if relation == "essential" else optional)[occupation].add(skill)
    return {o: Profile(frozenset(essential[o]), frozenset(optional[o] - essential[o]))
            for o in sorted(set(essential) | set(optional))}


def read_groups(broader: Path) -> Groups:
    """skill URI -> the ESCO skill groups above it (through broader skills if need be)."""
    parents: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for concept, kind, parent, parent_kind in _rows(
            broader, ("conceptUri", "conceptType", "broaderUri", "broaderType")):
        parents[concept].add(parent)
        kinds[concept], kinds[parent] = kind, parent_kind
    found: Groups = {}

    def walk(skill: str, seen: frozenset[str]) -> set[str]:
        if skill in found:
            return found[skill]
        out: set[str] = set()
        for parent in parents.get(skill, ()):
            if kinds.get(parent) == "SkillGroup":
                out.add(parent)
            elif parent not in seen:
                out |= walk(parent, seen | {skill})
        found[skill] = out
        return out

    for concept, kind in kinds.items():
        if kind == "KnowledgeSkillCompetence":
            walk(concept, frozenset())
    return {s: g for s, g in found.items() if g and kinds.get(s) == "KnowledgeSkillCompetence"}


# ----------------------------------------------------------------- scoring


def similar_pairs(profiles: dict[str, Profile], groups: Groups, *, method: Method | None = None,
                  threshold: float | None = None, origins: list[str] | None = None,
                  block: int = 256) -> list[tuple[str, str, float]]:
    """Every move A -> B (A in *origins*, default all) whose similarity reaches the
    threshold and that is among A's ``method.top`` best moves out or B's best moves in
    (so a role that covers no one's skills well still gets its closest moves in), sorted
    by A then best first. Scores an n x n float32 matrix (36 MB for ESCO's 3,007)."""
    method = method or Method(**({} if threshold is None else {"threshold": threshold}))
    names = sorted(profiles)
    skills = sorted({s for p in profiles.values() for s in p.skills})
    column = {s: i for i, s in enumerate(skills)}
    group_names = sorted({g for s in skills for g in groups.get(s, ())})
    group_column = {g: i for i, g in enumerate(group_names)}

    def matrix(cells, shape):
        rows, cols, values = zip(*cells, strict=True) if cells else ((), (), ())
        return sparse.csr_matrix((np.array(values, dtype=np.float32), (rows, cols)), shape=shape)

    n = len(names)
    have = matrix([(i, column[s], 1.0) for i, o in enumerate(names) for s in profiles[o].skills],
                  (n, len(skills)))
    weights = matrix([(i, column[s], 1.0) for i, o in enumerate(names) for s in profiles[o].essential]
                     + [(i, column[s], method.optional_weight) for i, o in enumerate(names)
                        for s in profiles[o].optional], (n, len(skills)))
    member = matrix([(column[s], group_column[g], 1.0) for s in skills for g in groups.get(s, ())],
                    (len(skills), max(len(group_names), 1)))
    has_group = (have @ member).astype(bool).astype(np.float32)
    totals = np.asarray(weights.sum(axis=1)).ravel()
    totals[totals == 0] = np.inf
    weights_t = weights.T.tocsr()
    member_t = member.T.tocsr()
    scores = np.empty((n, n), dtype=np.float32)
    for start in range(0, n, block):
        rows = slice(start, min(start + block, n))
        held = have[rows]
        near = ((has_group[rows] @ member_t) + held).astype(bool).astype(np.float32)
        credit = held * (1 - method.partial_credit) + near * method.partial_credit
        scores[rows] = np.asarray((credit @ weights_t).todense()) / totals
    np.fill_diagonal(scores, -1.0)
    keep = (_best(scores, method) + _best(scores.T, method).T).tocsr()
    wanted = None if origins is None else {names.index(o) for o in origins if o in profiles}
    found = [(names[i], names[j], float(scores[i, j])) for i, j in zip(*keep.nonzero(), strict=True)
             if wanted is None or i in wanted]
    return sorted(found, key=lambda t: (t[0], -t[2], t[1]))


def _best(scores, method: Method) -> sparse.csr_matrix:
    """Each row's ``method.top`` best cells that reach the threshold, as a boolean matrix."""
    top = min(method.top, scores.shape[1])
    best = np.argpartition(-scores, top - 1, axis=1)[:, :top] if top else np.empty((scores.shape[0], 0), int)
    rows = np.repeat(np.arange(scores.shape[0]), best.shape[1])
    cols = best.ravel()
    ok = scores[rows, cols] >= method.threshold
    return sparse.csr_matrix((np.ones(ok.sum(), dtype=bool), (rows[ok], cols[ok])), shape=scores.shape)


# ----------------------------------------------------------------- quads for an import


def graph_name(version: str) -> str:
    """The graph inferred moves of ESCO *version* land in (a version unsafe in an IRI is refused)."""
    return SOURCE[import_graph_name(f"inferred-skill-similarity-esco-{check_version(version)}")]


def detect_version(root: Path) -> str | None:
    """The ESCO version a folder name tells (``v1.1.1`` -> ``1.1.1``)."""
    for part in reversed(root.resolve().parts):
        match = re.search(r"v(\d+(?:\.\d+)+)", part)
        if match:
            return match.group(1)
    return None


def _literal(value, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(PREFIXES["xsd"] + datatype))


def computed_source(graph: str, titles: dict[str, str], descriptions: dict[str, str]) -> Iterator[Quad]:
    """A computed source's type, titles and descriptions (by language), in its own graph."""
    g, dcterms = NamedNode(graph), PREFIXES["dcterms"]
    yield Quad(g, NamedNode(PREFIXES["rdf"] + "type"), NamedNode(CAREER["Source"]), g)
    for predicate, texts in ((dcterms + "title", titles), (dcterms + "description", descriptions)):
        for lang, text in texts.items():
            yield Quad(g, NamedNode(predicate), Literal(text, language=lang), g)


def describe(graph: str, version: str, method: Method) -> Iterator[Quad]:
    """The description of the computed source (title, method, parameters, data version)."""
    g = NamedNode(graph)
    dcterms, career = PREFIXES["dcterms"], CAREER

    def q(predicate: str, obj) -> Quad:
        return Quad(g, NamedNode(predicate), obj, g)

    yield from computed_source(graph, {
        "en": f"Moves inferred from skill overlap between ESCO {version} occupations",
        "fr": f"Évolutions déduites du recouvrement des compétences entre métiers d'ESCO {version}"},
        {"en": METHOD_EN, "fr": METHOD_FR})
    yield q(dcterms + "publisher", Literal("datacareers"))
    yield q(dcterms + "license", NamedNode("https://creativecommons.org/licenses/by/4.0/"))
    yield q(career["version"], Literal(f"ESCO {version}"))
    yield q(PREFIXES["prov"] + "wasDerivedFrom", NamedNode(SOURCE[f"esco-{version}"]))
    yield q(career["threshold"], _literal(method.threshold, "decimal"))
    yield q(career["partialCredit"], _literal(method.partial_credit, "decimal"))
    yield q(career["optionalWeight"], _literal(method.optional_weight, "decimal"))
    yield q(career["maxMoves"], _literal(method.top, "integer"))


METHOD_EN = ("Computed by datacareers, never stated by a source: the similarity of a move A -> B is the share of "
             "B's ESCO skills (essential ones weigh 1, optional ones 0.5) that A has; a skill of the same ESCO skill "
             "group counts half. A move is kept when its similarity reaches the threshold, at most the given number "
             "per role, most similar first. Skills and skill groups: ESCO occupationSkillRelations and "
             "broaderRelationsSkillPillar (the skill-group links used are in this graph). O*NET work activities and "
             "work context are not used (not in the releases read).")
METHOD_FR = ("Calculé par datacareers, jamais cité par une source : la similarité d'une évolution A -> B est la part "
             "des compétences ESCO de B (une essentielle pèse 1, une optionnelle 0,5) que A possède ; une compétence "
             "du même groupe ESCO compte pour moitié. Une évolution est gardée quand sa similarité atteint le seuil, "
             "au plus le nombre indiqué par métier, les plus proches d'abord. Compétences et groupes : "
             "occupationSkillRelations et broaderRelationsSkillPillar d'ESCO (les liens vers les groupes utilisés sont "
             "dans ce graphe). Les activités et le contexte de travail d'O*NET ne sont pas utilisés (absents des "
             "versions lues).")


def transition_quads(graph: str, name: str, pairs, concept_id=lambda iri: iri.rsplit("/", 1)[-1],
                     measure: str = "similarity") -> Iterator[Quad]:
    """``A career:inferredMove B`` and a Transition with its evidence and its score, per
    (A, B, score): ``career:similarity`` or (``measure="probability"``) ``career:probability``."""
    g = NamedNode(graph)
    move, kind = NamedNode(CAREER["inferredMove"]), NamedNode(CAREER["inferred"])
    a_type, transition = NamedNode(PREFIXES["rdf"] + "type"), NamedNode(CAREER["Transition"])
    from_role, to_role = NamedNode(CAREER["fromRole"]), NamedNode(CAREER["toRole"])
    evidence, similarity = NamedNode(CAREER["evidence"]), NamedNode(CAREER[measure])
    for a, b, score in pairs:
        s, o = NamedNode(a), NamedNode(b)
        t = NamedNode(TRANSITION[f"{name}-{concept_id(a)}-{concept_id(b)}"])
        yield Quad(s, move, o, g)
        yield Quad(t, a_type, transition, g)
        yield Quad(t, from_role, s, g)
        yield Quad(t, to_role, o, g)
        yield Quad(t, evidence, kind, g)
        yield Quad(t, similarity, _literal(f"{score:.3f}", "decimal"), g)


def plan_quads(root: Path, version: str | None = None, method: Method | None = None):
    """(graph IRI, version, quads) of the inferred moves between every occupation of the
    ESCO release under *root*, with the skill-group links they used."""
    root = Path(root)
    if not root.is_dir():
        raise ImportFormatError(f"{root}: not a folder (pass the ESCO CSV release folder)")
    relations = find_file(root, ("occupationSkillRelations.csv.gz", "occupationSkillRelations.csv",
                                 "occupationSkillRelations_en.csv"), "an ESCO CSV")
    broader = find_file(root, ("broaderRelationsSkillPillar.csv", "broaderRelationsSkillPillar_en.csv"), "an ESCO CSV")
    version = version or detect_version(relations.parent) or detect_version(root)
    if not version:
        raise ImportFormatError(f"{root}: cannot tell the ESCO version from the folder names; pass --version")
    method = method or Method()
    graph = graph_name(version)

    def quads() -> Iterator[Quad]:
        profiles = read_profiles(relations)
        groups = read_groups(broader)
        pairs = similar_pairs(profiles, groups, method=method)
        yield from describe(graph, version, method)
        yield from transition_quads(graph, f"inferred-esco-{version}", pairs)
        g, narrower = NamedNode(graph), NamedNode(PREFIXES["skos"] + "broader")
        used = sorted({s for p in profiles.values() for s in p.skills})
        for skill in used:
            for group in sorted(groups.get(skill, ())):
                yield Quad(NamedNode(skill), narrower, NamedNode(group), g)

    return graph, version, quads
