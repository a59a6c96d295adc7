"""Moves between every fiche of a ROME 4.0 release, inferred by the transition model
(``datacareers import inferred --method model``; needs the ``model`` extra, scikit-learn).

The model (:mod:`datacareers.movemodel`) is fitted on this release as the shipped one is:
three fifths of the fiches fit, a fifth calibrates and chooses the threshold, a fifth is
held out and measured; the figures of this run go into the source's description. Every
ordered pair of fiches is then scored, by blocks of source fiches (bounded memory: 890 MB
at peak for the 1,584 fiches of v460, most of it the similarity matrices). A move is kept when
its probability reaches the threshold (by default the one chosen on the validation split),
the release does not state it already, and it is among the ``top`` likeliest from its
fiche. Each kept move is ``rome/<code> career:inferredMove rome/<code>`` and a
``career:Transition`` with ``career:evidence career:inferred`` and ``career:probability``,
in ``source:import-inferred-move-model-rome-4.0-<version>``: the fiches' IRIs are those
``datacareers import rome`` gives, so ``path`` and ``next`` join both imports.

>>> [(a, b, p) for a, b, p in keep_likeliest(["A", "B", "C"],
...     __import__("numpy").array([[0, .9, .3], [.1, 0, .5], [.6, .2, 0]]), {("A", "B")}, .25, 1)]
[('A', 'C', 0.3), ('B', 'C', 0.5), ('C', 'A', 0.6)]
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import CAREER, PREFIXES, SOURCE
from datacareers.errors import ImportFormatError
from datacareers.importers import rome
from datacareers.importers.common import find_file, require_dir
from datacareers.importers.common import graph_name as import_graph_name
from datacareers.importers.inferred import computed_source, transition_quads
from datacareers.movemodel.evaluate import fit_and_measure
from datacareers.movemodel.fit import Pairs, matrix_of
from datacareers.movemodel.releases import ROME_STEMS, read_rome_files

#: The most moves kept from each fiche, likeliest first.
TOP = 10
#: Source fiches scored at once (each block holds block x fiches x features float32).
BLOCK = 64


@dataclass(frozen=True)
class Method:
    """The parameters of one computation (``threshold=None``: the one chosen on validation)."""

    threshold: float | None = None
    top: int = TOP


def graph_name(version: str) -> str:
    """The graph the model's moves between the fiches of ROME *version* land in."""
    return SOURCE[import_graph_name(f"inferred-move-model-rome-4.0-{version}")]


def release_files(path: str | Path, version: str | None = None, partial: bool = False) -> tuple[str, dict[str, Path]]:
    """(version, file by stem) of the ROME 4.0 CSV export under *path*: what ``import rome``
    checks (folder, version, headers, values; *partial* skips the full release's record
    counts), then each file the model reads, from the same export."""
    root = require_dir(path, "ROME 4.0")
    version = rome.plan(root, version, partial=partial).source.version
    in_files = rome.detect_version(list(root.rglob(rome._pattern("referentiel_code_rome"))))
    files = {}
    for stem in ROME_STEMS:
        names = [f"unix_{stem}_{in_files}_utf8.csv"] if in_files else []
        files[stem] = find_file(root, [*names, rome._pattern(stem)], rome.WHAT)
    return version, files


def read_release(files: dict[str, Path], partial: bool = False):
    """The fiches and mobilités, or one clear ImportFormatError for a damaged file or (unless
    *partial*) fewer fiches or mobilités than a full release holds (``rome.FLOORS``)."""
    try:
        occ = read_rome_files(files)
    except KeyError as exc:
        raise ImportFormatError(f"ROME 4.0 export: a file lacks the column {exc}") from None
    except (ValueError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportFormatError(f"ROME 4.0 export: {exc}") from None
    if len(occ.codes) < 20 or not occ.moves:
        raise ImportFormatError(f"ROME 4.0 export: {len(occ.codes)} fiches and {len(occ.moves)} mobilités "
                                "are too few to fit the model (pass the whole export)")
    if not partial and (len(occ.codes) < rome.FLOORS["fiches"] or len(occ.moves) < rome.FLOORS["mobilite"]):
        raise ImportFormatError(f"ROME 4.0 export: only {len(occ.codes):,} fiches and {len(occ.moves):,} mobilités "
                                f"where a full release has at least {rome.FLOORS['fiches']:,} and "
                                f"{rome.FLOORS['mobilite']:,}: the files look cut short (pass --partial to "
                                "import a sample on purpose)")
    return occ


def keep_likeliest(codes: list[str], probability: np.ndarray, stated: set[tuple[str, str]],
                   threshold: float, top: int, offset: int = 0) -> Iterator[tuple[str, str, float]]:
    """(from, to, p) of each row's *top* likeliest targets reaching *threshold*, never to
    itself (row ``i`` is fiche ``offset + i``) nor a pair the release states."""
    for i, row in enumerate(probability):
        a = codes[offset + i]
        order = np.argsort(-row, kind="stable")
        kept = 0
        for j in order:
            if kept == top or row[j] < threshold:
                break
            b = codes[j]
            if b == a or (a, b) in stated:
                continue
            kept += 1
            yield a, b, round(float(row[j]), 3)


def scored_moves(result, method: Method) -> Iterator[tuple[str, str, float]]:
    """Every kept move of the fitted *result*, scoring :data:`BLOCK` source fiches at a time."""
    occ = result.occ
    n = len(occ.codes)
    threshold = result.threshold["threshold"] if method.threshold is None else method.threshold
    stated = {(a, b) for a, b in occ.moves}
    targets = np.arange(n)
    for start in range(0, n, BLOCK):
        sources = np.arange(start, min(start + BLOCK, n))
        pairs = Pairs(np.repeat(sources, n), np.tile(targets, len(sources)), np.zeros(len(sources) * n, np.int8))
        p = result.model.probability(matrix_of(result.features, result.model.names, pairs))
        yield from keep_likeliest(occ.codes, p.reshape(len(sources), n), stated, threshold, method.top, start)


def _decimal(value) -> Literal:
    return Literal(str(value), datatype=NamedNode(PREFIXES["xsd"] + "decimal"))


def describe(graph: str, version: str, method: Method, result) -> Iterator[Quad]:
    """The computed source: title, method, this run's held-out figures, threshold, licence."""
    g, dcterms = NamedNode(graph), PREFIXES["dcterms"]
    held = result.figures["held-out"]
    model, text = held["model"], held.get("text_cos", {})
    threshold = result.threshold["threshold"] if method.threshold is None else method.threshold
    figures = dict(fiches=len(result.occ.codes), held=len(result.split["test"]), auc=model["auc"],
                   p5=model["p5"], text_auc=text.get("auc"), text_p5=text.get("p5"),
                   gap=result.figures["calibration-worst-gap"]["model"]["gap"], threshold=threshold,
                   top=method.top)

    def q(predicate: str, obj) -> Quad:
        return Quad(g, NamedNode(predicate), obj, g)

    french = {k: str(v).replace(".", ",") if isinstance(v, float) else v for k, v in figures.items()}
    figures["fiches"], french["fiches"] = f"{len(result.occ.codes):,}", f"{len(result.occ.codes):,}".replace(",", " ")
    yield from computed_source(graph, {
        "en": f"Moves inferred by the transition model between the fiches of ROME 4.0 {version}",
        "fr": f"Évolutions déduites par le modèle de transitions entre les fiches du ROME 4.0 {version}"},
        {"en": METHOD_EN.format(**figures), "fr": METHOD_FR.format(**french)})
    yield q(dcterms + "publisher", Literal("datacareers"))
    yield q(dcterms + "license", NamedNode(rome.LICENSE))
    yield q(CAREER["attribution"], Literal(f"Source : France Travail, ROME 4.0 ({version}), {rome.ATTRIBUTION}.",
                                           language="fr"))
    yield q(CAREER["version"], Literal(f"ROME 4.0, export {version}"))
    yield q(PREFIXES["prov"] + "wasDerivedFrom", NamedNode(SOURCE[import_graph_name(f"rome-4.0-{version}")]))
    yield q(CAREER["threshold"], _decimal(threshold))
    yield q(CAREER["maxMoves"], Literal(str(method.top), datatype=NamedNode(PREFIXES["xsd"] + "integer")))


METHOD_EN = ("Computed by datacareers, stated by no source: the transition model of docs/paths.md (gradient boosting "
             "over similarities of two fiches, calibrated by isotonic regression), fitted on three fifths of this "
             "release's {fiches} fiches and calibrated on a fifth; career:probability is the share of pairs so alike "
             "that ROME states as a mobilité. On the {held} held-out fiches: ROC AUC {auc}, precision@5 {p5} (TF-IDF "
             "of the text: {text_auc}, {text_p5}); calibration within {gap} per tenth of probability. Kept from "
             "probability {threshold}, at most {top} per fiche, never a pair the release states. A probability says "
             "how often ROME lists such a move, not a person's chance.")
METHOD_FR = ("Calculé par datacareers, cité par aucune source : le modèle de transitions de docs/paths.md (gradient "
             "boosting sur des similarités entre deux fiches, calibré par régression isotonique), appris sur trois "
             "cinquièmes des {fiches} fiches de cette version et calibré sur un cinquième ; career:probability est la "
             "part des paires aussi proches que le ROME cite comme mobilité. Sur les {held} fiches mises de côté : "
             "ROC AUC {auc}, précision@5 {p5} (TF-IDF du texte : {text_auc}, {text_p5}) ; calibration à {gap} près "
             "par dixième de probabilité. Gardées à partir de la probabilité {threshold}, au plus {top} par fiche, "
             "jamais une paire que la version cite. Une probabilité dit la fréquence à laquelle le ROME cite une "
             "telle évolution, pas la chance d'une personne.")


def plan_quads(path: str | Path, version: str | None = None, method: Method | None = None,
               partial: bool = False):
    """(graph IRI, version, quads) of the model's moves between the fiches of the ROME
    export under *path*; the folder and its files are checked before the model is fitted."""
    version, files = release_files(path, version, partial)
    occ = read_release(files, partial)
    method = method or Method()
    graph = graph_name(version)

    def quads() -> Iterator[Quad]:
        result = fit_and_measure(occ)
        yield from describe(graph, version, method, result)
        moves = ((rome.ROME_ROLE[a], rome.ROME_ROLE[b], p) for a, b, p in scored_moves(result, method))
        yield from transition_quads(graph, f"inferred-model-rome-4.0-{version}", moves, measure="probability")

    return graph, version, quads
