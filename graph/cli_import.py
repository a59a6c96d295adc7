"""``datacareers import`` and ``datacareers sources`` (placeholder until the import issue)."""

import click


@click.group("import")
def import_group() -> None:
    """Import an official release (ESCO, ROME, O*NET) into its named graph."""


@click.command("sources")
def sources_command() -> None:
    """List the sources in the dataset."""
