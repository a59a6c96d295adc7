"""A running endpoint serves what is imported while it runs (no restart needed)."""

import json
import urllib.parse
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from datacareers.cli import main
from datacareers.serve import endpoint as serve

ROME = Path(__file__).parent / "data" / "rome" / "v460"
ASK = "ASK { GRAPH source:import-rome-4.0-v460 { ?s ?p ?o } }"


def ask(url: str) -> bool:
    body = urllib.parse.urlencode({"query": ASK}).encode()
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["boolean"]


def test_import_while_serving_is_seen_by_the_next_query(isolated_home):
    server = serve.make_server("127.0.0.1", 0, serve.Settings(workers=1, quiet=True))
    serve.serve_in_thread(server)
    try:
        url = serve.endpoint_url(server)
        assert ask(url) is False
        result = CliRunner().invoke(main, ["import", "rome", str(ROME), "-q", "--partial"])
        assert result.exit_code == 0, result.output
        assert ask(url) is True
        result = CliRunner().invoke(main, ["import", "remove", "import-rome-4.0-v460"])
        assert result.exit_code == 0, result.output
        assert ask(url) is False
    finally:
        server.shutdown()
        server.server_close()
