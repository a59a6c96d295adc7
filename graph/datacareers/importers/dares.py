"""Import Dares's *Portraits statistiques des métiers* into ``source:import-dares-psm-<version>``.

Dares (the French Ministry of Labour's statistical service) publishes, per FAP 2009 family
(:mod:`datacareers.importers.fap`), the figures a French reader asks for: net monthly pay
of full-time employees, hiring tensions (with Pôle emploi, nationally, by region and by
département), employment over time, the share of women, the diplomas of the people in the
job and the sectors and kinds of employer they work for. Pass the folder of the data files
(the ``inputs/`` of Dares's repository, with ``tensions/`` and the ``dictionnaire``); the
version is the publication's, 2022 unless ``--version`` says otherwise.

Files are read strictly (:mod:`datacareers.importers.tables`), each in its own encoding,
decided by strict decoders (:mod:`datacareers.importers.decoding`: UTF-8, or Windows-1252
for the files Dares ships that way) with the accents checked; codes must have their
shape, periods must be periods (``2017-2019``), years four digits, numbers numbers or
``NA``, and each family the same number of rows where the files give every family the same
set (a file cut inside a family is refused). Every file must be there unless *partial*.
What each file becomes: :mod:`datacareers.importers.dares_figures`,
:mod:`datacareers.importers.dares_tension`, :mod:`datacareers.importers.dares_families`.

>>> [spec.name for spec in SPECS.values()][:3]
['salaire_median_3niv.csv', 'salaires_3niv.csv', 'tensions.csv']
>>> source_info("2022").graph
'https://w3id.org/datacareers/source/import-dares-psm-2022'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.errors import ImportFormatError
from datacareers.importers.common import (
    DCTERMS,
    DCTERMS_SOURCE,
    A,
    ImportPlan,
    SourceInfo,
    check_version,
    find_file,
    require_dir,
)
from datacareers.importers.dares_families import PCS, ROME_V3, Families, correspondences
from datacareers.importers.dares_figures import DERIVED, ENQUETE_EMPLOI, NUMBER, Figures
from datacareers.importers.dares_tension import COLUMNS, SERIES_COLUMNS, TENSION_SURVEY, Tensions
from datacareers.importers.decoding import decide_file
from datacareers.importers.fap import FAP225_CODE, FAP_CODE, PCS_CODE, PERIOD, ROME_V3_CODE, YEAR
from datacareers.importers.tables import Check, Table, check_tables, optional
from datacareers.progress import ProgressFactory

WHAT = "a Dares Portraits statistiques des métiers data"
PUBLISHER = "Dares (Direction de l'animation de la recherche, des études et des statistiques, ministère du Travail)"
URL = "https://github.com/StatDares/PortraitStatMetiers"
ATTRIBUTION = "Source : Dares, Portraits statistiques des métiers."
RIGHTS = ("Statistiques publiques de la Dares, librement réutilisables en citant la source (« Source : Dares »). "
          "Le dépôt de la Dares n'indique pas de licence.")
DEFAULT_VERSION = "2022"
DICTIONARY = "dictionnaire-variables-psm.xlsx"
UTF8, EITHER = ("utf-8",), ("utf-8", "cp1252")


@dataclass(frozen=True)
class Spec:
    """One data file: its name, the encodings it may be in (UTF-8 first), its columns and
    their checks, its delimiter and the fewest records a full release has (a tenth)."""

    name: str
    encodings: tuple[str, ...]
    columns: tuple[str, ...]
    checks: Mapping[str, Check] = field(default_factory=dict)
    floor: int = 1
    delimiter: str = ","


_NUM = optional(NUMBER)
SPECS = {
    "median": Spec("salaire_median_3niv.csv", UTF8, ("Fap3", "Annee", "Salaire_median"),
                   {"Fap3": FAP_CODE, "Annee": PERIOD, "Salaire_median": NUMBER}, 60),
    "bands": Spec("salaires_3niv.csv", EITHER, ("Fap", "Salaire", "Milliers", "Pourcentage"),
                  {"Fap": FAP_CODE, "Milliers": NUMBER, "Pourcentage": NUMBER}, 160),
    "tensions": Spec("tensions.csv", UTF8, COLUMNS,
                     {"fap": FAP_CODE, "Année": YEAR, **{c: _NUM for c in COLUMNS[1:10]}}, 3000),
    "series": Spec("evol_tensions.csv", UTF8, SERIES_COLUMNS, {"fap": FAP_CODE, "Tension": NUMBER, "Année": YEAR},
                   230),
    "employment": Spec("effectifs_3niv.csv", UTF8, ("Annee",), {"Annee": YEAR}, 3),
    "women": Spec("part_femmes_3niv.csv", EITHER, ("Fap3", "Annee", "Part"),
                  {"Fap3": FAP_CODE, "Annee": PERIOD, "Part": NUMBER}, 700),
    "labels": Spec("part_femmes_3niv.csv", EITHER,
                   ("Fap3", "libelle", "code_domaine", "libelle_domaine", "code_fap_agregee", "libelle_fap_agregee"),
                   {"Fap3": FAP_CODE}, 700),
    "diplomas": Spec("dipl_restructure_3niv.csv", EITHER, ("Fap", "diplome", "Annee", "Pourcentage"),
                     {"Fap": FAP_CODE, "Annee": PERIOD, "Pourcentage": NUMBER}, 400),
    "sectors": Spec("secteurs_employeurs_3niv.csv", EITHER, ("Fap", "Secteur", "Label_secteur", "Milliers",
                                                             "Pourcentage"),
                    {"Fap": FAP_CODE, "Secteur": Check(r"[A-Z]{2}", "a sector code (two letters, like JC)"),
                     "Milliers": NUMBER, "Pourcentage": NUMBER}, 120),
    "employers": Spec("categorie_employeur_3niv.csv", EITHER, ("Fap", "type_employeur", "Milliers", "Pourcentage"),
                      {"Fap": FAP_CODE, "Milliers": NUMBER, "Pourcentage": NUMBER}, 260),
    "fields": Spec("specialite_diplome_3niv.csv", EITHER, ("Fap", "Specialite", "Label_spedipl", "Milliers",
                                                          "Pourcentage"),
                   {"Fap": FAP_CODE, "Specialite": Check(r"[0-9]{1,3}", "an NSF field code (digits, like 326)"),
                    "Milliers": NUMBER, "Pourcentage": NUMBER}, 240),
    "pcs": Spec("FAP_PCS.csv", EITHER, ("Fap", "PCS", "intitule_PCS"), {"Fap": FAP225_CODE, "PCS": PCS_CODE}, 48, ";"),
    "rome": Spec("fap225_rome.csv", EITHER, ("Fap", "Rome", "intitule_rome"),
                 {"Fap": optional(FAP225_CODE), "Rome": optional(ROME_V3_CODE)}, 76, ";"),
}


def source_info(version: str) -> SourceInfo:
    return SourceInfo(release=f"dares-psm-{version}", version=version,
                      title=f"Portraits statistiques des métiers ({version}) : salaires, tensions sur le marché du "
                            "travail, emploi, femmes, diplômes et employeurs par famille professionnelle (FAP 2009)",
                      publisher=PUBLISHER, license="", attribution=ATTRIBUTION, url=URL, rights=RIGHTS,
                      language="fr")


def _table(path: Path, spec: Spec, partial: bool, columns: tuple[str, ...] | None = None) -> Table:
    encoding = decide_file(path, spec.encodings)
    return Table(path, columns or spec.columns, delimiter=spec.delimiter, checks=spec.checks,
                 floor=1 if partial else spec.floor, encoding="utf-8-sig" if encoding == "utf-8" else encoding)


def _employment_columns(table: Table) -> tuple[str, ...]:
    """The header of ``effectifs_3niv.csv``: ``Annee`` then a FAP code per column."""
    with table._open_text() as text:
        header = next(csv.reader(io.StringIO(text.readline())), [])
    header = [h.strip() for h in header]
    if not header or header[0] != "Annee":
        raise ImportFormatError(f"{table.name}: the first column is {header[:1]}, not 'Annee'")
    for code in header[1:]:
        problem = FAP_CODE.problem(code)
        if problem:
            raise ImportFormatError(f"{table.name}: line 1: {problem}")
    if len(set(header)) != len(header):
        raise ImportFormatError(f"{table.name}: line 1: a FAP code names two columns")
    return tuple(header)


def plan(path: str | Path, version: str | None = None, partial: bool = False) -> ImportPlan:
    """Check the release folder (files, encodings, headers) and describe what will be imported;
    *partial* accepts a sample (missing files, fewer records)."""
    root = require_dir(path, "Dares Portraits statistiques des métiers")
    info = source_info(check_version(version.strip()) if version else DEFAULT_VERSION)
    tables: dict[str, Table] = {}
    for key, spec in SPECS.items():
        found = find_file(root, [spec.name], WHAT, required=not partial)
        if found:
            tables[key] = _table(found, spec, partial)
    if "employment" in tables:
        tables["employment"] = _table(tables["employment"].path, SPECS["employment"], partial,
                                      _employment_columns(tables["employment"]))
    dictionary = find_file(root, [DICTIONARY], WHAT, required=not partial)
    if not tables:
        raise ImportFormatError(f"{root}: none of {', '.join(s.name for s in SPECS.values())} found "
                                f"(is this {WHAT} folder?)")
    check_tables(tables.values())

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _quads(info, tables, dictionary, progress)

    return ImportPlan(info, quads)


def _quads(info: SourceInfo, tables: dict[str, Table], dictionary: Path | None,
           progress: ProgressFactory) -> Iterator[Quad]:
    g = NamedNode(info.graph)
    yield from info.quads()
    yield from describe(info, list(dict.fromkeys(t.name for t in tables.values())), g)
    families = Families(g)
    if dictionary:
        families.read_dictionary(dictionary)
    if "labels" in tables:
        families.read_labels(tables["labels"], progress)
    figures = Figures(info.release, g, families)
    tensions = Tensions(figures)
    readers = {
        "median": figures.medians, "bands": figures.bands, "tensions": tensions.indicators,
        "series": tensions.series, "women": figures.women, "diplomas": figures.diplomas,
        "sectors": figures.sectors, "employers": figures.employers, "fields": figures.fields,
        "pcs": lambda t, p: correspondences(t, families, PCS, p),
        "rome": lambda t, p: correspondences(t, families, ROME_V3, p),
    }
    for key, read in readers.items():
        if key in tables:
            yield from read(tables[key], progress)
    if "employment" in tables:
        yield from figures.employment(tables["employment"], list(tables["employment"].columns[1:]), progress)
    yield from families.quads()


def _text(s: NamedNode, p: str, fr: str, en: str, g: NamedNode) -> Iterator[Quad]:
    yield Quad(s, NamedNode(p), Literal(fr, language="fr"), g)
    yield Quad(s, NamedNode(p), Literal(en, language="en"), g)


def describe(info: SourceInfo, files: list[str], g: NamedNode) -> Iterator[Quad]:
    """What the source description adds: an English title, what the figures are, the files
    read, and the surveys Dares names as their sources (each figure points at its own)."""
    s, title, desc = g, DCTERMS + "title", DCTERMS + "description"
    yield Quad(s, NamedNode(title), Literal(
        f"Dares, Portraits statistiques des métiers ({info.version}): pay, hiring tensions, employment, women, "
        "diplomas and employers by occupational family (FAP 2009)", language="en"), g)
    yield from _text(s, desc,
                     "Salaire mensuel net médian des salariés à temps complet (hors apprentis et stagiaires) en "
                     "2003-2005 et 2017-2019, sa distribution par tranche (2017-2019) ; indicateur de tension 2019 de "
                     "la Dares et de Pôle emploi et ses six indicateurs complémentaires (France, régions, "
                     "départements), série nationale 2011-2019 ; emploi par année (moyennes mobiles sur trois ans "
                     "selon la Dares) ; part des femmes ; plus haut diplôme des personnes en emploi ; secteurs et "
                     "catégories d'employeurs (2017-2019) ; spécialité des diplômes des moins de 30 ans (2017-2019). "
                     "Les chiffres de l'enquête Emploi portent sur la France métropolitaine.",
                     "Median net monthly pay of full-time employees (apprentices and trainees excluded) in 2003-2005 "
                     "and 2017-2019, its distribution by band (2017-2019); Dares and Pôle emploi's 2019 hiring-tension "
                     "indicator and its six components (France, regions, départements), national series 2011-2019; "
                     "employment by year (three-year moving averages, Dares says); share of women; highest diploma "
                     "of the people in the job; sectors and kinds of employer (2017-2019); fields of the diplomas of "
                     "those under 30 (2017-2019). Figures from the Enquête Emploi cover metropolitan France.", g)
    yield Quad(s, DCTERMS_SOURCE, Literal(", ".join(files + [DICTIONARY])), g)
    surveys = {
        ENQUETE_EMPLOI: ("Insee, enquêtes Emploi (France métropolitaine), traitées par la Dares",
                         "INSEE, Enquête Emploi (labour force survey, metropolitan France), processed by Dares"),
        TENSION_SURVEY: ("Dares et Pôle emploi, indicateur de tension : offres d'emploi diffusées en ligne, demandeurs "
                         "d'emploi inscrits à Pôle emploi, projets de recrutement jugés difficiles par les employeurs",
                         "Dares and Pôle emploi, hiring-tension indicator: job offers posted online, jobseekers "
                         "registered with Pôle emploi, recruitment projects employers expect to be difficult"),
    }
    for survey, (fr, en) in surveys.items():
        yield Quad(s, NamedNode(DERIVED.value), survey, g)
        yield Quad(survey, A, NamedNode("http://www.w3.org/ns/prov#Entity"), g)
        yield from _text(survey, title, fr, en, g)
