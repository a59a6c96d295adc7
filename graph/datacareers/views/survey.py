"""What a survey share means, in words: O*NET's Required Level of Education is the share of
the people surveyed who say a level is *required* for the job (not the share of job holders
who have it), out of how many, who they were and when.

One sentence for every renderer (``show``, the site, the panel), so they cannot drift apart.

>>> from datacareers.i18n import using
>>> entry = {"share": 14.29, "respondents": 21, "respondent_group": "Occupational Expert",
...          "date": "2024-08", "suppress": False}
>>> with using("en"):
...     share_note(entry)
'14.29% of 21 occupational experts surveyed in 08/2024 say this level is required'
>>> with using("en"):
...     share_note({"share": 40, "respondents": None, "respondent_group": None})
'40% of the people surveyed say this level is required'
>>> share_note({"share": None}) is None
True
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_percent

from datacareers.i18n import N_, _, active, number

#: O*NET's Domain Source values (who answered), in words.
GROUPS = {"Incumbent": N_("job holders surveyed"), "Occupational Expert": N_("occupational experts surveyed")}


def survey_date(value: str | None) -> str:
    """An ``xsd:gYearMonth`` (2024-08) as O*NET writes it (08/2024); other values as they are."""
    if value and len(value) == 7 and value[4] == "-":
        return f"{value[5:]}/{value[:4]}"
    return value or ""


def share_percent(share: float, lang: str | None = None) -> str:
    """A published percentage (14.29) written the language's way, its decimals kept.

    >>> share_percent(14.29, "en"), share_percent(14.29, "fr").replace("\\xa0", " ")
    ('14.29%', '14,29 %')
    """
    return format_percent(Decimal(str(share)) / 100, locale=lang or active(), decimal_quantization=False)


def share_note(entry: dict) -> str | None:
    """The share of an education requirement as a sentence, or None when it has none."""
    share = entry.get("share")
    if not isinstance(share, int | float):
        return None
    group = entry.get("respondent_group")
    who = _(GROUPS[group]) if group in GROUPS else _("people surveyed")
    if entry.get("date"):
        who = _("{who} in {date}").format(who=who, date=survey_date(entry["date"]))
    if entry.get("respondents"):
        text = _("{pct} of {count} {who} say this level is required").format(
            pct=share_percent(share), count=number(entry["respondents"]), who=who)
    else:
        text = _("{pct} of the {who} say this level is required").format(pct=share_percent(share), who=who)
    if entry.get("suppress"):
        text += _("; O*NET advises against publishing this estimate (too imprecise)")
    return text
