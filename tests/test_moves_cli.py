"""`path` and `next` on the command line: JSON fields and types, French output, --have, errors."""

import json

import pytest

from datacareers.constants import ROLE


def run(runner, cli, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_path_json_has_typed_evidence_fields(runner, cli):
    result = run(runner, cli, "path", "data analyst", "data scientist", "-k", "3", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["to"]["id"] == ROLE["data-scientist"]
    kinds = set()
    for path in data["paths"]:
        for step in path["steps"]:
            kinds.add(step["evidence"])
            assert step["evidence"] in ("stated", "related", "inferred")
            assert isinstance(step["cost"], float) and isinstance(step["salary_change"], list)
            assert step["similarity"] is None  # the shipped inferred moves are the model's
            assert step["probability"] is None or 0 < step["probability"] <= 1
            assert (step["probability"] is not None) == any(w["evidence"] == "inferred" for w in step["why"])
            assert all(isinstance(s["essential"], bool) for s in step["new_skills"])
            essential = [s["essential"] for s in step["new_skills"]]
            assert essential == sorted(essential, reverse=True), "essential skills first"
            assert all(w["text"] for w in step["why"])
    assert kinds


def test_french_output_reads_as_french(runner, cli):
    result = run(runner, cli, "path", "analyste de données", "ingénieur ML", "--lang", "fr")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("De data analyst à ingénieur machine learning : ")
    for french in ("étape 1 :", "pourquoi :", "coût", "compétences essentielles à acquérir"):
        assert french in out
    for english in ("step 1:", "why:", "skills to add", "cost "):
        assert english not in out


def test_french_rank_in_words(runner, cli):
    result = run(runner, cli, "path", "analyste de données", "CDO", "--lang", "fr", "--evidence", "stated")
    expected = "ROME 4.0 cite cette évolution en 4e position sur les 9 qu'il donne pour le métier data analyst"
    assert expected in result.stdout


def test_no_path_message_is_in_french(runner, cli):
    result = run(runner, cli, "path", "DSI", "analyste de données", "--evidence", "stated", "--lang", "fr")
    assert result.exit_code == 1
    assert "avec les seules évolutions citées" in result.stderr and "--evidence" in result.stderr


def test_have_lowers_the_cost(runner, cli, tmp_path):
    def cost(*extra):
        result = run(runner, cli, "path", "data analyst", "statistician", "-k", "1", "--format", "json",
                     "--evidence", "stated", *extra)
        assert result.exit_code == 0, result.output
        step = json.loads(result.stdout)["paths"][0]["steps"][0]
        return step["cost"], [s["label"] for s in step["new_skills"] if s["essential"]]

    before, skills = cost()
    learnt = skills[0]
    listed = tmp_path / "skills.txt"
    listed.write_text(f"# what I know\n{learnt}\n", encoding="utf-8")
    after, left = cost("--have-file", str(listed))
    assert after < before and learnt not in left
    assert cost("--have", learnt.upper())[0] == after


def test_unknown_skill_is_one_error_line_exit_2(runner, cli):
    result = run(runner, cli, "path", "data analyst", "CDO", "--have", "statisticz")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no skill named 'statisticz'" in lines[0] and "did you mean" in lines[0]


def test_next_ranks_moves_and_names_leverage(runner, cli):
    result = run(runner, cli, "next", "data analyst", "--format", "json", "-n", "20")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    costs = [m["cost"] for m in data["moves"]]
    assert costs and costs == sorted(costs)
    assert {m["evidence"] for m in data["moves"]} >= {"stated", "inferred"}
    for lever in data["skill_leverage"]:
        assert lever["opens"] == len(lever["moves"]) >= 1
        needing = [m for m in data["moves"] if any(s["id"] == lever["id"] and s["essential"] for s in m["new_skills"])]
        assert len(needing) == lever["opens"]


def test_next_text_in_french(runner, cli):
    result = run(runner, cli, "next", "analyste de données", "--lang", "fr", "-n", "3")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Depuis data analyst : 3 évolutions")
    assert "Compétences qui réduiraient l'écart" in result.stdout


@pytest.mark.parametrize("command", ["path", "next"])
def test_help_documents_the_cost(runner, cli, command):
    result = run(runner, cli, command, "--help")
    assert "stated 1, related 1.5, inferred 2" in " ".join(result.stdout.split())
