"""The profile facets of ROME 4.0 fiches: tasks and access to the job (``unix_texte``) and
the types of employer structure (``unix_referentiel_contexte_travail``).

- ``unix_texte`` rows of type ``definition`` are the sentences of the fiche's definition:
  each becomes a ``career:Task`` ``task/<release>-<code>-<position>`` with
  ``career:text`` @fr, ``career:position`` (``position_phrase``) and ``skos:notation`` (the
  fiche), linked by ``career:task``. Rows of type ``acces_metier`` ("accès au métier") become
  ``career:education`` -> ``education/<release>-<code>-<position>``, a
  ``career:EducationRequirement`` whose ``career:levelText`` @fr is the sentence, with an
  EQF level when every diploma it names has the same one in the French national framework
  (:mod:`datacareers.importers.eqf`; none when it names several, such as "Bac+3 à Bac+5").
  The export doubles apostrophes (``d''ingénieur``): they are read as one (``d'ingénieur``).
- ``unix_referentiel_savoir`` rows ROME files as certifications (:func:`is_diploma`) are
  diplomas: :func:`diploma` describes each as a ``career:EducationRequirement`` (the ROME
  importer links it with ``career:education`` instead of ``career:requiresSkill``).
- ``unix_referentiel_contexte_travail`` rows whose ``libelle_type_cont_trav`` is "Types de
  structures" are ``career:EmployerType`` ``rome/structure/<code_ogr>`` with their French
  label; a fiche linked to one in ``unix_liens_rome_referentiels`` is ``career:employedBy`` it.

>>> decode("d''Intelligence Artificielle")
"d'Intelligence Artificielle"
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from datacareers.constants import EDUCATION, TASK
from datacareers.importers.common import (
    DCTERMS_IDENTIFIER,
    NOTATION,
    PREF_LABEL,
    ROME_ROLE,
    ROME_STRUCTURE,
    A,
    SourceInfo,
    decimal,
    integer,
    term,
)
from datacareers.importers.eqf import single_level
from datacareers.importers.tables import NUMBER, ROME_CODE, Table
from datacareers.progress import ProgressFactory

STRUCTURE_TYPE = "Types de structures"
#: The (categorie_savoir, sous_categorie_savoir) of unix_referentiel_savoir that holds diplomas
#: and professional titles. Its sibling "Habilitations" (licences such as an electrical clearance
#: or a driving licence) is no level of education: those stay knowledge.
DIPLOMAS = ("Certifications et habilitations", "Certifications")
TEXT_KINDS = ("definition", "acces_metier")
#: The fewest records of a full release: about a tenth of v460 (11,980 text rows, 179 work contexts).
FLOORS = {"texte": 1100, "contextes": 17}


def decode(text: str) -> str:
    """A text of the ROME export with its doubled apostrophes read as one."""
    return text.replace("''", "'")


def is_diploma(category: str, sub_category: str) -> bool:
    """Whether ROME's own categories file a savoir as a certification (a diploma or title).

    >>> is_diploma("Certifications et habilitations", "Certifications")
    True
    >>> is_diploma("Certifications et habilitations", "Habilitations"), is_diploma("Domaines d'expertise", "")
    (False, False)
    """
    return (category.strip(), sub_category.strip()) == DIPLOMAS


def diploma(node: NamedNode, code: str, label: str, g) -> Iterator[Quad]:
    """A certification savoir as a ``career:EducationRequirement``: its label as
    ``career:levelText`` @fr, its code_ogr as ``dcterms:identifier`` and the EQF level its name
    gives in the French framework, when it names one (a Master 7, "Ingénieur diplômé" 7, a BTS 5)."""
    yield Quad(node, A, term("EducationRequirement"), g)
    yield Quad(node, term("levelText"), Literal(label, language="fr"), g)
    yield Quad(node, DCTERMS_IDENTIFIER, Literal(code), g)
    level = single_level(label)
    if level:
        yield Quad(node, term("eqfLevel"), integer(level), g)


def tables(need) -> dict[str, Table]:
    """The optional files of this module that *need* (stem, required) finds."""
    found = {}
    texte = need("texte", required=False)
    if texte:
        found["texte"] = Table(texte, ("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"),
                               checks={"code_rome": ROME_CODE, "position_phrase": NUMBER})
    contextes = need("referentiel_contexte_travail", required=False)
    if contextes:
        found["contextes"] = Table(contextes, ("code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"),
                                   checks={"code_ogr": NUMBER})
    return found


def structures(tables: dict[str, Table], g, progress: ProgressFactory, found: dict[str, NamedNode]) -> Iterator[Quad]:
    """The types of employer structure, described; *found* gets code_ogr -> node."""
    if "contextes" not in tables:
        return
    employer = term("EmployerType")
    for code, label, kind in tables["contextes"].rows(progress):
        code = code.strip()
        if kind.strip() != STRUCTURE_TYPE or not code or code in found:
            continue
        s = found[code] = NamedNode(ROME_STRUCTURE[code])
        yield Quad(s, A, employer, g)
        if label.strip():
            yield Quad(s, PREF_LABEL, Literal(label.strip(), language="fr"), g)


def texts(info: SourceInfo, tables: dict[str, Table], fiches: dict[str, str], g,
          progress: ProgressFactory) -> Iterator[Quad]:
    """Tasks (definition sentences) and access to the job (education) of each fiche."""
    if "texte" not in tables:
        return
    task, task_class, text, position = term("task"), term("Task"), term("text"), term("position")
    education, requirement = term("education"), term("EducationRequirement")
    level_text, eqf = term("levelText"), term("eqfLevel")
    for code, kind, order, sentence in tables["texte"].rows(progress):
        code, kind, sentence = code.strip(), kind.strip(), decode(sentence.strip())
        if code not in fiches or kind not in TEXT_KINDS or not sentence:
            continue
        role, name = NamedNode(ROME_ROLE[code]), f"{info.release}-{code}-{int(order)}"
        literal = Literal(sentence, language="fr")
        if kind == "definition":
            t = NamedNode(TASK[name])
            yield Quad(role, task, t, g)
            yield Quad(t, A, task_class, g)
            yield Quad(t, text, literal, g)
            yield Quad(t, position, integer(order), g)
            yield Quad(t, NOTATION, Literal(code), g)
        else:
            e = NamedNode(EDUCATION[name])
            yield Quad(role, education, e, g)
            yield Quad(e, A, requirement, g)
            yield Quad(e, level_text, literal, g)
            yield Quad(e, position, integer(order), g)
            yield Quad(e, NOTATION, Literal(code), g)
            level = single_level(sentence)
            if level:
                yield Quad(e, eqf, decimal(level), g)
