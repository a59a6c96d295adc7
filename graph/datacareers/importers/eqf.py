"""European Qualifications Framework (EQF) levels, only where a standard mapping exists.

Two referencings are used, both published:

- **France**: the national framework of professional qualifications (*cadre national des
  certifications professionnelles*, decree 2019-14), referenced to the EQF: CAP / BEP
  level 3, Bac level 4, Bac+2 (BTS, DUT) level 5, Bac+3 / Bac+4 (Licence, Licence
  professionnelle) level 6, Bac+5 (Master, diplôme d'ingénieur, "ingénieur diplômé") level 7, Bac+8
  (Doctorat) level 8. ROME's "accès au métier" sentences name these diplomas;
  :func:`french_levels` finds each one a sentence names.
- **Degree cycles**: the Qualifications Framework of the European Higher Education Area
  (QF-EHEA, Bologna), whose cycles are referenced to the EQF: short cycle (an associate's
  degree) 5, first cycle (bachelor's) 6, second cycle (master's) 7, third cycle (doctoral) 8.
  :data:`DEGREE_LEVELS` maps the US degree names of the BLS and O*NET to them.

No EQF level is given where no standard mapping exists: a US high-school diploma, a
"postsecondary nondegree award", "some college", a "first professional degree" or
"doctoral or professional degree" (a professional degree is no QF-EHEA cycle), and a
French sentence naming several levels (``Bac+3 à Bac+5``): :func:`single_level` gives
None rather than choosing one.

>>> sorted(french_levels("Cet emploi est accessible avec un diplôme de niveau Bac + 3 à Bac + 5."))
[6, 7]
>>> single_level("un Master ou un Diplôme d'ingénieur en informatique")
7
>>> single_level("un BTS, un DUT ou une Licence professionnelle") is None
True
>>> single_level("Ingénieur diplômé de l'école supérieure d'informatique, électronique, automatique")
7
>>> DEGREE_LEVELS["Master's degree"], DEGREE_LEVELS.get("High school diploma or equivalent")
(7, None)
"""

from __future__ import annotations

import re

#: US degree names (BLS "Typical education needed for entry", O*NET education categories)
#: -> EQF level, through the QF-EHEA cycles.
DEGREE_LEVELS = {
    "Associate's degree": 5,
    "Bachelor's degree": 6,
    "Master's degree": 7,
    "Doctoral degree": 8,
}

#: O*NET "Required Level of Education" (scale RL) categories -> EQF level, the same cycles:
#: 5 Associate's, 6 Bachelor's, 8 Master's, 11 Doctoral degree.
ONET_CATEGORY_LEVELS = {"5": 5, "6": 6, "8": 7, "11": 8}

#: French diploma names (case and accents ignored) and their level in the national framework.
_FRENCH = re.compile(
    r"(?P<plus>\bbac\s*\+\s*(?P<n>[0-9]))"
    r"|(?P<bac>\bbac(?:calaur[ée]at)?\b(?!\s*\+))"
    r"|(?P<five>\b(?:bts|dut)\b)"
    r"|(?P<six>\blicences?\b)"
    r"|(?P<seven>\bmaster\b|\b(?:dipl[ôo]mes?|[ée]coles?)\s+d['’]\s*ing[ée]nieurs?\b|\bou\s+d['’]\s*ing[ée]nieur\b"
    r"|\bing[ée]nieurs?\s+dipl[ôo]m[ée]s?\b)"
    r"|(?P<eight>\bdoctorat\b)"
    r"|(?P<three>\b(?:cap|bep)\b)",
    re.IGNORECASE,
)
#: Bac+N -> EQF level (Bac+1 and Bac+6/7 are no level of the framework).
_BAC_PLUS = {"2": 5, "3": 6, "4": 6, "5": 7, "8": 8}
_GROUPS = {"bac": 4, "three": 3, "five": 5, "six": 6, "seven": 7, "eight": 8}


def french_levels(text: str) -> set[int]:
    """The EQF levels of every French diploma *text* names."""
    found: set[int] = set()
    for match in _FRENCH.finditer(text):
        if match.group("plus"):
            level = _BAC_PLUS.get(match.group("n"))
            if level:
                found.add(level)
            continue
        found.update(level for name, level in _GROUPS.items() if match.group(name))
    return found


def single_level(text: str) -> int | None:
    """The EQF level of *text* when every diploma it names has the same one, else None."""
    levels = french_levels(text)
    return next(iter(levels)) if len(levels) == 1 else None
