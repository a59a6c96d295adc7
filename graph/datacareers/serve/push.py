"""Push the dataset to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph is replaced whole: its first batch goes with ``PUT ?graph=IRI``, the
following batches (big imported graphs) with ``POST ?graph=IRI``, so re-running a push
that failed halfway leaves each graph exactly as in the local dataset. Triples linked
by a blank node always travel in the same batch (blank node labels are scoped to one
request). Afterwards the server's SPARQL endpoint is asked how many triples each graph
holds, and a mismatch is an error.

Only the standard library talks HTTP (``urllib``, with Basic and Digest authentication,
which covers Virtuoso, Fuseki, GraphDB and Oxigraph server), so no dependency is added.

>>> from pyoxigraph import Store, Quad, NamedNode, Literal
>>> store = Store()
>>> store.add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))
>>> [len(batch) for batch in graph_batches(store, "http://e/g", 1000)]
[1]
>>> graph_url("http://h/store", "http://e/g#1")
'http://h/store?graph=http%3A%2F%2Fe%2Fg%231'
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

from pyoxigraph import BlankNode, NamedNode, RdfFormat, serialize

from datacareers.errors import DataCareersError
from datacareers.progress import ProgressFactory, no_progress

#: Turtle (N-Triples is a subset of it): the one RDF type every Graph Store endpoint reads.
BODY_TYPE = "text/turtle; charset=utf-8"


class PushError(DataCareersError):
    """A push that the server refused or that could not reach it (exit code 1)."""

    exit_code = 1


def graph_url(graph_store: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph (indirect identification)."""
    joiner = "&" if urlsplit(graph_store).query else "?"
    return graph_store + joiner + urlencode({"graph": graph})


def graph_batches(store, graph: str, batch_size: int) -> Iterator[list]:
    """The triples of *graph* in lists of about *batch_size*; blank-node-linked triples
    stay together in one list."""

    triples = [q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(graph))]
    parent: dict = {}

    def find(node):
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    groups: dict = {}
    plain = []
    for triple in triples:
        nodes = [t for t in (triple.subject, triple.object) if isinstance(t, BlankNode)]
        if not nodes:
            plain.append(triple)
            continue
        root = find(nodes[0])
        for other in nodes[1:]:
            parent[find(other)] = root
    for triple in triples:
        nodes = [t for t in (triple.subject, triple.object) if isinstance(t, BlankNode)]
        if nodes:
            groups.setdefault(find(nodes[0]), []).append(triple)
    batch: list = []
    for unit in [[t] for t in plain] + list(groups.values()):
        if batch and len(batch) + len(unit) > batch_size:
            yield batch
            batch = []
        batch.extend(unit)
    if batch or not triples:
        yield batch


def _opener(urls: list[str], user: str | None, password: str | None):
    handlers = []
    if user is not None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in urls:
            manager.add_password(None, f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/",
                                 user, password or "")
        handlers += [urllib.request.HTTPBasicAuthHandler(manager),
                     urllib.request.HTTPDigestAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _reason(error: urllib.error.HTTPError) -> str:
    try:
        body = error.read(2000).decode("utf-8", "replace")
    except OSError:
        body = ""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return f"HTTP {error.code} {error.reason}" + (f": {first[:200]}" if first else "")


def _send(opener, method: str, url: str, body: bytes, timeout: float, graph: str) -> None:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": BODY_TYPE})
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise PushError(f"graph <{graph}>: {method} refused with {_reason(exc)} "
                        f"({url.split('?')[0]})") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"graph <{graph}>: cannot reach {url.split('?')[0]}: {reason}") from None


def server_counts(endpoint: str, graphs: list[str], opener, timeout: float) -> dict[str, int]:
    """How many triples the server's SPARQL endpoint holds in each of *graphs*."""

    values = " ".join(f"<{g}>" for g in graphs)
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { " + values +
             " } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    request = urllib.request.Request(
        endpoint + ("&" if urlsplit(endpoint).query else "?") + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise PushError(f"checking the counts at {endpoint}: {_reason(exc)}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise PushError(f"checking the counts at {endpoint}: {getattr(exc, 'reason', exc)}") \
            from None
    return {row["g"]["value"]: int(row["n"]["value"]) for row in data["results"]["bindings"]}


def push_dataset(store, endpoint: str, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None,
                 batch_size: int = 50_000, only: list[str] | None = None,
                 verify: bool = True, timeout: float = 120.0,
                 progress: ProgressFactory = no_progress) -> str:
    """Replace each named graph of *store* on the server; return a one-line summary."""

    target = graph_store or endpoint
    for url in (endpoint, target):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise PushError(f"not an http(s) URL: {url!r}")
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
    if only:
        missing = sorted(set(only) - set(graphs))
        if missing:
            raise PushError(f"no such graph in the dataset: {', '.join(missing)}")
        graphs = [g for g in graphs if g in only]
    sizes = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g)))
             for g in graphs}
    opener = _opener([endpoint, target], user, password)
    started = time.monotonic()
    done: list[str] = []
    with progress("Pushing", sum(sizes.values())) as bar:
        for graph in graphs:
            url = graph_url(target, graph)
            for number, batch in enumerate(graph_batches(store, graph, batch_size)):
                body = serialize(batch, format=RdfFormat.N_TRIPLES) if batch else b""
                try:
                    _send(opener, "PUT" if number == 0 else "POST", url, body, timeout, graph)
                except PushError as exc:
                    pushed = f" (already pushed: {len(done)} graph(s))" if done else ""
                    raise PushError(f"{exc}; re-run the push to retry{pushed}") from None
                bar.update(len(batch))
            done.append(graph)
    elapsed = time.monotonic() - started
    total = sum(sizes.values())
    line = f"Pushed {len(graphs)} graphs, {total} triples to {target} in {elapsed:.1f} s"
    if verify and graphs:
        counts = server_counts(endpoint, graphs, opener, timeout)
        wrong = [f"<{g}> has {counts.get(g, 0)} (sent {sizes[g]})" for g in graphs
                 if counts.get(g, 0) != sizes[g]]
        if wrong:
            raise PushError("the server's triple counts differ: " + "; ".join(wrong))
        line += f"; counts checked at {endpoint}"
    return line + "."
