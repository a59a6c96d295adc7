"""The words of a role's sections (:mod:`datacareers.views.sections`), in the active
language: facet titles, skill kinds, seniority bands, classification links, evidence kinds.
The site, ``show`` and the view's panel print the same words.

>>> from datacareers.i18n import using
>>> with using("fr"):
...     facet_title("moves_to"), facet_title("new_facet")
('Où aller ensuite', 'new facet')
"""

from __future__ import annotations

from datacareers.i18n import N_, _

#: The title of each facet :func:`datacareers.views.describe.role_facts` gives, marked for
#: translation. A facet with no title here is still shown (under its key): add its title.
FACET_TITLES = {
    "missions": N_("Missions"),
    "skills": N_("Skills"),
    "salaries": N_("Pay"),
    "education": N_("Education"),
    "sectors": N_("Sectors"),
    "employers": N_("Employers"),
    "managed_by": N_("Reports to"),
    "manages": N_("Manages"),
    "works_with": N_("Works with"),
    "moves_to": N_("Where to go next"),
    "moves_from": N_("Where people come from"),
    "matches": N_("Classifications"),
    "outlook": N_("Outlook"),
    "tasks": N_("Tasks"),
    "tools": N_("Tools and technologies"),
    "job_titles": N_("Job titles"),
    "read_through": N_("Read through"),
}

#: Skill kinds as the data names them (career:hard...), marked for translation.
SKILL_KINDS = {"hard": N_("Hard skills"), "soft": N_("Soft skills"), "knowledge": N_("Knowledge"),
               None: N_("Other skills")}

#: Seniority bands as the data names them, marked for translation.
SENIORITY = {"junior": N_("junior"), "intermediate": N_("intermediate"), "senior": N_("senior")}

#: Classification links (relation local names in role_facts' ``matches``).
MATCHES = {"exactMatch": N_("same occupation as"), "closeMatch": N_("close to"), "romeCode": N_("ROME code"),
           "onetCode": N_("O*NET-SOC code"), "iscoCode": N_("ISCO-08 code")}

#: Evidence kinds of a move: stated by a source (career:canBecome), related occupations
#: (O*NET, career:relatedMove), inferred from shared skills (career:inferredMove).
EVIDENCE = {"stated": N_("stated by a source"), "related": N_("related occupations"),
            "inferred": N_("inferred from skills")}


def facet_title(key: str) -> str:
    """The heading of facet *key* in the active language (the key itself when it has none)."""
    return _(FACET_TITLES[key]) if key in FACET_TITLES else key.replace("_", " ")
