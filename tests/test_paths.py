"""Career paths: evidence labels, constraints, skills held, pay and job zone, on small
stores built here (known answers), and the issue's cases on the shipped graph."""

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from datacareers.constants import PREFIXES, ROLE, SOURCE
from datacareers.errors import BadInputError, NoPathError
from datacareers.views.moves import Moves
from datacareers.views.paths import Constraints, find_paths

T = "https://example.org/t/"
PROLOGUE = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + f"@prefix t: <{T}> .\n"

ROLES = """
t:a a career:Role ; skos:prefLabel "alpha"@en, "alpha-fr"@fr ; career:essentialSkill t:py, t:sql ; career:jobZone 2 .
t:b a career:Role ; skos:prefLabel "beta"@en ; career:essentialSkill t:py, t:stats ; career:optionalSkill t:viz ;
    career:jobZone 4 .
t:c a career:Role ; skos:prefLabel "gamma"@en ; career:essentialSkill t:r, t:sql ; career:jobZone 3 .
t:d a career:Role ; skos:prefLabel "delta"@en ; career:essentialSkill t:stats ; career:jobZone 3 .
t:py skos:broader t:programming . t:r skos:broader t:programming . t:sql skos:broader t:databases .
t:a career:salary t:pa . t:pa schema:median 50000 ; schema:currency "USD" ; schema:duration "P1Y" ; career:year "2024" .
t:b career:salary t:pb . t:pb schema:median 30000 ; schema:currency "USD" ; schema:duration "P1Y" ; career:year "2024" .
t:c career:salary t:pc . t:pc schema:median 60000 ; schema:currency "USD" ; schema:duration "P1Y" ; career:year "2024" .
"""
STATED = """
t:a career:canBecome t:b . t:b career:canBecome t:d .
t:ab a career:Transition ; career:fromRole t:a ; career:toRole t:b ; career:evidence career:stated ;
    career:rank 2 ; career:outOf 5 .
"""
RELATED = """
t:a career:relatedMove t:c .
t:ac a career:Transition ; career:fromRole t:a ; career:toRole t:c ; career:evidence career:related ;
    career:rank 1 ; career:outOf 10 ; career:relatednessTier "Primary-Short" .
"""
INFERRED = """
t:c career:inferredMove t:d .
t:cd a career:Transition ; career:fromRole t:c ; career:toRole t:d ; career:evidence career:inferred ;
    career:similarity 0.6 .
"""


def load(store, graph, turtle):
    store.load((PROLOGUE + turtle).encode(), RdfFormat.TURTLE, to_graph=NamedNode(SOURCE[graph]))


@pytest.fixture
def toy():
    store = Store()
    load(store, "test-roles", ROLES)
    load(store, "rome-test", STATED)
    load(store, "onet-test", RELATED)
    load(store, "inferred-test", INFERRED)
    return store


def roles(result):
    return [[r.removeprefix(T).removeprefix(ROLE) for r in p.roles] for p in result.paths]


def test_every_step_carries_its_evidence_and_source(toy):
    result = find_paths(toy, T + "a", T + "d", k=5)
    steps = {(s.source[-1], s.target[-1]): s for p in result.paths for s in p.steps}
    assert steps["a", "b"].evidence == "stated" and steps["a", "b"].items[0]["rank"] == 2
    assert steps["a", "b"].items[0]["out_of"] == 5 and steps["a", "b"].sources == [SOURCE["rome-test"]]
    assert steps["a", "c"].evidence == "related" and steps["a", "c"].items[0]["tier"] == "Primary-Short"
    assert steps["c", "d"].evidence == "inferred" and steps["c", "d"].similarity == pytest.approx(0.6)


def _inferred(probability: float) -> str:
    return f"""
t:c career:inferredMove t:d .
t:cd a career:Transition ; career:fromRole t:c ; career:toRole t:d ; career:evidence career:inferred ;
    career:probability {probability} .
"""


@pytest.mark.parametrize("probability", [0.1, 0.8])
def test_an_inferred_moves_probability_lowers_its_cost_never_below_a_stated_move(probability):
    store = Store()
    load(store, "test-roles", ROLES)
    load(store, "inferred-move-model-test", _inferred(probability))
    load(store, "rome-test", "t:c career:canBecome t:b .")
    inferred = find_paths(store, T + "c", T + "d", k=1).paths[0].steps[0]
    stated = find_paths(store, T + "c", T + "b", k=1).paths[0].steps[0]
    assert inferred.evidence == "inferred" and inferred.probability == pytest.approx(probability)
    assert inferred.weight == pytest.approx(2.0 - 0.5 * probability)  # 1.95 at 0.1, 1.6 at 0.8
    assert inferred.cost == pytest.approx(inferred.weight + inferred.gap)
    assert stated.weight == 1.0 < inferred.weight


def test_a_likelier_inferred_move_wins_the_path():
    """Two inferred routes a -> b -> d and a -> c -> d with the same gaps: the likelier wins."""
    turtle = """
t:x a career:Role ; skos:prefLabel "x"@en . t:y a career:Role ; skos:prefLabel "y"@en .
t:z a career:Role ; skos:prefLabel "z"@en . t:w a career:Role ; skos:prefLabel "w"@en .
"""
    moves = ""
    for a, b, p in (("x", "y", 0.8), ("y", "w", 0.8), ("x", "z", 0.1), ("z", "w", 0.1)):
        moves += (f"t:{a} career:inferredMove t:{b} . t:{a}{b} a career:Transition ; career:fromRole t:{a} ; "
                  f"career:toRole t:{b} ; career:evidence career:inferred ; career:probability {p} .\n")
    store = Store()
    load(store, "test-roles", turtle)
    load(store, "inferred-move-model-test", moves)
    result = find_paths(store, T + "x", T + "w", k=2)
    assert roles(result) == [["x", "y", "w"], ["x", "z", "w"]]
    assert result.paths[0].steps[0].cost < result.paths[1].steps[0].cost


def test_cost_is_evidence_weight_plus_gap(toy):
    result = find_paths(toy, T + "a", T + "c", k=1)
    step = result.paths[0].steps[0]
    # gamma needs r (alpha has py, same group: half) and sql (held): gap 0.25
    assert step.gap == pytest.approx(0.25)
    assert step.cost == pytest.approx(1.5 + 0.25)


def test_evidence_stated_excludes_related_and_inferred(toy):
    every = find_paths(toy, T + "a", T + "d", k=5)
    assert ["a", "c", "d"] in roles(every)
    stated = find_paths(toy, T + "a", T + "d", k=5, constraints=Constraints(evidence="stated"))
    assert roles(stated) == [["a", "b", "d"]]
    assert all(s.evidence == "stated" for p in stated.paths for s in p.steps)


def test_no_path_names_the_blocking_constraint(toy):
    with pytest.raises(NoPathError, match="--evidence related"):
        find_paths(toy, T + "a", T + "c", constraints=Constraints(evidence="stated"))
    with pytest.raises(NoPathError, match="--max-steps"):
        find_paths(toy, T + "a", T + "d", constraints=Constraints(max_steps=1))
    with pytest.raises(NoPathError, match="even with inferred moves"):
        find_paths(toy, T + "d", T + "a")


def test_desirable_leaves_out_a_pay_cut_below_75_percent(toy):
    # alpha 50,000 -> beta 30,000 is 60%: not desirable
    result = find_paths(toy, T + "a", T + "d", k=5, constraints=Constraints(desirable=True))
    assert all("b" not in path for path in roles(result))
    change = next(c for c in result.paths[0].steps[0].salary_change if c["kind"] == "median")
    assert (change["from"], change["to"], change["ratio"]) == (50000, 60000, 1.2)


def test_one_distribution_read_by_both_roles_is_no_pay_change(toy):
    # beta reads alpha's distribution too (one code covering both): no difference to read,
    # and --desirable has nothing to rule out (beta's own 60% figure is gone)
    toy.remove(next(iter(toy.quads_for_pattern(NamedNode(T + "b"), None, NamedNode(T + "pb"), None))))
    load(toy, "test-roles", "t:b career:salary t:pa .")
    result = find_paths(toy, T + "a", T + "b", k=1, constraints=Constraints(desirable=True))
    [change] = result.paths[0].steps[0].salary_change
    assert (change["kind"], change["ratio"], change["from"], change["to"]) == ("shared", None, 50000, 50000)


def test_skills_held_in_another_vocabulary_count_toward_a_target_that_uses_it(toy):
    # alpha's main skills are t:py, t:sql; it also holds ROME's competence 1, which is all a
    # ROME-only target asks: the step adds nothing (it counted nothing before)
    rome = "https://w3id.org/datacareers/rome/competence/"
    load(toy, "rome-test", f"""t:a career:essentialSkill <{rome}1> .
        t:r a career:Role ; skos:prefLabel "rome-only"@fr ; career:essentialSkill <{rome}1>, <{rome}2> .
        t:a career:canBecome t:r .
        t:ar a career:Transition ; career:fromRole t:a ; career:toRole t:r ; career:evidence career:stated .""")
    [step] = find_paths(toy, T + "a", T + "r", k=1).paths[0].steps
    assert step.gap == 0.5 and [s["id"] for s in step.new_skills] == [rome + "2"]


def test_viable_leaves_out_a_jump_of_two_job_zones(toy):
    result = find_paths(toy, T + "a", T + "d", k=5, constraints=Constraints(viable=True))
    assert roles(result) == [["a", "c", "d"]]
    assert result.paths[0].steps[0].job_zone == (2, 3)


def test_missing_pay_is_not_guessed(toy):
    result = find_paths(toy, T + "b", T + "d", k=1)
    assert result.paths[0].steps[0].salary_change == []  # delta has no median


def test_have_removes_skills_and_lowers_the_cost(toy):
    plain = find_paths(toy, T + "a", T + "b", k=1).paths[0].steps[0]
    held = find_paths(toy, T + "a", T + "b", k=1, constraints=Constraints(have=frozenset({T + "stats"}))).paths[0]
    assert T + "stats" in [s["id"] for s in plain.new_skills]
    assert T + "stats" not in [s["id"] for s in held.steps[0].new_skills]
    assert held.cost < plain.cost


def test_essential_skills_come_first_and_are_marked(toy):
    step = find_paths(toy, T + "a", T + "b", k=1).paths[0].steps[0]
    assert [(s["id"][len(T):], s["essential"]) for s in step.new_skills] == [("stats", True), ("viz", False)]


def test_via_and_avoid(toy):
    via = find_paths(toy, T + "a", T + "d", k=3, constraints=Constraints(via=(T + "c",)))
    assert roles(via) == [["a", "c", "d"]]
    avoid = find_paths(toy, T + "a", T + "d", k=3, constraints=Constraints(avoid=frozenset({T + "c"})))
    assert roles(avoid) == [["a", "b", "d"]]
    with pytest.raises(BadInputError):
        find_paths(toy, T + "a", T + "d", constraints=Constraints(avoid=frozenset({T + "d"})))


def test_exact_matches_share_their_moves(toy):
    load(toy, "curated", f"role:x a career:Role ; skos:exactMatch <{T}a> .\n"
                         f"role:y a career:Role ; skos:exactMatch <{T}d> .")
    result = find_paths(toy, ROLE["x"], ROLE["y"], k=5)
    assert ["x", "b", "y"] in roles(result)
    assert ["x", "c", "y"] in roles(result)


# ----------------------------------------------------------------- the shipped graph


def test_data_analyst_to_cdo_says_what_rome_says(shipped):
    step = find_paths(shipped, ROLE["data-analyst"], ROLE["chief-data-officer"], k=3).paths[0].steps[0]
    rome = next(i for i in step.items if i["source"] == SOURCE["rome-4.0"])
    assert (rome["evidence"], rome["rank"], rome["out_of"]) == ("stated", 4, 9)


@pytest.mark.parametrize("target", ["data-scientist", "machine-learning-engineer"])
def test_data_analyst_reaches_the_issue_targets(shipped, target):
    result = find_paths(shipped, ROLE["data-analyst"], ROLE[target], k=3)
    assert result.paths
    for step in result.paths[0].steps:
        assert step.items and step.evidence in ("stated", "related", "inferred")


def test_data_analyst_to_cdo_offers_several_paths(shipped):
    assert len(find_paths(shipped, ROLE["data-analyst"], ROLE["chief-data-officer"], k=3).paths) == 3


def test_every_curated_role_has_a_move_in_and_out(shipped):
    from datacareers.store.walk import all_roles

    moves = Moves(shipped)
    roles = sorted(all_roles(shipped, SOURCE["curated"]))
    stranded = [f"{r} (no move {way})" for r in roles for way, found in (("out", moves.out_of), ("in", moves.into))
                if not found(r)]
    assert len(roles) == 33 and not stranded, stranded


def test_onet_related_occupations_are_not_stated_moves(shipped):
    """O*NET's Related Occupations (a similarity list) never become career:canBecome: each
    related move is labelled related, unless another source states the same move."""
    graph = NamedNode(SOURCE["onet-29.0"])
    related = [(q.subject.value, q.object.value) for q in shipped.quads_for_pattern(
        None, NamedNode(PREFIXES["career"] + "relatedMove"), None, graph)]
    assert related, "the shipped O*NET graph holds no related move"
    stated_there = [(a, b) for a, b in related if any(shipped.quads_for_pattern(
        NamedNode(a), NamedNode(PREFIXES["career"] + "canBecome"), NamedNode(b), graph))]
    assert not stated_there
    moves = Moves(shipped)
    assert all(moves.out_of(a)[b][SOURCE["onet-29.0"]] == "related" for a, b in related)


def test_k_paths_are_distinct_and_sorted_by_cost(shipped):
    result = find_paths(shipped, ROLE["machine-learning-engineer"], ROLE["chief-information-officer"], k=5)
    assert len(result.paths) >= 2
    assert len({tuple(p.roles) for p in result.paths}) == len(result.paths)
    costs = [p.cost for p in result.paths]
    assert costs == sorted(costs)
    for path in result.paths:
        assert path.cost == pytest.approx(sum(s.cost for s in path.steps))


def test_same_role_is_bad_input(shipped):
    with pytest.raises(BadInputError, match="same"):
        find_paths(shipped, ROLE["data-analyst"], ROLE["data-analyst"])


def test_career_changers_matrix_is_related_not_stated(shipped):
    """O*NET derives the Career Changers Matrix from descriptor similarity: its moves are
    related evidence (career:relatedMove), never career:canBecome, and read as related."""
    graph = NamedNode(SOURCE["onet-25-career-changers"])
    career = PREFIXES["career"]
    stated = [(q.subject.value, q.object.value) for q in shipped.quads_for_pattern(
        None, NamedNode(career + "canBecome"), None, graph)]
    related = [(q.subject.value, q.object.value) for q in shipped.quads_for_pattern(
        None, NamedNode(career + "relatedMove"), None, graph)]
    assert not stated, f"Career Changers moves shipped as stated: {stated}"
    assert related, "the shipped Career Changers graph holds no related move"
    moves = Moves(shipped)
    assert all(moves.out_of(a)[b][graph.value] == "related" for a, b in related)
