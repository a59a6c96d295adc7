"""HTTP headers that list weighted choices (``Accept``, ``Accept-Language``), read once.

>>> weighted("text/csv;q=0.5, application/json")
[('text/csv', 0.5), ('application/json', 1.0)]
>>> weighted("fr-CH, fr;q=0.9, *;q=bad")
[('fr-CH', 1.0), ('fr', 0.9), ('*', 0.0)]
"""

from __future__ import annotations


def weighted(header: str) -> list[tuple[str, float]]:
    """(choice, quality) for each item of *header*, in its order; a missing or malformed
    ``q`` gives 1.0 or 0.0 (RFC 9110 12.4.2: a weight that cannot be read is no preference)."""
    found = []
    for item in (header or "").split(","):
        token, *params = [p.strip() for p in item.split(";")]
        if not token:
            continue
        quality = 1.0
        for param in params:
            name, _sep, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found.append((token, quality))
    return found
