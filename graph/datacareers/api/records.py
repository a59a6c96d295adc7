"""Answers as plain Python: SPARQL terms as Python values, path steps as flat rows, and
a pandas DataFrame when asked (pandas is optional: ``pip install 'datacareers[pandas]'``).

>>> from pyoxigraph import Literal, NamedNode
>>> value(Literal("42", datatype=NamedNode(XSD + "integer"))), value(NamedNode("urn:x")), value(None)
(42, 'urn:x', None)
>>> value(Literal("112590.5", datatype=NamedNode(XSD + "decimal")))
Decimal('112590.5')
>>> step_rows([{"cost": 1.4, "steps": [{"from": {"label": "a"}, "to": {"label": "b"}, "evidence": "stated",
...     "cost": 1.4, "skill_gap": 0.4, "new_skills": [{"label": "x"}], "why": [{"text": "says so"}]}]}])[0]["why"]
'says so'
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                               "unsignedLong", "unsignedShort", "unsignedByte")}
_CONVERT = {XSD + "decimal": Decimal, XSD + "double": float, XSD + "float": float,
            XSD + "boolean": lambda text: text in ("true", "1"), XSD + "date": datetime.date.fromisoformat,
            **dict.fromkeys(_INTEGERS, int)}


def value(term):
    """A query answer's term as Python: an IRI as its string, a blank node as ``_:id``, a
    number, boolean or date as such (an ``xsd:decimal`` stays exact, a Decimal), any other
    literal as its text, unbound as None."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        convert = _CONVERT.get(term.datatype.value)
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:  # an ill-typed literal is kept as written
                return term.value
        return term.value
    return str(term)  # a quoted triple (RDF-star)


def solution_records(solutions) -> list[dict]:
    """One dict per SELECT solution, by variable name."""
    names = [v.value for v in solutions.variables]
    return [{name: value(solution[name]) for name in names} for solution in solutions]


def graph_of(triples) -> rdflib.Graph:
    """A CONSTRUCT or DESCRIBE answer as an rdflib Graph (through N-Triples)."""
    graph = rdflib.Graph()
    graph.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph


def step_rows(found: list[dict]) -> list[dict]:
    """The steps of ``paths`` records, one flat row each: which path (1 = best), which
    step, from and to (labels), evidence, costs, the new skills and the evidence in words."""
    return [{"path": n, "path_cost": p["cost"], "step": i, "from": s["from"]["label"], "to": s["to"]["label"],
             "evidence": s["evidence"], "cost": s["cost"], "skill_gap": s["skill_gap"],
             "new_skills": "; ".join(k["label"] for k in s["new_skills"]),
             "why": " | ".join(w["text"] for w in s["why"])}
            for n, p in enumerate(found, 1) for i, s in enumerate(p["steps"], 1)]


def frame(rows: list[dict], columns: list[str] | None = None):
    """*rows* as a pandas DataFrame (with *columns* in that order when given, so an empty
    answer keeps its columns); a clear ImportError when pandas is not installed."""
    try:
        import pandas
    except ImportError:
        raise ImportError("as_frame=True needs pandas: pip install 'datacareers[pandas]' "
                          "(without it, leave as_frame out: the answer is a list of dicts)") from None
    return pandas.DataFrame.from_records(rows, columns=columns)
