"""Naming things for people: the one label picker and the one IRI local-name helper.

Every output that shows a node's name goes through :func:`pick_label`; every place that
needs the last segment of an IRI (a source's short name, a slug) uses :func:`local_name`.

>>> pick_label({"en": "data analyst", "fr": "analyste de données"}, "fr", "x")
'analyste de données'
>>> local_name("https://w3id.org/datacareers/source/rome-4.0")
'rome-4.0'
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[/#]")


def pick_label(labels: dict[str, str], lang: str, fallback: str) -> str:
    """The label in *lang*, else English, else French, else untagged, else any, else *fallback*.

    >>> pick_label({"": "x", "en": "y"}, "fr", "z")
    'y'
    >>> pick_label({}, "fr", "role/x")
    'role/x'
    """
    for key in (lang, "en", "fr", ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), fallback)


def local_name(iri: str) -> str:
    """The last segment of *iri* (after its last ``/`` or ``#``), or *iri* when it has none.

    >>> local_name("https://w3id.org/datacareers/ontology#canBecome")
    'canBecome'
    >>> local_name("http://e/a/")
    'a'
    """
    return _SEPARATORS.split(iri.rstrip("/#"))[-1] or iri


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """*text* without the control characters a terminal would obey (escape sequences that
    retitle the window, move the cursor, ring the bell); newlines and tabs stay.

    >>> printable("data\\x1b]0;pwned\\x07 analyst\\n")
    'data]0;pwned analyst\\n'
    """
    return _CONTROLS.sub("", text)
