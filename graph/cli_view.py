"""``datacareers view``: the interactive HTML graph."""

import click


@click.command("view")
def view_command() -> None:
    """Write the interactive HTML view of the graph."""
