"""The US releases' education and experience categories, in words a French reader reads.

The BLS (typical education needed for entry, work experience in a related occupation) and
O*NET (Required Level of Education) publish a closed list of category names in English. They
are stored as the release states them (``career:levelText`` @en); a reader in another
language gets the category's translation from our catalogue, followed by the release's own
words so nothing poses as the source's French:

>>> with_translations({"en": "Bachelor's degree"}, "fr")["fr"]
"bachelor, premier cycle universitaire (« Bachelor's degree »)"
>>> with_translations({"en": "5 years or more"}, "fr")["fr"]
'5 ans ou plus (« 5 years or more »)'
>>> with_translations({"en": "a sentence of no list"}, "fr")
{'en': 'a sentence of no list'}
"""

from __future__ import annotations

from datacareers.i18n import N_, _, using

#: Category names (case ignored) -> the words the catalogue translates.
CATEGORIES = {key.casefold(): words for key, words in {
    # BLS Employment Projections: typical education needed for entry
    "No formal educational credential": N_("no formal educational credential"),
    "High school diploma or equivalent": N_("high-school diploma or equivalent"),
    "Some college, no degree": N_("some college, no degree"),
    "Postsecondary nondegree award": N_("post-secondary award, no degree"),
    "Associate's degree": N_("associate's degree, two years after high school"),
    "Bachelor's degree": N_("bachelor's degree, first university cycle"),
    "Master's degree": N_("master's degree"),
    "Doctoral or professional degree": N_("doctoral or professional degree"),
    # BLS Employment Projections: work experience in a related occupation
    "None": N_("none"),
    "Less than 5 years": N_("less than 5 years"),
    "5 years or more": N_("5 years or more"),
    # O*NET Required Level of Education (scale RL), as the importer keeps them
    "Less than a High School Diploma": N_("less than a high-school diploma"),
    "High School Diploma": N_("high-school diploma or equivalent"),
    "Post-Secondary Certificate": N_("post-secondary certificate"),
    "Some College Courses": N_("some college courses"),
    "Associate's Degree (or other 2-year degree)": N_("associate's degree, two years after high school"),
    "Bachelor's Degree": N_("bachelor's degree, first university cycle"),
    "Post-Baccalaureate Certificate": N_("post-bachelor's certificate"),
    "Master's Degree": N_("master's degree"),
    "Post-Master's Certificate": N_("post-master's certificate"),
    "First Professional Degree": N_("first professional degree"),
    "Doctoral Degree": N_("doctoral degree"),
    "Post-Doctoral Training": N_("post-doctoral training"),
}.items()}


def with_translations(texts: dict[str, str], lang: str) -> dict[str, str]:
    """*texts* (language -> text) with a *lang* entry added when it has none and its English
    text is a category name we translate; the release's words follow in quotes."""
    english = texts.get("en", "")
    words = CATEGORIES.get(english.casefold())
    if lang == "en" or lang in texts or words is None:
        return texts
    with using(lang):
        translated = _(words)
    if translated == words:
        return texts
    return {**texts, lang: _quoted(translated, english, lang)}


def _quoted(translated: str, original: str, lang: str) -> str:
    with using(lang):
        return _("{translated} (“{original}”)").format(translated=translated, original=original)
