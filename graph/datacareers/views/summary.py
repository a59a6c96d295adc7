"""A role in two minutes: the facts a reader asks first, each with its sources, the same at
the top of the site's role page, of ``show`` and of the view's panel.

- **pay**: for a French reader Dares's median net pay of the role's FAP family first; else a
  median when a source gives one, else the range of the ranges in one unit, the reader's
  country first (euros for a French reader, dollars for an English one), then any;
- **demand**: for a French reader Dares's 2019 hiring tension in France; else the first
  employment outlook;
- **diploma**: an education with an EQF level, from a source of the reader's country first
  (ROME or the article for a French reader, BLS or O*NET for an English one), the entry level a
  source calls typical first, else the level most respondents require;
- **key skills** (:func:`key_skills`): the role's essential skills listed by the most of its
  sources, then the most particular to it (required by the fewest other curated roles): at most
  six, never hand-picked;
- **where it leads**: the first moves out that a source states.

>>> from datacareers.i18n import using
>>> salaries = [{"median": 112590, "currency": "USD", "period": "P1Y", "source": "s/bls",
...              "soc_code": "15-2051", "soc_title": "Data Scientists"},
...             {"min": 35000, "max": 45000, "currency": "EUR", "period": "P1Y", "source": "s/a"}]
>>> with using("fr"):
...     print(pay_line(salaries, "fr")["text"]); print(pay_line(salaries, "en")["text"])
de 35 000 à 45 000 EUR par an (fourchette, sans médiane)
médiane 112 590 USD par an (États-Unis, SOC 15-2051 Data Scientists)
"""

from __future__ import annotations

import re

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, ROLE, SOURCE
from datacareers.i18n import N_, _, number
from datacareers.labels import local_name
from datacareers.views.french_sections import tension_words
from datacareers.views.profile_text import as_written, soc_name

#: The currency of the reader's country, by language.
HOME_CURRENCY = {"fr": "EUR", "en": "USD"}
#: The sources of the reader's country, by language (the start of their graph's name).
HOME_SOURCES = {"fr": ("rome-", "dares-", "ml-engineer-article"), "en": ("bls-", "onet-")}
#: How many key skills and moves the summary names.
KEY_SKILLS, MOVES = 6, 3
_PERIODS = {"P1Y": N_("per year"), "P1M": N_("per month"), "PT1H": N_("per hour")}


def unit(entry: dict) -> str:
    """A pay figure's unit: currency, gross, per year / month / hour."""
    per = _(_PERIODS[entry["period"]]) if entry.get("period") in _PERIODS else (entry.get("period") or "")
    text = " ".join(x for x in (entry.get("currency") or "", per) if x)
    return text + (", " + _("gross") if entry.get("gross") else "")


def _sources(entry: dict) -> list[str]:
    return sorted({*(entry.get("sources") or []), *(x for x in (entry.get("source"), entry.get("cited")) if x)})


def pay_line(salaries: list[dict], lang: str) -> dict | None:
    """The pay a reader asks first (module docstring), as ``{"text", "sources"}``, or None."""
    home = HOME_CURRENCY.get(lang)
    for pool in ([e for e in salaries if e.get("currency") == home], salaries):
        annual = [e for e in pool if e.get("period") == "P1Y"] or pool
        medians = [e for e in annual if isinstance(e.get("median"), int | float)]
        if medians:
            best = min(medians, key=lambda e: (e.get("seniority") is not None, str(e.get("year") or "")))
            if best.get("soc_code"):  # a national statistic of a US occupation code, said so
                code = soc_name(best) + (_("; ") + _("a group of occupations") if best.get("residual") else "")
                text = _("median {value} {unit} (United States, {code})").format(
                    value=number(best["median"]), unit=unit(best), code=code)
            else:
                text = _("median {value} {unit}").format(value=number(best["median"]), unit=unit(best))
            return {"text": text, "sources": _sources(best)}
        ranges = [e for e in annual if isinstance(e.get("min"), int | float) and isinstance(e.get("max"), int | float)]
        if ranges:
            same = [e for e in ranges if (e["currency"], e["period"]) == (ranges[0]["currency"], ranges[0]["period"])]
            text = _("{low} to {high} {unit} (range, no median)").format(
                low=number(min(e["min"] for e in same)), high=number(max(e["max"] for e in same)), unit=unit(same[0]))
            return {"text": text, "sources": sorted({s for e in same for s in _sources(e)})}
    return None


def french_pay_line(pay_fr: list[dict]) -> dict | None:
    """Dares's median net monthly pay of the role's FAP family, latest period (a French
    reader's first figure; the family groups several jobs, said so)."""
    latest = next((e for e in pay_fr if e.get("median") is not None), None)
    if latest is None:
        return None
    text = _("median {amount} EUR net per month (France, {start}-{end}, FAP family {code}, a group of "
             "occupations)").format(amount=number(latest["median"]), start=latest.get("start") or "?",
                                    end=latest.get("end") or "?", code=latest.get("fap") or "?")
    return {"text": text, "sources": _sources(latest)}


def tension_line(tension: list[dict]) -> dict | None:
    """Dares's national hiring tension of the role's FAP family, in words."""
    national = next((t for t in tension if (t.get("place") or {}).get("code") == "FR"), None)
    if national is None:
        return None
    text = tension_words(national.get("category"), national.get("year")) + f" (FAP {national.get('fap') or '?'})"
    return {"text": text, "sources": _sources(national)}


def outlook_line(facts: dict) -> dict | None:
    """The first employment outlook, with its code."""
    items = facts.get("outlook") or []
    if not items or not isinstance(items[0], dict):
        return None
    first = items[0]
    text = first.get("text") or first.get("label") or ""
    if first.get("soc_code"):
        text += f" ({soc_name(first)})"
    return {"text": text, "sources": _sources(first)}


def home(entry: dict, lang: str) -> bool:
    """Whether a fact comes from a source of the reader's country (:data:`HOME_SOURCES`).

    >>> home({"sources": ["https://w3id.org/datacareers/source/rome-4.0"]}, "fr")
    True
    """
    return any(local_name(s).startswith(HOME_SOURCES.get(lang, ())) for s in _sources(entry))


def diploma_line(education: list[dict], lang: str) -> dict | None:
    """The education with an EQF level from a source of the reader's country first, then the
    entry level a source calls typical, then the level most respondents require."""
    levelled = [e for e in education if e.get("eqf_level")]
    if not levelled:
        return None
    best = min(levelled, key=lambda e: (not home(e, lang), not e.get("entry_level"), -(e.get("share") or 0),
                                        e.get("text") or ""))
    text = _("{text} (EQF level {n})").format(text=first_sentence(best.get("text") or ""), n=best["eqf_level"])
    return {"text": text, "sources": _sources(best)}


def first_sentence(text: str, width: int = 160) -> str:
    """The first sentence of *text*, cut at a word under *width* characters.

    >>> first_sentence("Bac+5 et plus en mathématiques...Certains postes sont accessibles. Autre.")
    'Bac+5 et plus en mathématiques'
    """
    first = re.split(r"\.\.\.|…|(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(". ")
    return first if len(first) <= width else first[: width - 1].rsplit(" ", 1)[0] + "…"


def key_skills(store: Store, skills: list[dict]) -> list[dict]:
    """The key skills (module docstring): essential, by sources listing them, then by how few
    curated roles require them.

    >>> from pyoxigraph import Quad
    >>> store, g = Store(), NamedNode("https://w3id.org/datacareers/source/x")
    >>> for role, skill in (("a", "sql"), ("b", "sql"), ("a", "ml")):
    ...     store.add(Quad(NamedNode(ROLE[role]), NamedNode(CAREER["requiresSkill"]), NamedNode(ROLE[skill]), g))
    >>> skills = [{"id": ROLE[s], "label": s, "essential": True, "sources": [g.value]} for s in ("sql", "ml")]
    >>> [s["label"] for s in key_skills(store, skills)]
    ['ml', 'sql']
    """
    requires = NamedNode(CAREER["requiresSkill"])

    def spread(skill: dict) -> int:
        return len({q.subject.value for q in store.quads_for_pattern(None, requires, NamedNode(skill["id"]), None)
                    if q.subject.value.startswith(ROLE)})

    essential = [s for s in skills if s.get("essential")]
    ranked = sorted(essential, key=lambda s: (-len(s.get("sources") or []), spread(s), s["label"].casefold()))
    return ranked[:KEY_SKILLS]


def summary(store: Store, facts: dict, lang: str) -> list[dict]:
    """The summary's lines: ``{"what", "text", "sources"}`` (``what`` names the line)."""
    out = []
    if facts.get("definition"):  # our roles' definitions are curated
        curated = [SOURCE["curated"]] if facts["id"].startswith(ROLE) else []
        out.append({"what": "definition", "text": facts["definition"], "sources": curated})
    french = facts.get("french") or {}
    pay = (french_pay_line(french.get("pay_fr") or []) if lang == "fr" else None) or pay_line(
        facts.get("salaries") or [], lang) or french_pay_line(french.get("pay_fr") or [])
    demand = (tension_line(french.get("tension") or []) if lang == "fr" else None) or outlook_line(facts)
    for what, found in (("pay", pay), ("demand", demand),
                        ("diploma", diploma_line(facts.get("education") or [], lang))):
        if found:
            out.append({"what": what, **found})
    skills = key_skills(store, facts.get("skills") or [])
    if skills:
        out.append({"what": "skills", "text": ", ".join(as_written(s["label"]) for s in skills),
                    "sources": sorted({g for s in skills for g in s.get("sources") or []})})
    moves = (facts.get("moves_to") or [])[:MOVES]
    if moves:
        out.append({"what": "moves", "text": ", ".join(m["label"] for m in moves),
                    "sources": sorted({g for m in moves for g in m.get("sources") or []})})
    return out
