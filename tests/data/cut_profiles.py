#!/usr/bin/env python3
"""Cut the profile fixtures of tests/data/ from the real releases (run once; the output is committed).

    python tests/data/cut_profiles.py /work/shared/datasets

- bls/national_M2024_dl.xlsx and bls/occupation.xlsx: small workbooks written with openpyxl
  from the release's own rows (cell values unchanged), with the sheets, title rows, header
  rows, notes and footnotes the importer reads: a few summary rows and the SOC codes of the
  sample roles (15-2051 data scientists, 11-3021 with a '#' 90th percentile, 15-2041,
  15-1243, 15-1211) and one code whose wages are all '*' (27-2011 actors);
- rome/v460/unix_texte_v460_utf8.csv, unix_referentiel_contexte_travail_v460_utf8.csv and the
  "Contextes de travail" rows of unix_liens_rome_referentiels (appended): the lines of the
  release for the fiches of the ROME fixture, unchanged;
- rome/v460/unix_referentiel_savoir and unix_liens_rome_referentiels (appended): the
  certifications (diplomas) ROME lists for the fiches of the ROME fixture and their links, unchanged;
- onet/db_29_0_text/Task Statements.txt and Alternate Titles.txt: the release's lines for the
  occupations of the O*NET fixture, unchanged;
- esco/v1.1.1/en/skillGroups_en.csv and fr/digitalSkillsCollection_fr.csv: the records of
  the skill groups and skills the ESCO fixture uses, unchanged.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

HERE = Path(__file__).resolve().parent
OEWS_CODES = {"00-0000", "15-0000", "15-2051", "11-3021", "15-2041", "15-1243", "15-1211", "27-2011"}


def _copy_sheet(source, target, keep) -> None:
    for row in source.iter_rows(values_only=True):
        if keep(row):
            target.append(list(row))


def cut_bls(datasets: Path) -> None:
    book = load_workbook(datasets / "bls/oews/national_M2024_dl.xlsx", read_only=True)
    out = Workbook()
    data = out.active
    data.title = "national_M2024_dl"
    _copy_sheet(book["national_M2024_dl"], data, lambda r: r[0] == "AREA" or r[8] in OEWS_CODES)
    _copy_sheet(book["Field Descriptions"], out.create_sheet("Field Descriptions"), lambda r: True)
    out.save(HERE / "bls" / "national_M2024_dl.xlsx")
    book = load_workbook(datasets / "bls/ep/occupation.xlsx", read_only=True)
    out = Workbook()
    out.active.title = "Index"
    _copy_sheet(book["Index"], out.active, lambda r: True)
    codes = {c[:7] for c in OEWS_CODES} | {"00-0000"}
    _copy_sheet(book["Table 1.2"], out.create_sheet("Table 1.2"),
                lambda r: r[1] is None or r[1] in codes or str(r[1]).endswith("code"))
    out.save(HERE / "bls" / "occupation.xlsx")


def _lines(path: Path, keep) -> list[str]:
    """The records of a delimited file whose parsed fields *keep* accepts, as their raw text."""
    text = path.read_text(encoding="utf-8")
    delimiter = "\t" if path.suffix == ".txt" else ","
    out, buffer = [], io.StringIO(text)
    reader = csv.reader(buffer, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
    lines = text.splitlines(keepends=True)
    start = 0
    for record in reader:
        end = reader.line_num
        if start == 0 or keep(record):
            out.append("".join(lines[start:end]))
        start = end
    return out


def cut_text(datasets: Path) -> None:
    rome, onet = HERE / "rome" / "v460", HERE / "onet" / "db_29_0_text"
    fiches = {line.split(",")[0].strip('"') for line in
              (rome / "unix_referentiel_code_rome_v460_utf8.csv").read_text(encoding="utf-8").splitlines()[1:]}
    release = datasets / "rome/v460"
    (rome / "unix_texte_v460_utf8.csv").write_text("".join(_lines(
        release / "unix_texte_v460_utf8.csv", lambda r: r[0] in fiches)), encoding="utf-8")
    links = _lines(release / "unix_liens_rome_referentiels_v460_utf8.csv", lambda r: r[0] in fiches and r[1] == "6")
    structures = {line.rstrip("\n").split(",")[3].strip('"') for line in links[1:]}
    (rome / "unix_referentiel_contexte_travail_v460_utf8.csv").write_text("".join(_lines(
        release / "unix_referentiel_contexte_travail_v460_utf8.csv",
        lambda r: r[0] in structures and r[3] == "Types de structures")), encoding="utf-8")
    existing = (rome / "unix_liens_rome_referentiels_v460_utf8.csv").read_text(encoding="utf-8")
    if links[1] not in existing:
        (rome / "unix_liens_rome_referentiels_v460_utf8.csv").write_text(existing + "".join(links[1:]),
                                                                         encoding="utf-8")
    occupations = (onet / "Occupation Data.txt").read_text(encoding="utf-8").splitlines()[1:]
    codes = {line.split("\t")[0] for line in occupations}
    for name in ("Task Statements.txt", "Alternate Titles.txt"):
        (onet / name).write_text("".join(_lines(datasets / "onet/db_29_0_text" / name, lambda r: r[0] in codes)),
                                 encoding="utf-8")


def cut_certifications(datasets: Path) -> None:
    """Append the savoirs of category "Certifications et habilitations" linked to the fixture's
    fiches (the diplomas ROME lists) and those links, unchanged, to the savoir and link files."""
    rome, release = HERE / "rome" / "v460", datasets / "rome/v460"
    fiches = {line.split(",")[0].strip('"') for line in
              (rome / "unix_referentiel_code_rome_v460_utf8.csv").read_text(encoding="utf-8").splitlines()[1:]}
    savoirs = _lines(release / "unix_referentiel_savoir_v460_utf8.csv",
                     lambda r: r[2] == "Certifications et habilitations")
    codes = {line.split(",")[0].strip('"') for line in savoirs[1:]}
    links = _lines(release / "unix_liens_rome_referentiels_v460_utf8.csv", lambda r: r[0] in fiches and r[3] in codes)
    linked = {line.rstrip("\n").split(",")[3].strip('"') for line in links[1:]}
    for name, new in (("unix_referentiel_savoir_v460_utf8.csv",
                       [line for line in savoirs[1:] if line.split(",")[0].strip('"') in linked]),
                      ("unix_liens_rome_referentiels_v460_utf8.csv", links[1:])):
        existing = (rome / name).read_text(encoding="utf-8")
        (rome / name).write_text(existing + "".join(line for line in new if line not in existing), encoding="utf-8")


def cut_esco(datasets: Path) -> None:
    esco = HERE / "esco" / "v1.1.1"
    broader = esco / "relations" / "broaderRelationsSkillPillar.csv"
    groups = {row["broaderUri"] for row in csv.DictReader(broader.open(encoding="utf-8"))}
    skills = {row["conceptUri"] for row in csv.DictReader((esco / "en" / "skills_en.csv").open(encoding="utf-8"))}
    release = datasets / "esco/v1.1.1"
    (esco / "en" / "skillGroups_en.csv").write_text("".join(_lines(
        release / "en/skillGroups_en.csv", lambda r: r[1] in groups)), encoding="utf-8", newline="")
    (esco / "fr" / "digitalSkillsCollection_fr.csv").write_text("".join(_lines(
        release / "fr/digitalSkillsCollection_fr.csv", lambda r: r[1] in skills)), encoding="utf-8", newline="")


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets")
    cut_bls(root)
    cut_text(root)
    cut_certifications(root)
    cut_esco(root)
