"""The releases the shipped facts come from, imported whole in memory by the same importers
as ``datacareers import`` (one rule for shipped facts and imports).

Each release is (shipped graph, importer, path under the datasets folder); the importer
puts it in ``source:import-<release>`` of one in-memory store, and the projection copies
what concerns the curated roles into the shipped graph ``source:<shipped graph>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

from datacareers.importers import bls, dares, esco, onet, rome
from datacareers.importers.common import ImportPlan
from datacareers.progress import no_progress


@dataclass(frozen=True)
class Release:
    """One release: the shipped graph it feeds, its family (the crosswalk scheme it is read
    through) and where it lies under the datasets folder."""

    shipped: str
    family: str
    path: str
    files: tuple[str, ...]
    title: str


RELEASES = (
    Release("esco-1.1.1", "esco", "esco/v1.1.1",
            ("en/occupations_en.csv", "en/skills_en.csv", "relations/occupationSkillRelations.csv.gz",
             "relations/broaderRelationsSkillPillar.csv", "en/skillGroups_en.csv", "fr/*SkillsCollection_fr.csv"),
            "ESCO v1.1.1"),
    Release("rome-4.0", "rome", "rome/v460",
            ("unix_referentiel_competence", "unix_referentiel_savoir", "unix_liens_rome_referentiels",
             "unix_coherence_item", "unix_texte", "unix_referentiel_appellation", "unix_arborescence_secteur_activite",
             "unix_referentiel_contexte_travail (_v460_utf8.csv)"),
            "ROME 4.0, export v460"),
    Release("onet-29.0", "onet", "onet/db_29_0_text",
            ("Task Statements.txt", "Technology Skills.txt", "Alternate Titles.txt",
             "Education, Training, and Experience.txt", "Job Zones.txt"),
            "O*NET 29.0 Database, August 2024"),
    Release("bls-oews-2024", "bls", "bls/oews/national_M2024_dl.xlsx", ("national_M2024_dl.xlsx",),
            "BLS OEWS May 2024, national"),
    Release("bls-ep-2024-34", "bls", "bls/ep/occupation.xlsx", ("occupation.xlsx, Table 1.2",),
            "BLS Employment Projections 2024-34"),
    Release("dares-psm-2022", "dares", "dares/portraits-statistiques-metiers",
            ("salaire_median_3niv", "salaires_3niv", "tensions/tensions", "tensions/evol_tensions", "effectifs_3niv",
             "part_femmes_3niv", "dipl_restructure_3niv", "secteurs_employeurs_3niv", "categorie_employeur_3niv",
             "specialite_diplome_3niv (.csv)", "dictionnaire-variables-psm.xlsx"),
            "Dares, Portraits statistiques des métiers, 2022"),
)

#: The ESCO v1.0 French skills (a third-party copy), read only for the French names the
#: v1.1.1 files lack; it feeds the shipped graph source:esco-1.0-fr.
ESCO_V10_FR = "esco/v1.0-fr-skills/skills_fr.csv"


def plan_of(release: Release, datasets: Path) -> ImportPlan:
    """The importer's checked plan for *release*."""
    path = datasets / release.path
    if release.family == "bls":
        (found,) = bls.plans(path)
        return found
    return {"esco": esco, "rome": rome, "onet": onet, "dares": dares}[release.family].plan(path)


def load(datasets: Path) -> tuple[Store, dict[str, str]]:
    """Every release imported into one in-memory store; shipped graph -> import graph IRI."""
    store = Store()
    graphs = {}
    for release in RELEASES:
        plan = plan_of(release, datasets)
        store.bulk_extend(plan.quads(no_progress))
        graphs[release.shipped] = plan.graph
    return store, graphs
