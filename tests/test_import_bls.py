"""BLS importer: workbooks cut from OEWS May 2024 and Employment Projections 2024-34
(tests/data/bls, written by tests/data/cut_profiles.py from the release's own rows)."""

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pyoxigraph import Literal, NamedNode, Store

from datacareers.constants import CAREER, EDUCATION, OUTLOOK, PREFIXES, SALARY
from datacareers.errors import ImportFormatError
from datacareers.importers import bls
from datacareers.importers.common import SOC_OCCUPATION
from datacareers.progress import no_progress

ROOT = Path(__file__).parent / "data" / "bls"
SCHEMA = PREFIXES["schema"]
PERCENTILES = {"A_PCT10": "percentile10", "A_PCT25": "percentile25", "A_MEDIAN": "median",
               "A_PCT75": "percentile75", "A_PCT90": "percentile90"}


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    for plan in bls.plans(ROOT, partial=True):
        store.bulk_extend(plan.quads(no_progress))
    return store


def values(store, s, p) -> set:
    return {q.object.value for q in store.quads_for_pattern(NamedNode(s), NamedNode(p), None, None)}


def rows(name: str, sheet: str, key: str) -> dict[str, dict]:
    """The fixture's rows by code, read with openpyxl directly (not through the importer)."""
    book = load_workbook(ROOT / name, read_only=True)
    found, header = {}, None
    for row in book[sheet].iter_rows(values_only=True):
        if header is None:
            header = list(row) if key in row else None
            continue
        if row[header.index(key)]:
            found[row[header.index(key)]] = dict(zip(header, row, strict=False))
    return found


def test_each_release_its_own_graph():
    assert [p.graph.rsplit("/", 1)[1] for p in bls.plans(ROOT, partial=True)] == [
        "import-bls-oews-2024", "import-bls-ep-2024-34"]
    assert [p.graph.rsplit("/", 1)[1] for p in bls.plans(ROOT / "occupation.xlsx", partial=True)] == [
        "import-bls-ep-2024-34"]


def test_wage_percentiles_are_the_rows_figures(store):
    oews = rows("national_M2024_dl.xlsx", "national_M2024_dl", "OCC_CODE")
    row = oews["15-2051"]
    node = SALARY["bls-oews-2024-15-2051"]
    assert values(store, SOC_OCCUPATION["15-2051"], CAREER["salary"]) == {node}
    for column, prop in PERCENTILES.items():
        assert values(store, node, SCHEMA + prop) == {str(row[column])}
    assert values(store, node, CAREER["employment"]) == {str(row["TOT_EMP"])}
    assert values(store, node, SCHEMA + "currency") == {"USD"}
    assert values(store, node, SCHEMA + "duration") == {"P1Y"}
    assert values(store, node, CAREER["year"]) == {"2024"}


def test_a_hash_is_at_or_above_the_ceiling_the_release_states(store):
    row = rows("national_M2024_dl.xlsx", "national_M2024_dl", "OCC_CODE")["11-3021"]
    assert row["A_PCT90"] == "#"
    node = SALARY["bls-oews-2024-11-3021"]
    assert values(store, node, SCHEMA + "percentile90") == set()  # never a number
    assert values(store, node, CAREER["topCoded"]) == {SCHEMA + "percentile90"}
    assert values(store, node, CAREER["atOrAbove"]) == {"239200"}  # "#  = ... $239,200 per year"
    assert values(store, node, SCHEMA + "median") == {str(row["A_MEDIAN"])}


def test_a_star_gives_no_figure_and_no_distribution(store):
    row = rows("national_M2024_dl.xlsx", "national_M2024_dl", "OCC_CODE")["27-2011"]
    assert {row[c] for c in PERCENTILES} == {"*"}
    assert values(store, SOC_OCCUPATION["27-2011"], CAREER["salary"]) == set()
    assert not any(store.quads_for_pattern(NamedNode(SALARY["bls-oews-2024-27-2011"]), None, None, None))


def test_only_detailed_occupations(store):
    assert values(store, SOC_OCCUPATION["15-0000"], CAREER["salary"]) == set()


def test_outlook_in_persons_exactly(store):
    row = rows("occupation.xlsx", "Table 1.2", "2024 National Employment Matrix code")["15-2051"]
    node = OUTLOOK["bls-ep-2024-34-15-2051"]
    thousand = Decimal(1000)
    assert values(store, node, CAREER["baseEmployment"]) == {
        str(int(Decimal(repr(row["Employment, 2024"])) * thousand))}
    assert values(store, node, CAREER["projectedEmployment"]) == {
        str(int(Decimal(repr(row["Employment, 2034"])) * thousand))}
    assert values(store, node, CAREER["annualOpenings"]) == {
        str(int(Decimal(repr(row["Occupational openings, 2024–34 annual average"])) * thousand))}
    assert values(store, node, CAREER["employmentChangePercent"]) == {
        str(row["Employment change, percent, 2024–34"])}
    assert values(store, node, CAREER["baseYear"]) == {"2024"}
    assert values(store, node, CAREER["projectedYear"]) == {"2034"}


def test_entry_education_with_its_eqf_level(store):
    row = rows("occupation.xlsx", "Table 1.2", "2024 National Employment Matrix code")["11-3021"]
    node = EDUCATION["bls-ep-2024-34-11-3021"]
    assert {q.object for q in store.quads_for_pattern(NamedNode(node), NamedNode(CAREER["levelText"]), None)} == {
        Literal(row["Typical education needed for entry"], language="en")}
    assert values(store, node, CAREER["entryLevel"]) == {"true"}
    assert values(store, node, CAREER["eqfLevel"]) == {"6"}  # Bachelor's: QF-EHEA first cycle
    assert values(store, node, CAREER["workExperience"]) == {row["Work experience in a related occupation"]}


def _damaged(tmp_path, change) -> Path:
    book = load_workbook(ROOT / "national_M2024_dl.xlsx")
    change(book)
    path = tmp_path / "national_M2024_dl.xlsx"
    book.save(path)
    return path


def _consume(path):
    for plan in bls.plans(path, partial=True):
        list(plan.quads(no_progress))


def _row(book, code: str) -> int:
    sheet = book["national_M2024_dl"]
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 9).value == code)


@pytest.mark.parametrize("change, message", [
    (lambda b: b["national_M2024_dl"].cell(1, 26, "A_PCT_10"), "missing column 'A_PCT10'"),
    (lambda b: setattr(b["national_M2024_dl"], "title", "Sheet1"), "no sheet 'national_M2024_dl'"),
    (lambda b: b["national_M2024_dl"].cell(_row(b, "15-2051"), 28, "12a"), "A_MEDIAN: '12a' is not a number"),
    (lambda b: b["national_M2024_dl"].cell(_row(b, "15-2051"), 9, "15-20X1"), "is not a 6-digit SOC code"),
    (lambda b: setattr(b["national_M2024_dl"].cell(2, 9), "value", None), "a record after the end of the table"),
])
def test_damaged_workbooks_are_refused(tmp_path, change, message):
    with pytest.raises(ImportFormatError, match=message):
        _consume(_damaged(tmp_path, change))


def test_a_cut_sheet_is_refused_unless_partial():
    with pytest.raises(ImportFormatError, match="only .* records where a full release has at least"):
        for plan in bls.plans(ROOT):
            list(plan.quads(no_progress))


def test_not_a_workbook(tmp_path):
    path = tmp_path / "national_M2024_dl.xlsx"
    path.write_text("AREA,OCC_CODE\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not an Excel .xlsx workbook"):
        bls.plans(path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportFormatError, match="no national_M<year>_dl.xlsx or occupation.xlsx"):
        bls.plans(tmp_path / "empty")


def test_empty_workbook_sheet(tmp_path):
    book = Workbook()
    book.active.title = "national_M2024_dl"
    book.save(tmp_path / "national_M2024_dl.xlsx")
    with pytest.raises(ImportFormatError, match="no header row with 'OCC_CODE'"):
        bls.plans(tmp_path)


def test_import_bls_command_lands_each_release_in_its_graph():
    import json

    from click.testing import CliRunner

    from datacareers.cli import main

    result = CliRunner().invoke(main, ["import", "bls", str(ROOT), "--quiet", "--partial"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(CliRunner().invoke(main, ["sources", "--format", "json"]).stdout)}
    assert rows["import-bls-oews-2024"]["kind"] == rows["import-bls-ep-2024-34"]["kind"] == "imported"
    assert rows["import-bls-oews-2024"]["license"] == bls.LICENSE
    refused = CliRunner().invoke(main, ["import", "bls", str(ROOT), "--quiet"])  # a sample without --partial
    assert refused.exit_code == 2 and "--partial" in refused.output
