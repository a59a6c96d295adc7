"""``datacareers import`` and ``datacareers sources`` through the command line."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.errors import ImportFormatError
from datacareers.importers import esco, onet, rome, tables
from datacareers.progress import no_progress
from datacareers.store import persist

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"



def run(*args):
    return CliRunner().invoke(main, list(args))


def test_import_esco_then_sources():
    result = run("import", "esco", str(DATA / "esco" / "v1.1.1"), "--quiet", "--partial")
    assert result.exit_code == 0, result.output
    assert "import-esco-1.1.1" in result.stdout
    listing = run("sources", "--format", "json")
    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    assert rows["import-esco-1.1.1"]["kind"] == "imported"
    assert rows["import-esco-1.1.1"]["version"] == "1.1.1"
    assert rows["import-esco-1.1.1"]["license"] == esco.LICENSE
    assert rows["import-esco-1.1.1"]["triples"] > 100
    assert rows["vocabulary"]["kind"] == "shipped"


def test_sources_without_imports_lists_shipped_graphs():
    result = run("sources")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["name", "kind", "version", "triples",
                                                     "licence"]
    assert "vocabulary" in result.stdout
    assert "imported" not in result.stdout
    assert not persist.store_dir().exists()


def test_import_rome_and_onet_with_versions():
    assert run("import", "rome", str(DATA / "rome" / "v460"), "-q", "--partial").exit_code == 0
    assert run("import", "onet", str(DATA / "onet"), "-q", "--version", "29.0",
               "--partial").exit_code == 0
    tsv = run("sources", "--format", "tsv").stdout
    assert re.search(r"^import-rome-4\.0-v460\timported\tv460\t\d+\t", tsv, re.M)
    assert re.search(r"^import-onet-29\.0\timported\t29\.0\t\d+\t", tsv, re.M)


def test_reimport_via_cli_keeps_one_graph():
    for _ in range(2):
        assert run("import", "rome", str(DATA / "rome" / "v460"), "-q", "--partial").exit_code == 0
    rows = [r for r in json.loads(run("sources", "--format", "json").stdout)
            if r["name"].startswith("import-rome-4.0-v")]
    assert len(rows) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("esco", BAD / "esco_renamed_column" / "v1.1.1"),
         r"occupations_en\.csv: missing column 'conceptUri'"),
        (("esco", BAD / "esco_latin1" / "v1.1.1"), r"occupations_en\.csv: .*not UTF-8"),
        (("esco", DATA / "rome" / "v460"), r"no occupations_en\.csv found .*ESCO"),
        (("rome", BAD / "rome_missing_file"), r"unix_referentiel_appellation_v\*_utf8\.csv"),
        (("onet", BAD / "onet_renamed_column"), r"Occupation Data\.txt: missing column 'Title'"),
        (("onet", DATA / "no-such-folder"), r"no such folder"),
        (("rome", DATA / "rome" / "v460" / "unix_rubrique_mobilite_v460_utf8.csv"),
         r"not a folder"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(args, message):
    kind, path = args
    result = run("import", kind, str(path), "-q", "--partial")
    assert result.exit_code == 2, result.output
    assert re.search(message, result.stderr), result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert not persist.store_dir().exists()


def test_error_midway_keeps_previous_import(monkeypatch):
    assert run("import", "rome", str(DATA / "rome" / "v460"), "-q", "--partial").exit_code == 0
    before = persist.imported_sources()

    real_rows = tables.Table.rows

    def rows_then_fail(self, progress=no_progress):
        if "mobilite" in self.name:
            yield from real_rows(self, progress)
            raise ImportFormatError(f"{self.name}: line 3: simulated failure")
        yield from real_rows(self, progress)

    monkeypatch.setattr(tables.Table, "rows", rows_then_fail)
    result = run("import", "rome", str(DATA / "rome" / "v460"), "-q", "--partial")
    assert result.exit_code == 2
    assert "simulated failure" in result.stderr
    assert persist.imported_sources() == before
    store = persist.open_persistent()
    assert len(list(store.quads_for_pattern(None, None, None, None))) > 100


def test_import_remove():
    assert run("import", "onet", str(DATA / "onet"), "-q", "--partial").exit_code == 0
    assert run("import", "remove", "import-onet-29.0").exit_code == 0
    result = run("import", "remove", "import-onet-29.0")
    assert result.exit_code == 2
    assert "no imported source named 'import-onet-29.0'" in result.stderr


def test_help_teaches_where_to_download():
    assert "esco.ec.europa.eu/en/use-esco/download" in run("import", "esco", "--help").stdout
    assert "francetravail.org/opendata" in run("import", "rome", "--help").stdout
    assert "onetcenter.org/database.html" in run("import", "onet", "--help").stdout
    assert "Examples" in run("import", "--help").stdout


def test_every_term_the_importers_use_is_declared():
    """A typo in a career: term would not fail at import time: check the vocabulary."""
    from pyoxigraph import NamedNode, Store

    from datacareers.constants import CAREER, VOCABULARY_FILE
    from datacareers.namespace import CAREER as CAREER_NS

    used = set()
    for module, path in ((esco, DATA / "esco" / "v1.1.1"), (rome, DATA / "rome" / "v460"),
                         (onet, DATA / "onet")):
        for quad in module.plan(path, partial=True).quads(no_progress):
            for node in (quad.predicate, quad.object):
                if isinstance(node, NamedNode) and node.value.startswith(str(CAREER)):
                    used.add(node.value[len(str(CAREER)):])
    vocabulary = Store()
    vocabulary.load(path=str(VOCABULARY_FILE), format=__import__("pyoxigraph").RdfFormat.TURTLE)
    declared = {q.subject.value[len(str(CAREER)):] for q in vocabulary
                if q.subject.value.startswith(str(CAREER))}
    assert used - declared == set()
    for local in used:
        getattr(CAREER_NS, local)  # the closed namespace knows it too


def test_cli_import_module_imports_only_click():
    import subprocess
    import sys

    code = ("import sys, datacareers.cli.imports; "
            "print(sorted(m for m in ('pyoxigraph', 'rdflib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
