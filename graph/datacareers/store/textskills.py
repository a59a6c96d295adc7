"""Skills recognised in free text, a CV, a job ad or a list, in French or English
(``path --have-text``). Precision comes first: a wrong skill hides a real gap.

- The text and the labels (``skos:prefLabel``, ``skos:altLabel``, @en and @fr) of the ESCO
  and curated skills are folded the same way: case, accents, punctuation and a plural
  ``s``/``x`` ignored (:func:`~datacareers.store.resolve.name_key`).
- A label matches where its words follow each other in the text, the longest first; each
  word of the text serves one match.
- A label of one word needs three letters or more ("R" and "C" never match).
- A label "Python (computer programming)" also matches its head, "Python", when the text
  writes it with the same capitals, unless the head is a common word (:data:`AMBIGUOUS_HEADS`).
- A release's own skill vocabularies (ROME competences, O*NET technologies) are not read:
  their labels are sentences or brand names that common words collide with.

>>> from datacareers.store.shipped import shipped_store
>>> matcher = TextMatcher(shipped_store())
>>> [(m.words, matcher.describe(m.skill)) for m in matcher.match("J'écris du SQL et du Python, en statistiques.")]
[('SQL', 'SQL'), ('Python', 'Python (computer programming)'), ('statistiques', 'statistics')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, OTHER_SKILL_VOCABULARIES, PREFIXES, RDF_TYPE
from datacareers.errors import BadInputError
from datacareers.i18n import _, active
from datacareers.labels import local_name, pick_label
from datacareers.store.resolve import name_key

_PREF, _ALT = NamedNode(PREFIXES["skos"] + "prefLabel"), NamedNode(PREFIXES["skos"] + "altLabel")
_WORD = re.compile(r"\w+")
_HEAD = re.compile(r"^(.+?)\s*\([^()]*\)$")
#: Heads of "X (qualifier)" labels that are also common words: they match only in full.
AMBIGUOUS_HEADS = frozenset({"ml", "scratch", "assembly", "pascal", "swift", "ruby", "go", "ab", "sas", "shell",
                             "salt"})
#: The most words a label may have and still be looked for.
LONGEST = 10
#: The largest text read (a long CV is 20 kB): more is refused, never read whole.
MAX_BYTES = 1_000_000


def read_text(stream, name: str) -> str:
    """The text of a binary *stream* (a file or stdin), read to at most MAX_BYTES + 1 bytes:
    UTF-8 text, not empty, or one clear error naming *name*.

    >>> import io
    >>> read_text(io.BytesIO("SQL, Python".encode()), "cv.txt")
    'SQL, Python'
    >>> read_text(io.BytesIO(b"\\x89PNG\\x00\\x01"), "photo.png")
    Traceback (most recent call last):
    datacareers.errors.BadInputError: photo.png: not text (binary data): pass a CV, a job ad or a list as plain text
    """
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise BadInputError(_("{name}: larger than {n} MB: pass a CV, a job ad or a list, not a whole corpus").format(
            name=name, n=MAX_BYTES // 1_000_000))
    if b"\x00" in data:
        raise BadInputError(_("{name}: not text (binary data): pass a CV, a job ad or a list as plain text").format(
            name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(_("{name}: not UTF-8 text (byte {at}): save it as UTF-8").format(
            name=name, at=exc.start)) from None
    if not text.strip():
        raise BadInputError(_("{name}: empty: no text to read skills from").format(name=name))
    return text


@dataclass(frozen=True)
class Match:
    """A skill recognised in the text, with the words of the text that matched."""

    skill: str
    words: str


class TextMatcher:
    """Every ESCO or curated skill label, folded, by its words."""

    def __init__(self, store: Store):
        self.phrases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.heads: dict[str, set[str]] = defaultdict(set)  # exact spelling of a head -> skills
        self.display: dict[str, dict[str, str]] = {}
        for quad in store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(CAREER["Skill"]), None):
            skill = quad.subject.value
            if skill in self.display or skill.startswith(OTHER_SKILL_VOCABULARIES):
                continue
            self.display[skill] = {}
            for predicate in (_PREF, _ALT):
                for label in store.quads_for_pattern(quad.subject, predicate, None, None):
                    self._add(skill, label.object.value)
                    if predicate == _PREF:
                        self.display[skill].setdefault(label.object.language or "", label.object.value)

    def _add(self, skill: str, label: str) -> None:
        words = tuple(name_key(label).split())
        if 0 < len(words) <= LONGEST and (len(words) > 1 or len(words[0]) >= 3):
            self.phrases[words].add(skill)
        head = _HEAD.match(label.strip())
        if head and len(head.group(1)) >= 3 and name_key(head.group(1)) not in AMBIGUOUS_HEADS \
                and len(head.group(1).split()) == 1:
            self.heads[head.group(1)].add(skill)

    def describe(self, skill: str) -> str:
        """The skill's label in the active language."""
        return pick_label(self.display.get(skill, {}), active(), local_name(skill))

    def match(self, text: str) -> list[Match]:
        """The skills the text names, in the order it names them (each skill once)."""
        tokens = [(m.group(0), name_key(m.group(0))) for m in _WORD.finditer(text)]
        tokens = [(word, key) for word, key in tokens if key]
        found: dict[str, Match] = {}
        i = 0
        while i < len(tokens):
            for size in range(min(LONGEST, len(tokens) - i), 0, -1):
                skills = self.phrases.get(tuple(key for _, key in tokens[i:i + size]), set())
                if size == 1:
                    skills = skills | self.heads.get(tokens[i][0], set())
                if skills:
                    words = " ".join(word for word, _ in tokens[i:i + size])
                    for skill in sorted(skills):
                        found.setdefault(skill, Match(skill, words))
                    i += size
                    break
            else:
                i += 1
        return list(found.values())
