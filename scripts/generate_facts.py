#!/usr/bin/env python3
"""Generate the shipped ESCO / ROME / O*NET facts from official releases.

Reads the hand-curated crosswalk (``ontology/facts/curated/crosswalk.ttl``: which ESCO
occupation, ROME fiche and O*NET-SOC occupation each curated role matches, exactly or
closely) and the releases under DATASETS (default ``$DATACAREERS_DATASETS``, else
``/work/shared/datasets``, laid out as
``esco/v1.1.1/``, ``rome/v460/``, ``onet/db_29_0_text/``, ``onet/db_25_x_excel_converted/``),
and writes, for the curated roles only:

- ``ontology/facts/esco-1.1.1/skills.ttl``: each role's ESCO essential and optional
  skills (``career:essentialSkill`` / ``career:optionalSkill`` plus ``career:requiresSkill``
  to the ESCO skill URI), each skill ``a career:Skill`` with its English ESCO label and a
  ``career:skillKind``. Skills come from the role's exact ESCO match; when that has no
  skill relations in ESCO 1.1.1 (or the role has only close matches), from its close
  matches. A skill that is essential for one of those occupations is essential.
- the move files, each move with its evidence (written by ``scripts/generate_moves.py``):
  ``rome-4.0/transitions.ttl`` (ROME mobilités, stated), ``onet-29.0/transitions.ttl``
  (O*NET Related Occupations, related: never ``career:canBecome``),
  ``onet-25-career-changers/transitions.ttl`` (Career Changers, stated),
  ``inferred-move-model/transitions.ttl`` (inferred by the transition model, with its
  probability) and
  ``esco-1.1.1/skill-groups.ttl`` (the skill groups the skill gap reads);
- the starting points (``scripts/generate_entries.py``): every ROME fiche no curated role
  matches exactly, with its appellations (``rome-4.0/occupations.ttl``), its stated moves into the
  curated roles (``rome-4.0/entry-moves.ttl``) and the model's (``inferred-move-model/entry-moves.ttl``);
  and the ESCO occupations named like one of those fiches (``scripts/generate_esco_entries.py``:
  ``esco-1.1.1/occupations.ttl``, linked by ``esco-rome-titles/links.ttl``).

Which role stands for a code in moves: the one curated role that matches the code
exactly; when no role matches it exactly, the one role that matches it closely. A code
that several roles match at the same best level stands for none of them (it is reported)
and a move from a role to itself is dropped.

Output is deterministic (sorted, no dates): re-running gives the same bytes.
``--check`` regenerates in memory and exits 1 if a committed file differs.

Usage::

    python scripts/generate_facts.py                       # write ontology/facts/...
    python scripts/generate_facts.py /path/to/datasets     # a newer or other copy
    python scripts/generate_facts.py --check               # CI: are the files current?
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from projection.borrowing import SCOPES, moves_into, moves_out_of

from datacareers.errors import ImportFormatError

REPO = Path(__file__).resolve().parent.parent
FACTS_DIR = REPO / "ontology" / "facts"
CROSSWALK = FACTS_DIR / "curated" / "crosswalk.ttl"
#: Where the releases are read from: $DATACAREERS_DATASETS, else the team's shared copy.
DEFAULT_DATASETS = Path(os.environ.get("DATACAREERS_DATASETS") or "/work/shared/datasets")

BASE = "https://w3id.org/datacareers/"
CAREER = BASE + "ontology#"
ROLE = BASE + "role/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
ROME_CONCEPT = BASE + "rome/"
ONET_CONCEPT = BASE + "onet/"
FAP_CONCEPT = BASE + "fap/"

csv.field_size_limit(sys.maxsize)

# The files each generated file is made from, relative to DATASETS, and their release.
ESCO_DIR = "esco/v1.1.1"
ESCO_OCCUPATIONS = f"{ESCO_DIR}/en/occupations_en.csv"
ESCO_SKILLS = f"{ESCO_DIR}/en/skills_en.csv"
ESCO_RELATIONS = f"{ESCO_DIR}/relations/occupationSkillRelations.csv.gz"
ROME_MOBILITY = "rome/v460/unix_rubrique_mobilite_v460_utf8.csv"
ONET_RELATED = "onet/db_29_0_text/Related Occupations.txt"
ONET_CHANGERS = "onet/db_25_x_excel_converted/Career Changers Matrix.tsv"

ATTRIBUTION = {
    "esco": "This service uses the ESCO classification of the European Commission. "
            "ESCO v1.1.1, free reuse under the Commission reuse notice "
            "(Decision 2011/833/EU; CC BY 4.0).",
    "rome": "Source : France Travail, ROME 4.0 (v460), Licence Ouverte / Open Licence (Etalab 2.0).",
    "onet-29.0": "This product includes information from the O*NET 29.0 Database by the U.S. "
                 "Department of Labor, Employment and Training Administration (USDOL/ETA). "
                 "Used under the CC BY 4.0 license.",
    "onet-25": "This product includes information from the O*NET 25.x Career Changers Matrix by "
               "the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). "
               "Used under the CC BY 4.0 license.",
    "bls": "Source: U.S. Bureau of Labor Statistics.",
    "dares": "Source : Dares, Portraits statistiques des métiers (2022) ; Insee, enquêtes Emploi ; "
             "Dares et Pôle emploi, indicateur de tension.",
}

TRANSITION = BASE + "transition/"


class DataError(Exception):
    """A release file is missing or not as expected."""


# ----------------------------------------------------------------- the crosswalk


@dataclass
class Crosswalk:
    """Per scheme: concept code -> {"exact": {roles}, "close": {roles}}."""

    esco: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    rome: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    onet: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    fap: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    #: (scheme, code, role) -> how the role reaches the code: "exact" or a close match's scope.
    match: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def by_role(self, scheme: str) -> dict[str, dict[str, set[str]]]:
        """role -> {"exact": {codes}, "close": {codes}} for *scheme*."""
        out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for code, kinds in getattr(self, scheme).items():
            for kind, roles in kinds.items():
                for role in roles:
                    out[role][kind].add(code)
        return out

    def representative(self, scheme: str, side: str = "from") -> tuple[dict[str, str], list[str]]:
        """code -> the one role standing for it in moves out of it (*side* "from") or into it
        ("to"), and notes on codes left out. A close match stands for its role only as far as
        :mod:`projection.borrowing` lets moves through its scope."""
        fits = moves_out_of if side == "from" else moves_into
        chosen, notes = {}, []
        for code, kinds in sorted(getattr(self, scheme).items()):
            close = {role for role in kinds.get("close", set()) if fits(self.match[scheme, code, role])}
            roles = kinds.get("exact") or close
            if len(roles) == 1:
                chosen[code] = next(iter(roles))
            elif roles:
                notes.append(f"{scheme} {code}: matched by {', '.join(sorted(roles))}; left out of moves")
        return chosen, notes


def read_crosswalk(path: Path = CROSSWALK) -> Crosswalk:
    """The mappings of ``crosswalk.ttl``, by scheme and match kind."""
    from rdflib import Graph, Namespace

    career, skos = Namespace(CAREER), Namespace(SKOS)
    graph = Graph().parse(path, format="turtle")
    crosswalk = Crosswalk()
    for mapping in graph.subjects(predicate=career.mappedRole):
        role = str(graph.value(mapping, career.mappedRole))
        concept = str(graph.value(mapping, career.mappedConcept))
        match = graph.value(mapping, career.matchKind)
        kind = {skos.exactMatch: "exact", skos.closeMatch: "close"}.get(match)
        if not role.startswith(ROLE) or kind is None:
            raise DataError(f"{path}: mapping {mapping} needs a role: IRI and skos:exactMatch/closeMatch")
        slug = role[len(ROLE):]
        for prefix, scheme in ((ESCO_OCCUPATION, "esco"), (ROME_CONCEPT, "rome"), (ONET_CONCEPT, "onet"),
                               (FAP_CONCEPT, "fap")):
            if concept.startswith(prefix):
                code = concept[len(prefix):]
                getattr(crosswalk, scheme)[code][kind].add(slug)
                scope = str(graph.value(mapping, career.conceptScope) or "")
                crosswalk.match[scheme, code, slug] = "exact" if kind == "exact" else SCOPES.get(scope, "")
                break
        else:
            raise DataError(f"{path}: mapping {mapping} points to {concept}, not an ESCO/ROME/O*NET/FAP concept")
    return crosswalk


# ----------------------------------------------------------------- headers (the Turtle is rdflib's)


def header(files: list[str], release: str, attribution: str, graph: str, notes: list[str]) -> list[str]:
    """The comment lines that open a generated move file (projection.turtle.render writes them)."""
    return [
        f"GENERATED by scripts/generate_facts.py from {', '.join(files)} ({release}) — do not edit by hand",
        attribution,
        f"Named graph: source:{graph}. Roles are matched to the source's concepts in",
        "facts/curated/crosswalk.ttl; regenerate with `python scripts/generate_facts.py`.",
        *notes, "",
    ]


# ----------------------------------------------------------------- reading files (the move files)


def _open_csv(datasets: Path, rel: str):
    path = datasets / rel
    if not path.is_file():
        raise DataError(f"missing release file: {path}")
    if rel.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


# ----------------------------------------------------------------- helpers for the move files (generate_moves.py)


def _rank(value: str, where: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise DataError(f"{where}: rank {value!r} is not an integer") from None


def _tsv(datasets: Path, rel: str) -> list[list[str]]:
    with _open_csv(datasets, rel) as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return rows[1:]


def generate(datasets: Path, crosswalk_path: Path = CROSSWALK) -> dict[str, str]:
    """Every generated file: path relative to ontology/facts -> its text."""
    import generate_entries  # the starting points (fiches no role matches exactly), their moves in
    import generate_esco_entries  # ESCO occupations named like one of those fiches
    import generate_moves  # the move files, in their own module (it imports this one)
    from projection import profiles  # the profiles, projected from the importers' output

    crosswalk = read_crosswalk(crosswalk_path)
    try:
        found = profiles.generate(datasets, crosswalk_path, ATTRIBUTION)
    except ImportFormatError as exc:
        raise DataError(str(exc)) from None
    escos = generate_esco_entries.generate(datasets, crosswalk,
                                           generate_esco_entries.shipped_skills(found["esco-1.1.1/skills.ttl"]))
    return {**found, **generate_moves.generate(datasets, crosswalk), **generate_entries.generate(datasets, crosswalk),
            **escos}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT_DATASETS,
                        help=f"folder holding esco/, rome/ and onet/ releases (default {DEFAULT_DATASETS})")
    parser.add_argument("--facts", type=Path, default=FACTS_DIR, help="where to write (default ontology/facts)")
    parser.add_argument("--check", action="store_true",
                        help="regenerate in memory and exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    try:
        files = generate(args.datasets)
    except (DataError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        stale = [rel for rel, text in files.items()
                 if not (args.facts / rel).is_file() or (args.facts / rel).read_text(encoding="utf-8") != text]
        for rel in stale:
            print(f"out of date: {args.facts / rel}", file=sys.stderr)
        if stale:
            print("run: python scripts/generate_facts.py", file=sys.stderr)
            return 1
        print(f"{len(files)} generated files are up to date.")
        return 0
    for rel, text in files.items():
        path = args.facts / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    import generate_facts  # run as the module generate_moves imports, so both share one DataError

    sys.exit(generate_facts.main())
