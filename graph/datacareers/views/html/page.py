"""The HTML view: one self-contained page that works opened from disk, network off.

The page embeds vis-network (shipped inside the pyvis package) and its CSS inline, plus
the data of :mod:`datacareers.views.html.data` as JSON (``<``, ``>``, ``&`` escaped, so
no label can close the script), and asks no host for anything: a Content-Security-Policy
forbids every fetch. Nodes are coloured and shaped by kind, roles sized by betweenness in
the role graph; a legend doubles as the kind / relation / source filters; a search box
matches French and English preferred and alternative labels; clicking a node explains it
(definition, salaries, education, skills, managers, moves, sources), always as text.

Small graphs settle with a short physics run that then stops; large ones (more than
``data.LARGE_GRAPH`` nodes) are laid out in pure Python and drawn with physics off.

>>> from datacareers.store.shipped import shipped_store
>>> html = render_html(shipped_store(), lang="en", focus="machine-learning-engineer", depth=1)
>>> "<script src=" in html, "vis.Network" in html
(False, True)
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import pyvis
from pyoxigraph import Store

from datacareers.errors import BadInputError
from datacareers.files import write_atomically
from datacareers.views.html.data import view_data
from datacareers.views.html.select import MAX_FOCUS_NODES

TEMPLATE_FILE = Path(__file__).resolve().parent / "template.html"


def json_for_script(obj) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028/9 escaped.

    >>> json_for_script({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's standalone JS and CSS, from the installed pyvis package."""
    base = Path(pyvis.__file__).resolve().parent
    for folder in (base / "templates" / "lib" / "vis-9.1.2", base / "lib" / "vis-9.1.2"):
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            break
    else:  # pragma: no cover - depends on the installed pyvis
        raise BadInputError(f"vis-network 9.1.2 not found inside pyvis ({base})")
    script = re.sub(r"//# sourceMappingURL=\S+", "", js.read_text(encoding="utf-8"))
    style = re.sub(r"/\*# sourceMappingURL=\S+ \*/", "", css.read_text(encoding="utf-8"))
    # Inline code must not be able to end its own element.
    script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.IGNORECASE)
    style = re.sub(r"</(style)", r"<\\/\1", style, flags=re.IGNORECASE)
    return script, style


def page_and_data(store: Store, *, lang: str = "en", focus: str | None = None, depth: int = 1,
                  highlight_paths: list[list[str]] | None = None, title: str | None = None,
                  path_steps: list[list[dict]] | None = None, before_script: str = "",
                  max_nodes: int = MAX_FOCUS_NODES) -> tuple[str, dict]:
    """The whole page as one string (vis-network, styles, data and code inline), with the
    data it draws (its ``capped`` says when a focus view left nodes out).

    *path_steps* explain each highlighted step (what it adds, its cost, evidence, source).
    *before_script* (JavaScript) runs before the view's own code: a page embedding the view
    may define ``window.datacareersOnly(DATA)`` there to narrow what is drawn first.
    *max_nodes* caps a focus view (the most relevant nodes first; 0 = no cap)."""
    data = view_data(store, lang=lang, focus=focus, depth=depth, highlight_paths=highlight_paths,
                     title=title, path_steps=path_steps, max_nodes=max_nodes)
    script, style = vis_assets()
    values = {
        "LANG": data["lang"],
        "TITLE": html_lib.escape(data["title"] + (f" — {data['subtitle']}" if data["subtitle"] else "")),
        "VIS_CSS": style,
        "VIS_JS": script,
        "DATA_JSON": json_for_script(data),
        "BEFORE_JS": "<script>" + re.sub(r"</(script)", r"<\\/\1", before_script, flags=re.IGNORECASE) + "</script>"
        if before_script else "",
    }
    template = TEMPLATE_FILE.read_text(encoding="utf-8")
    # one pass, so nothing inserted is ever scanned for another placeholder
    return re.sub(r"%%([A-Z_]+)%%", lambda m: values[m.group(1)], template), data


def render_html(store: Store, **options) -> str:
    """The whole page as one string (see :func:`page_and_data` for the options)."""
    return page_and_data(store, **options)[0]


def write_page(html: str, path: str | os.PathLike) -> Path:
    """Write a rendered page to *path* atomically (temp file, then rename)."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise BadInputError(f"{target} is a folder; give a file name such as {target / 'view.html'}")
    try:
        return write_atomically(target, html.encode("utf-8"))
    except (FileExistsError, NotADirectoryError):
        raise BadInputError(f"cannot write {target}: {target.parent} is not a folder") from None
    except OSError as exc:
        raise BadInputError(f"cannot write {target}: {exc.strerror or exc}") from None


def write_view(store: Store, path: str | os.PathLike, **options) -> Path:
    """Render the view (see :func:`page_and_data` for the options) and write it to *path*
    atomically; *path_steps* (each path's steps as ``path --format json`` gives them)
    explain each step in the path panel."""
    return write_page(render_html(store, **options), path)
