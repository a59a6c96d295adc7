"""O*NET's Required Level of Education, as every renderer words it (issue 21, item 3): the share
of the people surveyed who say a level is *required*, out of how many, who and when; every
category they chose, not only those over 10 %."""

import pytest

from datacareers.constants import ROLE, SOURCE
from datacareers.i18n import using
from datacareers.views.describe import role_facts
from datacareers.views.html.data import Sources, education_details
from datacareers.views.report import show_text
from datacareers.views.sections import _item_tags

STATISTICIAN = ROLE["statistician"]
ONET = SOURCE["onet-29.0"]


@pytest.fixture(scope="module")
def onet_lines(shipped):
    return {lang: [e for e in role_facts(shipped, STATISTICIAN, lang)["education"] if ONET in e["sources"]]
            for lang in ("en", "fr")}


def test_statisticians_keep_their_doctorate_and_post_doc_with_n(onet_lines):
    by_text = {e["text"]: e for e in onet_lines["en"]}
    assert {"Doctoral Degree", "Post-Doctoral Training", "Master's Degree"} <= set(by_text)
    assert by_text["Doctoral Degree"]["share"] == 9.52 and by_text["Post-Doctoral Training"]["share"] == 4.76
    assert {(e["respondents"], e["respondent_group"], e["date"]) for e in onet_lines["en"]} == {
        (21, "Occupational Expert", "2024-08")}
    # the shares of the categories kept add up to the whole survey (only 0 % ones are left out)
    assert sum(e["share"] for e in onet_lines["en"]) == pytest.approx(100, abs=0.1)


def test_show_says_what_the_share_is_in_both_languages(shipped):
    english = show_text(role_facts(shipped, STATISTICIAN, "en"), "en")
    french = show_text(role_facts(shipped, STATISTICIAN, "fr"), "fr")
    assert "Doctoral Degree (9.52% of 21 occupational experts surveyed in 08/2024 say this level is required" \
        in english
    assert "9,52\xa0% des 21 experts du métier interrogés en 08/2024 jugent ce niveau requis" in french
    for text in (english, french):
        assert "job holders:" not in text and "titulaires du poste :" not in text


def test_site_and_panel_use_the_same_words(shipped, onet_lines):
    doctorate = next(e for e in onet_lines["fr"] if e["eqf_level"] == 8)
    with using("fr"):
        tags = _item_tags(doctorate)
        panel = education_details(shipped, [STATISTICIAN], "fr", Sources())[STATISTICIAN]
    sentence = "9,52\xa0% des 21 experts du métier interrogés en 08/2024 jugent ce niveau requis"
    assert sentence in tags
    assert sentence in {e["share"] for e in panel}
