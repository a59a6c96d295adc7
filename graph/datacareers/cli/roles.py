"""``datacareers path``, ``show`` and ``roles``: answers about roles."""

from __future__ import annotations

import click

from datacareers.cli.common import LANG_OPTION, language


@click.command()
@click.argument("from_role", metavar="FROM")
@click.argument("to_role", metavar="TO")
@click.option("-k", "k", type=click.IntRange(min=1, max=50), default=3, show_default=True,
              help="How many paths to show, best first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--view", "view_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the HTML view with these paths highlighted to this file.")
@LANG_OPTION
def path(from_role: str, to_role: str, k: int, fmt: str, view_file: str | None, lang: str | None) -> None:
    """The best career paths from one role to another, with the skills each step adds.

    FROM and TO are role names in French or English (preferred or alternative labels:
    "ML engineer", "ingénieur machine learning", "CDO", "directeur data"...), ids
    (data-analyst) or IRIs; case and accents do not matter.

    \b
    How paths are ranked: a path costs the sum of its steps. A step costs 1 (the move)
    plus its skill gap: the share, 0 to 1, of the target role's required skills
    (essential ones where the source says which) that the current role lacks; when no
    source lists the target's skills the gap counts as 1. Moves come from the sources
    only (the article, ROME 4.0, imports); each step names its sources.

    \b
    Exit codes: 0 paths found, 1 no path, 2 unknown or ambiguous role.

    \b
    Examples:
      datacareers path "data analyst" "chief data officer"
      datacareers path "ML engineer" DSI -k 5
      datacareers path "ingénieur machine learning" CDO --format json
      datacareers path data-analyst chief-data-officer --view paths.html
    """
    import json

    from datacareers.store.dataset import open_dataset
    from datacareers.store.resolve import resolve_role
    from datacareers.views.paths import find_paths
    from datacareers.views.report import path_json, path_text

    store = open_dataset()
    source = resolve_role(store, from_role)
    target = resolve_role(store, to_role)
    lang = language(lang)
    result = find_paths(store, source, target, k=k)
    if fmt == "json":
        click.echo(json.dumps(path_json(store, result, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(path_text(store, result, lang), nl=False)
    if view_file:
        from datacareers.views.html.page import write_view

        written = write_view(store, view_file, lang=lang, highlight_paths=[p.roles for p in result.paths])
        click.echo(f"View written to {written}", err=True)


@click.command()
@click.argument("role")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def show(role: str, fmt: str, lang: str | None) -> None:
    """Everything the graph says about one role, with the source of each fact.

    \b
    Labels, definition, missions, skills by kind, salary bands, education, sectors,
    employers, managers, collaborators, moves in and out, classification matches.

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

    store = open_dataset()
    lang = language(lang)
    facts = role_facts(store, resolve_role(store, role), lang)
    if fmt == "json":
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        click.echo(show_text(facts, lang), nl=False)


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include imported occupations, not only curated roles.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def roles(show_all: bool, fmt: str, lang: str | None) -> None:
    """List the roles: id, name, how many skills and moves the sources give.

    \b
    Examples:
      datacareers roles
      datacareers roles --lang fr
      datacareers roles --all --format json
    """
    import json

    from datacareers.constants import ROLE, SOURCE
    from datacareers.labels import pick_label
    from datacareers.store.dataset import open_dataset
    from datacareers.store.walk import all_roles
    from datacareers.views.network import role_counts

    lang = language(lang)
    store = open_dataset()
    chosen = all_roles(store) if show_all else all_roles(store, SOURCE["curated"])
    counts = role_counts(store, chosen)
    labels = _role_labels(store, chosen)
    rows = []
    for role in chosen:
        rows.append({
            "id": role, "slug": role[len(ROLE):] if role.startswith(ROLE) else role,
            "label": pick_label(labels.get(role, {}), lang, role), **counts[role],
        })
    rows.sort(key=lambda r: r["label"].casefold())
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(r["slug"]) for r in rows), default=2)
    lines = [f"{'id':<{width}}  {'name':<34} skills  moves out/in"]
    lines += [f"{r['slug']:<{width}}  {r['label'][:34]:<34} {r['skills']:>6}  {r['moves_out']:>5}/{r['moves_in']}"
              for r in rows]
    lines.append(f"({len(rows)} roles)")
    click.echo("\n".join(lines))  # one write: thousands of roles after full imports


def _role_labels(store, roles: list[str]) -> dict[str, dict[str, str]]:
    """Each role's preferred labels by language: looked up one by one for a few roles,
    read in one query for many (``roles --all`` after full imports: 5,600 roles)."""
    from pyoxigraph import Literal, NamedNode

    from datacareers.constants import CAREER, SKOS
    from datacareers.views import network

    pref = NamedNode(SKOS + "prefLabel")
    if len(roles) <= network.FEW_ROLES:
        return {role: {q.object.language or "": q.object.value
                       for q in store.quads_for_pattern(NamedNode(role), pref, None)}
                for role in roles}
    labels: dict[str, dict[str, str]] = {}
    query = f"SELECT ?role ?label WHERE {{ ?role a <{CAREER['Role']}> ; <{pref.value}> ?label }}"
    for row in store.query(query, use_default_graph_as_union=True):
        if isinstance(row["label"], Literal):
            labels.setdefault(row["role"].value, {})[row["label"].language or ""] = row["label"].value
    return labels
