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

from datacareers.constants import CAREER, OTHER_SKILL_VOCABULARIES, PREFIXES, RDF_TYPE
from datacareers.errors import BadInputError
from datacareers.i18n import _, active
from datacareers.labels import local_name, pick_label
from datacareers.store.resolve import normalize

_LABELS = [NamedNode(PREFIXES["skos"] + "prefLabel"), NamedNode(PREFIXES["skos"] + "altLabel")]


class SkillIndex:
    """Every skill's names, normalized; names of ESCO's (and our) vocabulary are tried before
    those of a release's own (ROME competences, O*NET technologies: OTHER_SKILL_VOCABULARIES)."""

    def __init__(self, store: Store):
        self.names: dict[str, set[str]] = defaultdict(set)
        self.other: dict[str, set[str]] = defaultdict(set)
        self.display: dict[str, dict[str, str]] = {}
        for quad in store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(CAREER["Skill"]), None):
            skill = quad.subject.value
            if skill in self.display:
                continue
            self.display[skill] = {}
            names = self.other if skill.startswith(OTHER_SKILL_VOCABULARIES) else self.names
            names[normalize(skill)].add(skill)
            names[normalize(local_name(skill).replace("-", " "))].add(skill)
            for predicate in _LABELS:
                for label in store.quads_for_pattern(quad.subject, predicate, None, None):
                    names[normalize(label.object.value)].add(skill)
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
        for names in (self.names, self.other):
            found = self._resolve(name, normalize(text), names)
            if found:
                return found
        key = normalize(text)
        close = difflib.get_close_matches(key, list(self.names), n=3, cutoff=0.6) or \
            difflib.get_close_matches(key, list(self.other), n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(self.describe(s) for n in close
                                         for s in sorted(self.names.get(n) or self.other.get(n, ()))))[:3]
        hint = (_("did you mean: {names}?").format(names=", ".join(suggestions)) if suggestions
                else _("skills are named as in ESCO, in English or French"))
        raise BadInputError(_("no skill named {name}; {hint}").format(name=repr(name), hint=hint))

    def _resolve(self, name: str, key: str, names: dict[str, set[str]]) -> set[str]:
        """The skills of *names* that *key* designates exactly, else by words; empty when none."""
        found = names.get(key)
        if found:
            return set(found)
        words = set(key.split())
        candidates = {s for n, skills in names.items() if words <= set(n.split()) for s in skills}
        if len({self.describe(s) for s in candidates}) > 1:
            listed = sorted({self.describe(s) for s in candidates})
            raise BadInputError(_("{name} could mean {n} skills: {skills}; give a fuller name").format(
                name=repr(name), n=len(listed), skills="; ".join(listed[:8]) + ("; ..." if len(listed) > 8 else "")))
        return candidates


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
