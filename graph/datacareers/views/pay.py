"""Pay medians of a role and the change of pay along a move, always within one source.

>>> low, high = {"median": 50.0, "currency": "EUR", "source": "s"}, {"median": 60.0, "currency": "EUR", "source": "s"}
>>> pay_change([low], [high])["ratio"]
1.2
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Store

from datacareers.constants import CAREER, PREFIXES

_SCHEMA = PREFIXES["schema"]
_MEDIAN_FIELDS = {_SCHEMA + "median": "median", _SCHEMA + "currency": "currency",
                  _SCHEMA + "duration": "period", CAREER["year"]: "year", CAREER["socCode"]: "soc",
                  CAREER["fapCode"]: "fap", CAREER["gross"]: "gross", CAREER["periodEnd"]: "year",
                  CAREER["periodStart"]: "start"}


def medians(store: Store, subject) -> list[dict]:
    """The pay medians a role has (``career:salary`` nodes with a ``schema:median``)."""
    found = []
    for link in store.quads_for_pattern(subject, NamedNode(CAREER["salary"]), None, None):
        entry: dict = {"source": link.graph_name.value, "node": link.object.value}
        for quad in store.quads_for_pattern(link.object, None, None, None):
            key = _MEDIAN_FIELDS.get(quad.predicate.value)
            if key:
                entry[key] = quad.object.value
        if "median" in entry and entry.get("currency"):
            try:
                entry["median"] = float(entry["median"])
            except ValueError:
                continue
            found.append(entry)
    return found


def pay_change(before: list[dict], after: list[dict]) -> dict | None:
    """The two medians to compare, both of **one source** (same currency, period, net or
    gross, the same year or period when both have it, the latest), with their ratio and SOC
    or FAP codes; None when no such pair exists: a net EUR figure is never compared with a
    gross or a USD one. When both roles read the very same distribution (one SOC code or
    FAP family covering both), there is no difference to read: ``kind`` is ``"shared"`` and
    ``ratio`` None.

    >>> a = [{"median": 80000.0, "currency": "USD", "period": "P1Y", "year": "2024", "source": "s", "node": "x"}]
    >>> b = [{"median": 100000.0, "currency": "USD", "period": "P1Y", "year": "2024", "source": "s", "node": "y"}]
    >>> pay_change(a, b)["ratio"]
    1.25
    >>> pay_change(a, a)["kind"], pay_change(a, a)["ratio"]
    ('shared', None)
    """
    best = None
    for x in before:
        for y in after:
            if (x["currency"], x.get("period"), x.get("gross"), x["source"]) != \
                    (y["currency"], y.get("period"), y.get("gross"), y["source"]):
                continue
            key = (x.get("node") is not None and x.get("node") == y.get("node"),
                   x.get("year") == y.get("year"), x.get("year") or "", y.get("year") or "")
            if best is None or key > best[0]:
                best = (key, x, y)
    if best is None:
        return None
    (shared, *_), x, y = best
    change = {"kind": "shared" if shared else "median", "currency": x["currency"], "period": x.get("period"),
              "from": x["median"], "to": y["median"],
              "ratio": None if shared or not x["median"] else round(y["median"] / x["median"], 3),
              "year_from": x.get("year"), "year_to": y.get("year"), "sources": sorted({x["source"], y["source"]})}
    return change | {"soc_from": x.get("soc"), "soc_to": y.get("soc"), "fap_from": x.get("fap"),
                     "fap_to": y.get("fap"), "start": x.get("start"), "gross": x.get("gross")}


def pay_changes(before: list[dict], after: list[dict]) -> list[dict]:
    """:func:`pay_change` for every source that gives both roles a median (Dares's net EUR
    first, then the others by name): each change is computed within one source.

    >>> a = [{"median": 80000.0, "currency": "USD", "period": "P1Y", "year": "2024", "source": "bls", "node": "x"},
    ...      {"median": 3000.0, "currency": "EUR", "period": "P1M", "year": "2019", "source": "dares", "node": "f",
    ...       "fap": "M2Z90", "gross": "false"}]
    >>> b = [{"median": 100000.0, "currency": "USD", "period": "P1Y", "year": "2024", "source": "bls", "node": "y"}]
    >>> [c["currency"] for c in pay_changes(a, b)], [c["currency"] for c in pay_changes(a, a)]
    (['USD'], ['EUR', 'USD'])
    """
    sources = sorted({x["source"] for x in before} & {y["source"] for y in after})
    found = [pay_change([x for x in before if x["source"] == s], [y for y in after if y["source"] == s])
             for s in sources]
    return sorted((c for c in found if c), key=lambda c: (not c.get("fap_from"), c["sources"]))
