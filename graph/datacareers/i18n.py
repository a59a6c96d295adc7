"""Language: the one policy that picks it, and the catalogues that speak it.

Every text a person reads (CLI answers and errors, the HTML view, the endpoint's page)
is written in English in the code, marked with :func:`_` or :func:`ngettext`, and
translated through a gettext catalogue per language (``locale/<lang>/LC_MESSAGES/
datacareers.po``, compiled to ``.mo``; ``python scripts/i18n.py`` extracts, updates and
compiles them). Numbers are written the language's way with Babel.

The policy, the same for every command: an explicit choice (``--lang``, the page's
``?lang=``) wins; else ``DATACAREERS_LANG``; else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, ``LANGUAGE``); else English. An HTTP client's
``Accept-Language`` is read with its q-values by :func:`negotiate`.

>>> with using("fr"):
...     _("Skills")
'Compétences'
>>> with using("fr"):
...     ngettext("Path {i}: cost {cost}, {n} step", "Path {i}: cost {cost}, {n} steps", 2)
'Parcours {i} : coût {cost}, {n} étapes'
>>> number(2900, "fr") == "2\\u202f900"
True
>>> negotiate("en-GB;q=0.5, fr-CH;q=0.9")
'fr'
>>> default_language({"LANG": "fr_FR.UTF-8"}), default_language({})
('fr', 'en')
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal

from datacareers.headers import weighted

#: The languages we speak, English (the code's own) first.
LANGS = ("en", "fr")
DEFAULT = "en"
#: Each language's name in itself (for language switches; never translated).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
DOMAIN = "datacareers"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_ACTIVE: ContextVar[str] = ContextVar("datacareers_language", default=DEFAULT)


def supported(lang: str | None) -> str | None:
    """The supported language *lang* names (``fr_FR.UTF-8``, ``fr-CH``, ``FR``), or None."""
    if not lang:
        return None
    code = lang.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    return code if code in LANGS else None


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language when none is asked for: ``DATACAREERS_LANG``, then the locale, else English."""
    env = os.environ if environ is None else environ
    for name in ("DATACAREERS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return supported(env[name]) or DEFAULT
    for item in env.get("LANGUAGE", "").split(":"):
        if supported(item):
            return supported(item)
    return DEFAULT


def negotiate(accept_language: str, fallback: str = DEFAULT) -> str:
    """The best of our languages for an HTTP ``Accept-Language`` header (q-values honoured).

    >>> negotiate("de, fr;q=0.1"), negotiate("de"), negotiate("*;q=0.5, en;q=0")
    ('fr', 'en', 'fr')
    """
    best, best_q = None, 0.0
    ranked: dict[str, float] = {}
    for tag, quality in weighted(accept_language):
        if tag == "*":
            for lang in LANGS:
                ranked.setdefault(lang, quality)
        elif supported(tag):
            ranked[supported(tag)] = max(quality, ranked.get(supported(tag), 0.0)) if quality else 0.0
    for lang in LANGS:
        if ranked.get(lang, 0.0) > best_q:
            best, best_q = lang, ranked[lang]
    return best or fallback


@cache
def catalogue(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of *lang* (English is the code's own text)."""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def active() -> str:
    """The language texts are produced in right now."""
    return _ACTIVE.get()


def set_language(lang: str) -> None:
    """Speak *lang* from now on in this context (the CLI sets it once per command)."""
    _ACTIVE.set(supported(lang) or DEFAULT)


@contextmanager
def using(lang: str) -> Iterator[str]:
    """Speak *lang* inside the ``with`` block (a page built in French, then English)."""
    token = _ACTIVE.set(supported(lang) or DEFAULT)
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


def _(message: str) -> str:
    """*message* in the active language."""
    return catalogue(_ACTIVE.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for *n*, in the active language (French: 0 and 1 are singular)."""
    return catalogue(_ACTIVE.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark *message* for translation where it is defined; translate it with :func:`_` where used."""
    return message


def number(value: int | float, lang: str | None = None) -> str:
    """*value* written the way *lang* (default: the active language) writes numbers."""
    return format_decimal(value, locale=lang or _ACTIVE.get())
