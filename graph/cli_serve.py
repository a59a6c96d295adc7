"""``datacareers serve`` and ``datacareers push`` (placeholder until the serve issue)."""

import click


@click.command("serve")
def serve_command() -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint on localhost."""


@click.command("push")
def push_command() -> None:
    """Push every named graph to a SPARQL 1.1 Graph Store endpoint."""
