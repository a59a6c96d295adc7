"""Push the dataset to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph is replaced whole: its first batch goes with ``PUT ?graph=IRI``, the
following batches (big imported graphs) with ``POST ?graph=IRI``, so re-running a push
that failed halfway leaves each graph exactly as in the local dataset. Triples linked
by a blank node always travel in the same batch (blank node labels are scoped to one
request). Afterwards the server's SPARQL endpoint is asked how many triples each graph
holds, and a mismatch is an error.

Only the standard library talks HTTP (``urllib``, with Basic and Digest authentication,
which covers Virtuoso, Fuseki, GraphDB and Oxigraph server), so no dependency is added;
:mod:`datacareers.serve.http_client` gives each request a deadline (``timeout``),
refuses redirects and keeps credentials out of every message. Credentials may come in
the URLs (``http://user:password@host/...``).

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
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

from pyoxigraph import BlankNode, NamedNode, RdfFormat, serialize

from datacareers.errors import DataCareersError
from datacareers.progress import ProgressFactory, no_progress
from datacareers.serve.http_client import Client, RequestError, Scrubber, check_url

#: Turtle (N-Triples is a subset of it): the one RDF type every Graph Store endpoint reads.
BODY_TYPE = "text/turtle; charset=utf-8"
#: Most bytes read from the answer to a write, and from the answer to the count query.
WRITE_ANSWER_LIMIT = 64 * 1024
COUNT_ANSWER_LIMIT = 16 * 1024 * 1024



class PushError(RequestError):
    """A push that the server refused or that could not reach it (exit code 1)."""


# ----------------------------------------------------------------- the push


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


def server_counts(client: Client, endpoint: str, graphs: list[str]) -> dict[str, int]:
    """How many triples the server's SPARQL endpoint holds in each of *graphs*."""

    values = " ".join(f"<{g}>" for g in graphs)
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { " + values +
             " } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    request = urllib.request.Request(
        endpoint + ("&" if urlsplit(endpoint).query else "?") + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"})
    what = "checking the counts: GET"
    body = client.fetch(request, COUNT_ANSWER_LIMIT, what)
    try:
        data = json.loads(body.decode("utf-8"))
        return {row["g"]["value"]: int(row["n"]["value"]) for row in data["results"]["bindings"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise PushError(f"checking the counts at {endpoint}: not a SPARQL JSON answer ({exc})") from None


def _push(store, endpoint: str, target: str, client: Client, batch_size: int,
          graphs: list[str], verify: bool, progress: ProgressFactory) -> str:
    sizes = {g: sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g))) for g in graphs}
    started = time.monotonic()
    done: list[str] = []
    with progress("Pushing", sum(sizes.values())) as bar:
        for graph in graphs:
            url = graph_url(target, graph)
            for number, batch in enumerate(graph_batches(store, graph, batch_size)):
                method = "PUT" if number == 0 else "POST"
                body = serialize(batch, format=RdfFormat.N_TRIPLES) if batch else b""
                request = urllib.request.Request(url, data=body, method=method,
                                                 headers={"Content-Type": BODY_TYPE})
                # a PUT replaces the graph, a POST of triples without blank nodes adds a set:
                # either can be sent again when the connection was cut under it
                again = method == "PUT" or not any(isinstance(t, BlankNode) for q in batch
                                                   for t in (q.subject, q.object))
                try:
                    client.fetch(request, WRITE_ANSWER_LIMIT, f"graph <{graph}>: {method}", retry=again)
                except RequestError as exc:
                    pushed = f" (already pushed: {len(done)} graph(s))" if done else ""
                    raise PushError(f"{exc}; re-run the push to retry{pushed}") from None
                bar.update(len(batch))
            done.append(graph)
    elapsed = time.monotonic() - started
    line = f"Pushed {len(graphs)} graphs, {sum(sizes.values())} triples to {target} in {elapsed:.1f} s"
    if verify and graphs:
        counts = server_counts(client, endpoint, graphs)
        wrong = [f"<{g}> has {counts.get(g, 0)} (sent {sizes[g]})" for g in graphs
                 if counts.get(g, 0) != sizes[g]]
        if wrong:
            raise PushError("the server's triple counts differ: " + "; ".join(wrong))
        line += f"; counts checked at {endpoint}"
    return line + "."


def push_dataset(store, endpoint: str, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None,
                 batch_size: int = 50_000, only: list[str] | None = None,
                 verify: bool = True, timeout: float = 120.0,
                 progress: ProgressFactory = no_progress) -> str:
    """Replace each named graph of *store* on the server; return a one-line summary.

    *timeout* is each request's deadline in seconds. Credentials may also come in the
    URLs (``http://user:password@host/...``); *user* and *password* win."""
    scrub = Scrubber(user, password)
    try:
        endpoint, endpoint_user, endpoint_password = check_url(endpoint)
        target, target_user, target_password = check_url(graph_store or endpoint)
        user = user if user is not None else (target_user or endpoint_user)
        password = password if password is not None else (target_password or endpoint_password)
        scrub = Scrubber(user, password)
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
        if only:
            missing = sorted(set(only) - set(graphs))
            if missing:
                raise PushError(f"no such graph in the dataset: {', '.join(missing)}")
            graphs = [g for g in graphs if g in only]
        client = Client([endpoint, target], user, password, timeout)
        return scrub(_push(store, endpoint, target, client, batch_size, graphs, verify, progress))
    except DataCareersError as exc:
        kind = PushError if isinstance(exc, RequestError) else type(exc)
        raise kind(scrub(str(exc))) from None
