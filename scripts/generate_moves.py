#!/usr/bin/env python3
"""The move part of scripts/generate_facts.py: moves between curated roles, each with its evidence.

- ``rome-4.0/transitions.ttl``: ROME 4.0 mobilités, **stated** (``career:canBecome``);
  the Transition keeps ``career:rank`` (numero_ordre), ``career:outOf`` (how many moves
  ROME lists from that fiche) and the fiches it was read between (``career:fromConcept``,
  ``career:toConcept``).
- ``onet-29.0/transitions.ttl``: O*NET 29.0 Related Occupations, **related**: a
  similarity list, so ``career:relatedMove`` (never ``career:canBecome``) and a Transition
  with ``career:evidence career:related``, rank (Index), out of, relatedness tier.
- ``onet-25-career-changers/transitions.ttl``: O*NET Career Changers Matrix, **related**: O*NET
  derives it from the similarity of the occupations' descriptors (skills, knowledge, work
  activities...), not from people seen changing jobs, so ``career:relatedMove`` with a
  Transition of ``career:evidence career:related``, like Related Occupations.
- ``inferred-move-model/transitions.ttl``: moves **inferred** by the transition model
  (:mod:`datacareers.movemodel`, learnt on ROME 4.0's mobilités, the curated roles' fiches held out):
  ``career:inferredMove`` and a Transition with ``career:evidence career:inferred``,
  ``career:probability`` and the fiches it was computed between; kept from the threshold
  chosen on the validation split.
- ``esco-1.1.1/skill-groups.ttl``: each shipped ESCO skill's skill groups (``skos:broader``),
  labelled in English and French: the partial credit of the skill gap reads them.

``python scripts/generate_moves.py --evaluate`` prints how many of ROME's stated moves
between curated roles the skill-overlap method (what ``datacareers import inferred``
computes over ESCO) recovers, at several thresholds.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from generate_facts import (
    ATTRIBUTION,
    CAREER,
    DEFAULT_DATASETS,
    ESCO_DIR,
    ESCO_OCCUPATION,
    ESCO_RELATIONS,
    ONET_CHANGERS,
    ONET_RELATED,
    ROLE,
    ROME_MOBILITY,
    SKOS,
    TRANSITION,
    Crosswalk,
    DataError,
    _open_csv,
    _rank,
    _tsv,
    header,
    read_crosswalk,
)
from projection.turtle import render
from pyoxigraph import Literal, NamedNode

from datacareers.importers.common import XSD_DECIMAL, A, integer
from datacareers.importers.inferred import Method, Profile, read_groups, read_profiles, similar_pairs

ESCO_BROADER = f"{ESCO_DIR}/relations/broaderRelationsSkillPillar.csv"
ESCO_GROUPS = {"en": f"{ESCO_DIR}/en/skillGroups_en.csv", "fr": f"{ESCO_DIR}/fr/skillGroups_fr.csv"}
ROME_CONCEPT = "https://w3id.org/datacareers/rome/"
ONET_CONCEPT = "https://w3id.org/datacareers/onet/"
INFERRED = "inferred-move-model"
ROME_DIR = "rome/v460"
#: Each role keeps its likeliest inferred moves out and in, even below the threshold, so that
#: no role is unreachable (their probability, shown on every step, says how weak they are).
KEEP_PER_ROLE = 3

Move = tuple[str, str, str, str, int, str | None]


def _moves(rows, chosen: dict[str, str], into: dict[str, str] | None = None) -> list[Move]:
    """(from code, to code, from role, to role, rank, tier) for rows from a *chosen* code to
    an *into* code (the same as *chosen* unless given)."""
    into = chosen if into is None else into
    moves = []
    for source, target, rank, tier in rows:
        a, b = chosen.get(source), into.get(target)
        if a is None or b is None or a == b:
            continue
        moves.append((source, target, a, b, rank, tier))
    return sorted(set(moves))


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def render_moves(moves: list[Move], prefix: str, evidence: str, out_of: Counter, concept: str) -> set[tuple]:
    """The triples of moves: the role-to-role triple of their evidence and a Transition."""
    predicate = {"stated": "canBecome", "related": "relatedMove"}[evidence]
    out = set()
    for source, target, a, b, rank, tier in moves:
        t, ra, rb = _n(TRANSITION + f"{prefix}-{source}-{target}"), _n(ROLE + a), _n(ROLE + b)
        out |= {(ra, _n(CAREER + predicate), rb), (t, A, _n(CAREER + "Transition")),
                (t, _n(CAREER + "fromRole"), ra), (t, _n(CAREER + "toRole"), rb),
                (t, _n(CAREER + "evidence"), _n(CAREER + evidence)), (t, _n(CAREER + "rank"), integer(rank)),
                (t, _n(CAREER + "outOf"), integer(out_of[source])),
                (t, _n(CAREER + "fromConcept"), _n(concept + source)),
                (t, _n(CAREER + "toConcept"), _n(concept + target))}
        if tier:
            out.add((t, _n(CAREER + "relatednessTier"), Literal(tier)))
    return out


def read_mobilities(datasets: Path) -> list[tuple[str, str, int]]:
    """(code_rome, code_rome_cible, numero_ordre) of every ROME 4.0 mobilité."""
    with _open_csv(datasets, ROME_MOBILITY) as fh:
        return [(r["code_rome"].strip(), r["code_rome_cible"].strip(), _rank(r["numero_ordre"], ROME_MOBILITY))
                for r in csv.DictReader(fh)]


def inferred_triples(t: NamedNode, a: NamedNode, b: NamedNode, probability: float,
                     from_concept: NamedNode, to_concept: NamedNode) -> set[tuple]:
    """``a career:inferredMove b`` and its Transition *t*: evidence, probability, the fiches read."""
    return {(a, _n(CAREER + "inferredMove"), b), (t, A, _n(CAREER + "Transition")),
            (t, _n(CAREER + "fromRole"), a), (t, _n(CAREER + "toRole"), b),
            (t, _n(CAREER + "evidence"), _n(CAREER + "inferred")),
            (t, _n(CAREER + "probability"), Literal(f"{probability:.3f}", datatype=XSD_DECIMAL)),
            (t, _n(CAREER + "fromConcept"), from_concept), (t, _n(CAREER + "toConcept"), to_concept)}


def generate_rome(datasets: Path, crosswalk: Crosswalk) -> str:
    chosen, notes = crosswalk.representative("rome")
    into, _ = crosswalk.representative("rome", side="to")
    rows = [(a, b, rank, None) for a, b, rank in read_mobilities(datasets)]
    out_of = Counter(source for source, target, _, _ in rows if source != target)
    return render(render_moves(_moves(rows, chosen, into), "rome-4.0", "stated", out_of, ROME_CONCEPT), header(
        [ROME_MOBILITY], "ROME 4.0, export v460", ATTRIBUTION["rome"], "rome-4.0",
        ["code_rome -> code_rome_cible: stated moves (career:canBecome); career:rank = numero_ordre,",
         "career:outOf = how many mobilités ROME lists from that fiche."] + notes))


def generate_onet_related(datasets: Path, crosswalk: Crosswalk) -> str:
    chosen, notes = crosswalk.representative("onet")
    into, _ = crosswalk.representative("onet", side="to")
    rows = [(r[0].strip(), r[1].strip(), _rank(r[3], ONET_RELATED), r[2].strip()) for r in _tsv(datasets, ONET_RELATED)]
    out_of = Counter(source for source, target, _, _ in rows if source != target)
    moves = _moves(rows, chosen, into)
    return render(render_moves(moves, "onet-29.0-crosswalk", "related", out_of, ONET_CONCEPT), header(
        [ONET_RELATED], "O*NET 29.0 Database, August 2024", ATTRIBUTION["onet-29.0"], "onet-29.0",
        ["O*NET-SOC Code -> Related O*NET-SOC Code. Related Occupations is a similarity list, not",
         "moves people are said to make: career:relatedMove (never career:canBecome) with a",
         "career:Transition of career:evidence career:related; career:rank = Index, career:outOf =",
         "how many related occupations O*NET lists; career:relatednessTier = Relatedness Tier.",
         "IRIs carry 'crosswalk' so that they never clash with those `datacareers import onet` mints."] + notes))


def generate_onet_changers(datasets: Path, crosswalk: Crosswalk) -> str:
    chosen, notes = crosswalk.representative("onet")
    into, _ = crosswalk.representative("onet", side="to")
    rows = [(r[0].strip(), r[2].strip(), _rank(r[4], ONET_CHANGERS), None) for r in _tsv(datasets, ONET_CHANGERS)]
    out_of = Counter(source for source, target, _, _ in rows if source != target)
    moves = _moves(rows, chosen, into)
    return render(render_moves(moves, "onet-25-career-changers", "related", out_of, ONET_CONCEPT),
                  header([ONET_CHANGERS], "O*NET 25.x Career Changers Matrix, Excel converted to TSV",
                         ATTRIBUTION["onet-25"], "onet-25-career-changers",
                         ["O*NET-SOC Code -> Related O*NET-SOC Code. O*NET computes the matrix from the similarity",
                          "of the occupations' descriptors, it does not state moves people make: career:relatedMove",
                          "(never career:canBecome) with a career:Transition of career:evidence career:related;",
                          "career:rank = Index, career:outOf = how many moves the matrix lists from that occupation.",
                          "O*NET 25.x has no rows for Data Scientists, Database Architects, BI Analysts or",
                          "Software Developers, so those roles have no moves here."] + notes))


# ----------------------------------------------------------------- inferred moves


def role_profiles(datasets: Path, crosswalk: Crosswalk) -> dict[str, Profile]:
    """Each curated role's ESCO skills, chosen as esco-1.1.1/skills.ttl chooses them: its exact
    ESCO matches that have skills, else its close ones; essential wins over optional."""
    by_role = crosswalk.by_role("esco")
    wanted = {ESCO_OCCUPATION + c for kinds in by_role.values() for codes in kinds.values() for c in codes}
    occupations = read_profiles(datasets / ESCO_RELATIONS, wanted)
    profiles = {}
    for role, kinds in sorted(by_role.items()):
        for kind in ("exact", "close"):
            found = [occupations[ESCO_OCCUPATION + c] for c in sorted(kinds.get(kind, ()))
                     if ESCO_OCCUPATION + c in occupations]
            if found:
                essential = frozenset().union(*(p.essential for p in found))
                optional = frozenset().union(*(p.optional for p in found)) - essential
                profiles[role] = Profile(essential, optional)
                break
    return profiles


DEFAULT_METHOD = Method()


def role_fiches(crosswalk: Crosswalk) -> dict[str, list[str]]:
    """Each curated role's ROME fiches for inferred moves: its exact match, else its close
    matches. An inferred move may go through a close match either way (unlike a stated move,
    see :mod:`projection.borrowing`): it is a computed likeness, and it names the fiche it used."""
    fiches = {}
    for role, kinds in sorted(crosswalk.by_role("rome").items()):
        codes = sorted(kinds.get("exact", ())) or sorted(kinds.get("close", ()))
        if codes:
            fiches[role] = codes
    return fiches


def model_moves(datasets: Path, crosswalk: Crosswalk, result=None) -> tuple[list[tuple], object]:
    """(from role, to role, from fiche, to fiche, probability) of every move between curated
    roles the transition model keeps, and the model's result. A role pair reads its likeliest
    pair of fiches. Kept: a probability at least the threshold chosen on the validation
    split, or one of a role's KEEP_PER_ROLE likeliest moves out or in (so no role is left
    unreachable; its probability says how weak it is). Roles sharing a fiche get no inferred
    move (the model sees one occupation there), nor do roles whose fiches ROME links (a
    stated move is never also an inferred one)."""
    from datacareers.movemodel.evaluate import probabilities, run

    fiches = role_fiches(crosswalk)
    if result is None:
        result = run(datasets, {c for codes in fiches.values() for c in codes}, onet=False)["rome"]
    stated = {(a, b) for a in fiches for b in fiches
              if any((fa, fb) in result.occ.moves for fa in fiches[a] for fb in fiches[b])}
    pairs = [(a, b, fa, fb) for a in sorted(fiches) for b in sorted(fiches)
             if a != b and (a, b) not in stated and not set(fiches[a]) & set(fiches[b])
             for fa in fiches[a] for fb in fiches[b]]
    best: dict[tuple[str, str], tuple] = {}
    for pair, p in zip(pairs, probabilities(result, [(fa, fb) for _, _, fa, fb in pairs]), strict=True):
        if pair[:2] not in best or p > best[pair[:2]][4]:
            best[pair[:2]] = (*pair, p)
    scored = sorted(best.values())
    kept = {m[:2] for m in scored if m[4] >= result.threshold["threshold"]}
    for side in (0, 1):
        by_role: dict[str, list] = defaultdict(list)
        for m in scored:
            by_role[m[side]].append(m)
        for moves in by_role.values():
            kept |= {m[:2] for m in sorted(moves, key=lambda m: (-m[4], m[:2]))[:KEEP_PER_ROLE]}
    return [m for m in scored if m[:2] in kept], result


def generate_inferred(datasets: Path, crosswalk: Crosswalk) -> str:
    moves, result = model_moves(datasets, crosswalk)
    held_out = result.figures["held-out"]["model"]
    lines = [
        f"GENERATED by scripts/generate_facts.py from {ROME_DIR} (ROME 4.0, export v460) with the transition model of"
        " datacareers.movemodel — do not edit by hand",
        ATTRIBUTION["rome"],
        f"Named graph: source:{INFERRED}. Computed by datacareers, stated by no source: career:probability is",
        "the model's calibrated probability that ROME states a move between two fiches this alike, for",
        "the fiches the roles match (held out while fitting). Kept from the threshold chosen on the",
        f"validation split ({result.threshold['threshold']:.2f}), and each role's {KEEP_PER_ROLE} likeliest moves out"
        " and in. Held-out",
        f"ROME fiches: ROC AUC {held_out['auc']:.3f},"
        f" precision@5 {held_out['p5']:.3f} (docs/paths.md).",
        "",
    ]
    triples = set()
    for a, b, fa, fb, p in moves:
        triples |= inferred_triples(_n(TRANSITION + f"{INFERRED}-{a}-{b}"), _n(ROLE + a), _n(ROLE + b), p,
                                    _n(ROME_CONCEPT + fa), _n(ROME_CONCEPT + fb))
    return render(triples, lines)


def generate_skill_groups(datasets: Path, crosswalk: Crosswalk) -> str:
    profiles = role_profiles(datasets, crosswalk)
    groups = read_groups(datasets / ESCO_BROADER)
    used = sorted({s for p in profiles.values() for s in p.skills})
    wanted = {g for s in used for g in groups.get(s, ())}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for lang, rel in ESCO_GROUPS.items():
        with _open_csv(datasets, rel) as fh:
            for row in csv.DictReader(fh):
                if row["conceptUri"].strip() in wanted:
                    labels[row["conceptUri"].strip()][lang] = row["preferredLabel"].strip()
    missing = sorted(wanted - set(labels))
    if missing:
        raise DataError(f"{ESCO_GROUPS['en']}: no row for skill groups {missing[:5]}")
    triples = set()
    for skill in used:
        triples |= {(_n(skill), _n(SKOS + "broader"), _n(g)) for g in sorted(groups.get(skill, ()))}
    for group in sorted(wanted):
        triples.add((_n(group), A, _n(SKOS + "Concept")))
        triples |= {(_n(group), _n(SKOS + "prefLabel"), Literal(labels[group][lang], language=lang))
                    for lang in ("en", "fr") if lang in labels[group]}
    return render(triples, header([ESCO_BROADER, ESCO_GROUPS["en"], ESCO_GROUPS["fr"]], "ESCO v1.1.1",
                                  ATTRIBUTION["esco"], "esco-1.1.1",
                                  ["Each shipped skill's ESCO skill groups (walking up broader skills to the first",
                                   "skill groups), for the partial credit of the skill gap."]))


def generate(datasets: Path, crosswalk: Crosswalk) -> dict[str, str]:
    """The move files (and the skill groups the gap reads): path under ontology/facts -> text."""
    return {
        "rome-4.0/transitions.ttl": generate_rome(datasets, crosswalk),
        "onet-29.0/transitions.ttl": generate_onet_related(datasets, crosswalk),
        "onet-25-career-changers/transitions.ttl": generate_onet_changers(datasets, crosswalk),
        f"{INFERRED}/transitions.ttl": generate_inferred(datasets, crosswalk),
        "esco-1.1.1/skill-groups.ttl": generate_skill_groups(datasets, crosswalk),
    }


# ----------------------------------------------------------------- evaluation


def evaluate(datasets: Path, thresholds=(0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)) -> list[dict]:
    """Precision and recall of the inferred moves against ROME's stated moves between curated roles."""
    crosswalk = read_crosswalk()
    chosen, _ = crosswalk.representative("rome")
    rows = [(a, b, rank, None) for a, b, rank in read_mobilities(datasets)]
    stated = {(a, b) for _, _, a, b, _, _ in _moves(rows, chosen)}
    profiles = role_profiles(datasets, crosswalk)
    groups = read_groups(datasets / ESCO_BROADER)
    stated = {(a, b) for a, b in stated if a in profiles and b in profiles}
    table = []
    for threshold in thresholds:
        for top in (None, 3, 5, 10):
            method = Method(threshold=threshold, top=top or len(profiles))
            found = {(a, b) for a, b, _ in similar_pairs(profiles, groups, method=method)}
            hits = len(found & stated)
            into = {b for _, b in found}
            out = {a for a, _ in found}
            table.append({"threshold": threshold, "top": top or "all", "inferred": len(found), "stated": len(stated),
                          "recovered": hits, "precision": hits / len(found) if found else 0.0,
                          "recall": hits / len(stated) if stated else 0.0,
                          "roles_without_in": len(set(profiles) - into),
                          "roles_without_out": len(set(profiles) - out)})
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--evaluate", action="store_true", help="print precision / recall against ROME's moves")
    args = parser.parse_args(argv)
    if not args.evaluate:
        parser.error("use scripts/generate_facts.py to write the files; this script only --evaluate's")
    print("threshold  top  inferred  stated  recovered  precision  recall  roles without in/out"
          "  (precision by chance: stated / all ordered pairs)")
    for row in evaluate(args.datasets):
        print(f"{row['threshold']:>9.2f} {row['top']!s:>4} {row['inferred']:>9} {row['stated']:>7} "
              f"{row['recovered']:>10} {row['precision']:>10.2f} {row['recall']:>7.2f}"
              f"   {row['roles_without_in']}/{row['roles_without_out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
