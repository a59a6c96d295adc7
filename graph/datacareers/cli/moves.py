"""``datacareers next``: where one can go from a role; ``datacareers import inferred``: moves
inferred from the skills of an imported ESCO release.

>>> import json
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(next_command, ["data analyst", "--format", "json"])
>>> result.exit_code, len(json.loads(result.output)["moves"]) > 5
(0, True)
"""

from __future__ import annotations

import click

from datacareers.cli.common import LANG_OPTION, echo_text, language
from datacareers.cli.imports import force_option, report_import
from datacareers.cli.roles import constraints_from, path_options


@click.command("next")
@click.argument("role")
@click.option("-n", "limit", type=click.IntRange(min=1, max=200), default=10, show_default=True,
              help="How many moves to show, cheapest first.")
@click.option("--avoid", multiple=True, metavar="ROLE", help="A role to leave out (repeatable).")
@path_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def next_command(role: str, limit: int, avoid, evidence, have, have_file, desirable, viable, all_skills,
                 fmt: str, lang: str | None) -> None:
    """Where one can go from ROLE: every move out, cheapest first, each with its evidence,
    skill gap, pay and job-zone change; then the skills that would narrow the gap of the
    most of these moves (skill leverage).

    \b
    Moves and costs are those of `datacareers path` (see its --help): evidence weight
    (stated 1, related 1.5, inferred 2) plus the skill gap (0 to 1).

    \b
    Examples:
      datacareers next "data analyst"
      datacareers next "analyste de données" --lang fr --evidence stated
      datacareers next "data analyst" --have Python --desirable -n 5 --format json
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role
    from datacareers.views.nextmoves import next_moves
    from datacareers.views.report import next_json, next_text

    lang = language(lang)
    store = open_dataset()
    source = resolve_role(store, role)
    constraints = constraints_from(store, evidence, have, have_file, desirable, viable, avoid=avoid)
    answer = next_moves(store, source, constraints, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(next_json(store, answer, lang), ensure_ascii=False, indent=2))
    else:
        echo_text(next_text(store, answer, lang, all_skills=all_skills), nl=False)


@click.command("inferred")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--version", "version", metavar="V", help="ESCO version, when the folder names do not tell it.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Lowest similarity kept (default 0.30).")
@click.option("--top", type=click.IntRange(1, 100), default=None,
              help="Moves kept per occupation, out and in (default 5).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages (as the other imports).")
@force_option
def import_inferred(path: str, version: str | None, threshold: float | None, top: int | None,
                    quiet: bool, force: bool) -> None:
    """Infer moves between every occupation of an ESCO release from their skills.

    Reads occupationSkillRelations.csv(.gz) and broaderRelationsSkillPillar.csv under
    PATH (the ESCO CSV release folder, the one `datacareers import esco` reads) and
    stores the moves in their own named graph, source:import-inferred-skill-similarity-esco-<version>,
    described with its method and parameters: career:inferredMove and a career:Transition
    with its similarity, never career:canBecome. This is skill overlap, not the transition
    model of the shipped inferred moves (the model learns from ROME's mobilités; ESCO
    states none; see docs/paths.md); `path` and `next` then use these moves for every ESCO
    occupation, and for each curated role through its exact ESCO match.

    \b
    Examples:
      datacareers import esco ./esco/v1.1.1 && datacareers import inferred ./esco/v1.1.1
      datacareers import remove import-inferred-skill-similarity-esco-1.1.1
    """
    import time
    from pathlib import Path

    from datacareers.i18n import _
    from datacareers.importers.inferred import Method, plan_quads
    from datacareers.labels import local_name
    from datacareers.store import persist

    defaults = Method()
    method = Method(threshold=defaults.threshold if threshold is None else threshold,
                    top=defaults.top if top is None else top)
    start = time.perf_counter()
    graph, version, quads = plan_quads(Path(path), version, method)
    if not quiet:
        click.echo(_("Inferring moves between the occupations of ESCO {version} into <{graph}>").format(
            version=version, graph=graph), err=True)
    name = local_name(graph)
    before = persist.imported_sources().get(graph)
    triples = persist.replace_source(graph, quads(), force=force, info={
        "name": name, "version": f"ESCO {version}",
        "title": f"Moves inferred from skill overlap (ESCO {version})",
        "license": "https://creativecommons.org/licenses/by/4.0/", "path": str(Path(path).resolve())})
    report_import(name, graph, triples, time.perf_counter() - start, before)
