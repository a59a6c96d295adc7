"""``datacareers match``: which data roles a CV, a job ad or a list of skills is closest to.

>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(match_command, ["-", "-n", "1"], input="SQL, Python, statistiques")
>>> result.exit_code, result.stdout.startswith("The curated roles")
(0, True)
"""

from __future__ import annotations

import click

from datacareers.cli.common import LANG_OPTION, echo_text, language


@click.command("match")
@click.argument("text", type=click.File("rb"), metavar="FILE|-")
@click.option("-n", "limit", type=click.IntRange(min=1, max=100), default=10, show_default=True,
              help="How many roles to show, the best covered first.")
@click.option("--not", "drop", multiple=True, metavar="SKILL", help="A recognised skill you do not have (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def match_command(text, limit: int, drop, fmt: str, lang: str | None) -> None:
    """Rank the curated roles by how much of their essential skills FILE covers.

    FILE is free text in French or English (a CV, a job ad, a list; - reads stdin). Its
    skills are recognised as `path --have-text` recognises them, and shown on stderr with
    the words that matched ("« SQL » -> SQL"); each role's gap is a path step's gap (the
    share of its essential skills not covered, a skill of the same ESCO group counting
    half). The best three list their missing essential skills.

    \b
    Exit codes: 0 ranked, 1 no skill recognised in the text, 2 an empty, binary, non-UTF-8
    or over-1 MB text, or an unknown --not skill.

    \b
    Examples:
      datacareers match docs/examples/have-text/cv-comptable-fr.txt
      echo "SQL, Python, apprentissage automatique" | datacareers match - --lang fr
      datacareers match cv.txt --not SQL --format json
    """
    import json

    from datacareers.cli.roles import skills_in_text
    from datacareers.store.dataset import open_dataset
    from datacareers.views.match import match_json, match_text, rank_roles

    lang = language(lang)
    store = open_dataset(cached=True)
    ranked = rank_roles(store, set(skills_in_text(store, text, drop)))
    if fmt == "json":
        click.echo(json.dumps(match_json(store, ranked, limit, lang), ensure_ascii=False, indent=2))
    else:
        echo_text(match_text(store, ranked, limit, lang), nl=False)
