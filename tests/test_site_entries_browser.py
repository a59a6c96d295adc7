"""The path finder from the job one has today, in a real headless Chromium, offline: the
"Votre métier actuel" search over the ROME titles, the paths it finds against the CLI's,
"Ce que je sais déjà faire" recognising the same skills as ``--have-text`` on the same texts,
the counsellor's French journey from "comptable" and a phone-width screen.

Skipped without Chromium or playwright, with the reason (tests/site_browser.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_browser import AXE_FILE_PATH, pytestmark, serious_violations  # noqa: F401 (pytestmark skips this module)

from datacareers.constants import BASE_IRI
from datacareers.labels import local_name
from datacareers.store.resolve import resolve_start
from datacareers.store.textskills import TextMatcher

ROME = BASE_IRI + "rome/"
TEXTS = Path(__file__).resolve().parent.parent / "docs" / "examples" / "have-text"
#: Texts that exercise the folding: case, accents (composed and not), plurals, heads, punctuation.
TRICKY = ["Python, PYTHON et python ; R, C et Go.", "ANALYSE DE DONNÉES et analyses de données",
          "Statistiques, statistique, STATISTIQUES.", "Je maîtrise l’exploration de données (data mining).",
          "gestion de projets / gestion de projet", "apprentissage automatique, machine learning, ML",
          "Bases de données relationnelles : SQL, MySQL, PostgreSQL", "", "   ", "données\u0301 e\u0301tudes",
          "Réseau neuronal artificiel, réseaux neuronaux artificiels ; Ajax Framework."]


def _count_to_learn(step_text: str) -> int:
    """The n of "Compétences à acquérir (n) :" in a step's text."""
    import re

    found = re.search(r"Compétences à acquérir \((\d+)\)", step_text)
    assert found, step_text
    return int(found.group(1))


def test_the_page_recognises_the_skills_the_cli_does_on_the_same_texts(open_page, shipped):
    matcher = TextMatcher(shipped)
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))] + TRICKY
    assert len(texts) > 12
    page = open_page("fr/path.html")
    found = page.js("(texts) => texts.map(t => window.datacareersPath.recognise(t).map(m => [m.id, m.words]))", texts)
    wrong = []
    for text, in_page in zip(texts, found, strict=True):
        in_cli = [[local_name(m.skill), m.words] for m in matcher.match(text)]
        if in_page != in_cli:
            wrong.append(f"{text[:40]!r}: page {in_page} != cli {in_cli}")
    assert not wrong, "\n".join(wrong)
    assert sum(len(f) for f in found) > 40  # the texts do name skills
    page.assert_clean()


@pytest.mark.parametrize(("typed", "first", "code"), [
    ("comptable", "Comptable", "M1203"),
    ("COMPTABLES", "Comptable", "M1203"),
    ("professeure de mathematiques", "Professeure de mathématiques", "K2107"),
    ("Professeur de mathématiques", "Professeur de mathématiques", "K2107"),
    ("technicienne de laboratoires d'analyses médicales", "Technicienne de laboratoires d'analyses médicales",
     "J1302"),
    ("analyste de données", "analyste de données", "data-analyst"),
    ("financial controller", "financial controller", "M1204"),  # ESCO's English name of a ROME fiche
])
def test_the_job_search_finds_a_title_in_either_gender_ignoring_accents_and_plurals(open_page, shipped, typed,
                                                                                      first, code):
    page = open_page("fr/path.html")
    page.page.fill("#job", typed)
    options = page.page.locator("#job-list li")
    assert options.count() >= 1, page.page.inner_text("#job-status")
    assert options.first.inner_text().splitlines()[0] == first
    assert page.page.get_attribute("#job", "aria-expanded") == "true"
    page.page.keyboard.press("Enter")
    assert page.page.input_value("#from") == code
    # the CLI starts from the same occupation
    assert [local_name(n) for n in resolve_start(shipped, typed).nodes] == [code]
    page.assert_clean()


def test_a_title_several_fiches_share_lists_them_and_nothing_is_said_clearly(open_page, shipped):
    page = open_page("fr/path.html")
    page.page.fill("#job", "technicien de laboratoire")
    shown = page.page.locator("#job-list li").all_inner_texts()
    assert len(shown) == 12 and any("J1302" in s for s in shown), shown
    assert "13 métiers correspondent" in page.page.inner_text("#job-status")
    page.page.fill("#job", "dompteur de licornes quantiques")
    assert page.page.locator("#job-list li").count() == 0
    assert page.page.inner_text("#job-status") == "Aucun métier ne porte un intitulé avec ces mots."
    assert page.page.get_attribute("#job", "aria-expanded") == "false"


def _cli_answer(runner, cli, *args) -> dict:
    result = runner.invoke(cli, ["path", *args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _same_as_cli(page_paths: list[dict], answer: dict) -> None:
    """The page's first path is the CLI's: its cost, and its roles unless two paths tie."""
    assert page_paths, "no path in the page"
    cli = answer["paths"]
    assert page_paths[0]["cost"] == pytest.approx(cli[0]["cost"], abs=1e-4)
    if not (len(cli) > 1 and cli[1]["cost"] == pytest.approx(cli[0]["cost"], abs=1e-9)):
        assert page_paths[0]["roles"] == [local_name(r["id"]) for r in cli[0]["roles"]]


@pytest.mark.parametrize(("start", "target", "slug"), [
    ("comptable", "data analyst", "data-analyst"), ("professeur de mathématiques", "data scientist", "data-scientist"),
    ("Technicienne de laboratoires d'analyses médicales", "bioinformaticien", "bioinformatician"),
    ("professeur de sciences économiques et sociales", "statisticien", "statistician"),
    ("financial controller", "data analyst", "data-analyst"),  # ESCO's name of ROME's contrôleur de gestion
])
def test_the_site_finds_the_clis_first_path_from_a_job_title(open_page, runner, cli, start, target, slug):
    answer = _cli_answer(runner, cli, start, target)
    page = open_page("fr/path.html")
    page.page.select_option("#to", slug)
    page.page.fill("#job", start)
    page.page.keyboard.press("Enter")
    page.page.wait_for_function("() => window.datacareersPath.last !== null")
    assert page.js("() => window.datacareersPath.last.from") == local_name(answer["from"]["id"])
    _same_as_cli(page.js("() => window.datacareersPath.last.paths"), answer)
    held = {s["id"] for t in answer["from"].get("through", []) for s in t["held"]}
    shown = page.page.inner_text("#results")
    assert "Étape 1 : " in shown and "(ROME " in shown and "Compétences à acquérir" in shown
    if held:  # the ESCO skills the CLI holds from this title are held in the page, and said
        assert len([c for c in page.page.locator("#chips li").all_inner_texts() if c.startswith("ESCO, ")]) == len(held)
        assert "est aussi une profession ESCO" in page.page.inner_text("#job-status")
    page.assert_clean()


def test_counsellors_journey_from_comptable_in_french(open_page, runner, cli):
    """"comptable" -> its paths into data analyst -> each step's evidence, sources and
    skills to learn; then the same from a pasted CV: fewer skills to learn, the words shown,
    the cost the CLI's with --have-text."""
    page = open_page("fr/path.html")
    page.page.select_option("#to", "data-analyst")
    page.page.type("#job", "comptable")
    page.page.keyboard.press("Enter")
    page.page.wait_for_function("() => window.datacareersPath.last && window.datacareersPath.last.from === 'M1203'")
    results = page.page.locator("#results")
    assert "De Comptable à data analyst" in results.inner_text()
    steps = results.locator("ol.steps > li")
    assert steps.count() >= 2
    for i in range(steps.count()):
        step = steps.nth(i)
        assert step.locator(".tag[class*=ev-]").count() == 1, step.inner_text()
        if step.locator(".ev-inferred").count():
            assert "%" in step.inner_text()  # an inferred step says the model's probability
        else:
            assert step.locator("a.src").count() >= 1  # a stated or related step names its source
    first_path = results.locator("section.result").first
    assert "Comptable (ROME M1203)" in first_path.inner_text()
    assert "citée 1re sur " in first_path.inner_text()  # ROME lists analyste financier -> data analyst first
    assert "Compétences à acquérir" in first_path.inner_text()
    before = page.js("() => window.datacareersPath.last.paths[0].cost")
    to_learn = first_path.locator("ol.steps > li").last.inner_text()

    cv = (TEXTS / "cv-comptable-fr.txt").read_text(encoding="utf-8")
    page.page.fill("#have-text", cv)
    page.page.click("#read-text")
    page.page.wait_for_function(f"() => window.datacareersPath.last.paths[0].cost < {before}")
    chips = page.page.locator("#chips li").all_inner_texts()
    assert any(c.startswith("« SQL » → SQL") for c in chips), chips
    assert page.page.inner_text("#have-text-status").startswith("Compétences reconnues")
    answer = _cli_answer(runner, cli, "comptable", "data analyst", "--have-text", str(TEXTS / "cv-comptable-fr.txt"))
    _same_as_cli(page.js("() => window.datacareersPath.last.paths"), answer)
    after = results.locator("section.result").first.locator("ol.steps > li").last.inner_text()
    assert _count_to_learn(after) < _count_to_learn(to_learn), (to_learn, after)
    page.assert_clean()


def test_a_phone_uses_the_path_finder_from_a_job_title_without_sideways_scrolling(browser, site):
    page = browser.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    try:
        page.goto((site / "fr" / "path.html").resolve().as_uri() + "?from=M1203&to=data-analyst")
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
        page.fill("#job", "technicien de laboratoire")
        assert page.locator("#job-list li").count() > 1
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{wide} px of sideways scrolling"
        assert "De Comptable à data analyst" in page.inner_text("#results")
    finally:
        page.close()


@pytest.mark.skipif(AXE_FILE_PATH is None, reason="axe-playwright-python (which ships axe-core) is not installed")
def test_the_job_search_and_the_text_box_are_accessible(open_page):
    page = open_page("fr/path.html?to=data-analyst")
    page.page.fill("#job", "comptable")
    page.page.keyboard.press("ArrowDown")
    assert page.page.get_attribute("#job", "aria-activedescendant") == "job-opt-0"
    assert page.page.get_attribute("#job-opt-0", "aria-selected") == "true"
    assert serious_violations(page) == []
    page.page.keyboard.press("Enter")
    page.page.fill("#have-text", "SQL, Python, statistiques")
    page.page.click("#read-text")
    assert serious_violations(page) == []



def test_the_index_sends_a_job_no_data_role_has_to_the_path_finders_search(open_page):
    page = open_page("fr/index.html")
    assert page.page.locator("a[href='path.html#job']").count() == 1
    page.page.fill("#q", "comptable")
    assert page.page.locator("li[data-search]:visible").count() == 0
    page.page.click("#q-status a")
    page.page.wait_for_selector("body[data-ready=true]", state="attached")
    assert page.page.input_value("#job") == "comptable"
    assert page.page.locator("#job-list li").first.inner_text().splitlines()[0] == "Comptable"
    page.page.focus("#job")
    page.page.keyboard.press("Enter")
    assert page.page.input_value("#from") == "M1203"
    page.assert_clean()


def test_a_text_that_names_no_skill_or_is_too_long_says_so_and_holds_nothing(open_page):
    page = open_page("fr/path.html?from=M1203&to=data-analyst")
    page.page.fill("#have-text", "Bonjour, je cherche un nouveau métier.")
    page.page.click("#read-text")
    assert page.page.inner_text("#have-text-status").startswith("Aucune compétence reconnue")
    page.js("() => { document.getElementById('have-text').value = 'SQL '.repeat(250001); }")
    page.page.click("#read-text")
    assert page.page.inner_text("#have-text-status").startswith("Le texte dépasse 1")
    assert page.page.locator("#chips li").count() == 0
    page.assert_clean()
