#!/usr/bin/env python3
"""Cut the Dares fixture of tests/data/dares/ from the real release (run once; the output is committed).

    python tests/data/cut_dares.py /work/shared/datasets

Every data file keeps its header and the records of the FAP families the curated roles are
read through (their FAP 225 codes in ontology/facts/curated/crosswalk.ttl, with their FAP 87
and domain parents) plus the rows that are no family (Ensemble, ENS, Z, ZZZ, ZZZZZ), as the
release's own bytes: each file keeps its encoding (UTF-8 or Windows-1252) and its lines are
unchanged. ``effectifs_3niv.csv`` (a column per family) is copied whole, so no line is
changed. The data dictionary is a workbook written with openpyxl from the release's rows
(cell values unchanged): its header, the families kept and the regions.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

HERE = Path(__file__).resolve().parent
OUT = HERE / "dares"
CROSSWALK = HERE.parent.parent / "ontology" / "facts" / "curated" / "crosswalk.ttl"
RELEASE = "dares/portraits-statistiques-metiers"
PSEUDO = {"Ensemble", "ENS", "Z", "ZZZ", "ZZZZZ"}
#: file (relative to the release) -> its delimiter
FILES = {"salaire_median_3niv.csv": ",", "salaires_3niv.csv": ",", "tensions/tensions.csv": ",",
         "tensions/evol_tensions.csv": ",", "part_femmes_3niv.csv": ",", "dipl_restructure_3niv.csv": ",",
         "secteurs_employeurs_3niv.csv": ",", "categorie_employeur_3niv.csv": ",",
         "specialite_diplome_3niv.csv": ",", "FAP_PCS.csv": ";", "fap225_rome.csv": ";"}


def families() -> set[str]:
    """The FAP 225 families of the crosswalk and their parents."""
    codes = set(re.findall(r'career:fapCode "([A-Z][0-9][A-Z][0-9]{2})"', CROSSWALK.read_text(encoding="utf-8")))
    return codes | {c[:3] for c in codes} | {c[:1] for c in codes}


def cut(source: Path, target: Path, delimiter: str, keep: set[str]) -> None:
    data = source.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    raw = data.split(b"\n")
    lines = text.split("\n")
    assert len(raw) == len(lines), source  # no byte of a line break inside a character
    out = [raw[0]]
    for line, raw_line in zip(lines[1:], raw[1:], strict=True):
        if not line:
            continue
        record = next(csv.reader(io.StringIO(line), delimiter=delimiter))
        if record and (record[0] in keep or record[0] in PSEUDO or not any(record)):
            out.append(raw_line)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"\n".join(out) + b"\n")


def cut_dictionary(source: Path, target: Path, keep: set[str]) -> None:
    book = load_workbook(source, read_only=True)
    out = Workbook()
    sheet = out.active
    sheet.title = book.worksheets[0].title
    for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        if number == 1 or row[0] == "code_reg" or (row[0] == "fap (ou Fap)" and row[1] in keep):
            sheet.append(list(row))
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(target)


def main(datasets: Path) -> None:
    keep = families()
    release = datasets / RELEASE
    for name, delimiter in FILES.items():
        cut(release / name, OUT / name, delimiter, keep)
    (OUT / "effectifs_3niv.csv").write_bytes((release / "effectifs_3niv.csv").read_bytes())
    cut_dictionary(release / "dictionnaire/dictionnaire-variables-psm.xlsx",
                   OUT / "dictionnaire" / "dictionnaire-variables-psm.xlsx", keep)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"))
