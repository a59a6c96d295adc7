#!/usr/bin/env python3
"""The starting points of scripts/generate_facts.py: every ROME 4.0 fiche no curated role
matches exactly, with its job titles and its moves into the curated roles, so that a fresh clone
answers ``path "comptable" "data analyst"`` without an import.

- ``rome-4.0/occupations.ttl`` (source:rome-4.0): each such fiche ``rome/<code>`` is a
  ``schema:Occupation`` (not a ``career:Role``: the curated roles stay the graph's roles) with
  its ``skos:prefLabel`` @fr, its appellations as ``skos:altLabel`` @fr (the titles people
  type: "Comptable", "Professeur / Professeure de mathématiques") and ``career:romeCode``;
- ``rome-4.0/entry-moves.ttl`` (source:rome-4.0): the ROME mobilités on the shortest routes
  from such a fiche into the curated roles, for fiches at most :data:`ROUTE_DEPTH` mobilités
  away: into a fiche that stands for a curated role (the move then leads to the role, and
  names the fiche it was read through) or to a fiche one mobilité nearer; ``career:canBecome``
  and a Transition with rank and out of, as ``rome-4.0/transitions.ttl``;
- ``inferred-move-model/entry-moves.ttl`` (source:inferred-move-model): the transition
  model's moves from such a fiche into a curated role (the role's likeliest fiche), kept
  from the validation threshold, at most :data:`KEEP_PER_FICHE` per fiche, never a pair ROME
  states:
  ``career:inferredMove`` and a Transition with ``career:probability``. The curated
  roles' fiches were held out while fitting, so each is a prediction for a target whose
  moves the model never saw.

Not shipped: the fiches' own skills (ROME's savoir-faire are not ESCO skills: a step from a
fiche counts every skill of the curated role as to learn), the mobilités off the shortest
routes, and the ESCO occupations (their names would double the shipped graph).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict, deque
from pathlib import Path

from generate_facts import (
    ATTRIBUTION,
    CAREER,
    ROLE,
    ROME_MOBILITY,
    SKOS,
    TRANSITION,
    Crosswalk,
    _open_csv,
    header,
)
from generate_moves import INFERRED, ROME_CONCEPT, ROME_DIR, _n, inferred_triples, read_mobilities, role_fiches
from projection.turtle import render
from pyoxigraph import Literal

from datacareers.importers.common import A, integer

ROME_APPELLATIONS = f"{ROME_DIR}/unix_referentiel_appellation_v460_utf8.csv"
SCHEMA_OCCUPATION = "https://schema.org/Occupation"
#: The most inferred moves into curated roles kept from one fiche (the likeliest first).
KEEP_PER_FICHE = 3
#: The farthest a fiche may be from the curated roles, in ROME mobilités, for its stated route
#: to ship: every fiche of v460 is at most 5 away (4,498 moves in all).
ROUTE_DEPTH = 5


def starting_fiches(crosswalk: Crosswalk, codes: list[str]) -> list[str]:
    """The fiches no curated role matches exactly (an exact match is the role itself): the
    occupations one starts from. A fiche a role matches only closely is its own occupation."""
    exact = {code for code, kinds in crosswalk.rome.items() if kinds.get("exact")}
    return [c for c in codes if c not in exact]


def generate_occupations(datasets: Path, result, starts: list[str]) -> str:
    occ = result.occ
    titles: dict[str, set[str]] = defaultdict(set)
    with _open_csv(datasets, ROME_APPELLATIONS) as fh:
        for row in csv.DictReader(fh):
            titles[row["code_rome"].strip()].add(row["libelle_appellation_long"].strip())
    triples = set()
    for code in starts:
        s, label = _n(ROME_CONCEPT + code), occ.labels[occ.index[code]].strip()
        triples |= {(s, A, _n(SCHEMA_OCCUPATION)), (s, _n(SKOS + "prefLabel"), Literal(label, language="fr")),
                    (s, _n(CAREER + "romeCode"), Literal(code))}
        triples |= {(s, _n(SKOS + "altLabel"), Literal(t, language="fr")) for t in titles[code] if t and t != label}
    return render(triples, header(
        [f"{ROME_DIR}/unix_cr_gd_dp_v460_utf8.csv", ROME_APPELLATIONS], "ROME 4.0, export v460", ATTRIBUTION["rome"],
        "rome-4.0", ["The fiches no curated role matches exactly, as starting points: schema:Occupation",
                     "(not career:Role), skos:prefLabel = libelle_rome, skos:altLabel = each appellation",
                     "(libelle_appellation_long)."]))


def stated_routes(datasets: Path, crosswalk: Crosswalk, starts: set[str],
                  depth: int = ROUTE_DEPTH) -> tuple[list[tuple], Counter]:
    """(from fiche, to fiche, to role or None, rank) of the ROME mobilités on the shortest
    routes from a starting fiche into the curated roles, for fiches at most *depth* mobilités
    away (through starting fiches only): a fiche one move away keeps its moves into a fiche
    that stands for a curated role (``into``, the role given), one further away its moves to
    the fiches one step nearer. And each fiche's count of mobilités."""
    into, _ = crosswalk.representative("rome", side="to")
    rows = read_mobilities(datasets)
    out_of = Counter(a for a, b, _ in rows if a != b)
    towards: dict[str, set[str]] = defaultdict(set)
    for a, b, _ in rows:
        if a in starts and a != b:
            towards[b].add(a)
    # a fiche is a target (distance 0) when it stands for a role, and a start at its own distance
    distance: dict[str, int] = {}
    queue = deque((b, 0) for b in sorted(into))
    while queue:
        b, level = queue.popleft()
        for a in sorted(towards[b]):
            if a not in distance and level < depth:
                distance[a] = level + 1
                queue.append((a, level + 1))

    def nearer(a: str, b: str) -> bool:
        return b != a and (0 if b in into else distance.get(b, -9)) == distance[a] - 1

    kept = {(a, b, into.get(b), rank) for a, b, rank in rows
            if a in starts and a in distance and nearer(a, b)}
    return sorted(kept, key=lambda m: (m[0], m[1])), out_of


def generate_stated(datasets: Path, crosswalk: Crosswalk, starts: set[str]) -> tuple[str, set[tuple]]:
    """The file and the (fiche, role) pairs ROME states."""
    moves, out_of = stated_routes(datasets, crosswalk, starts)
    triples = set()
    for a, b, role, rank in moves:
        t, s = _n(TRANSITION + f"rome-4.0-fiche-{a}-{b}"), _n(ROME_CONCEPT + a)
        o = _n(ROLE + role) if role else _n(ROME_CONCEPT + b)
        triples |= {(s, _n(CAREER + "canBecome"), o), (t, A, _n(CAREER + "Transition")),
                    (t, _n(CAREER + "fromRole"), s), (t, _n(CAREER + "toRole"), o),
                    (t, _n(CAREER + "evidence"), _n(CAREER + "stated")), (t, _n(CAREER + "rank"), integer(rank)),
                    (t, _n(CAREER + "outOf"), integer(out_of[a]))}
        if role:
            triples |= {(t, _n(CAREER + "fromConcept"), s), (t, _n(CAREER + "toConcept"), _n(ROME_CONCEPT + b))}
    text = render(triples, header(
        [ROME_MOBILITY], "ROME 4.0, export v460", ATTRIBUTION["rome"], "rome-4.0",
        ["The mobilités on the shortest routes from a fiche no curated role matches exactly into the curated roles,",
         f"for fiches at most {ROUTE_DEPTH} mobilités away: into a fiche that stands for a curated role",
         "(facts/curated/crosswalk.ttl; career:toConcept names it), else to a fiche one mobilité nearer.",
         "career:canBecome; rank = numero_ordre, out of = the fiche's mobilités."]))
    return text, {(a, role) for a, _, role, _ in moves if role}


def inferred_entries(result, crosswalk: Crosswalk, starts: list[str], stated: set[tuple[str, str]]) -> list[tuple]:
    """(from fiche, role, role's fiche, probability) the model keeps from each starting fiche:
    its likeliest moves from the threshold chosen on validation, at most KEEP_PER_FICHE
    (below it a move is noise: every fiche has a stated route instead)."""
    from datacareers.movemodel.evaluate import probabilities

    fiches = role_fiches(crosswalk)
    stated = stated | {(a, role) for a in starts for role, codes in fiches.items()
                       if any((a, fb) in result.occ.moves for fb in codes)}
    pairs = [(a, role, fb) for a in starts for role in sorted(fiches)
             if (a, role) not in stated and a not in fiches[role] for fb in fiches[role]]
    best: dict[tuple[str, str], tuple] = {}
    for (a, role, fb), p in zip(pairs, probabilities(result, [(a, fb) for a, _, fb in pairs]), strict=True):
        if (a, role) not in best or p > best[a, role][3]:
            best[a, role] = (a, role, fb, p)
    by_fiche: dict[str, list[tuple]] = defaultdict(list)
    for move in best.values():
        by_fiche[move[0]].append(move)
    kept = []
    for moves in by_fiche.values():
        moves.sort(key=lambda m: (-m[3], m[1]))
        kept += [m for m in moves if m[3] >= result.threshold["threshold"]][:KEEP_PER_FICHE]
    return sorted(kept)


def generate_inferred(result, crosswalk: Crosswalk, starts: list[str], stated: set[tuple[str, str]]) -> str:
    triples = set()
    for a, role, fb, p in inferred_entries(result, crosswalk, starts, stated):
        s = _n(ROME_CONCEPT + a)
        triples |= inferred_triples(_n(TRANSITION + f"{INFERRED}-fiche-{a}-{role}"), s, _n(ROLE + role), p,
                                    s, _n(ROME_CONCEPT + fb))
    return render(triples, [
        f"GENERATED by scripts/generate_facts.py from {ROME_DIR} (ROME 4.0, export v460) with the transition model of"
        " datacareers.movemodel — do not edit by hand",
        ATTRIBUTION["rome"],
        f"Named graph: source:{INFERRED}. From each fiche no curated role matches exactly, the model's",
        "likeliest moves into the curated roles (a role's likeliest fiche), from probability"
        f" {result.threshold['threshold']:.2f}, at most {KEEP_PER_FICHE} per fiche, never a pair ROME states.",
        "Computed, stated by no source (docs/paths.md).", ""])


def generate(datasets: Path, crosswalk: Crosswalk) -> dict[str, str]:
    """The starting-point files: path under ontology/facts -> text."""
    from datacareers.movemodel.evaluate import run

    fiches = role_fiches(crosswalk)
    result = run(datasets, {c for codes in fiches.values() for c in codes}, onet=False)["rome"]
    starts = starting_fiches(crosswalk, result.occ.codes)
    stated_text, stated = generate_stated(datasets, crosswalk, set(starts))
    return {
        "rome-4.0/occupations.ttl": generate_occupations(datasets, result, starts),
        "rome-4.0/entry-moves.ttl": stated_text,
        f"{INFERRED}/entry-moves.ttl": generate_inferred(result, crosswalk, starts, stated),
    }
