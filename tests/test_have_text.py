"""`--have-text`: skills recognised in free text lower the gap and are shown with the words
that matched; the matcher keeps its measured precision and recall on the hand-checked texts
of docs/examples/have-text; bad texts get one line and exit 2, a text naming no skill exit 1."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from evaluate_matcher import PUBLISHED, evaluate  # noqa: E402

CV = "docs/examples/have-text/cv-comptable-fr.txt"


def test_the_matcher_keeps_its_published_precision_and_recall_and_beats_the_naive_baseline():
    figures, naive, cases = evaluate()
    assert figures["precision"] >= PUBLISHED["precision"], (figures, cases)
    assert figures["recall"] >= PUBLISHED["recall"], (figures, cases)
    assert figures["precision"] > naive["precision"] and figures["recall"] > naive["recall"], (figures, naive)


def _last_gap(runner, cli, *extra):
    result = runner.invoke(cli, ["path", "comptable", "data analyst", "-k", "1", "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["paths"][0]["steps"][-1]["skill_gap"], result.stderr


def test_a_cv_lowers_the_gap_and_says_which_words_matched(runner, cli):
    without, _ = _last_gap(runner, cli)
    with_cv, said = _last_gap(runner, cli, "--have-text", CV)
    assert with_cv < without, (with_cv, without)
    assert "« SQL » -> SQL" in said and "« statistiques » -> statistics" in said, said


def test_not_drops_a_recognised_skill(runner, cli):
    _, said = _last_gap(runner, cli, "--have-text", CV, "--not", "SQL")
    assert "« SQL »" not in said and "« statistiques »" in said, said
    result = runner.invoke(cli, ["path", "comptable", "data analyst", "--have-text", CV, "--not", "Java"])
    assert result.exit_code == 2 and "--not Java" in result.output, result.output


def test_text_from_stdin(runner, cli):
    result = runner.invoke(cli, ["next", "data analyst", "-n", "1", "--have-text", "-"], input="SQL et Python\n")
    assert result.exit_code == 0 and "« Python » -> Python (computer programming)" in result.stderr, result.output


@pytest.mark.parametrize(("content", "says"), [
    (b"", "empty"),
    (b"   \n\t", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
    ("café".encode("latin-1"), "not UTF-8"),
    (b"a" * 1_000_001, "larger than 1 MB"),
])
def test_bad_texts_get_one_line_and_exit_2(runner, cli, tmp_path, content, says):
    path = tmp_path / "cv.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["path", "comptable", "data analyst", "--have-text", str(path)])
    assert result.exit_code == 2 and says in result.output, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_a_text_naming_no_skill_says_so_and_exits_1(runner, cli, tmp_path):
    path = tmp_path / "hobbies.txt"
    path.write_text("I like cooking and gardening.", encoding="utf-8")
    result = runner.invoke(cli, ["path", "comptable", "data analyst", "--have-text", str(path)])
    assert result.exit_code == 1 and "nothing recognised" in result.output, result.output


def test_match_ranks_the_roles_a_job_ad_is_closest_to_with_their_gap(runner, cli):
    ad = "docs/examples/have-text/ad-data-analyst-en.txt"
    result = runner.invoke(cli, ["match", ad, "--format", "json", "-n", "40"])
    assert result.exit_code == 0, result.output
    roles = json.loads(result.stdout)["roles"]
    gaps = [r["gap"] for r in roles]
    assert gaps == sorted(gaps) and all(abs(r["covers"] - (1 - r["gap"])) < 1e-9 for r in roles)
    assert "https://w3id.org/datacareers/role/data-analyst" in {r["id"] for r in roles[:3]}, roles[:3]
    assert "« SQL » -> SQL" in result.stderr
    dropped = runner.invoke(cli, ["match", ad, "--format", "json", "-n", "40", "--not", "SQL"])
    by_id = {r["id"]: r for r in json.loads(dropped.stdout)["roles"]}
    analyst = next(r for r in roles if r["id"].endswith("/data-analyst"))
    assert by_id[analyst["id"]]["gap"] >= analyst["gap"]
    text = runner.invoke(cli, ["match", ad, "-n", "3", "--lang", "fr"]).stdout
    assert text.startswith("Les métiers curés") and "à apprendre" in text, text


def test_match_says_when_nothing_is_recognised(runner, cli, tmp_path):
    path = tmp_path / "hobbies.txt"
    path.write_text("I like cooking and gardening.", encoding="utf-8")
    result = runner.invoke(cli, ["match", str(path)])
    assert result.exit_code == 1 and "nothing recognised" in result.output, result.output
