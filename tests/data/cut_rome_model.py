#!/usr/bin/env python3
"""Cut the ROME fixture of tests/data/rome-model/v460/ from the real export (run once; the
output is committed): what ``datacareers import inferred --method model`` reads, for the 55
fiches of two professional domains (M12 accounting and management, M14 organisation and
studies), so the transition model is fitted and scored end to end on real rows.

    python tests/data/cut_rome_model.py /work/shared/datasets

Each file keeps its header and the records of those fiches (the referentials: the items
their links use), values unchanged, written back by the csv module.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "rome-model" / "v460"
DOMAINS = {"M12", "M14"}
BY_FICHE = ("cr_gd_dp", "referentiel_code_rome", "referentiel_appellation", "rubrique_mobilite",
            "liens_rome_referentiels", "texte", "arborescence_secteur_activite", "referentiel_code_rome_riasec")
#: referential stem -> its code column (rows kept: the codes the kept links use)
BY_ITEM = {"item": "code_ogr", "referentiel_competence": "code_ogr", "referentiel_savoir": "code_ogr_savoir"}


def _read(root: Path, stem: str):
    with open(root / f"unix_{stem}_v460_utf8.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def _write(stem: str, header, rows) -> None:
    with open(OUT / f"unix_{stem}_v460_utf8.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(datasets: Path) -> None:
    root = datasets / "rome" / "v460"
    OUT.mkdir(parents=True, exist_ok=True)
    _, fiches = _read(root, "cr_gd_dp")
    kept = {r["code_rome"] for r in fiches if r["code_domaine_professionel"] in DOMAINS}
    used: set[str] = set()
    for stem in BY_FICHE:
        header, rows = _read(root, stem)
        rows = [r for r in rows if r["code_rome"] in kept
                and (stem != "rubrique_mobilite" or r["code_rome_cible"] in kept)]
        if stem == "liens_rome_referentiels":
            used = {r["code_ogr"] for r in rows}
        _write(stem, header, rows)
    for stem, column in BY_ITEM.items():
        header, rows = _read(root, stem)
        _write(stem, header, [r for r in rows if r[column] in used])
    print(f"{len(kept)} fiches, {len(used)} items -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"))
