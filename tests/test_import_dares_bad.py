"""A damaged Dares folder is refused in one line on stderr, exit 2, and nothing is imported:
a file cut short, a file re-encoded on the way (its accents lost), a FAP code of the wrong
shape, a period that is not a period. Each case damages a copy of the fixture cut from the
release (tests/data/dares) the way it happens to a real download."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from datacareers.cli import main
from datacareers.store import persist

GOOD = Path(__file__).parent / "data" / "dares"


def run(*args):
    return CliRunner().invoke(main, list(args))


def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "dares"
    shutil.copytree(GOOD, folder)
    return folder


def cut_mid_line(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"\n", 0, len(data) - 1) + 25])


def cut_inside_a_family(path: Path) -> None:
    """Keep the header and the first 8 records: one family's 5 bands, then 3 of the next's."""
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join(lines[:9]) + b"\n")


def utf8_saved_as_windows_1252(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))


def windows_1252_opened_as_latin1(path: Path) -> None:
    """A spreadsheet opens the Windows-1252 file as ISO-8859-1 and saves it as UTF-8:
    € (0x80) and œ (0x9C) become control characters."""
    path.write_bytes(path.read_bytes().decode("latin-1").encode("utf-8"))


def converted_twice(path: Path) -> None:
    """A UTF-8 file read as Windows-1252 and saved as UTF-8 again: é becomes Ã©."""
    path.write_bytes(path.read_bytes().decode("cp1252", errors="replace").encode("utf-8"))


def replace(old: bytes, new: bytes):
    def damage(path: Path) -> None:
        data = path.read_bytes()
        assert old in data
        path.write_bytes(data.replace(old, new, 1))
    return damage


CASES = [
    ("tensions/tensions.csv", cut_mid_line, r"tensions\.csv: line \d+: "),
    ("salaires_3niv.csv", cut_inside_a_family, r"salaires_3niv\.csv: \w+ has 3 pay bands where the other families "
                                               r"have 5: the file looks cut short"),
    ("tensions/tensions.csv", utf8_saved_as_windows_1252, r"tensions\.csv: not UTF-8 text \(byte 0xe9"),
    ("salaires_3niv.csv", windows_1252_opened_as_latin1, r"salaires_3niv\.csv: line 2: the control character U\+0080"),
    ("salaire_median_3niv.csv", converted_twice, None),  # pure ASCII: converting it twice changes nothing
    ("tensions/evol_tensions.csv", converted_twice, r"evol_tensions\.csv: line 1: 'Ã©' where an accented letter"),
    ("salaire_median_3niv.csv", replace(b'"M2Z90","2017-2019"', b'"M2Z9","2017-2019"'),
     r"salaire_median_3niv\.csv: line \d+: Fap3: 'M2Z9' is not a FAP 2009 code"),
    ("tensions/tensions.csv", replace(b"\nM2Z90,", b"\nm2z90,"), r"tensions\.csv: line \d+: fap: 'm2z90' is not a FAP"),
    ("salaire_median_3niv.csv", replace(b'"M2Z90","2017-2019"', b'"M2Z90","2019-2017"'),
     r"salaire_median_3niv\.csv: line \d+: '2019-2017' is not a period \(its first year, 2019, is after its last"),
    ("dipl_restructure_3niv.csv", replace(b'"2017-2019"', b'"2017/2019"'),
     r"dipl_restructure_3niv\.csv: line \d+: Annee: '2017/2019' is not a period"),
    ("part_femmes_3niv.csv", replace(b'"2017-2019"', b'"2017-2017"'),
     r"part_femmes_3niv\.csv: line \d+: '2017-2017' is not a period \(it is one year\)"),
    ("tensions/evol_tensions.csv", replace(b",2019\n", b",19\n"),
     r"evol_tensions\.csv: line \d+: Année: '19' is not a year"),
]


def state() -> tuple:
    store = persist.open_persistent()
    return persist.imported_sources(), (set(store) if store is not None else set())


@pytest.mark.parametrize(("name", "damage", "message"), CASES, ids=lambda x: getattr(x, "__name__", str(x))[:40])
def test_a_damaged_file_is_refused_and_nothing_is_imported(tmp_path, name, damage, message):
    folder = copy(tmp_path)
    damage(folder / name)
    before = state()
    result = run("import", "dares", str(folder), "-q", "--partial")
    if message is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    *_, error = result.stderr.splitlines()
    assert error.startswith("Error: ") and "Traceback" not in result.stderr, result.stderr
    assert re.search(message, error), error
    assert state() == before


def test_a_damaged_release_never_replaces_a_good_import(tmp_path):
    assert run("import", "dares", str(GOOD), "-q", "--partial").exit_code == 0
    good = state()
    assert any(r["name"] == "import-dares-psm-2022" for r in good[0].values())
    folder = copy(tmp_path)
    windows_1252_opened_as_latin1(folder / "salaires_3niv.csv")  # its euro signs become U+0080
    result = run("import", "dares", str(folder), "-q", "--partial")
    assert result.exit_code == 2 and "salaires_3niv.csv: line 2" in result.stderr
    assert state() == good


def test_a_missing_file_is_refused_unless_partial(tmp_path):
    folder = copy(tmp_path)
    (folder / "salaires_3niv.csv").unlink()
    result = run("import", "dares", str(folder), "-q")
    assert result.exit_code == 2 and "no salaires_3niv.csv found" in result.stderr
    assert state()[0] == {}


def test_a_folder_with_no_dares_file_is_refused(tmp_path):
    result = run("import", "dares", str(tmp_path), "-q", "--partial")
    assert result.exit_code == 2 and "none of salaire_median_3niv.csv" in result.stderr
