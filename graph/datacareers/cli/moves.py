"""``datacareers next``: where one can go from a role; ``datacareers import inferred``: moves
inferred between every occupation of a release (ESCO by skill overlap, ROME by the transition model).

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
@click.option("--into", type=click.Choice(["data"]), default=None,
              help="data: instead of the moves out, every curated data role ROLE can reach, cheapest first, "
                   "each with its cheapest path and the first step's evidence (the question of a change of career).")
@path_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def next_command(role: str, limit: int, avoid, into, evidence, have, have_file, have_text, drop, desirable, viable,
                 all_skills, fmt: str, lang: str | None) -> None:
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
      datacareers next "comptable" --into data          # the data roles within reach, first step of each
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role, resolve_start
    from datacareers.views.nextmoves import next_moves
    from datacareers.views.report import next_json, next_text

    lang = language(lang)
    store = open_dataset(cached=True)
    start = resolve_start(store, role)
    if len(start.nodes) > 1:
        resolve_role(store, role)  # the error listing them: `next` starts from one occupation
    source = start.nodes[0]
    constraints = constraints_from(store, evidence, have, have_file, desirable, viable, avoid=avoid,
                                   have_text=have_text, drop=drop)
    if start.through:  # an ESCO occupation named like the fiche: its essential skills are held
        from dataclasses import replace

        from datacareers.views.report import through_items, through_lines

        held = start.held(store)
        constraints = replace(constraints, have=constraints.have | held[source])
        for line in through_lines(through_items(store, start.through, held, lang), role.strip(), lang):
            click.echo(line, err=True)
    if into:
        from datacareers.views.into import data_roles_within_reach
        from datacareers.views.report import into_json, into_text

        reach = data_roles_within_reach(store, source, constraints)
        if fmt == "json":
            click.echo(json.dumps(into_json(store, reach, lang), ensure_ascii=False, indent=2))
        else:
            echo_text(into_text(store, reach, lang), nl=False)
        return
    answer = next_moves(store, source, constraints, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(next_json(store, answer, lang), ensure_ascii=False, indent=2))
    else:
        echo_text(next_text(store, answer, lang, all_skills=all_skills), nl=False)


@click.command("inferred")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--method", type=click.Choice(["skills", "model"]), default="skills", show_default=True,
              help="skills: skill overlap between the occupations of an ESCO release (PATH = the ESCO CSV "
                   "folder). model: the transition model fitted on a ROME 4.0 export and applied to all its "
                   "fiches (PATH = the ROME CSV folder; needs scikit-learn: pip install 'datacareers[model]').")
@click.option("--version", "version", metavar="V",
              help="The release's version (ESCO 1.1.1, ROME v460), when the file or folder names do not tell it.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Lowest score kept: similarity (skills, default 0.30) or probability (model, default the "
                   "threshold of best F1 on the validation fiches).")
@click.option("--top", type=click.IntRange(1, 100), default=None,
              help="Moves kept per occupation (skills: out and in, default 5; model: out, default 10).")
@click.option("--partial", is_flag=True,
              help="model: accept a ROME export smaller than a full release (a sample), as `import rome --partial`.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages (as the other imports).")
@force_option
def import_inferred(path: str, method: str, version: str | None, threshold: float | None, top: int | None,
                    partial: bool, quiet: bool, force: bool) -> None:
    """Infer moves between every occupation of a release and store them in their own graph.

    \b
    --method skills (default): reads occupationSkillRelations.csv(.gz) and
    broaderRelationsSkillPillar.csv under PATH (the ESCO CSV release folder, the one
    `datacareers import esco` reads) into source:import-inferred-skill-similarity-esco-<version>;
    each move has its similarity (skill overlap, not the shipped moves' model: ESCO states
    no move to learn from).

    \b
    --method model: fits the transition model of the shipped inferred moves on the ROME 4.0
    export under PATH (the folder `datacareers import rome` reads), measures it on a fifth
    of the fiches held out, then scores every pair of fiches into
    source:import-inferred-move-model-rome-4.0-<version>; each move has its calibrated
    probability, the description this run's held-out figures. About 100 s and 900 MB at
    peak for the 1,584 fiches of v460 on 2 cores (docs/paths.md). Then, for instance,
    `datacareers path "comptable" "data analyst"` starts from the fiche Comptable.

    \b
    Either way: career:inferredMove and a career:Transition of evidence career:inferred,
    never career:canBecome; `path` and `next` then use these moves (with `import rome`, the
    ROME fiches'; with `import esco`, the ESCO occupations' and each curated role's through
    its exact match).

    \b
    Examples:
      datacareers import esco ./esco/v1.1.1 && datacareers import inferred ./esco/v1.1.1
      datacareers import rome ./rome && datacareers import inferred --method model ./rome
      datacareers import remove import-inferred-skill-similarity-esco-1.1.1
    """
    import time
    from pathlib import Path

    from datacareers.errors import DataCareersError
    from datacareers.i18n import _
    from datacareers.labels import local_name
    from datacareers.store import persist

    start = time.perf_counter()
    if method == "model":
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise DataCareersError("--method model needs scikit-learn: pip install 'datacareers[model]'") from None
        from datacareers.importers import inferred_model

        chosen = inferred_model.Method(threshold=threshold, top=inferred_model.TOP if top is None else top)
        graph, version, quads = inferred_model.plan_quads(Path(path), version, chosen, partial=partial)
        message = _("Fitting the transition model on ROME 4.0 {version} and scoring every pair of fiches "
                    "into <{graph}>")
        info = {"version": f"ROME 4.0 {version}", "license": inferred_model.rome.LICENSE,
                "title": f"Moves inferred by the transition model (ROME 4.0 {version})"}
    else:
        from datacareers.importers.inferred import Method, plan_quads

        defaults = Method()
        chosen = Method(threshold=defaults.threshold if threshold is None else threshold,
                        top=defaults.top if top is None else top)
        graph, version, quads = plan_quads(Path(path), version, chosen)
        message = _("Inferring moves between the occupations of ESCO {version} into <{graph}>")
        info = {"version": f"ESCO {version}", "title": f"Moves inferred from skill overlap (ESCO {version})",
                "license": "https://creativecommons.org/licenses/by/4.0/"}
    if not quiet:
        click.echo(message.format(version=version, graph=graph), err=True)
    name = local_name(graph)
    before = persist.imported_sources().get(graph)
    triples = persist.replace_source(graph, quads(), force=force,
                                     info={"name": name, **info, "path": str(Path(path).resolve())})
    report_import(name, graph, triples, time.perf_counter() - start, before)
