"""The French figures (Dares) where a person reads pay and outlook: ``show`` (text and JSON)
leads with them for a French reader, says period, net and full-time, FAP code and close
match, and never mixes them into the US or gross pay; a path step's pay change is computed
within one source only. Figures are compared with the fixture rows cut unchanged from the
release (tests/dares_rows.py)."""

from __future__ import annotations

import json

from dares_rows import number, rows

from datacareers.views.pay import pay_change, pay_changes


def run(runner, cli, *args):
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def median(fap: str, period: str = "2017-2019") -> int:
    (row,) = [r for r in rows("salaire_median_3niv.csv") if (r["Fap3"], r["Annee"]) == (fap, period)]
    return int(number(row["Salaire_median"]))


def tension_row(fap: str) -> dict:
    (row,) = [r for r in rows("tensions/tensions.csv")
              if r["fap"] == fap and r["niveau_geo"] == "nat" and r["Année"] == "2019"]
    return row


def test_show_in_french_leads_with_the_french_figures(runner, cli):
    text = run(runner, cli, "show", "data scientist", "--lang", "fr")
    france, us = text.index("Salaire en France (Dares, net)"), text.index("États-Unis, SOC")
    assert france < us, "a French reader sees the French figures before the US ones"
    pay = text[france:text.index("\n\n", france)]
    amount = f"{median('M2Z90'):,}".replace(",", "\u202f")
    assert f"salaire mensuel net médian des salariés à temps complet : {amount} EUR (2017-2019)" in pay
    assert "via FAP M2Z90, une correspondance proche : " in pay
    assert "les mêmes chiffres pour : " in pay and "ingénieur data" in pay
    tension = text[text.index("Tensions au recrutement en France"):]
    category = int(float(tension_row("M2Z90")["Catégorie Tension"]))
    words = {5: "très fortes", 4: "fortes", 3: "moyennes", 2: "faibles", 1: "très faibles"}[category]
    assert f"France : tensions {words} au recrutement en 2019 ({category}/5)" in tension
    assert "composantes : intensité d'embauches" in tension
    assert "via FAP M2Z90, une correspondance proche" in tension


def test_show_json_gives_the_french_figures_apart_from_the_other_pay(runner, cli):
    facts = json.loads(run(runner, cli, "show", "data analyst", "--format", "json"))
    pay = facts["french"]["pay_fr"]
    assert [(p["fap"], p["start"], p["end"], p["median"]) for p in pay] == [
        ("L5Z90", "2017", "2019", median("L5Z90")), ("L5Z90", "2003", "2005", median("L5Z90", "2003-2005"))]
    assert all(p["currency"] == "EUR" and p["per"] == "P1M" and p["gross"] is False for p in pay)
    assert all(v["kind"] == "close" and v["code"] == "L5Z90" for p in pay for v in p["via"])
    national = facts["french"]["tension"][0]
    row = tension_row("L5Z90")
    assert national["place"]["code"] == "FR" and national["category"] == int(float(row["Catégorie Tension"]))
    assert national["components"]["labourShortage"] == int(float(row["Manque de main-d'œuvre disponible"]))
    # net EUR figures are not in the Pay section, beside gross or US ones
    dares = {p["id"] for p in pay}
    assert not [s for s in facts["salaries"] if s["id"] in dares]


def test_show_in_english_labels_each_country(runner, cli):
    text = run(runner, cli, "show", "data scientist", "--lang", "en")
    assert "Pay in France (Dares, net):" in text and "via FAP M2Z90, a close match" in text
    assert "United States, SOC 15-2051" in text


def test_path_step_pay_change_in_euros_between_dares_figures(runner, cli):
    text = run(runner, cli, "path", "data analyst", "data engineer", "-k", "1", "--lang", "en")
    a, b = median("L5Z90"), median("L5Z91")
    assert f"median net pay: {a:,} -> {b:,} EUR a month" in text
    assert "FAP L5Z90 -> L5Z91, 2017-2019; dares-psm-2022" in text


def _figure(source, median, currency="EUR", period="P1M", year="2019", gross=None, node=None, **extra):
    return {"source": source, "median": median, "currency": currency, "period": period, "year": year,
            "gross": gross, "node": node or f"{source}-{median}", **extra}


def test_a_pay_change_never_pairs_two_sources_nor_net_with_gross():
    net = _figure("dares", 3000.0, gross="false", fap="M2Z90")
    gross = _figure("article", 4000.0, gross="true")
    usd = _figure("bls", 100000.0, currency="USD", period="P1Y", year="2024")
    assert pay_change([net], [gross]) is None
    assert pay_change([net], [usd]) is None
    assert pay_changes([net, usd], [gross]) == []
    other = _figure("dares", 3300.0, gross="false", fap="L5Z90")
    usd2 = _figure("bls", 90000.0, currency="USD", period="P1Y", year="2024")
    changes = pay_changes([net, usd], [other, usd2])
    assert [(c["currency"], c["sources"], c["ratio"]) for c in changes] == [
        ("EUR", ["dares"], 1.1), ("USD", ["bls"], 0.9)]


def test_a_pay_change_compares_the_same_period():
    recent, old = _figure("dares", 3000.0, fap="A"), _figure("dares", 2000.0, year="2005", fap="A", node="o")
    target = _figure("dares", 3300.0, fap="B")
    change = pay_change([old, recent], [target])
    assert (change["from"], change["to"], change["year_from"], change["year_to"]) == (3000.0, 3300.0, "2019", "2019")
