"""The command line: exit codes, one-line errors on stderr, output that pipes."""

import json

import pytest

from datacareers.constants import ROLE


def run(runner, cli, *args, input=None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def one_error_line(result):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error:")
    assert "Traceback" not in result.output
    return lines[0]


def test_help_lists_commands(runner, cli):
    result = run(runner, cli, "--help")
    assert result.exit_code == 0
    for command in ("build", "query", "path", "show", "roles", "validate", "export"):
        assert command in result.stdout


def test_path_text(runner, cli):
    result = run(runner, cli, "path", "data analyst", "chief data officer", "--lang", "en")
    assert result.exit_code == 0
    assert "data analyst -> chief data officer" in result.stdout
    assert "ROME 4.0 lists this move 4th of the 9 from data analyst" in result.stdout


def test_path_french_labels(runner, cli):
    result = run(runner, cli, "path", "Machine learning ingénieur", "CDO", "--lang", "fr")
    assert result.exit_code == 0
    assert "ingénieur machine learning -> Chief Data Officer" in result.stdout


def test_path_json_shape(runner, cli):
    result = run(runner, cli, "path", "ml engineer", "DSI", "-k", "2", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["from"] == {"id": ROLE["machine-learning-engineer"], "label": data["from"]["label"]}
    assert data["to"]["id"] == ROLE["chief-information-officer"]
    assert 1 <= len(data["paths"]) <= 2
    for path in data["paths"]:
        assert path["roles"][0]["id"] == ROLE["machine-learning-engineer"]
        assert len(path["steps"]) == len(path["roles"]) - 1
        for step in path["steps"]:
            assert set(step) >= {"from", "to", "new_skills", "sources"}
            assert step["sources"]
            assert all(s.startswith("https://w3id.org/datacareers/source/") for s in step["sources"])
            assert all(set(s) >= {"id", "label", "essential"} for s in step["new_skills"])


def test_no_path_exits_1(runner, cli):
    result = run(runner, cli, "path", "DSI", "data analyst", "--evidence", "stated")
    assert result.exit_code == 1
    assert "with stated moves only" in one_error_line(result)


def test_unknown_role_exits_2_with_suggestion(runner, cli):
    result = run(runner, cli, "path", "data analist", "CDO")
    assert result.exit_code == 2
    assert "did you mean: data analyst" in one_error_line(result)


def test_ambiguous_role_exits_2(runner, cli):
    result = run(runner, cli, "show", "ingénieur")
    assert result.exit_code == 2
    assert "could mean" in one_error_line(result)


def test_bad_k_is_usage_error(runner, cli):
    result = run(runner, cli, "path", "data analyst", "CDO", "-k", "0")
    assert result.exit_code == 2
    assert "-k" in result.stderr


def test_show_text_has_every_section(runner, cli):
    result = run(runner, cli, "show", "ML engineer", "--lang", "en")
    assert result.exit_code == 0
    for expected in ("machine learning engineer", "Pay:", "35,000", "75,000", "EQF level 7",
                     "chief data officer", "automotive", "startup", "data engineer", "ml-engineer-article"):
        assert expected in result.stdout, expected


def test_show_json(runner, cli):
    result = run(runner, cli, "show", "chief-data-officer", "--format", "json")
    facts = json.loads(result.stdout)
    assert {m["id"] for m in facts["manages"]} >= {ROLE["machine-learning-engineer"], ROLE["data-engineer"]}
    assert ROLE["data-analyst"] in {m["id"] for m in facts["moves_from"]}


def test_roles_lists_the_fixed_ids(runner, cli):
    result = run(runner, cli, "roles", "--format", "json")
    slugs = {r["slug"] for r in json.loads(result.stdout)}
    assert {"machine-learning-engineer", "data-scientist", "data-engineer", "data-analyst", "chief-data-officer",
            "digital-strategy-director", "it-engineer", "software-developer", "data-architect"} <= slugs


def test_query_example_by_name_csv(runner, cli):
    result = run(runner, cli, "query", "salaries-by-seniority", "--format", "csv")
    assert result.exit_code == 0
    assert "35000" in result.stdout and "75000" in result.stdout


def test_query_from_stdin_and_file(runner, cli, tmp_path):
    text = "ASK { role:machine-learning-engineer career:worksWith role:data-engineer }"
    assert run(runner, cli, "query", "-", input=text).stdout.strip() == "true"
    rq = tmp_path / "q.rq"
    rq.write_text(text, encoding="utf-8")
    assert run(runner, cli, "query", "-f", str(rq), "--format", "json").stdout.strip() == '{"head":{},"boolean":true}'


def test_query_list(runner, cli):
    result = run(runner, cli, "query", "--list")
    assert "who-manages" in result.stdout and "moves-into-cdo" in result.stdout


@pytest.mark.parametrize("update", ["INSERT DATA { role:a career:canBecome role:b }", "CLEAR ALL",
                                    "LOAD <http://example.org/x>"])
def test_query_update_refused(runner, cli, update):
    result = run(runner, cli, "query", update)
    assert result.exit_code == 2
    assert "refused" in one_error_line(result)


def test_query_syntax_error(runner, cli):
    result = run(runner, cli, "query", "SELECT ?x WHERE { ?x }")
    assert result.exit_code == 2
    assert "SPARQL syntax error" in one_error_line(result)


def test_query_without_anything_is_usage_error(runner, cli):
    result = run(runner, cli, "query")
    assert result.exit_code == 2


def test_validate_ok(runner, cli):
    result = run(runner, cli, "validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("Conforms")


def test_export_turtle_to_stdout_parses(runner, cli):
    from rdflib import Graph

    result = run(runner, cli, "export", "--format", "ttl")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout_bytes.decode("utf-8"), format="turtle")) > 500


def test_export_graphml_to_file(runner, cli, tmp_path):
    import networkx as nx

    target = tmp_path / "g.graphml"
    result = run(runner, cli, "export", "--format", "graphml", "-o", str(target))
    assert result.exit_code == 0
    graph = nx.read_graphml(target)
    by_iri = {data["iri"]: data for _, data in graph.nodes(data=True)}  # ids are n0, n1...
    assert by_iri[ROLE["data-analyst"]]["kind"] == "role"


def test_build_into_folder(runner, cli, tmp_path):
    result = run(runner, cli, "build", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Built" in result.stdout and "datacareers.html" in result.stdout
    assert (tmp_path / "datacareers.ttl").stat().st_size > 1000


def test_unwritable_output_is_one_line_exit_2(runner, cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run(runner, cli, "export", "--format", "ttl", "-o", str(blocker / "out.ttl"))
    assert result.exit_code == 2
    assert "cannot use" in one_error_line(result)
    assert blocker.read_text(encoding="utf-8") == "not a folder"
