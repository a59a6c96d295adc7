"""``datacareers path``, ``show`` and ``roles``: answers about roles.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(show, ["chief data officer", "--lang", "fr"]).output.splitlines()[0]
'Chief Data Officer  /  chief data officer'
"""

from __future__ import annotations

import click

from datacareers.cli.common import LANG_OPTION, echo_text, language

EVIDENCE_CHOICE = click.Choice(["stated", "related", "inferred"])


def path_options(command):
    """The options `path` and `next` share: evidence, constraints, skills held."""
    for option in reversed([
        click.option("--evidence", type=EVIDENCE_CHOICE, default="inferred", show_default=True,
                     help="The weakest evidence allowed: stated (a source says people make the move), related "
                          "(also O*NET related occupations), inferred (also moves computed from skill overlap)."),
        click.option("--have", "have", multiple=True, metavar="SKILL",
                     help="A skill you already have (repeatable; French or English name, id or IRI)."),
        click.option("--have-file", type=click.File("r", encoding="utf-8"),
                     help="A file of skills you have, one per line (# starts a comment)."),
        click.option("--have-text", type=click.File("rb"), metavar="FILE|-",
                     help="Free text in French or English (a CV, a job ad, a list; - reads stdin): the skills "
                          "its words name count as held, and the words that matched are shown (on stderr)."),
        click.option("--not", "drop", multiple=True, metavar="SKILL",
                     help="A skill --have-text recognised that you do not have (repeatable)."),
        click.option("--desirable", is_flag=True, help="Only moves where the median pay does not fall below 75% "
                                                      "of the current one (where both medians are known)."),
        click.option("--viable", is_flag=True, help="Only moves that change the O*NET job zone by at most 1 "
                                                   "(where both are known)."),
        click.option("--all-skills", is_flag=True, help="List every skill to add, optional ones too."),
    ]):
        command = option(command)
    return command


def constraints_from(store, evidence, have, have_file, desirable, viable, max_steps=None, via=(), avoid=(),
                     have_text=None, drop=()):
    """Resolve names given on the command line into the constraints of a path search."""
    from datacareers.store.skills import read_skill_file
    from datacareers.views.paths import Constraints

    names = list(have) + (read_skill_file(have_file.read()) if have_file else [])
    if have_text is not None:
        names += skills_in_text(store, have_text, drop)
    return Constraints.named(store, via=via, avoid=avoid, have=names, evidence=evidence, max_steps=max_steps,
                             desirable=desirable, viable=viable)


def skills_in_text(store, stream, drop=()) -> list[str]:
    """The skill IRIs a --have-text text names, minus those of --not; says on stderr which
    words matched which skill."""
    from datacareers.errors import BadInputError, NothingRecognisedError
    from datacareers.i18n import _
    from datacareers.store.skills import SkillIndex
    from datacareers.store.textskills import TextMatcher, read_text

    name = getattr(stream, "name", "-")
    name = "stdin" if name in ("<stdin>", "-") or not isinstance(name, str) else name
    matcher = TextMatcher(store)
    matches = matcher.match(read_text(stream, name))
    index, recognised, dropped = SkillIndex(store) if drop else None, {m.skill for m in matches}, set()
    for skill in drop:
        found = index.resolve(skill)
        if not found & recognised:
            raise BadInputError(_("--not {skill}: not among the skills recognised in {name}").format(
                skill=skill, name=name))
        dropped |= found
    kept = [m for m in matches if m.skill not in dropped]
    if not kept:
        raise NothingRecognisedError(_("nothing recognised in {name}: no skill label found in it (name skills with "
                                       "--have, or write them as ESCO does, in French or English)").format(name=name))
    click.echo(_("Recognised in {name} ({n}; --not SKILL drops one):").format(name=name, n=len(kept)), err=True)
    for match in kept:
        click.echo(f"  « {match.words} » -> {matcher.describe(match.skill)}", err=True)
    return [m.skill for m in kept]


@click.command()
@click.argument("from_role", metavar="FROM")
@click.argument("to_role", metavar="TO")
@click.option("-k", "k", type=click.IntRange(min=1, max=50), default=3, show_default=True,
              help="How many paths to show, best first.")
@click.option("--max-steps", type=click.IntRange(min=1, max=10), help="The most moves a path may take.")
@click.option("--via", multiple=True, metavar="ROLE", help="A role the path must go through (repeatable, in order).")
@click.option("--avoid", multiple=True, metavar="ROLE", help="A role the path must not go through (repeatable).")
@path_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--view", "view_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the HTML view with these paths highlighted to this file.")
@LANG_OPTION
def path(from_role: str, to_role: str, k: int, max_steps, via, avoid, evidence, have, have_file, have_text, drop,
         desirable, viable, all_skills, fmt: str, view_file: str | None, lang: str | None) -> None:
    """The best career paths from one role to another, each step explained.

    FROM and TO are role names in French or English (preferred or alternative labels:
    "ML engineer", "ingénieur machine learning", "CDO", "directeur data"...), ids
    (data-analyst) or IRIs; case and accents do not matter. FROM may also be the job one
    has today: any ROME fiche's title or appellation ("comptable", "professeure de
    mathématiques"), in either gender; a title several fiches share ("technicien de
    laboratoire") is searched from all of them, each path saying where it starts.

    \b
    Evidence of a move: stated (a source says people make it: ROME mobilités, the
    article), related (O*NET lists the target as a related occupation or in its Career
    Changers Matrix, both derived from similarity), inferred (computed by a transition
    model learnt on ROME's mobilités; no source states it).
    Each step names its evidence and sources ("ROME 4.0 lists this move 4th of the 9
    from data analyst") and, for an inferred move, the model's probability in words
    ("ROME states a move between occupations this close in 36% of cases").

    \b
    How paths are ranked: a path costs the sum of its steps. A step costs its evidence
    weight (stated 1, related 1.5, inferred 2 down to 1.5 the likelier it is) plus its
    skill gap: the share, 0 to 1, of the target role's essential skills that you do not
    cover yet (the skills of the role you are in, plus --have and what --have-text
    recognises in a CV or a list: "« SQL » -> SQL", shown on stderr); a skill of the same ESCO
    skill group counts half; when no source lists the target's skills the gap counts as 1.

    \b
    Exit codes: 0 paths found, 1 no path (the message says what blocks it and what to
    try) or no skill recognised in --have-text, 2 unknown or ambiguous role or skill, or a
    --have-text that is empty, binary, not UTF-8 or over 1 MB.

    \b
    Examples:
      datacareers path "data analyst" "chief data officer"
      datacareers path "analyste de données" "ingénieur ML" --lang fr
      datacareers path "data analyst" "ML engineer" --evidence stated
      datacareers path "data analyst" "data scientist" --have Python --have "statistics" -k 5
      datacareers path "comptable" "data analyst" --have-text cv.txt --not SQL
      datacareers path "ML engineer" DSI --avoid CDO --max-steps 3 --viable --desirable
      datacareers path "ingénieur machine learning" CDO --format json
      datacareers path data-analyst chief-data-officer --view paths.html
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role, resolve_start
    from datacareers.views.paths import find_paths_from_any
    from datacareers.views.report import path_json, path_text

    lang = language(lang)
    store = open_dataset(cached=True)
    start = resolve_start(store, from_role)
    target = resolve_role(store, to_role)
    constraints = constraints_from(store, evidence, have, have_file, desirable, viable, max_steps, via, avoid,
                                   have_text, drop)
    result = find_paths_from_any(store, start, target, k=k, constraints=constraints, asked=from_role.strip())
    data = path_json(store, result, lang)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        echo_text(path_text(store, result, lang, all_skills=all_skills), nl=False)
    if view_file:
        from datacareers.views.html.page import write_view

        written = write_view(store, view_file, lang=lang, highlight_paths=[p.roles for p in result.paths],
                             path_steps=[p["steps"] for p in data["paths"]])
        click.echo(f"View written to {written}", err=True)


@click.command()
@click.argument("role")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def show(role: str, fmt: str, lang: str | None) -> None:
    """Everything the graph says about one role, with the source of each fact.

    \b
    Labels, definition, missions, skills by kind, salary bands, pay percentiles (and the
    roles that share them), outlook, education, tasks, tools, job titles, sectors,
    employers, managers and collaborators (with the sentence that says so), moves in and
    out, classification matches; "via" under each fact that came through a close match.

    \b
    Examples:
      datacareers show "ML engineer"
      datacareers show chief-data-officer --lang fr
      datacareers show "data scientist" --format json
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role
    from datacareers.views.describe import role_facts
    from datacareers.views.report import show_text

    store = open_dataset(cached=True)
    lang = language(lang)
    facts = role_facts(store, resolve_role(store, role), lang)
    if fmt == "json":
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        echo_text(show_text(facts, lang), nl=False)


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include imported occupations, not only curated roles.")
@click.option("--facets", is_flag=True, help="A column per facet (pay, outlook, tasks, tools...): x where the "
                                              "data gives it (JSON: the sources that give it).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def roles(show_all: bool, facets: bool, fmt: str, lang: str | None) -> None:
    """List the roles: id, name, how many skills and moves the sources give.

    \b
    Examples:
      datacareers roles
      datacareers roles --lang fr
      datacareers roles --all --format json
      datacareers roles --facets --lang fr
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.views.counts import role_rows

    lang = language(lang)
    store = open_dataset()
    rows = role_rows(store, lang, include_imported=show_all)
    if facets:
        from datacareers.views.coverage import coverage

        found = coverage(store, [r["id"] for r in rows], lang)
        for r in rows:
            r["facets"] = found[r["id"]]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if facets:
        _facet_table(rows)
        return
    from datacareers.i18n import _, ngettext

    width = max((len(r["slug"]) for r in rows), default=2)
    head = [_("id"), _("name"), _("skills"), _("stated moves out/in")]
    widths = [width, 34, max(6, len(head[2])), max(12, len(head[3]))]
    lines = ["  ".join(f"{h:<{w}}" for h, w in zip(head, widths, strict=True)).rstrip()]
    lines += [f"{r['slug']:<{width}}  {r['label'][:34]:<34}  {r['skills']:>{widths[2]}}  "
              f"{str(r['moves_out']) + '/' + str(r['moves_in']):>{widths[3]}}" for r in rows]
    lines.append(ngettext("({n} role)", "({n} roles)", len(rows)).format(n=len(rows)))
    echo_text("\n".join(lines))  # one write: thousands of roles after full imports


def _facet_table(rows: list[dict]) -> None:
    """The roles with a column per facet, x where the data gives it."""
    from datacareers.i18n import _, ngettext
    from datacareers.views.coverage import FACETS, facet_titles

    titles = facet_titles()
    width = max((len(r["slug"]) for r in rows), default=2)
    click.echo(" ".join([f"{_('id'):<{width}}", *titles]))
    for r in rows:
        marks = ["x" if r["facets"][key] else "." for key, _title in FACETS]
        click.echo(" ".join([f"{r['slug']:<{width}}", *(f"{m:^{len(t)}}" for m, t in zip(marks, titles, strict=True))]))
    click.echo(ngettext("({n} role; x = the data gives it, . = nothing yet)",
                        "({n} roles; x = the data gives it, . = nothing yet)", len(rows)).format(n=len(rows)))
