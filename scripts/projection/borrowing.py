"""Which facts a curated role may borrow through which kind of match (the rule of
docs/crosswalk.md, "What a close match may lend").

A match is *exact* (the same job) or close with a scope: *broader* (the concept covers the
role and other jobs), *narrower* (it covers part of the role's work) or *neighbour* (another
job next to the role). A fact is borrowed when it fits the role through that match:

- skills, tools, sectors, employer types and education: through exact, broader and narrower
  matches; a neighbour's are another job's;
- O*NET tasks: through exact and narrower matches only: a broader occupation's task
  statements (15 to 30 of them) are also those of the other jobs it covers (Chief Executives
  "attend municipal council meetings", Data Scientists "design opinion polls"); ROME's task
  sentences, the few lines of a fiche's definition that describe the métier all its
  appellations exercise, come through broader fiches too;
- job titles: through exact matches only: a title names its own occupation;
- pay, outlook and the BLS entry education (figures of a SOC code): through an exact match,
  whatever the code (a breakout or a residual "All Other" group is shown, and said); through
  a close match only when it is broader, to an O*NET occupation that is its SOC code's own
  (``xx-xxxx.00``) and not a residual group: a breakout's parent or a residual group read
  through a close match is two steps away from the role;
- a FAP family's figures (Dares: pay, tension, employment, the people in the job): through an
  exact or a broader match, a family that counts the role's job among others (every figure
  says so); a narrower or neighbouring family's figures are other jobs';
- stated and related moves: out of a role through exact, broader and narrower matches; into
  a role through exact and narrower matches only (ROME's move to *cartographe* is not a move
  to GIS specialist).

>>> lends("tasks", "broader", "onet"), lends("tasks", "broader", "rome")
(False, True)
>>> lends("skills", "narrower"), lends("skills", "neighbour")
(True, False)
>>> lends_figures("exact", "15-1299.02", residual=True)
True
>>> lends_figures("broader", "15-2051.00", residual=False), lends_figures("broader", "11-9199.02", residual=True)
(True, False)
>>> lends_family_figures("broader"), lends_family_figures("neighbour")
(True, False)
>>> moves_into("narrower"), moves_into("broader"), moves_out_of("broader")
(True, False, True)
"""

from __future__ import annotations

#: How a role reaches a concept: "exact", or the scope of a close match.
MATCHES = ("exact", "broader", "narrower", "neighbour")
_CAREER = "https://w3id.org/datacareers/ontology#"
#: career:conceptScope value -> the scope's name.
SCOPES = {_CAREER + "broaderConcept": "broader", _CAREER + "narrowerConcept": "narrower",
          _CAREER + "neighbourConcept": "neighbour"}

#: Facet -> the matches it may be borrowed through (figures: :func:`lends_figures`).
BORROWED_THROUGH = {
    "skills": {"exact", "broader", "narrower"},
    "tools": {"exact", "broader", "narrower"},
    "sectors": {"exact", "broader", "narrower"},
    "employers": {"exact", "broader", "narrower"},
    "education": {"exact", "broader", "narrower"},
    "tasks": {"exact", "broader", "narrower"},
    "titles": {"exact"},
}
#: Where a release family borrows a facet through fewer matches than :data:`BORROWED_THROUGH`.
NARROWED = {("onet", "tasks"): {"exact", "narrower"}}
#: The facets of a statistical release's figures (a SOC code's).
FIGURES = {"pay", "outlook", "education"}
#: Why a facet is not borrowed through a match, in words (docs/coverage.md).
WHY = {
    "neighbour": "a neighbouring job's",
    "broader": "a broader occupation's, shared with the other jobs it covers",
    "narrower": "a narrower occupation's",
}


def lends(facet: str, match: str, family: str = "") -> bool:
    """Whether a role may borrow *facet* (not a figure) of a *family* release through *match*."""
    return match in NARROWED.get((family, facet), BORROWED_THROUGH[facet])


def lends_figures(match: str, onet_code: str, residual: bool) -> bool:
    """Whether a role may show the SOC code figures of O*NET occupation *onet_code*,
    reached through *match* (*residual*: the SOC code is an "All Other" group)."""
    if match == "exact":
        return True
    return match == "broader" and onet_code.endswith(".00") and not residual


def lends_family_figures(match: str) -> bool:
    """Whether a role may show the figures of a FAP family (Dares) reached through *match*."""
    return match in {"exact", "broader"}


def moves_out_of(match: str) -> bool:
    """Whether a concept's stated or related moves out of it are moves out of a role reached through *match*."""
    return match != "neighbour"


def moves_into(match: str) -> bool:
    """Whether moves into a concept are moves into a role reached through *match*."""
    return match in {"exact", "narrower"}

