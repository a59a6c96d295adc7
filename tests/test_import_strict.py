"""A damaged, cut or odd release is refused with one line naming the file and line, and
never replaces a good import (each damaged file under tests/data/bad/ is a fixture file
cut from the real releases, then damaged the way the review found)."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode

from datacareers.cli import main
from datacareers.importers import bls, esco, onet, rome, rome_profile
from datacareers.importers.common import ROME_ROLE
from datacareers.store import persist

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"
RELEASES = {"esco": DATA / "esco" / "v1.1.1", "rome": DATA / "rome" / "v460",
            "onet": DATA / "onet"}


def run(*args):
    return CliRunner().invoke(main, list(args))


def damaged(tmp_path: Path, kind: str, case: str) -> Path:
    """A copy of the good fixture release of *kind* with the files of bad/*case* put in
    place of the files of the same name."""
    release = tmp_path / RELEASES[kind].name
    shutil.copytree(RELEASES[kind], release)
    for bad in (BAD / case).iterdir():
        (target,) = release.rglob(bad.name)
        shutil.copyfile(bad, target)
    return release


def store_state() -> tuple:
    """What a user would see: the import records and every quad of the store."""
    store = persist.open_persistent()
    quads = set(store) if store is not None else set()
    return persist.imported_sources(), quads


def assert_refused(result, *patterns: str) -> None:
    assert result.exit_code == 2, result.output
    *_, error = result.stderr.splitlines()  # after "Importing ... into <...>", if any
    assert error.startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for pattern in patterns:
        assert re.search(pattern, error), result.stderr


# ----------------------------------------------------------------- 1. no silent loss


@pytest.mark.parametrize(
    ("kind", "case", "message"),
    [
        ("rome", "rome_mobilite_cut",
         r"unix_rubrique_mobilite_v460_utf8\.csv: line 5: .*unexpected end of data"),
        ("rome", "rome_appellation_open_quote",
         r"unix_referentiel_appellation_v460_utf8\.csv: line 3: .*',' expected after '\"'"),
        ("rome", "rome_fiches_header_only",
         r"unix_referentiel_code_rome_v460_utf8\.csv: no record after the header"),
        ("rome", "rome_fiches_header_twice",
         r"unix_referentiel_code_rome_v460_utf8\.csv: line 4: the header row again"),
        ("onet", "onet_technology_cut",
         r"Technology Skills\.txt: line 7: the header has 6 fields, this record 3"),
        ("onet", "onet_related_cut_in_last_field",
         r"Related Occupations\.txt: line 19: the file ends in the middle of a line"),
    ],
)
def test_a_damaged_release_never_replaces_a_good_import(tmp_path, kind, case, message):
    good = run("import", kind, str(RELEASES[kind]), "-q", "--partial")
    assert good.exit_code == 0, good.output
    before = store_state()
    result = run("import", kind, str(damaged(tmp_path, kind, case)), "-q", "--partial")
    assert_refused(result, message)
    assert store_state() == before


def test_the_header_twice_makes_no_role_named_after_a_column(tmp_path):
    release = damaged(tmp_path, "rome", "rome_fiches_header_twice")
    assert_refused(run("import", "rome", str(release), "-q", "--partial"))
    store = persist.open_persistent()
    assert store is None or not any(
        store.quads_for_pattern(NamedNode(ROME_ROLE["code_rome"]), None, None))


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("rome", r"unix_referentiel_code_rome_v460_utf8\.csv: only 5 records where a full "
                 r"release has at least 150: .*--partial"),
        ("esco", r"occupations_en\.csv: only 4 records where a full release has at least 300"),
        ("onet", r"Occupation Data\.txt: only 6 records where a full release has at least 100"),
    ],
)
def test_a_release_far_smaller_than_a_full_one_needs_partial(kind, message):
    assert_refused(run("import", kind, str(RELEASES[kind]), "-q"), message)
    assert not persist.store_dir().exists()


def test_floors_are_a_tenth_of_the_real_releases_or_less():
    """The floors must let every real release in: at most a tenth of v460 / v1.1.1 / 29.0."""
    real = {
        rome: {"fiches": 1584, "appellations": 13120, "mobilite": 14912, "competences": 18317,
               "savoirs": 15354, "liens": 118923, "coherence": 104219, "secteurs": 35,
               "arborescence": 3303, "texte": 11980, "contextes": 179},
        esco: {"occupations": 3007, "skills": 13896, "relations": 123855, "isco": 619,
               "broader": 3617, "occupations_fr": 3007, "skills_fr": 13485, "isco_fr": 619,
               "skill_broader": 20656, "skill_groups": 640, "collection_digital": 1201, "collection_transversal": 96,
               "collection_language": 346, "collection_research": 40, "collection_green": 570,
               "collection_digComp": 26},
        onet: {"occupations": 1016, "related": 18460, "changers": 7221, "technology": 32470,
               "job_zones": 923, "education": 36209, "categories": 41, "tasks": 18796, "titles": 55120},
    }
    real[bls] = {"oews": 831, "ep": 832}  # detailed occupations of OEWS May 2024, line items of EP 2024-34
    for module, counts in real.items():
        floors = {**module.FLOORS, **(rome_profile.FLOORS if module is rome else {})}
        assert set(floors) == set(counts)
        for key, floor in floors.items():
            assert 1 < floor <= counts[key] / 10, (module.__name__, key)


def test_an_empty_path_is_not_the_current_folder(monkeypatch):
    monkeypatch.chdir(RELEASES["rome"])  # a release right here must not be picked up
    assert_refused(run("import", "rome", "", "-q", "--partial"), r"no folder given")
    assert not persist.store_dir().exists()


def test_a_reimport_that_shrinks_the_graph_is_refused_without_force(tmp_path):
    assert run("import", "rome", str(RELEASES["rome"]), "-q", "--partial").exit_code == 0
    before = store_state()
    release = tmp_path / "v460"
    shutil.copytree(RELEASES["rome"], release)
    fiches = release / "unix_referentiel_code_rome_v460_utf8.csv"
    fiches.write_text("\n".join(fiches.read_text(encoding="utf-8").split("\n")[:3]) + "\n",
                      encoding="utf-8")  # a valid file, with 2 of its 5 fiches
    result = run("import", "rome", str(release), "-q", "--partial")
    old = before[0][rome.source_info("v460").graph]["triples"]
    assert_refused(result, rf"where the current one has {old:,}", r"--force")
    assert store_state() == before
    forced = run("import", "rome", str(release), "-q", "--partial", "--force")
    assert forced.exit_code == 0, forced.output
    assert f"was {old:,}" in forced.stdout


# ----------------------------------------------------------------- 2. no tracebacks


@pytest.mark.parametrize(
    ("kind", "case", "message"),
    [
        ("esco", "esco_uri_with_space",
         r"occupations_en\.csv: line 10: conceptUri: '.*-0075 4a2e.*' is not an ESCO URI"),
        ("esco", "esco_uri_bad_escape",
         r"occupations_en\.csv: line 10: conceptUri: '.*%zz.*' is not a valid IRI"),
        ("rome", "rome_code_with_space",
         r"unix_rubrique_mobilite_v460_utf8\.csv: line 5: code_rome_cible: 'M14 23' is not a "
         r"ROME code"),
        ("rome", "rome_code_with_angle",
         r"unix_referentiel_code_rome_v460_utf8\.csv: line 5: code_rome: 'M14<19' is not"),
        ("rome", "rome_rank_superscript",
         r"unix_rubrique_mobilite_v460_utf8\.csv: line 5: numero_ordre: '²' is not a whole "
         r"number"),
        ("onet", "onet_index_superscript",
         r"Related Occupations\.txt: line 18: Index: '1²' is not a whole number"),
    ],
)
def test_a_bad_value_is_one_line_naming_file_and_line(tmp_path, kind, case, message):
    assert_refused(run("import", kind, str(damaged(tmp_path, kind, case)), "-q", "--partial"),
                   message)
    assert not persist.store_dir().exists()


@pytest.mark.parametrize("kind", ["esco", "rome", "onet"])
@pytest.mark.parametrize("version", ["a b", "<x>", "1.0/.."])
def test_an_unsafe_version_is_refused(kind, version):
    result = run("import", kind, str(RELEASES[kind]), "-q", "--partial", "--version", version)
    assert_refused(result, r"--version .*: use 1 to 40 letters, digits")
    assert not persist.store_dir().exists()


def test_real_release_files_end_with_a_line_break():
    """The cut-file check relies on this: every fixture (cut from the real files) ends
    with a line break, like the real releases."""
    for path in DATA.glob("[!b]*/**/*"):
        if path.is_file() and path.suffix in {".csv", ".txt", ".tsv"}:
            assert path.read_bytes().endswith(b"\n"), path
