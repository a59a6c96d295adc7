"""Starting points: the shipped ROME fiches no curated role matches exactly, their job titles
and their moves into the curated roles (scripts/generate_entries.py), and `path` from a job
title on a fresh clone, without an import. Each data rule lists every failing entry by name."""

import networkx as nx
import pytest
from pyoxigraph import NamedNode

from datacareers.constants import BASE_IRI, CAREER, PREFIXES, ROLE, SOURCE
from datacareers.store.walk import SCHEMA_OCCUPATION

ROME = BASE_IRI + "rome/"

SKOS = PREFIXES["skos"]
RDF_TYPE = PREFIXES["rdf"] + "type"


@pytest.fixture(scope="module")
def store():
    from datacareers.store.shipped import shipped_store

    return shipped_store()


def _starts(store) -> set[str]:
    """Every shipped occupation that is not a role: ROME fiches and ESCO occupations."""
    return {q.subject.value for q in store.quads_for_pattern(None, NamedNode(RDF_TYPE), NamedNode(SCHEMA_OCCUPATION))
            if not any(store.quads_for_pattern(q.subject, NamedNode(RDF_TYPE), NamedNode(CAREER["Role"]), None))}


def _occupations(store) -> set[str]:
    """The ROME fiches among them: the starting points that have moves of their own."""
    return {o for o in _starts(store) if o.startswith(ROME)}


def _links(store) -> dict[str, list[str]]:
    """ESCO occupation -> the fiches source:esco-rome-titles links it to."""
    out: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, NamedNode(SKOS + "closeMatch"), None, NamedNode(SOURCE["esco-rome-titles"])):
        out.setdefault(q.subject.value, []).append(q.object.value)
    return out


def _edges(store, predicate: str):
    return [(q.subject.value, q.object.value, q.graph_name.value)
            for q in store.quads_for_pattern(None, NamedNode(CAREER[predicate]), None, None)]


def test_starting_points_are_rome_fiches_with_a_french_name_and_no_exact_role(store):
    occupations = _occupations(store)
    assert len(occupations) > 1500
    exact = {q.object.value for q in store.quads_for_pattern(None, NamedNode(SKOS + "exactMatch"), None, None)}
    bad = sorted(o for o in occupations if o in exact)
    bad += sorted(o for o in _starts(store) - occupations if len(_links(store).get(o, [])) != 1)
    assert not bad, bad[:20]  # every other start is an ESCO occupation linked to one fiche
    graph = NamedNode(SOURCE["rome-4.0"])
    pref, alt = NamedNode(SKOS + "prefLabel"), NamedNode(SKOS + "altLabel")
    unnamed = sorted(o for o in occupations if not any(
        q.object.language == "fr" for q in store.quads_for_pattern(NamedNode(o), pref, None, graph)))
    assert not unnamed, unnamed[:20]
    titles = sum(1 for o in occupations for _ in store.quads_for_pattern(NamedNode(o), alt, None, graph))
    assert titles > 10_000


def test_every_starting_point_reaches_a_curated_role(store):
    graph = nx.DiGraph((a, b) for predicate in ("canBecome", "inferredMove") for a, b, _ in _edges(store, predicate))
    roles = {n for n in graph if n.startswith(ROLE)}
    stranded = sorted(o for o in _occupations(store) if o not in graph or not (nx.descendants(graph, o) & roles))
    assert not stranded, f"{len(stranded)} occupations reach no curated role: {stranded[:20]}"


def test_each_esco_start_is_named_like_the_one_fiche_it_links_to_and_has_esco_facts_only(store):
    from datacareers.store.resolve import esco_forms as forms
    from datacareers.store.resolve import gendered_forms, name_key

    links, fiches, esco = _links(store), _occupations(store), NamedNode(SOURCE["esco-1.1.1"])
    pref, alt = NamedNode(SKOS + "prefLabel"), NamedNode(SKOS + "altLabel")
    mapped = {q.object.value for p in ("exactMatch", "closeMatch")
              for q in store.quads_for_pattern(None, NamedNode(SKOS + p), None, NamedNode(SOURCE["curated"]))}
    assert len(links) > 1000
    bad = []
    for occupation, targets in sorted(links.items()):
        fiche = targets[0]
        labels = {lang: [q.object.value for p in (pref, alt) for q in store.quads_for_pattern(
            NamedNode(occupation), p, None, esco) if q.object.language == lang] for lang in ("fr", "en")}
        rome = NamedNode(SOURCE["rome-4.0"])
        titles = {name_key(f) for q in store.quads_for_pattern(NamedNode(fiche), None, None, rome)
                  if q.predicate in (pref, alt) for f in gendered_forms(q.object.value)}
        if len(targets) != 1 or fiche not in fiches:
            bad.append(f"{occupation}: linked to {targets}, not to one shipped fiche")
        elif not labels["fr"] or not labels["en"]:
            bad.append(f"{occupation}: no French or no English name")
        elif not any(name_key(f) in titles for label in labels["fr"] for f in forms(label)):
            bad.append(f"{occupation}: no French name of it is a title of {fiche}")
        if occupation in mapped:
            bad.append(f"{occupation}: a curated role maps to it")
        skills = [q.object for q in store.quads_for_pattern(NamedNode(occupation), NamedNode(CAREER["essentialSkill"]),
                                                            None, None)]
        bad += [f"{occupation}: {s.value} is not a shipped skill" for s in skills
                if not any(store.quads_for_pattern(s, NamedNode(RDF_TYPE), NamedNode(CAREER["Skill"]), None))]
        bad += [f"{occupation}: a move of its own ({q.predicate.value})" for p in ("canBecome", "inferredMove")
                for q in store.quads_for_pattern(NamedNode(occupation), NamedNode(CAREER[p]), None, None)]
    assert not bad, bad[:20]


def test_entry_moves_sit_in_their_sources_graphs_and_inferred_ones_are_never_stated(store):
    occupations = _occupations(store)
    stated = {(a, b) for a, b, _ in _edges(store, "canBecome")}
    wrong_graph = sorted(f"{a} -> {b} in {g}" for a, b, g in _edges(store, "canBecome")
                         if a in occupations and g != SOURCE["rome-4.0"])
    assert not wrong_graph, wrong_graph[:10]
    inferred = [(a, b, g) for a, b, g in _edges(store, "inferredMove") if a in occupations]
    assert inferred
    bad = sorted(f"{a} -> {b}" for a, b, g in inferred
                 if g != SOURCE["inferred-move-model"] or not b.startswith(ROLE) or (a, b) in stated)
    assert not bad, bad[:10]
    for transition in {q.subject for q in store.quads_for_pattern(None, NamedNode(CAREER["fromRole"]), None,
                                                                    NamedNode(SOURCE["inferred-move-model"]))}:
        p = [float(q.object.value) for q in store.quads_for_pattern(transition, NamedNode(CAREER["probability"]), None)]
        assert len(p) == 1 and 0 <= p[0] <= 1, transition.value


def test_stated_entry_transitions_name_their_fiches_and_rank(store):
    graph = NamedNode(SOURCE["rome-4.0"])
    fiche = "https://w3id.org/datacareers/rome/"

    def one(t, name):
        values = [q.object.value for q in store.quads_for_pattern(t, NamedNode(CAREER[name]), None, graph)]
        return values[0] if len(values) == 1 else None

    bad, seen = [], 0
    for q in store.quads_for_pattern(None, NamedNode(CAREER["fromRole"]), None, graph):
        if not q.object.value.startswith(fiche):
            continue
        seen += 1
        t, a, b = q.subject, q.object.value, one(q.subject, "toRole")
        to_code = (one(t, "toConcept") if b and b.startswith(ROLE) else b) or ""
        expected = f"https://w3id.org/datacareers/transition/rome-4.0-fiche-{a[len(fiche):]}-{to_code[len(fiche):]}"
        rank, out_of = one(t, "rank"), one(t, "outOf")
        if t.value != expected:
            bad.append(f"{t.value}: expected {expected}")
        if not (rank and out_of and 1 <= int(rank) <= int(out_of)):
            bad.append(f"{t.value}: rank {rank} out of {out_of}")
        if not any(store.quads_for_pattern(NamedNode(a), NamedNode(CAREER["canBecome"]), NamedNode(b), graph)):
            bad.append(f"{t.value}: no career:canBecome {a} -> {b}")
    assert seen > 1000 and not bad, bad[:10]


@pytest.mark.parametrize(("start", "target", "first"), [
    ("comptable", "data analyst", "Comptable"),
    ("professeur de mathématiques", "data scientist", "Professeur / Professeure de collège et de lycée"),
    ("Technicienne de laboratoires d'analyses médicales", "bioinformaticien",
     "Technicien / Technicienne de laboratoires d'analyses médicales"),
])
def test_path_from_a_job_title_enters_the_data_roles_with_its_evidence(runner, cli, start, target, first):
    import json

    result = runner.invoke(cli, ["path", start, target, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    paths = answer["paths"]
    assert paths and paths[0]["steps"]
    assert answer["from"]["label"] == first, answer["from"]
    assert paths[0]["roles"][-1]["id"].startswith(ROLE)
    for path in paths:
        for step in path["steps"]:
            assert step["evidence"], step
            if step["evidence"] == "inferred":
                assert step["probability"] is not None, step


def test_a_title_several_fiches_share_is_searched_from_all_of_them(runner, cli):
    import json

    args = ["path", "technicien de laboratoire", "bioinformaticien", "--format", "json", "-k", "5"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    starts = [r["id"] for r in answer["from"]["occupations"]]
    assert answer["from"]["name"] == "technicien de laboratoire" and len(starts) > 1
    assert ROME + "J1302" in starts  # technicien de laboratoires d'analyses médicales
    costs = [p["cost"] for p in answer["paths"]]
    assert costs == sorted(costs) and len(costs) == 5
    for path in answer["paths"]:
        assert path["roles"][0]["id"] in starts and path["roles"][-1]["id"] == ROLE + "bioinformatician", path["roles"]
    text = runner.invoke(cli, ["path", "technicien de laboratoire", "bioinformaticien"]).output
    assert "is a title of" in text and "(J1302)" in text, text


def test_a_title_curated_roles_share_stays_ambiguous(runner, cli):
    result = runner.invoke(cli, ["path", "ingénieur", "data analyst"])
    assert result.exit_code == 2 and "could mean" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_title_that_matches_nothing_says_so_in_one_line(runner, cli):
    result = runner.invoke(cli, ["path", "dompteur de licornes quantiques", "data analyst"])
    assert result.exit_code == 2 and "no role named" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1


def test_next_into_data_lists_each_data_role_within_reach_with_its_first_step(runner, cli):
    import json

    result = runner.invoke(cli, ["next", "comptable", "--into", "data", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)  # stderr says which ESCO skills are held
    reached = answer["reached"]
    assert len(reached) >= 20 and [r["cost"] for r in reached] == sorted(r["cost"] for r in reached)
    for r in reached:
        assert r["path"][0]["id"] == answer["from"]["id"] and r["path"][-1]["id"] == r["role"]["id"], r
        assert r["role"]["id"].startswith(ROLE) and r["steps"] == len(r["path"]) - 1
        assert r["first_step"]["to"]["id"] == r["path"][1]["id"] and r["first_step"]["why"], r
    analyst = runner.invoke(cli, ["next", "data analyst", "--into", "data", "--format", "json"])
    assert ROLE["data-analyst"] not in {r["role"]["id"] for r in json.loads(analyst.output)["reached"]}
    result = runner.invoke(cli, ["next", "comptable", "--into", "data", "--lang", "fr"])
    text = result.stdout
    assert text.startswith("Depuis Comptable vers les métiers de la donnée") and "première étape" in text, text[:300]
    assert "comptable" in result.stderr and "esco-rome-titles" in result.stderr  # ESCO's comptable: its skills held


def test_an_esco_title_starts_from_the_fiche_it_is_named_like_holding_its_esco_skills(runner, cli):
    import json

    result = runner.invoke(cli, ["path", "financial controller", "data analyst", "--format", "json"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    through = answer["from"]["through"]
    assert [t["label"] for t in through] == ["financial controller"] and through[0]["id"].startswith(
        "http://data.europa.eu/esco/occupation/")
    assert through[0]["fiche"]["id"] == ROME + "M1204" and through[0]["held"], through
    assert {s["id"] for s in through[0]["held"]} <= set(answer["constraints"]["have"])
    assert all(p["roles"][0]["id"] == ROME + "M1204" for p in answer["paths"])
    plain = json.loads(runner.invoke(cli, ["path", "M1204", "data analyst", "--format", "json"]).stdout)
    assert "through" not in plain["from"] and not plain["constraints"]["have"]
    assert answer["paths"][0]["cost"] <= plain["paths"][0]["cost"]  # held skills only narrow gaps
    text = runner.invoke(cli, ["path", "financial controller", "data analyst"]).stdout
    assert "is ESCO's occupation financial controller, named like ROME's" in text and "(M1204)" in text


def test_a_title_esco_and_rome_share_is_the_fiche_with_the_esco_skills(runner, cli):
    import json

    answer = json.loads(runner.invoke(cli, ["path", "comptable", "data analyst", "--format", "json"]).stdout)
    assert answer["from"]["id"] == ROME + "M1203"
    assert [t["fiche"]["id"] for t in answer["from"]["through"]] == [ROME + "M1203"]


def test_a_name_rome_and_esco_share_is_the_fiche_wherever_one_role_is_asked(runner, cli):
    shown = runner.invoke(cli, ["show", "comptable"])
    assert shown.exit_code == 0 and "rome/M1203" in shown.output.splitlines()[2], shown.output[:300]
    english = runner.invoke(cli, ["next", "financial controller", "-n", "3"])
    assert english.exit_code == 0 and "Contrôleur / Contrôleuse de gestion" in english.stdout, english.output[:300]
