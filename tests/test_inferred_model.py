"""`import inferred --method model`: the transition model fitted and applied to a ROME 4.0
export (real rows of 55 fiches, tests/data/rome-model), its moves described, probable,
never a stated pair, bounded per fiche, used by `next`; bad folders and files get one line."""

import shutil

import pytest
from pyoxigraph import NamedNode

from datacareers.constants import CAREER, PREFIXES, SOURCE

pytest.importorskip("sklearn", reason="the model extra (scikit-learn) fits the transition model")

ROME = "tests/data/rome-model/v460"
GRAPH = NamedNode(SOURCE["import-inferred-move-model-rome-4.0-v460"])
FICHE = "https://w3id.org/datacareers/rome/"


def _value(store, subject, name):
    found = [q.object.value for q in store.quads_for_pattern(subject, NamedNode(CAREER[name]), None, GRAPH)]
    return found[0] if found else None


@pytest.fixture
def imported(runner, cli):
    for command in (["import", "rome", "-q", "--partial", ROME],
                    ["import", "inferred", "--method", "model", "--partial", "-q", ROME]):
        result = runner.invoke(cli, command, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    from datacareers.store.dataset import open_dataset

    return open_dataset()


def test_model_moves_carry_a_probability_from_the_threshold_and_skip_stated_pairs(imported):
    store = imported
    threshold = float(_value(store, GRAPH, "threshold"))
    top = int(_value(store, GRAPH, "maxMoves"))
    moves = [(q.subject.value, q.object.value) for q in
             store.quads_for_pattern(None, NamedNode(CAREER["inferredMove"]), None, GRAPH)]
    assert len(moves) > 50
    assert all(a.startswith(FICHE) and b.startswith(FICHE) and a != b for a, b in moves)
    stated = {(q.subject.value, q.object.value) for q in
              store.quads_for_pattern(None, NamedNode(CAREER["canBecome"]), None, None)}
    assert stated and not (set(moves) & stated), sorted(set(moves) & stated)[:5]
    per_source: dict[str, int] = {}
    for a, _ in moves:
        per_source[a] = per_source.get(a, 0) + 1
    assert max(per_source.values()) <= top
    transitions = [q.subject for q in store.quads_for_pattern(None, NamedNode(CAREER["fromRole"]), None, GRAPH)]
    assert len(transitions) == len(moves)
    for t in transitions:
        p = float(_value(store, t, "probability"))
        assert threshold <= p <= 1, (t.value, p)
        assert _value(store, t, "evidence") == CAREER["inferred"]
    assert not any(store.quads_for_pattern(None, NamedNode(CAREER["canBecome"]), None, GRAPH))


def test_the_source_says_its_method_figures_and_origin_in_both_languages(imported):
    store = imported
    dcterms = PREFIXES["dcterms"]
    descriptions = {q.object.language: q.object.value for q in
                    store.quads_for_pattern(GRAPH, NamedNode(dcterms + "description"), None, GRAPH)}
    assert set(descriptions) == {"en", "fr"}
    assert "ROC AUC 0." in descriptions["en"] and "ROC AUC 0," in descriptions["fr"]
    assert "55 fiches" in descriptions["en"]
    derived = [q.object.value for q in store.quads_for_pattern(GRAPH, NamedNode(PREFIXES["prov"] + "wasDerivedFrom"),
                                                                None, GRAPH)]
    assert derived == [SOURCE["import-rome-4.0-v460"]]


def test_next_from_a_fiche_explains_the_models_moves_in_words(imported, runner, cli):
    result = runner.invoke(cli, ["next", "M1203", "-n", "40"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "[inferred]" in result.output
    assert "ROME states a move between occupations this close in" in result.output


def test_a_folder_that_is_not_a_rome_export_gets_one_line(runner, cli, tmp_path):
    for path in (str(tmp_path / "missing"), "tests/data/esco/v1.1.1"):
        result = runner.invoke(cli, ["import", "inferred", "--method", "model", path])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_a_missing_or_damaged_file_is_named_and_nothing_is_stored(runner, cli, tmp_path):
    missing = tmp_path / "missing" / "v460"
    shutil.copytree(ROME, missing)
    (missing / "unix_texte_v460_utf8.csv").unlink()
    result = runner.invoke(cli, ["import", "inferred", "--method", "model", "--partial", str(missing)])
    assert result.exit_code == 2 and "unix_texte" in result.output, result.output

    damaged = tmp_path / "damaged" / "v460"
    shutil.copytree(ROME, damaged)
    fiches = damaged / "unix_cr_gd_dp_v460_utf8.csv"
    lines = fiches.read_text(encoding="utf-8").splitlines()
    fiches.write_text("\n".join([lines[0].replace("code_grand_domaine", "grand"), *lines[1:]]), encoding="utf-8")
    result = runner.invoke(cli, ["import", "inferred", "--method", "model", "--partial", str(damaged)])
    assert result.exit_code == 2 and "code_grand_domaine" in result.output, result.output
    assert "Traceback" not in result.output
    from datacareers.store import persist

    assert GRAPH.value not in persist.imported_sources()


def test_a_full_release_is_required_unless_partial(runner, cli):
    result = runner.invoke(cli, ["import", "inferred", "--method", "model", ROME])
    assert result.exit_code == 2 and "--partial" in result.output, result.output
