"""Turn what a person types into a role IRI: slugs, IRIs, French and English labels.

Matching ignores case, accents, punctuation and plurals (:func:`name_key`), and a French title
written "Professeur / Professeure de ..." is matched by either form. Names are those of the
roles and of the shipped occupations (the ROME fiches no curated role matches exactly, with
their appellations), then of whatever an import brings. A name we curate (a curated role's slug,
preferred label or an alternative label of ``source:curated``) wins; then an exact match on
any preferred / alternative label, such as a job title a release gives (ROME appellations,
O*NET alternate titles); among several exact matches, our curated roles (``role:`` IRIs)
win over imported occupations, and a title several curated roles share stays ambiguous:
the error lists them. Failing that, a name whose words all
appear in one role's label resolves to it; several such roles make the name ambiguous,
none makes it unknown, with close names suggested.

>>> from datacareers.store.shipped import shipped_store
>>> store = shipped_store()
>>> resolve_role(store, "Machine learning ingénieur")
'https://w3id.org/datacareers/role/machine-learning-engineer'
>>> resolve_role(store, "ingenieur machine learning") == resolve_role(store, "ml engineer")
True
>>> resolve_role(store, "data analist")  # doctest: +ELLIPSIS
Traceback (most recent call last):
datacareers.errors.UnknownRoleError: no role named 'data analist'; did you mean: data analyst (data-analyst), ...?
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import BASE_IRI, CAREER, PREFIXES, RDF_TYPE, ROLE, SOURCE, data_home
from datacareers.errors import AmbiguousRoleError, UnknownRoleError
from datacareers.files import write_atomically
from datacareers.i18n import _, active
from datacareers.labels import pick_label
from datacareers.store.persist import stamp_of
from datacareers.store.shipped import shipped_stamp
from datacareers.store.walk import SCHEMA_OCCUPATION, all_roles, starting_points

SKOS = PREFIXES["skos"]



_NON_WORD = re.compile(r"[^\w]+")


def normalize(text: str) -> str:
    """Lower case, no accents, words separated by single spaces.

    >>> normalize("  Ingénieur-Développeur  de LOGICIELS ")
    'ingenieur developpeur de logiciels'
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def name_key(text: str) -> str:
    """:func:`normalize`, each word of more than three letters without its plural ``s``/``x``:
    what names are matched on ("laboratoires" finds "laboratoire").

    >>> name_key("Technicien de laboratoires d'analyses") == name_key("technicien de laboratoire d analyse")
    True
    """
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in normalize(text).split())


def gendered_forms(label: str) -> list[str]:
    """*label* and, for a French title written "masculine / feminine", each form alone (as a
    person types it). One word before the slash swaps the first word; several need as many
    words after it.

    >>> gendered_forms("Professeur / Professeure de mathématiques")
    ['Professeur / Professeure de mathématiques', 'Professeur de mathématiques', 'Professeure de mathématiques']
    >>> gendered_forms("Contrôleur financier / Contrôleuse financière")[1:]
    ['Contrôleur financier', 'Contrôleuse financière']
    >>> gendered_forms("Responsable achats / Approvisionnements")
    ['Responsable achats / Approvisionnements']
    """
    parts = label.split(" / ")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        return [label]
    first, second = (p.split() for p in parts)
    if len(first) == 1:
        return [label, " ".join([first[0], *second[1:]]), " ".join(second)]
    if len(first) == len(second):
        return [label, " ".join(first), " ".join(second)]
    return [label]


def slug(iri: str) -> str:
    """The readable id of a curated role IRI, else the IRI itself."""
    return iri[len(ROLE):] if iri.startswith(ROLE) else iri


#: Codes people type for an occupation: (pattern, property holding it, IRI base of the concept).
_CODES = (
    (re.compile(r"^[A-Na-n][0-9]{4}$"), CAREER["romeCode"], BASE_IRI + "rome/"),
    (re.compile(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$"), CAREER["onetCode"], BASE_IRI + "onet/"),
)


def is_starting_point(store: Store, iri: str) -> bool:
    """Whether *iri* is a role or a shipped occupation (:func:`~datacareers.store.walk.starting_points`)."""
    return any(any(store.quads_for_pattern(NamedNode(iri), NamedNode(RDF_TYPE), NamedNode(kind), None))
               for kind in (CAREER["Role"], SCHEMA_OCCUPATION))


def by_code(store: Store, text: str) -> str | None:
    """The role a ROME or O*NET-SOC code names: the imported fiche or occupation itself,
    else the one curated role that matches it exactly (read from its code, no name index).

    >>> from datacareers.store.shipped import shipped_store
    >>> by_code(shipped_store(), "m1419")
    'https://w3id.org/datacareers/role/data-analyst'
    """
    for pattern, predicate, base in _CODES:
        if pattern.match(text):
            code = text.upper()
            concept = NamedNode(base + code)
            if is_starting_point(store, concept.value):
                return concept.value
            holders = {q.subject.value for q in store.quads_for_pattern(
                None, NamedNode(predicate), Literal(code), NamedNode(SOURCE["curated"]))}
            exact = {h for h in holders if any(store.quads_for_pattern(
                NamedNode(h), NamedNode(SKOS + "exactMatch"), concept, None))}
            return next(iter(exact)) if len(exact) == 1 else None
    return None


@dataclass
class RoleIndex:
    """Every role's names, normalized, for matching."""

    # name -> roles, curated name -> roles: sets when built, the saved lists when read from the cache
    names: dict[str, Collection[str]] = field(default_factory=lambda: defaultdict(set))
    own: dict[str, Collection[str]] = field(default_factory=lambda: defaultdict(set))
    display: dict[str, dict[str, str]] = field(default_factory=dict)  # role -> its labels by language

    @classmethod
    def from_store(cls, store: Store, curated_only: bool = False) -> RoleIndex:
        """Index every role's names, or only our curated roles' (fast on big imports)."""

        index = cls()
        pref, alt = NamedNode(SKOS + "prefLabel"), NamedNode(SKOS + "altLabel")
        curated = NamedNode(SOURCE["curated"])
        roles = all_roles(store, SOURCE["curated"]) if curated_only else starting_points(store)
        for role in roles:
            subject = NamedNode(role)
            for name in (name_key(slug(role).replace("-", " ")), name_key(role)):
                index.names[name].add(role)
                index.own[name].add(role)
            for predicate in (pref, alt):
                for quad in store.quads_for_pattern(subject, predicate, None, None):
                    literal = quad.object
                    for form in gendered_forms(literal.value):
                        index.names[name_key(form)].add(role)
                    if quad.graph_name == curated:
                        index.own[name_key(literal.value)].add(role)
                    if predicate == pref:
                        index.display.setdefault(role, {}).setdefault(literal.language or "", literal.value)
            index.display.setdefault(role, {})
        return index

    def describe(self, role: str) -> str:
        """The role as a person reads it in the active language, with its id."""
        return f"{pick_label(self.display.get(role, {}), active(), slug(role))} ({slug(role)})"


def _prefer_curated(roles: set[str]) -> set[str]:
    curated = {r for r in roles if r.startswith(ROLE)}
    return curated if len(curated) == 1 else roles


def _prefer_fiches(store: Store, roles: set[str]) -> set[str]:
    """*roles* without the ESCO occupations named like a fiche that is among them ("comptable":
    ROME's fiche, not also ESCO's accountant)."""
    if len(roles) < 2:
        return roles
    return {r for r in roles if linked_fiche(store, r) not in roles}


_FULL_INDEX: list = []  # [(store, index)]: the last full index built, reused in this process


def _cache_file(stamp: str) -> Path:
    # v2: names keyed by name_key (plural folding, gendered forms); an older cache is not read
    return data_home() / "cache" / f"role-names-v2-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.json"


def _saved_index(store: Store) -> RoleIndex:
    """Every role's names: read from the data folder's cache when it was
    built for this very store (its generation), else built and saved there for the next
    command (reading 5,600 roles' 60,000 names one by one takes seconds; the saved index
    loads in a few tens of milliseconds). The shipped store's 13,000 titles are cached the same
    way, keyed on the shipped files' digest. A read-only data folder just builds it."""
    stamp = stamp_of(store) or shipped_stamp(store)
    if stamp is None:
        return RoleIndex.from_store(store)
    path = _cache_file(stamp)
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        # read as saved, lists of roles (turning 60,000 of them into sets took as long as reading):
        # a resolution only reads them
        return RoleIndex(names=saved["names"], own=saved["own"], display=saved["display"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    index = RoleIndex.from_store(store)
    data = {"names": {k: sorted(v) for k, v in index.names.items()},
            "own": {k: sorted(v) for k, v in index.own.items()}, "display": index.display}
    try:
        for old in path.parent.glob("role-names-*.json"):
            old.unlink(missing_ok=True)
        write_atomically(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # a read-only data folder: build it each time
    return index


def _full_index(store: Store) -> RoleIndex:
    """Every role's names, built once per store (a path resolves two names)."""
    if not _FULL_INDEX or _FULL_INDEX[0][0] is not store:
        _FULL_INDEX[:] = [(store, _saved_index(store))]
    return _FULL_INDEX[0][1]


def resolve_role(store: Store, name: str, index: RoleIndex | None = None) -> str:
    """The IRI of the one role *name* designates, or an error saying why not.

    Our curated roles are tried first (a small index); every imported occupation's
    names are read only when no curated role matches exactly.
    """
    text = name.strip()
    if text.startswith("role:"):
        text = ROLE[text[5:]]
    key = name_key(text)
    if not key:
        raise UnknownRoleError(_("an empty name names no role"))
    if index is None and text.startswith(("http://", "https://")) and is_starting_point(store, text):
        return text  # an IRI of a role or occupation: no need to read every name
    if index is None and (coded := by_code(store, text)):
        return coded
    if index is None:
        curated = RoleIndex.from_store(store, curated_only=True)
        if text in curated.display:
            return text
        for names in (curated.own, curated.names):
            exact = names.get(key, set())
            if len(exact) == 1:
                return next(iter(exact))
        index = _full_index(store)
    if text in index.display:
        return text
    exact = _prefer_fiches(store, _prefer_curated(set(index.names.get(key, ()))))
    if len(exact) == 1:
        return next(iter(exact))
    candidates = exact
    if not candidates:  # a name whose words all appear in a name we curate, else in any name
        words = set(key.split())
        for names in (index.own, index.names):
            candidates = _prefer_curated({r for n, roles in names.items() if words <= set(n.split()) for r in roles})
            if candidates:
                break
        if len(candidates) == 1:
            return next(iter(candidates))
    if candidates:
        listed = sorted(index.describe(r) for r in candidates)
        more = " " + _("and {n} more").format(n=len(listed) - 10) if len(listed) > 10 else ""
        raise AmbiguousRoleError(
            _("{name} could mean {n} roles: {roles}{more}; give a fuller name or the id").format(
                name=repr(name), n=len(listed), roles="; ".join(listed[:10]), more=more),
            candidates=tuple(sorted(candidates)))
    close = difflib.get_close_matches(key, list(index.names), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(index.describe(r) for n in close
                                     for r in sorted(index.own.get(n) or index.names[n])))[:3]
    hint = (_("did you mean: {names}?").format(names=", ".join(suggestions)) if suggestions
            else _("see `datacareers roles`"))
    raise UnknownRoleError(_("no role named {name}; {hint}").format(name=repr(name), hint=hint))


#: The most occupations a shared title may stand for and still be searched from all at once.
MAX_STARTS = 20
#: Where an ESCO occupation named like a ROME fiche is linked to it (scripts/generate_esco_entries.py).
TITLE_LINKS = SOURCE["esco-rome-titles"]


@dataclass
class Start:
    """Where a path starts: *nodes* (one, or every fiche of a title several share) and, for a
    node reached through ESCO occupations named like it (``source:esco-rome-titles``), those
    occupations (*through*: node -> occupations)."""

    nodes: list[str]
    through: dict[str, list[str]] = field(default_factory=dict)

    def held(self, store: Store) -> dict[str, frozenset[str]]:
        """Per node reached through ESCO occupations, their essential skills: held on every path from it."""
        return {node: essential_skills(store, occupations) for node, occupations in self.through.items()}


def linked_fiche(store: Store, occupation: str) -> str | None:
    """The ROME fiche an ESCO occupation is named like, if it is linked to one."""
    for quad in store.quads_for_pattern(NamedNode(occupation), NamedNode(SKOS + "closeMatch"), None,
                                        NamedNode(TITLE_LINKS)):
        return quad.object.value
    return None


def named_like(store: Store, fiche: str) -> list[str]:
    """The ESCO occupations linked to *fiche* by their name."""
    return [q.subject.value for q in store.quads_for_pattern(None, NamedNode(SKOS + "closeMatch"), NamedNode(fiche),
                                                             NamedNode(TITLE_LINKS))]


def esco_forms(label: str) -> list[str]:
    """The names one ESCO label gives: "chef cuisinier/cheffe cuisinière" is each gender form
    (ESCO writes no spaces around the slash), else the label.

    >>> esco_forms("chef cuisinier/cheffe cuisinière"), esco_forms("accountant")
    (['chef cuisinier', 'cheffe cuisinière'], ['accountant'])
    """
    parts = [p.strip() for p in label.split("/")]
    if len(parts) == 2 and all(parts):
        split = gendered_forms(f"{parts[0]} / {parts[1]}")
        if len(split) == 3:
            return split[1:]
    return [label.strip()]


def named_by(store: Store, occupation: str, name: str) -> bool:
    """Whether *name* is one of the preferred names of an ESCO occupation (either language, either gender)."""
    key = name_key(name)
    return any(name_key(form) == key for q in store.quads_for_pattern(
        NamedNode(occupation), NamedNode(SKOS + "prefLabel"), None, None) for form in esco_forms(q.object.value))


def essential_skills(store: Store, occupations: list[str]) -> frozenset[str]:
    """The shipped essential skills ESCO gives *occupations* (``source:esco-1.1.1``)."""
    predicate, graph = NamedNode(CAREER["essentialSkill"]), NamedNode(SOURCE["esco-1.1.1"])
    return frozenset(q.object.value for o in occupations
                     for q in store.quads_for_pattern(NamedNode(o), predicate, None, graph))


def resolve_start(store: Store, name: str) -> Start:
    """Where a path may start: the one role *name* designates, or every occupation of a title
    several ROME fiches share ("technicien de laboratoire": 13 fiches), when none of them is a
    curated role and they are at most MAX_STARTS; an ESCO occupation stands for the fiche it
    is named like ("accountant", "comptable": ESCO's accountant -> ROME's Comptable), and is
    in ``through`` when *name* is one of its preferred names (the site embeds only those);
    otherwise the error of :func:`resolve_role`.

    >>> from datacareers.store.shipped import shipped_store
    >>> store = shipped_store()
    >>> start = resolve_start(store, "technicien de laboratoire")
    >>> len(start.nodes) > 1, "https://w3id.org/datacareers/rome/J1302" in start.nodes
    (True, True)
    >>> resolve_start(store, "data analyst").nodes
    ['https://w3id.org/datacareers/role/data-analyst']
    >>> start = resolve_start(store, "comptable")  # ROME's title, and ESCO's accountant in French
    >>> start.nodes, [o.rsplit("/", 1)[-1][:8] for o in start.through[start.nodes[0]]]
    (['https://w3id.org/datacareers/rome/M1203'], ['eda0d957'])
    """
    try:
        found = [resolve_role(store, name)]
    except AmbiguousRoleError as error:
        if not error.candidates or any(c.startswith(ROLE) for c in error.candidates):
            raise
        found, ambiguous = list(error.candidates), error
    else:
        ambiguous = None
    nodes = sorted({linked_fiche(store, c) or c for c in found})
    if len(nodes) > MAX_STARTS and ambiguous is not None:
        raise ambiguous
    named = {n: sorted(o for o in named_like(store, n) if named_by(store, o, name)) for n in nodes}
    return Start(nodes, {n: occupations for n, occupations in named.items() if occupations})
