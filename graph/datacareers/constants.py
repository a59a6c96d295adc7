"""Paths, base IRIs and prefixes, declared once for the whole package.

>>> ROLE["data-analyst"]
'https://w3id.org/datacareers/role/data-analyst'
>>> source_iri("rome-4.0")
'https://w3id.org/datacareers/source/rome-4.0'
"""

from __future__ import annotations

import os
from pathlib import Path


class _Base(str):
    """A base IRI; ``BASE["slug"]`` gives the full IRI as a plain string."""

    def __getitem__(self, local: str) -> str:  # type: ignore[override]
        return str(self) + local


BASE_IRI = "https://w3id.org/datacareers/"
CAREER = _Base(BASE_IRI + "ontology#")
ROLE = _Base(BASE_IRI + "role/")
SKILL = _Base(BASE_IRI + "skill/")
SECTOR = _Base(BASE_IRI + "sector/")
EMPLOYER = _Base(BASE_IRI + "employer/")
SOURCE = _Base(BASE_IRI + "source/")
SALARY = _Base(BASE_IRI + "salary/")
EDUCATION = _Base(BASE_IRI + "education/")
TRANSITION = _Base(BASE_IRI + "transition/")
MAPPING = _Base(BASE_IRI + "mapping/")
STATEMENT = _Base(BASE_IRI + "statement/")
TASK = _Base(BASE_IRI + "task/")
OUTLOOK = _Base(BASE_IRI + "outlook/")
TENSION = _Base(BASE_IRI + "tension/")
EMPLOYMENT = _Base(BASE_IRI + "employment/")
SHARE = _Base(BASE_IRI + "share/")

#: Every prefix a user may use in SPARQL without declaring it, and that our Turtle uses.
PREFIXES: dict[str, str] = {
    "career": str(CAREER),
    "role": str(ROLE),
    "skill": str(SKILL),
    "sector": str(SECTOR),
    "employer": str(EMPLOYER),
    "source": str(SOURCE),
    "salary": str(SALARY),
    "education": str(EDUCATION),
    "transition": str(TRANSITION),
    "mapping": str(MAPPING),
    "statement": str(STATEMENT),
    "task": str(TASK),
    "outlook": str(OUTLOOK),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "sh": "http://www.w3.org/ns/shacl#",
    "esco": "http://data.europa.eu/esco/",
}

#: Skills of a release's own vocabulary that a curated role also lists (ROME competences and
#: knowledge, O*NET technologies): skill gaps and skill names read a role's skills in one
#: vocabulary (ESCO's), so these count only for a node that has no other skills (an imported
#: ROME fiche or O*NET occupation).
OTHER_SKILL_VOCABULARIES = tuple(BASE_IRI + p for p in ("rome/competence/", "rome/savoir/", "onet/technology/"))

SKOS = PREFIXES["skos"]
RDF_TYPE = PREFIXES["rdf"] + "type"


def source_iri(name: str) -> str:
    """The IRI of the named graph (and description) of source *name*."""
    return SOURCE[name]


#: The package folder (``graph/datacareers/`` in a checkout, ``datacareers/`` once installed).
PACKAGE_DIR = Path(__file__).resolve().parent
#: The checkout's top folder (holds pyproject.toml), when running from a checkout.
CHECKOUT_DIR = PACKAGE_DIR.parent.parent


def _find_ontology_dir() -> Path:
    """``datacareers/ontology`` in a wheel; ``ontology/`` at the top of a checkout."""
    for candidate in (PACKAGE_DIR / "ontology", CHECKOUT_DIR / "ontology"):
        if (candidate / "careers.ttl").is_file():
            return candidate
    return CHECKOUT_DIR / "ontology"


ONTOLOGY_DIR = _find_ontology_dir()
VOCABULARY_FILE = ONTOLOGY_DIR / "careers.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
FACTS_DIR = ONTOLOGY_DIR / "facts"
QUERIES_DIR = PACKAGE_DIR / "queries"

#: The named graph that holds the vocabulary itself.
VOCABULARY_GRAPH = source_iri("vocabulary")

#: Where ``build`` writes by default (a checkout's output/ folder, else the current folder).
DEFAULT_OUTPUT_DIR = (
    CHECKOUT_DIR / "output" if (CHECKOUT_DIR / "pyproject.toml").is_file()
    else Path.cwd() / "output"
)


def data_home() -> Path:
    """The user's data folder for imported sources (``DATACAREERS_HOME`` overrides it)."""
    env = os.environ.get("DATACAREERS_HOME")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "datacareers"
