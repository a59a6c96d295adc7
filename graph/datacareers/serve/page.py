"""The endpoint's HTML page at ``/``: a query box, the example queries and the named
graphs, in English and French. Everything that comes from data or files is escaped.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from datacareers.i18n import LANGUAGE_NAMES, _, negotiate, number, supported, using
from datacareers.serve.settings import Settings

_PAGE_FORMATS = [
    ("json", "SPARQL JSON / JSON-LD"), ("xml", "SPARQL XML / RDF-XML"), ("csv", "CSV"),
    ("tsv", "TSV"), ("turtle", "Turtle"), ("nt", "N-Triples"),
]

DEFAULT_PAGE_QUERY = """SELECT ?role ?label WHERE {
  ?role a career:Role ; skos:prefLabel ?label .
  FILTER(lang(?label) = "en")
} ORDER BY ?label LIMIT 20"""

_SCRIPT = """
document.getElementById('q').addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('answer');
  out.textContent = '...';
  const response = await fetch('sparql', {method: 'POST',
    body: new URLSearchParams(new FormData(event.target))});
  out.textContent = response.status + ' ' + response.statusText + '\\n\\n' +
    await response.text();
});
"""


def choose_language(params: dict, accept_language: str) -> str:
    """``?lang=`` when it names a language we speak, else the best by ``Accept-Language``.

    >>> choose_language({"lang": ["fr"]}, "en"), choose_language({}, "de, fr;q=0.8, en;q=0.5")
    ('fr', 'fr')
    """
    return supported((params.get("lang") or [""])[0]) or negotiate(accept_language)


def render_page(settings: Settings, lang: str, example: str | None, endpoint: str) -> str:
    """The bilingual home page; every piece of text from data or files is escaped."""
    with using(lang):
        return _page(settings, lang, example, endpoint)


def _page(settings: Settings, lang: str, example: str | None, endpoint: str) -> str:
    esc = html.escape
    query = settings.examples[example][1] if example in settings.examples else DEFAULT_PAGE_QUERY
    options = "".join(f'<option value="{v}">{esc(label)}</option>' for v, label in _PAGE_FORMATS)
    if settings.examples:
        items = "".join(
            f'<li><a href="?{esc(urlencode({"example": name, "lang": lang}))}">'
            f"<code>{esc(name)}</code></a> {esc(description)}</li>"
            for name, (description, _text) in settings.examples.items()
        )
        examples = f"<ul>{items}</ul>"
    else:
        examples = f"<p>{esc(_('No example queries are installed.'))}</p>"
    graphs = "".join(
        f"<li><code>{esc(iri)}</code> {esc(title)}</li>" for iri, title in settings.graphs
    )
    other = "fr" if lang == "en" else "en"
    title = _("datacareers SPARQL endpoint")
    intro = _("A read-only SPARQL 1.1 endpoint over the data careers knowledge graph. Point any SPARQL "
              "client at {endpoint}, or type a query below. The prefixes career:, role:, skill:, sector:, "
              "skos:, schema:... are predeclared; the default graph is the union of every named graph (use "
              "GRAPH ?g to see where a fact comes from).").format(endpoint=endpoint)
    limits = _("Limits: {timeout} s per query, {max_rows} rows per answer. Updates, LOAD and SERVICE are "
               "refused.").format(timeout=number(settings.timeout), max_rows=number(settings.max_rows))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}}
textarea{{width:100%;font-family:monospace}} pre{{background:#f4f4f4;padding:.5rem;
overflow:auto;white-space:pre-wrap}}</style></head>
<body>
<p style="text-align:right"><a href="?{esc(urlencode({"lang": other}))}">{esc(LANGUAGE_NAMES[other])}</a></p>
<h1>{esc(title)}</h1>
<p>{esc(intro)}</p>
<p>{esc(limits)}</p>
<form id="q" method="post" action="sparql">
<label for="query">{esc(_('Query'))}</label><br>
<textarea id="query" name="query" rows="12">{esc(query)}</textarea><br>
<label for="format">{esc(_('Answer format'))}</label>
<select id="format" name="format">{options}</select>
<button type="submit">{esc(_('Run'))}</button>
</form>
<h2>{esc(_('Answer'))}</h2>
<pre id="answer"></pre>
<h2>{esc(_('Example queries'))}</h2>
{examples}
<h2>{esc(_('Named graphs (sources)'))}</h2>
<ul>{graphs}</ul>
<script>{_SCRIPT}</script>
</body></html>
"""
