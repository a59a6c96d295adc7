"""The Python API answers what the command line answers (README "In Python")."""

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

import datacareers
from datacareers.cli import main
from datacareers.errors import QueryError, UnknownRoleError

README = Path(__file__).parent.parent / "README.md"


def cli_json(runner, *args):
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_readme_examples_run():
    failures, tried = doctest.testfile(str(README), module_relative=False,
                                       optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried >= 10 and failures == 0, f"{failures} of the README's {tried} Python examples failed"


def test_the_package_docstring_example_runs():
    failures, tried = doctest.testmod(datacareers)
    assert tried and not failures


def test_roles_are_the_cli_roles(runner):
    assert datacareers.roles(lang="fr") == cli_json(runner, "roles", "--lang", "fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_profile_is_show(runner, lang):
    assert datacareers.profile("ML engineer", lang=lang) == cli_json(runner, "show", "ML engineer", "--lang", lang)


def test_paths_are_the_cli_paths(runner):
    args = ["data analyst", "chief data officer", "-k", "4", "--have", "Python", "--viable", "--lang", "fr"]
    expected = cli_json(runner, "path", *args)["paths"]
    assert datacareers.paths("data analyst", "chief data officer", k=4, have=["Python"], viable=True,
                             lang="fr") == expected
    frame = datacareers.paths("data analyst", "chief data officer", k=4, have=["Python"], viable=True,
                              lang="fr", as_frame=True)
    assert len(frame) == sum(len(p["steps"]) for p in expected)
    assert list(frame["to"])[-1] == expected[-1]["steps"][-1]["to"]["label"]


def test_query_answers_python_values(runner):
    text = ("SELECT ?next ?label (COUNT(?skill) AS ?n) WHERE { role:data-analyst career:canBecome ?next . "
            "?next skos:prefLabel ?label . FILTER(lang(?label) = 'en') "
            "OPTIONAL { ?next career:essentialSkill ?skill } } GROUP BY ?next ?label ORDER BY ?next")
    rows = datacareers.query(text)
    expected = cli_json(runner, "query", text)["results"]["bindings"]
    assert [r["next"] for r in rows] == [b["next"]["value"] for b in expected]
    assert [r["n"] for r in rows] == [int(b["n"]["value"]) for b in expected]
    assert all(isinstance(r["n"], int) for r in rows)
    frame = datacareers.query(text, as_frame=True)
    assert list(frame.columns) == ["next", "label", "n"] and len(frame) == len(rows)
    empty = datacareers.query("SELECT ?x ?y WHERE { ?x career:noSuchThing ?y }", as_frame=True)
    assert list(empty.columns) == ["x", "y"] and len(empty) == 0
    graph = datacareers.query("CONSTRUCT WHERE { role:data-analyst career:canBecome ?next }")
    assert len(graph) == len(expected)


def test_errors_are_the_cli_errors(runner):
    with pytest.raises(UnknownRoleError) as raised:
        datacareers.profile("astronaut")
    result = runner.invoke(main, ["show", "astronaut"])
    assert result.exit_code == 2 and str(raised.value) in result.output
    with pytest.raises(QueryError, match="read-only"):
        datacareers.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(ValueError, match="lang"):
        datacareers.roles(lang="de")
    with pytest.raises(ValueError, match="evidence"):
        datacareers.paths("data analyst", "CDO", evidence="rumoured")


def test_without_pandas_as_frame_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    assert datacareers.roles()  # records need no pandas
    with pytest.raises(ImportError, match=r"datacareers\[pandas\]"):
        datacareers.roles(as_frame=True)


def test_importing_the_package_stays_light():
    code = ("import sys, datacareers; heavy = ('datacareers.api', 'pyoxigraph', 'rdflib', 'pandas'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert {"roles", "profile", "paths", "query"} <= set(dir(datacareers))
    with pytest.raises(AttributeError):
        datacareers.no_such_function  # noqa: B018
