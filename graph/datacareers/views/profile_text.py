"""The words a profile's facts are said in, the same for ``show``, the site and the view's
panel (:mod:`datacareers.views.sections` makes the sections they all render): which concept
a fact came through, the sentences stating it, a wage cell, whose figure a figure is.

>>> from datacareers.i18n import using
>>> via_concept({"scheme": "rome", "code": "M1889"})
'ROME M1889'
>>> entry = {"soc_code": "15-2051", "soc_title": "Data Scientists", "breakout": "15-2051.01", "shared_with": []}
>>> with using("en"):
...     print(soc_name(entry)); print(figure_notes(entry)[0].split(":")[0])
SOC 15-2051 Data Scientists
O*NET 15-2051.01, which this role is matched to, is one of the occupations of this code
"""

from __future__ import annotations

from datacareers.i18n import N_, _, number
from datacareers.labels import local_name

#: Names of the classifications, as their publishers write them (not translated).
SCHEMES = {"esco": "ESCO", "rome": "ROME", "onet": "O*NET", "fap": "FAP"}
#: Percentile columns of a wage distribution, marked for translation.
PERCENTILES = {"p10": N_("10th percentile"), "p25": N_("25th percentile"), "median": N_("median"),
               "p75": N_("75th percentile"), "p90": N_("90th percentile")}


def via_concept(mapping: dict) -> str:
    """The concept a mapping reads, as people name it: "O*NET 15-2051.01"."""
    return f"{SCHEMES.get(mapping['scheme'], mapping['scheme'])} {mapping['code']}"


def statement_texts(item: dict) -> list[str]:
    """The sentences that state a reporting line or a collaboration, quoted, with where they are."""
    out = []
    for s in item.get("statements") or []:
        where = ", ".join(x for x in (" ".join(y for y in (local_name(s["source"]), s["code"] or "") if y),
                                      _("sentence {n}").format(n=s["position"]) if s["position"] else "") if x)
        out.append(_("\u201c{quote}\u201d ({where})").format(quote=s["quote"], where=where or local_name(s["source"])))
    return out


def is_distribution(entry: dict) -> bool:
    """A wage distribution (percentiles) rather than a salary range (min, max)."""
    return any(isinstance(entry.get(k), int | float) for k in PERCENTILES)


def pay_cell(entry: dict, key: str) -> str:
    """A percentile as written: its amount, "≥ ceiling" when the source gives it only as at
    or above its published ceiling, else "".

    >>> pay_cell({"p90": None, "top_coded": ["p90"], "at_or_above": 239200}, "p90")
    '≥ 239,200'
    """
    if isinstance(entry.get(key), int | float):
        return number(entry[key])
    if key in (entry.get("top_coded") or []) and isinstance(entry.get("at_or_above"), int | float):
        return "\u2265 " + number(entry["at_or_above"])
    return ""


def soc_name(entry: dict) -> str:
    """The SOC code a figure belongs to, with its title as the release gives it.

    >>> soc_name({"soc_code": "15-1299", "soc_title": "Computer Occupations, All Other"})
    'SOC 15-1299 Computer Occupations, All Other'
    """
    if not entry.get("soc_code"):
        return ""
    return " ".join(x for x in ("SOC", entry["soc_code"], entry.get("soc_title") or "") if x)


def figure_notes(entry: dict) -> list[str]:
    """What a reader must know about whose figure this is: a residual "All Other" group, an
    O*NET breakout read through its SOC code, the other roles showing the same figure.

    >>> from datacareers.i18n import using
    >>> entry = {"soc_code": "15-1299", "soc_title": "Computer Occupations, All Other", "residual": True,
    ...          "breakout": "15-1299.02", "shared_with": [{"label": "IT engineer"}]}
    >>> with using("fr"):
    ...     for line in figure_notes(entry): print(line.split(" : ")[0])
    chiffres d'un regroupement de métiers
    O*NET 15-1299.02, auquel ce métier correspond, est l'un des métiers de ce code
    les mêmes chiffres pour
    """
    notes = []
    if entry.get("residual"):
        notes.append(_("figures of a group of occupations: {title} (SOC {code}), all the occupations of its group "
                       "that SOC does not classify separately").format(
            title=entry.get("soc_title") or "", code=entry["soc_code"]))
    if entry.get("breakout"):
        notes.append(_("O*NET {code}, which this role is matched to, is one of the occupations of this code: the "
                       "release gives no figures for it alone").format(code=entry["breakout"]))
    if entry.get("shared_with"):
        notes.append(_("the same figures for: {roles}").format(
            roles=", ".join(r["label"] for r in entry["shared_with"])))
    return notes


def as_written(label: str) -> str:
    """A label with a capital first letter, as a reader writes a list item (ESCO writes
    "gestion de projet", ROME "Cartographier des données"); a word already mixing cases
    ("iOS", "eBay") is left as it is. Display only: the data keeps the release's label.

    >>> as_written("gestion de projet"), as_written("iOS"), as_written("SQL")
    ('Gestion de projet', 'iOS', 'SQL')
    """
    if len(label) > 1 and label[0].islower() and not label[1].isupper():
        return label[0].upper() + label[1:]
    return label
