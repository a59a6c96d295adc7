r"""One query, from request to answer, inside a walled query process: the one path both
the endpoint's workers and ``datacareers query`` take, so they never answer differently.

A *job* is a dict: ``query``; ``format`` (a ``format=`` value or the CLI's ``--format``, or
``None``) and ``accept`` (the ``Accept`` header, ``""`` for none); ``default_graph`` and
``named_graphs`` (lists of IRIs, or ``None``: the query's own ``FROM``, else the merge of
every named graph);
``timeout`` (seconds, 0 for none), ``max_rows`` and ``max_bytes`` (``None`` for none); and
``cli`` (true for ``datacareers query``: the ``table`` format, and messages that name its
formats); ``base_iri`` (the IRI relative IRIs in the query resolve against: the endpoint's
URL; ``None`` for none). The query is checked once, here, by parsing it; the format is negotiated once,
here, from the query's form, before it runs.

Each refusal is an :class:`AnswerError` with the HTTP status that fits and one line: 400
for a query that may not run, 406 for a format that cannot carry the answer, 422 for an
answer over the row or size limit (the client's query, so never a 5xx), 503 for a query
stopped by its time or memory limit.

>>> import io
>>> from datacareers.store.shipped import shipped_store
>>> body = io.BytesIO()
>>> respond(shipped_store(), {"query": "ASK { ?s a career:Role }", "format": "json", "accept": ""}, body)
'application/sparql-results+json'
>>> body.getvalue()
b'{"head":{},"boolean":true}'
>>> respond(shipped_store(), {"query": "ASK { SERVICE <http://e/> { ?s ?p ?o } }", "accept": ""}, body)
Traceback (most recent call last):
datacareers.serve.answer.AnswerError: SERVICE is refused: queries run offline, on this graph only
"""

from __future__ import annotations

import time
from typing import BinaryIO

from datacareers.constants import PREFIXES
from datacareers.errors import QueryError
from datacareers.serve.answer import AnswerError, out_of_memory, timed_out
from datacareers.serve.conneg import GRAPH_TYPES, RESULT_TYPES, wanted_type
from datacareers.store.merged import queryable
from datacareers.views.sparql import dataset_options, engine_error, media_type, unavailable_format
from datacareers.views.sparql_check import check_query
from datacareers.views.sparql_write import AnswerTimedOut, AnswerTooLarge, Limits, write_answer

KINDS = {"SELECT": "results", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
_WHAT = {"results": "a SELECT", "boolean": "an ASK", "graph": "a CONSTRUCT/DESCRIBE"}


def too_large(exc: AnswerTooLarge) -> AnswerError:
    size = f"{exc.limit >> 20} MB" if exc.limit % (1 << 20) == 0 else f"{exc.limit} bytes"
    limit = (f"{exc.limit} {exc.what} (the server's --max-rows)" if exc.what != "bytes"
             else f"{size} (the server's answer size limit)")
    return AnswerError(422, f"the answer has more than {limit}; add a LIMIT or narrow the query")


def _media_type(job: dict, kind: str) -> str:
    fmt = job.get("format")
    if job.get("cli"):
        mime = media_type(fmt or "table", kind)
        if mime is None:
            raise AnswerError(406, unavailable_format(fmt, kind))
        return mime
    mime = wanted_type(job.get("accept") or "", fmt, kind)
    if mime is None:
        offered = list(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
        raise AnswerError(406, f"cannot answer in {fmt or job.get('accept')!r}: {_WHAT[kind]} "
                               f"answer is given as {', '.join(offered)}")
    return mime


def respond(store, job: dict, out: BinaryIO, max_memory: int | None = None) -> str:
    """Answer *job* on *store*, writing the body to *out* as it is made; return its media
    type. Raise :class:`AnswerError` (nothing useful was written then)."""
    timeout = job.get("timeout") or 0
    limits = Limits(job.get("max_rows"), job.get("max_bytes"),
                    time.monotonic() + timeout if timeout else None)
    try:
        checked = check_query(job["query"])
        kind = KINDS[checked.form]
        mime = _media_type(job, kind)
        options = dataset_options(checked, job.get("default_graph"), job.get("named_graphs"))
        store = queryable(store)  # itself when loaded with its merge, as the loaders do
        result = store.query(job["query"], prefixes=PREFIXES, base_iri=job.get("base_iri"), **options)
    except QueryError as exc:
        raise AnswerError(400, str(exc)) from None
    except (SyntaxError, RuntimeError, ValueError, OSError) as exc:
        raise AnswerError(400, engine_error(exc)) from None
    except MemoryError:
        raise out_of_memory(max_memory) from None
    try:
        write_answer(result, mime, out, limits)
    except AnswerTooLarge as exc:
        raise too_large(exc) from None
    except AnswerTimedOut:
        raise timed_out(timeout) from None
    except QueryError as exc:
        raise AnswerError(422, str(exc)) from None
    except MemoryError:
        raise out_of_memory(max_memory) from None
    except (SyntaxError, RuntimeError, ValueError) as exc:
        raise AnswerError(400, engine_error(exc)) from None
    except OSError as exc:
        raise AnswerError(500, f"query failed while running: {exc}") from None
    return mime
