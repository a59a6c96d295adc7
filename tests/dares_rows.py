"""The rows of the Dares fixture (tests/data/dares, cut unchanged from the release by
tests/data/cut_dares.py), read with the csv module directly in each file's own encoding,
not through the importer: what the import and the shipped facts are compared with."""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).parent / "data" / "dares"
#: The encoding each file of the release is in (datasets README: they differ by file).
ENCODINGS = {"salaire_median_3niv.csv": "utf-8", "tensions/tensions.csv": "utf-8",
             "tensions/evol_tensions.csv": "utf-8", "effectifs_3niv.csv": "utf-8"}
COMPONENTS = {"Intensité d'embauches": "hiringIntensity", "Lien formation-emploi": "trainingEmploymentLink",
              "Manque de main-d'œuvre disponible": "labourShortage",
              "Non-durabilité de l'emploi": "jobNonDurability",
              "Conditions de travail contraignantes": "workingConditions",
              "Inadéquation géographique": "geographicMismatch"}


@cache
def rows(name: str) -> list[dict[str, str]]:
    """Every record of fixture file *name*, as {header (stripped): value}."""
    delimiter = ";" if name in ("FAP_PCS.csv", "fap225_rome.csv") else ","
    with (ROOT / name).open(encoding=ENCODINGS.get(name, "cp1252"), newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        header = [h.strip() for h in next(reader)]
        return [dict(zip(header, record, strict=True)) for record in reader if any(record)]


def number(text: str) -> Decimal | None:
    return None if text.strip() in ("", "NA") else Decimal(text)


def region(text: str) -> str:
    """Dares writes region codes as floats (``11.0``, ``1.0``)."""
    return str(int(float(text))).zfill(2)


def place_of(row: dict[str, str]) -> str:
    """The local name under geo/ of a tension row's place."""
    level = row["niveau_geo"].strip()
    if level == "nat":
        return "fr"
    if level == "reg":
        return f"fr-region-{region(row['reg'])}"
    return f"fr-departement-{row['dep']}"
