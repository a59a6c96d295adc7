"""Import France Travail's ROME 4.0 (CSV "unix" export) into ``source:import-rome-4.0-<version>``.

Download "Toutes les données du ROME" (the ``unix_*_utf8.csv`` files) from
https://www.francetravail.org/opendata/repertoire-operationnel-des-meti.html and unzip
it. The version is read from the file names (``unix_..._v460_utf8.csv`` -> ``v460``).

- ``unix_referentiel_code_rome`` (required): each fiche becomes
  ``https://w3id.org/datacareers/rome/<code>``, ``a career:Role, schema:Occupation``,
  ``skos:prefLabel`` @fr, ``career:romeCode``; ``skos:broader`` its parent fiche
  (``code_rome_parent``) when that is another fiche;
- ``unix_referentiel_appellation`` (required): each appellation is a ``skos:altLabel``
  @fr of its fiche;
- ``unix_rubrique_mobilite`` (required): ``career:canBecome`` plus a qualified
  ``career:Transition`` (``transition/rome-4.0-v460-M1419-M1423``) with
  ``career:fromRole``, ``career:toRole`` and ``career:rank`` (``numero_ordre``);
- ``unix_referentiel_competence`` and ``unix_referentiel_savoir`` (required): skills
  ``rome/competence/<code_ogr>`` (``career:hard``; ``career:soft`` for the
  "Savoir-être professionnel" category) and knowledge ``rome/savoir/<code_ogr>``
  (``career:knowledge``), labels @fr; ``unix_liens_rome_referentiels`` (required) links
  them to fiches with ``career:requiresSkill``. A savoir ROME files under "Certifications et
  habilitations" / "Certifications" (``categorie_savoir`` / ``sous_categorie_savoir``: a Master,
  a BTS, "Ingénieur diplômé de ...") is a diploma, not knowledge: ``career:education``
  (:func:`~datacareers.importers.rome_profile.is_diploma`); when ``unix_coherence_item`` is present,
  the items ROME marks as the core of the job (``coeur_metier`` = "Principale") are also
  ``career:essentialSkill``;
- ``unix_secteur_activite`` and ``unix_arborescence_secteur_activite`` (optional):
  ``career:Sector`` ``rome/secteur/<code>`` (sub-sectors ``skos:broader`` their
  sector) and ``career:inSector`` from each fiche to its sector and sub-sector.

>>> detect_version([Path("unix_referentiel_code_rome_v460_utf8.csv")])
'v460'
>>> normalise_version("460")
'v460'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.errors import ImportFormatError
from datacareers.importers import rome_profile
from datacareers.importers.common import (
    ALT_LABEL,
    BROADER,
    DEFINITION,
    PREF_LABEL,
    ROME_COMPETENCE,
    ROME_ROLE,
    ROME_SAVOIR,
    ROME_SECTOR,
    SCHEMA_OCCUPATION,
    A,
    ImportPlan,
    SourceInfo,
    check_version,
    find_file,
    integer,
    require_dir,
    term,
    transition_iri,
)
from datacareers.importers.tables import NUMBER, ROME_CODE, Table, check_tables, optional
from datacareers.progress import ProgressFactory

WHAT = "a ROME 4.0 CSV"
DOWNLOAD_URL = "https://www.francetravail.org/opendata/repertoire-operationnel-des-meti.html"
LICENSE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
ATTRIBUTION = "Licence Ouverte / Open Licence (Etalab 2.0), France Travail (ex-Pôle emploi)"

_VERSION = re.compile(r"_(v\d+)_")

#: The fewest records each file of a full release holds: about a tenth of the v460
#: export (1,584 fiches, 13,120 appellations, 14,912 mobilités, 18,317 compétences,
#: 15,354 savoirs, 118,923 links, 104,219 coherence rows, 35 sectors, 3,303 sector
#: links), low enough for any real release, high enough to refuse a cut file.
FLOORS = {
    "fiches": 150, "appellations": 1300, "mobilite": 1400, "competences": 1800,
    "savoirs": 1500, "liens": 11000, "coherence": 10000, "secteurs": 3,
    "arborescence": 330,
}

OGR = NUMBER


def _pattern(stem: str) -> str:
    return f"unix_{stem}_v*_utf8.csv"


def normalise_version(version: str) -> str:
    """``460`` or ``V460`` -> ``v460``."""
    version = version.strip()
    return "v" + version[1:] if version[:1] in "vV" else "v" + version


def _newest(paths: Iterable[Path]) -> Path | None:
    """The file of the highest export version (then the shallowest)."""
    def key(path: Path):
        match = _VERSION.search(path.name)
        return (-int(match.group(1)[1:]) if match else 0, len(path.parts), str(path))

    candidates = sorted((p for p in paths if p.is_file()), key=key)
    return candidates[0] if candidates else None


def detect_version(files: Iterable[Path]) -> str | None:
    """The ``vNNN`` in the first file name that carries one."""
    for path in files:
        match = _VERSION.search(Path(path).name)
        if match:
            return match.group(1)
    return None


def source_info(version: str) -> SourceInfo:
    return SourceInfo(
        release=f"rome-4.0-{version}",
        version=version,
        title=f"ROME 4.0 - Répertoire Opérationnel des Métiers et des Emplois ({version})",
        publisher="France Travail",
        license=LICENSE,
        attribution=ATTRIBUTION,
        url=DOWNLOAD_URL,
    )


def plan(path: str | Path, version: str | None = None, partial: bool = False) -> ImportPlan:
    """Check the release folder (files, headers) and describe what will be imported;
    *partial* accepts files smaller than a full release (a sample)."""
    root = require_dir(path, "ROME 4.0")

    fiches = _newest(root.rglob(_pattern("referentiel_code_rome")))
    if fiches is None:
        find_file(root, [_pattern("referentiel_code_rome")], WHAT)  # raises the error
    in_files = detect_version([fiches])
    version = normalise_version(check_version(version.strip())) if version else in_files
    if not version:
        raise ImportFormatError(
            f"{fiches.name}: cannot tell the ROME version from the file name; "
            "pass it with --version (e.g. --version v460)"
        )

    def need(stem: str, required: bool = True) -> Path | None:
        """The file of the same export as the fiches (when several exports are mixed)."""
        names = [f"unix_{stem}_{in_files}_utf8.csv"] if in_files else []
        return find_file(root, [*names, _pattern(stem)], WHAT, required=required)

    info = source_info(version)

    rome = {"code_rome": ROME_CODE}
    tables = {
        "fiches": Table(fiches, ("code_rome", "libelle_rome"), ("code_rome_parent",),
                        checks={**rome, "code_rome_parent": optional(ROME_CODE)}),
        "appellations": Table(need("referentiel_appellation"),
                              ("code_rome", "libelle_appellation_long"), checks=rome),
        "mobilite": Table(need("rubrique_mobilite"),
                          ("code_rome", "code_rome_cible", "numero_ordre"),
                          checks={**rome, "code_rome_cible": ROME_CODE,
                                  "numero_ordre": optional(NUMBER)}),
        "competences": Table(need("referentiel_competence"),
                             ("code_ogr", "libelle_competence"), ("cat_comp", "definition"),
                             checks={"code_ogr": OGR}),
        "savoirs": Table(need("referentiel_savoir"), ("code_ogr_savoir", "libelle_savoir"),
                         ("categorie_savoir", "sous_categorie_savoir"), checks={"code_ogr_savoir": OGR}),
        "liens": Table(need("liens_rome_referentiels"), ("code_rome", "code_ogr"),
                       checks={**rome, "code_ogr": OGR}),
    }
    coherence = need("coherence_item", required=False)
    if coherence:
        tables["coherence"] = Table(coherence, ("code_rome", "code_ogr", "coeur_metier"),
                                    checks={**rome, "code_ogr": OGR})
    secteurs = need("secteur_activite", required=False)
    arborescence = need("arborescence_secteur_activite", required=False)
    if secteurs:
        tables["secteurs"] = Table(secteurs, ("code_sect_activite", "libelle_sect_activite"),
                                   ("definition_sect_activite",),
                                   checks={"code_sect_activite": NUMBER})
    if arborescence:
        tables["arborescence"] = Table(
            arborescence,
            ("code_sect_activite", "libelle_sect_activite", "code_rome"),
            ("code_ss_sect_activite", "libelle_ss_sect_activite"),
            checks={**rome, "code_sect_activite": NUMBER,
                    "code_ss_sect_activite": optional(NUMBER)},
        )
    tables.update(rome_profile.tables(need))
    if not partial:
        for key, table in tables.items():
            table.floor = {**FLOORS, **rome_profile.FLOORS}[key]
    check_tables(tables.values())

    def quads(progress: ProgressFactory) -> Iterator[Quad]:
        return _quads(info, tables, progress)

    return ImportPlan(info, quads)


def _fr(text: str) -> Literal:
    return Literal(text, language="fr")


def _quads(info: SourceInfo, tables: dict[str, Table], progress: ProgressFactory):
    g = NamedNode(info.graph)
    yield from info.quads()
    labels: dict[str, str] = {}
    yield from _fiches(tables, g, progress, labels)
    yield from _appellations(tables, g, progress, labels)
    yield from _moves(info, tables, g, progress, labels)
    skills: dict[str, NamedNode] = {}
    diplomas: dict[str, NamedNode] = {}
    yield from _skills(tables, g, progress, skills, diplomas)
    structures: dict[str, NamedNode] = {}
    yield from rome_profile.structures(tables, g, progress, structures)
    yield from _links(tables, g, progress, labels, skills, structures, diplomas)
    yield from rome_profile.texts(info, tables, labels, g, progress)
    yield from _sectors(tables, g, progress, labels)


def _fiches(tables, g, progress, labels: dict[str, str]):
    """Each fiche as a role with its code and name; ``labels`` is filled code -> name."""
    role_class, rome_code = term("Role"), term("romeCode")
    parents: list[tuple[str, str]] = []
    for code, label, parent in tables["fiches"].rows(progress):
        code, label = code.strip(), label.strip()
        if not code:
            continue
        labels[code] = label
        s = NamedNode(ROME_ROLE[code])
        yield Quad(s, A, role_class, g)
        yield Quad(s, A, SCHEMA_OCCUPATION, g)
        if label:
            yield Quad(s, PREF_LABEL, _fr(label), g)
        yield Quad(s, rome_code, Literal(code), g)
        if parent.strip() and parent.strip() != code:
            parents.append((code, parent.strip()))
    for code, parent in parents:
        if parent in labels:
            yield Quad(NamedNode(ROME_ROLE[code]), BROADER, NamedNode(ROME_ROLE[parent]), g)


def _appellations(tables, g, progress, labels: dict[str, str]):
    """Job titles (appellations) other than the fiche's name, each once."""
    seen: set[tuple[str, str]] = set()
    for code, label in tables["appellations"].rows(progress):
        code, label = code.strip(), label.strip()
        if code in labels and label and label != labels[code] and (code, label) not in seen:
            seen.add((code, label))
            yield Quad(NamedNode(ROME_ROLE[code]), ALT_LABEL, _fr(label), g)


def _moves(info: SourceInfo, tables, g, progress, labels: dict[str, str]):
    """ROME's mobilités: stated moves, each with a Transition node carrying its rank."""
    can_become, transition_class = term("canBecome"), term("Transition")
    from_role, to_role, rank = term("fromRole"), term("toRole"), term("rank")
    for source, target, order in tables["mobilite"].rows(progress):
        source, target = source.strip(), target.strip()
        if source not in labels or target not in labels or source == target:
            continue
        a, b = NamedNode(ROME_ROLE[source]), NamedNode(ROME_ROLE[target])
        yield Quad(a, can_become, b, g)
        t = NamedNode(transition_iri(info.release, source, target))
        yield Quad(t, A, transition_class, g)
        yield Quad(t, from_role, a, g)
        yield Quad(t, to_role, b, g)
        if order.strip():
            yield Quad(t, rank, integer(order.strip()), g)


def _skills(tables, g, progress, skills: dict[str, NamedNode], diplomas: dict[str, NamedNode]):
    """Compétences (savoir-faire, savoir-être) and savoirs; ``skills`` is filled code -> node,
    ``diplomas`` with the savoirs ROME files as certifications (they are education, not skills)."""
    skill_class, kind = term("Skill"), term("skillKind")
    hard, soft, knowledge = term("hard"), term("soft"), term("knowledge")
    for code, label, category, definition in tables["competences"].rows(progress):
        code = code.strip()
        if not code:
            continue
        s = skills[code] = NamedNode(ROME_COMPETENCE[code])
        yield Quad(s, A, skill_class, g)
        if label.strip():
            yield Quad(s, PREF_LABEL, _fr(label.strip()), g)
        if definition.strip():
            yield Quad(s, DEFINITION, _fr(definition.strip()), g)
        is_soft = category.strip().lower().startswith("savoir-être")
        yield Quad(s, kind, soft if is_soft else hard, g)
    for code, label, category, sub_category in tables["savoirs"].rows(progress):
        code = code.strip()
        if not code:
            continue
        if rome_profile.is_diploma(category, sub_category) and code not in skills:
            diplomas[code] = NamedNode(ROME_SAVOIR[code])
            yield from rome_profile.diploma(diplomas[code], code, label.strip(), g)
            continue
        s = skills.setdefault(code, NamedNode(ROME_SAVOIR[code]))
        yield Quad(s, A, skill_class, g)
        if label.strip():
            yield Quad(s, PREF_LABEL, _fr(label.strip()), g)
        yield Quad(s, kind, knowledge, g)


def _links(tables, g, progress, labels, skills, structures, diplomas):
    """Which fiche asks which skill (core ones essential), lists which diploma and works in
    which structure."""
    requires, essential, employed_by = term("requiresSkill"), term("essentialSkill"), term("employedBy")
    education = term("education")
    for code, ogr in tables["liens"].rows(progress):
        if code.strip() not in labels:
            continue
        skill = skills.get(ogr.strip())
        if ogr.strip() in diplomas:
            yield Quad(NamedNode(ROME_ROLE[code.strip()]), education, diplomas[ogr.strip()], g)
        elif skill is not None:
            yield Quad(NamedNode(ROME_ROLE[code.strip()]), requires, skill, g)
        elif ogr.strip() in structures:
            yield Quad(NamedNode(ROME_ROLE[code.strip()]), employed_by, structures[ogr.strip()], g)
    if "coherence" in tables:
        for code, ogr, core in tables["coherence"].rows(progress):
            skill = skills.get(ogr.strip())
            if skill is not None and code.strip() in labels and core.strip() == "Principale":
                role = NamedNode(ROME_ROLE[code.strip()])
                yield Quad(role, essential, skill, g)
                yield Quad(role, requires, skill, g)


def _sectors(tables, g, progress, labels: dict[str, str]):
    """Sectors and their sub-sectors (broader), and the fiches in each."""
    sector_class, in_sector = term("Sector"), term("inSector")
    sectors: set[str] = set()

    def sector(code: str, label: str, definition: str = "", broader: str = ""):
        s = NamedNode(ROME_SECTOR[code])
        if code not in sectors:
            sectors.add(code)
            yield Quad(s, A, sector_class, g)
            if label:
                yield Quad(s, PREF_LABEL, _fr(label), g)
        if definition:
            yield Quad(s, DEFINITION, _fr(definition), g)
        if broader:
            yield Quad(s, BROADER, NamedNode(ROME_SECTOR[broader]), g)

    if "secteurs" in tables:
        for code, label, definition in tables["secteurs"].rows(progress):
            if code.strip():
                yield from sector(code.strip(), label.strip(), definition.strip())
    if "arborescence" in tables:
        for code, label, rome, sub_code, sub_label in tables["arborescence"].rows(progress):
            code, rome, sub_code = code.strip(), rome.strip(), sub_code.strip()
            if not code:
                continue
            if code not in sectors:
                yield from sector(code, label.strip())
            if sub_code and sub_code not in sectors:
                yield from sector(sub_code, sub_label.strip(), broader=code)
            if rome in labels:
                role = NamedNode(ROME_ROLE[rome])
                yield Quad(role, in_sector, NamedNode(ROME_SECTOR[code]), g)
                if sub_code:
                    yield Quad(role, in_sector, NamedNode(ROME_SECTOR[sub_code]), g)
