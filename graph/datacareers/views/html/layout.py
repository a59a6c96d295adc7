"""A force-directed layout in pure Python for big views (networkx's layouts need numpy,
which this package does not depend on).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict

import networkx as nx


def cheap_layout(graph: nx.Graph, iterations: int | None = None, seed: int = 1,
                 scale: float = 70.0) -> dict[str, tuple[float, float]]:
    """A force-directed layout in pure Python that scales to thousands of nodes.

    The same graph gives the same positions whatever order its nodes and edges were added in
    (Python randomises string hashes per process: the layout sorts what it walks).

    Starts from a sunflower spiral in breadth-first order (neighbours start close),
    then runs Fruchterman-Reingold steps where repulsion only counts nodes in nearby
    grid cells, so each step costs about O(nodes + edges).

    >>> pos = cheap_layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    lonely = [v for v in graph if all(w == v for w in graph[v])]
    if lonely:  # nodes without links: packed in a block beside the rest, not flung out
        lonely_set = set(lonely)
        pos = cheap_layout(graph.subgraph([v for v in graph if v not in lonely_set]),
                           iterations, seed, scale) if len(lonely) < len(graph) else {}
        left = max((x for x, _ in pos.values()), default=0.0) + 3 * scale
        top = min((y for _, y in pos.values()), default=0.0)
        columns = max(1, math.ceil(math.sqrt(len(lonely))))
        for i, v in enumerate(sorted(lonely, key=str)):
            pos[v] = (round(left + (i % columns) * scale, 1), round(top + (i // columns) * scale, 1))
        return pos
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    order: list = []
    seen: set = set()
    for start in sorted(nodes, key=lambda v: (-graph.degree(v), str(v))):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        for v in queue:
            order.append(v)
            for w in sorted(graph[v], key=str):  # not the graph's insertion order: the same bytes every run
                if w not in seen:
                    seen.add(w)
                    queue.append(w)
    index = {v: i for i, v in enumerate(order)}
    golden = math.pi * (3 - math.sqrt(5))
    xs = [math.sqrt(i + 0.5) * math.cos(i * golden) for i in range(n)]
    ys = [math.sqrt(i + 0.5) * math.sin(i * golden) for i in range(n)]
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in graph.edges() if u != v})
    rng = random.Random(seed)
    if iterations is None:
        iterations = max(8, min(60, 150_000 // (n + len(edges))))
    k = 1.0
    cell = 2.0 * k
    temperature = math.sqrt(n) / 4
    cooling = (0.05 / temperature) ** (1 / max(iterations, 1)) if temperature > 0.05 else 0.9
    half = ((1, 0), (1, 1), (0, 1), (-1, 1))
    gravity = 0.03
    dx = [0.0] * n
    dy = [0.0] * n

    def push(i: int, j: int) -> None:
        ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
        d2 = ddx * ddx + ddy * ddy
        if d2 >= cell * cell:
            return
        if d2 < 1e-9:
            ddx, ddy, d2 = rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.01), 1e-4
        f = k * k / d2  # (k^2 / d) / d: force along the unit vector
        dx[i] += ddx * f
        dy[i] += ddy * f
        dx[j] -= ddx * f
        dy[j] -= ddy * f

    for _ in range(iterations):
        dx[:] = [0.0] * n
        dy[:] = [0.0] * n
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(n):
            grid[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        for (cx, cy), members in grid.items():
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    push(members[a], members[b])
            for ox, oy in half:
                other = grid.get((cx + ox, cy + oy))
                if other:
                    for i in members:
                        for j in other:
                            push(i, j)
        for i, j in edges:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 1e-3
            f = math.log1p(d / k) / d  # lin-log attraction: gentle on long edges, no pile-up
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(n):  # weak gravity: loose and isolated nodes drift in, not away
            dx[i] -= gravity * xs[i]
            dy[i] -= gravity * ys[i]
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if d > 0:
                step = min(d, temperature) / d
                xs[i] += dx[i] * step
                ys[i] += dy[i] * step
        temperature *= cooling
    return {v: (round(xs[i] * scale, 1), round(ys[i] * scale, 1)) for v, i in index.items()}


_LAST_LAYOUT: list = []  # [(key, positions)]: the last layout, kept for the next language's page


def same_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """:func:`cheap_layout` of *graph*, computed once when the same graph is laid out again
    (the site draws its map in French and English: a layout knows no language). Only the
    last layout is kept.

    >>> same_layout(nx.path_graph(3)) is same_layout(nx.path_graph(3))
    True
    """
    key = (tuple(sorted(map(str, graph.nodes))), tuple(sorted(tuple(sorted(map(str, e))) for e in graph.edges)))
    if not _LAST_LAYOUT or _LAST_LAYOUT[0][0] != key:
        _LAST_LAYOUT[:] = [(key, cheap_layout(graph))]
    return _LAST_LAYOUT[0][1]
