"""Which ESCO skills are soft skills because of where ESCO files them: under its transversal
skill groups for personal and social qualities.

ESCO's transversal skills and competences (codes ``T...`` in ``skillGroups_en.csv``) have
six groups. What :data:`career:soft` means ("a personal or social quality such as
communication") is **T4** social and communication skills and competences (communicating,
collaborating, supporting and leading others, following an ethical code) and the personal
part of **T3** self-management: T3.2 taking a proactive approach, T3.3 maintaining a
positive attitude, T3.4 demonstrating willingness to learn. A skill/competence whose
``broaderRelationsSkillPillar.csv`` chain reaches one of them (or their sub-groups) is
soft. Left out: T3.1 "working efficiently" (ESCO files technical tasks there, such as
defining data quality criteria), T1 core skills (languages, numbers, digital devices), T2
thinking skills (where ESCO files "analyse big data"), T5 physical and manual, T6 life skills.

>>> sorted(soft_groups([("u32", "T3.2"), ("u31", "T3.1"), ("u2", "T2"), ("u4", "T4"), ("u41", "T4.1")]))
['u32', 'u4', 'u41']
>>> sorted(under({"s1": {"s0"}, "s0": {"u31"}, "s2": {"x"}}, {"u31"}))
['s0', 's1']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: The transversal groups whose skills are soft (see above).
SOFT_CODES = ("T3.2", "T3.3", "T3.4", "T4")


def soft_groups(rows: Iterable[tuple[str, str]]) -> set[str]:
    """The URIs of the soft groups and their sub-groups, from (skill group URI, code) rows."""
    return {uri.strip() for uri, code in rows
            if any(code.strip() == c or code.strip().startswith(c + ".") for c in SOFT_CODES)}


def under(broader: Mapping[str, set[str]], groups: set[str]) -> set[str]:
    """Every concept whose broader chain reaches one of *groups*."""
    memo: dict[str, bool] = {}

    def reaches(node: str, path: frozenset) -> bool:
        if node in memo:
            return memo[node]
        result = False
        for parent in broader.get(node, ()):
            if parent in groups or (parent not in path and reaches(parent, path | {node})):
                result = True
                break
        memo[node] = result
        return result

    return {node for node in broader if reaches(node, frozenset())}
