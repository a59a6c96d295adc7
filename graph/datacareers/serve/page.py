"""The endpoint's HTML page at ``/``: a query box, the example queries and the named
graphs, in English and French. Everything that comes from data or files is escaped.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from datacareers.serve.settings import Settings

TEXT = {
    "en": {
        "title": "datacareers SPARQL endpoint",
        "intro": "A read-only SPARQL 1.1 endpoint over the data careers knowledge graph. "
                 "Point any SPARQL client at {endpoint}, or type a query below. "
                 "The prefixes career:, role:, skill:, sector:, skos:, schema:... are "
                 "predeclared; the default graph is the union of every named graph "
                 "(use GRAPH ?g to see where a fact comes from).",
        "query": "Query",
        "format": "Answer format",
        "run": "Run",
        "examples": "Example queries",
        "no_examples": "No example queries are installed.",
        "graphs": "Named graphs (sources)",
        "limits": "Limits: {timeout:g} s per query, {max_rows} rows per answer. "
                  "Updates, LOAD and SERVICE are refused.",
        "answer": "Answer",
        "other": "Français",
    },
    "fr": {
        "title": "Point d'accès SPARQL datacareers",
        "intro": "Un point d'accès SPARQL 1.1 en lecture seule sur le graphe de "
                 "connaissances des métiers de la donnée. Utilisez n'importe quel client "
                 "SPARQL avec {endpoint}, ou saisissez une requête ci-dessous. Les préfixes "
                 "career:, role:, skill:, sector:, skos:, schema:... sont prédéclarés ; le "
                 "graphe par défaut est l'union de tous les graphes nommés (GRAPH ?g indique "
                 "la source d'un fait).",
        "query": "Requête",
        "format": "Format de la réponse",
        "run": "Exécuter",
        "examples": "Exemples de requêtes",
        "no_examples": "Aucun exemple de requête n'est installé.",
        "graphs": "Graphes nommés (sources)",
        "limits": "Limites : {timeout:g} s par requête, {max_rows} lignes par réponse. "
                  "Les mises à jour, LOAD et SERVICE sont refusés.",
        "answer": "Réponse",
        "other": "English",
    },
}

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
    asked = (params.get("lang") or [""])[0].lower()
    if asked in TEXT:
        return asked
    for item in (accept_language or "").split(","):
        tag = item.split(";")[0].strip().lower()[:2]
        if tag in TEXT:
            return tag
    return "en"


def render_page(settings: Settings, lang: str, example: str | None, endpoint: str) -> str:
    """The bilingual home page; every piece of text from data or files is escaped."""
    t = TEXT[lang]
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
        examples = f"<p>{esc(t['no_examples'])}</p>"
    graphs = "".join(
        f"<li><code>{esc(iri)}</code> {esc(title)}</li>" for iri, title in settings.graphs
    )
    other = "fr" if lang == "en" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t['title'])}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}}
textarea{{width:100%;font-family:monospace}} pre{{background:#f4f4f4;padding:.5rem;
overflow:auto;white-space:pre-wrap}}</style></head>
<body>
<p style="text-align:right"><a href="?{esc(urlencode({"lang": other}))}">{esc(t['other'])}</a></p>
<h1>{esc(t['title'])}</h1>
<p>{esc(t['intro'].format(endpoint=endpoint))}</p>
<p>{esc(t['limits'].format(timeout=settings.timeout, max_rows=settings.max_rows))}</p>
<form id="q" method="post" action="sparql">
<label for="query">{esc(t['query'])}</label><br>
<textarea id="query" name="query" rows="12">{esc(query)}</textarea><br>
<label for="format">{esc(t['format'])}</label>
<select id="format" name="format">{options}</select>
<button type="submit">{esc(t['run'])}</button>
</form>
<h2>{esc(t['answer'])}</h2>
<pre id="answer"></pre>
<h2>{esc(t['examples'])}</h2>
{examples}
<h2>{esc(t['graphs'])}</h2>
<ul>{graphs}</ul>
<script>{_SCRIPT}</script>
</body></html>
"""
