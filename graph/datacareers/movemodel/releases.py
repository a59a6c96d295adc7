"""The occupations and the moves a transition model learns from, read from the releases.

An :class:`Occupations` holds, for every occupation of one release, what the features
compare: sets of items by kind (ROME savoir-faire, savoirs, savoir-être, work contexts,
sectors; O*NET technologies and skills), the text (definition, access, tasks, titles), the
domain and sub-domain, RIASEC letters and a level; and the moves the release states
between them (``moves``: (from, to) -> rank).

>>> occ = Occupations(["A", "B"], ["a", "b"], {"skills": [{"x"}, {"x", "y"}]}, ["t a", "t b"],
...                   ["M", "M"], ["M1", "M2"], ["I", "C"], [1.0, None], {("A", "B"): 1})
>>> occ.index["B"], occ.pairs()
(1, {(0, 1)})
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROME = "rome/v460"
ONET = "onet/db_29_0_text"
ONET_SKILLS = "onet/db_29_0_excel_converted/Skills.tsv"
ONET_CHANGERS = "onet/db_25_x_excel_converted/Career Changers Matrix.tsv"
#: ROME blocks and rubriques of unix_liens_rome_referentiels (unix_composition_bloc, unix_descriptif_rubrique)
ROME_KINDS = {("5", "1"): "savoir-faire", ("5", "2"): "savoir-etre", ("5", "3"): "savoirs", ("6", ""): "contexts"}


@dataclass
class Occupations:
    codes: list[str]
    labels: list[str]
    items: dict[str, list[set[str]]]
    text: list[str]
    domain: list[str]
    subdomain: list[str]
    riasec: list[str]
    level: list[float | None]
    moves: dict[tuple[str, str], int]
    parent: list[str] | None = None
    index: dict[str, int] = field(init=False)

    def __post_init__(self):
        self.index = {c: i for i, c in enumerate(self.codes)}

    def pairs(self, moves: dict[tuple[str, str], int] | None = None) -> set[tuple[int, int]]:
        """The moves as (from index, to index), between occupations both known, never to itself."""
        return {(self.index[a], self.index[b]) for a, b in (self.moves if moves is None else moves)
                if a in self.index and b in self.index and a != b}


def _csv(root: Path, name: str, delimiter: str = ","):
    with open(root / name, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


#: The ROME 4.0 files the model reads, by the stem of their name (``unix_<stem>_v460_utf8.csv``).
ROME_STEMS = ("cr_gd_dp", "item", "liens_rome_referentiels", "texte", "referentiel_appellation",
              "arborescence_secteur_activite", "referentiel_code_rome_riasec", "referentiel_code_rome",
              "rubrique_mobilite")


def read_rome(datasets: Path) -> Occupations:
    """The 1,584 fiches of ROME 4.0 (v460) under the shared datasets folder."""
    root = Path(datasets) / ROME
    return read_rome_files({stem: root / f"unix_{stem}_v460_utf8.csv" for stem in ROME_STEMS})


def read_rome_files(files: dict[str, Path]) -> Occupations:
    """The fiches of a ROME 4.0 export and their mobilités (rank = numero_ordre), from its
    files by stem (:data:`ROME_STEMS`). A missing column raises KeyError."""
    def rows(stem: str):
        return _csv(files[stem].parent, files[stem].name)

    fiches = {r["code_rome"]: r for r in rows("cr_gd_dp")}
    codes = sorted(fiches)
    labels_by_ogr = {r["code_ogr"]: r["libelle"] for r in rows("item")}
    items: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in ROME_KINDS.values()}
    words: dict[str, list[str]] = defaultdict(list)
    for row in rows("liens_rome_referentiels"):
        kind = ROME_KINDS.get((row["code_compo_bloc"], row["code_rubrique"]))
        if kind:
            items[kind][row["code_rome"]].add(row["code_ogr"])
            words[row["code_rome"]].append(labels_by_ogr.get(row["code_ogr"], ""))
    for row in rows("texte"):
        words[row["code_rome"]].append(row["libelle_texte"])
    for row in rows("referentiel_appellation"):
        words[row["code_rome"]].append(row["libelle_appellation_long"])
    sectors: dict[str, set[str]] = defaultdict(set)
    for row in rows("arborescence_secteur_activite"):
        sectors[row["code_rome"]].add(row["code_ss_sect_activite"])
    riasec = {r["code_rome"]: r["riasec_majeur"] + r["riasec_mineur"]
              for r in rows("referentiel_code_rome_riasec")}
    referentiel = list(rows("referentiel_code_rome"))
    cadre = {r["code_rome"]: {"O": 1.0, "N": 0.0}.get(r["emploi_cadre"]) for r in referentiel}
    parent = {r["code_rome"]: r["code_rome_parent"] for r in referentiel}
    moves = {(r["code_rome"], r["code_rome_cible"]): int(r["numero_ordre"])
             for r in rows("rubrique_mobilite")}
    kinds = {kind: [by_code.get(c, set()) for c in codes] for kind, by_code in items.items()}
    kinds["sectors"] = [sectors.get(c, set()) for c in codes]
    return Occupations(codes, [fiches[c]["libelle_rome"] for c in codes], kinds,
                       [" ".join([fiches[c]["libelle_rome"], *words[c]]) for c in codes],
                       [fiches[c]["code_grand_domaine"] for c in codes],
                       [fiches[c]["code_domaine_professionel"] for c in codes],
                       [riasec.get(c, "") for c in codes], [cadre.get(c) for c in codes], moves,
                       [parent.get(c) or c for c in codes])


_RIASEC = {"Realistic": "R", "Investigative": "I", "Artistic": "A", "Social": "S", "Enterprising": "E",
           "Conventional": "C"}


def read_onet(datasets: Path, moves: str = "related") -> Occupations:
    """The O*NET 29.0 occupations with a description, and their Related Occupations
    (``moves="related"``, rank = Index) or the O*NET 25.x Career Changers Matrix (``"changers"``)."""
    root = Path(datasets) / ONET
    data = {r["O*NET-SOC Code"]: r for r in _csv(root, "Occupation Data.txt", "\t")}
    words: dict[str, list[str]] = defaultdict(list)
    for row in _csv(root, "Task Statements.txt", "\t"):
        words[row["O*NET-SOC Code"]].append(row["Task"])
    for row in _csv(root, "Alternate Titles.txt", "\t"):
        words[row["O*NET-SOC Code"]].append(row["Alternate Title"])
    tech: dict[str, set[str]] = defaultdict(set)
    for row in _csv(root, "Technology Skills.txt", "\t"):
        tech[row["O*NET-SOC Code"]].add(row["Commodity Code"])
    skills: dict[str, set[str]] = defaultdict(set)
    for row in _csv(Path(datasets), ONET_SKILLS, "\t"):
        if row["Scale ID"] == "IM" and float(row["Data Value"] or 0) >= 3.0:
            skills[row["O*NET-SOC Code"]].add(row["Element ID"])
    interests: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for row in _csv(root, "Interests.txt", "\t"):
        if row["Scale ID"] == "OI":
            interests[row["O*NET-SOC Code"]].append((float(row["Data Value"]), _RIASEC[row["Element Name"]]))
    zones = {r["O*NET-SOC Code"]: float(r["Job Zone"]) for r in _csv(root, "Job Zones.txt", "\t")}
    if moves == "related":
        found = {(r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]): int(r["Index"])
                 for r in _csv(root, "Related Occupations.txt", "\t")}
    else:
        found = {(r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]): int(r["Index"])
                 for r in _csv(Path(datasets), ONET_CHANGERS, "\t")}
    codes = sorted(c for c in data if words.get(c))
    return Occupations(codes, [data[c]["Title"] for c in codes],
                       {"technologies": [tech.get(c, set()) for c in codes],
                        "skills": [skills.get(c, set()) for c in codes]},
                       [" ".join([data[c]["Title"], data[c]["Description"], *words[c]]) for c in codes],
                       [c[:2] for c in codes], [c[:5] for c in codes],
                       ["".join(x for _, x in sorted(interests.get(c, []), reverse=True)[:2]) for c in codes],
                       [zones.get(c) for c in codes], found)
