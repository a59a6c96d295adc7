"""Turn skill names a person types into skill IRIs (``path --have``), as roles are resolved:
French or English preferred and alternative labels, ids or IRIs, case and accents ignored.

>>> from datacareers.store.shipped import shipped_store
>>> index = SkillIndex(shipped_store())
>>> [index.describe(s) for s in index.resolve("  python ")]
['Python (computer programming)']
>>> index.resolve("sql serveur")
Traceback (most recent call last):
datacareers.errors.BadInputError: no skill named 'sql serveur'; did you mean: SQL Server?
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES, RDF_TYPE
from datacareers.errors import BadInputError
from datacareers.i18n import _, active
from datacareers.labels import local_name, pick_label
from datacareers.store.resolve import normalize

_LABELS = [NamedNode(PREFIXES["skos"] + "prefLabel"), NamedNode(PREFIXES["skos"] + "altLabel")]


class SkillIndex:
    """Every skill's names, normalized."""

    def __init__(self, store: Store):
        self.names: dict[str, set[str]] = defaultdict(set)
        self.display: dict[str, dict[str, str]] = {}
        for quad in store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(CAREER["Skill"]), None):
            skill = quad.subject.value
            if skill in self.display:
                continue
            self.display[skill] = {}
            self.names[normalize(skill)].add(skill)
            self.names[normalize(local_name(skill).replace("-", " "))].add(skill)
            for predicate in _LABELS:
                for label in store.quads_for_pattern(quad.subject, predicate, None, None):
                    self.names[normalize(label.object.value)].add(skill)
                    if predicate == _LABELS[0]:
                        self.display[skill].setdefault(label.object.language or "", label.object.value)

    def describe(self, skill: str) -> str:
        return pick_label(self.display.get(skill, {}), active(), local_name(skill))

    def resolve(self, name: str) -> set[str]:
        """The skills *name* designates (every skill of that exact name: ESCO and an import may
        both have "Python"), or an error with close names."""
        text = name.strip()
        if text in self.display:
            return {text}
        key = normalize(text)
        found = self.names.get(key)
        if found:
            return set(found)
        words = set(key.split())
        candidates = {s for n, skills in self.names.items() if words <= set(n.split()) for s in skills}
        if len({self.describe(s) for s in candidates}) == 1:
            return candidates
        if candidates:
            listed = sorted({self.describe(s) for s in candidates})
            raise BadInputError(_("{name} could mean {n} skills: {skills}; give a fuller name").format(
                name=repr(name), n=len(listed), skills="; ".join(listed[:8]) + ("; ..." if len(listed) > 8 else "")))
        close = difflib.get_close_matches(normalize(text), list(self.names), n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(self.describe(s) for n in close for s in sorted(self.names[n])))[:3]
        hint = (_("did you mean: {names}?").format(names=", ".join(suggestions)) if suggestions
                else _("skills are named as in ESCO, in English or French"))
        raise BadInputError(_("no skill named {name}; {hint}").format(name=repr(name), hint=hint))


def resolve_skills(store: Store, names: list[str]) -> frozenset[str]:
    """Every skill IRI the given names designate (see :class:`SkillIndex`)."""
    if not names:
        return frozenset()
    index = SkillIndex(store)
    return frozenset(s for name in names for s in index.resolve(name))


def read_skill_file(text: str) -> list[str]:
    """Skill names from a file: one per line, blank lines and ``#`` comments skipped.

    >>> read_skill_file("Python\\n# mine\\n\\n SQL \\n")
    ['Python', 'SQL']
    """
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
