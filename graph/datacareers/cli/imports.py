r"""``datacareers import esco|rome|onet PATH`` and ``datacareers sources``.

Only click is imported at module level: the importers, pyoxigraph and the store are
imported inside the commands so ``datacareers --help`` stays instant.

>>> from click.testing import CliRunner
>>> from datacareers.cli import main
>>> result = CliRunner().invoke(main, ["import", "remove", "esco-1.1.1"])
>>> result.exit_code, "shipped with the package" in result.output
(2, True)
"""

import click

_VERSION_HELP = "Release version, when the folder or file names do not tell it."


@click.group("import")
def import_group() -> None:
    """Import an official release (ESCO, ROME 4.0, O*NET, BLS, Dares) into its named graph.

    Each release goes whole into its own named graph, source:import-<release>,
    together with a description of the source (title, publisher, version, licence,
    attribution, URL):

    \b
      source:import-esco-1.1.1      source:import-rome-4.0-v460
      source:import-onet-29.0       source:import-bls-oews-2024
      source:import-bls-ep-2024-34  source:import-dares-psm-2022

    The subsets shipped with the package keep their own graphs (source:esco-1.1.1,
    source:rome-4.0, source:onet-29.0...): `datacareers sources` lists both, and
    removing an import never touches shipped facts. Imports are kept in an on-disk store in your data
    folder ($DATACAREERS_HOME, by default ~/.local/share/datacareers), never in the
    checkout; every command then sees them.

    Files are read strictly: a damaged, cut or incomplete release is refused with the
    file and line at fault, and nothing is written. Re-importing a release replaces its
    graph whole, but a re-import with under 90% of the triples of the current one is
    refused unless you pass --force; a failed or interrupted import leaves the
    previous state untouched.

    \b
    Examples:
      datacareers import esco ~/Downloads/ESCO\\ dataset\\ -\\ v1.1.1
      datacareers import rome ~/Downloads/RefRomeCsv
      datacareers import onet ~/Downloads/db_29_0_text
      datacareers sources
      datacareers import remove import-esco-1.1.1
    """


def _run(kind: str, path: str, version: str | None, quiet: bool, partial: bool,
         force: bool) -> None:
    from datacareers.importers import bls, dares, esco, onet, rome

    if kind == "bls":
        plans = bls.plans(path, version, partial=partial)  # every workbook checked first
    else:
        plans = [{"esco": esco, "rome": rome, "onet": onet, "dares": dares}[kind].plan(path, version, partial=partial)]
    for plan in plans:
        _import(plan, path, quiet, force)


def _import(plan, path: str, quiet: bool, force: bool) -> None:
    import time
    from pathlib import Path

    from datacareers.cli.progress import click_progress
    from datacareers.i18n import _
    from datacareers.progress import no_progress
    from datacareers.store import persist

    start = time.perf_counter()
    source = plan.source
    imported = persist.imported_sources()
    before = imported.get(plan.graph) or imported.get(source.legacy_graph)
    click.echo(_("Importing {title} into <{graph}>").format(title=source.title, graph=plan.graph), err=True)
    progress = no_progress if quiet else click_progress
    triples = persist.replace_source(
        plan.graph,
        plan.quads(progress),
        info={
            "name": source.name,
            "version": source.version,
            "title": source.title,
            "license": source.license,
            "path": str(Path(path).resolve()),
        },
        force=force,
        replaces=[source.legacy_graph],
    )
    report_import(source.name, plan.graph, triples, time.perf_counter() - start, before)


def report_import(name: str, graph: str, triples: int, seconds: float, before: dict | None) -> None:
    """The line every import ends with: what it wrote, how long it took, what was there."""
    from datacareers.i18n import _, number
    from datacareers.store import persist

    was = _(", was {n}").format(n=number(int(before["triples"]))) if before else ""
    click.echo(_("{name}: {n} triples in <{graph}> ({seconds} s{was}), store {store}").format(
        name=name, n=number(triples), graph=graph, seconds=number(round(seconds, 1)), was=was,
        store=persist.store_dir()))


_path = click.argument("path", type=click.Path(path_type=str))
_version = click.option("--version", "version", metavar="V", help=_VERSION_HELP)
_quiet = click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
_partial = click.option(
    "--partial", is_flag=True,
    help="Accept files smaller than a full release (a sample or a subset): skip the "
         "minimum record counts. Each file still needs one record.")
force_option = click.option(
    "--force", is_flag=True,
    help="Replace the current import of this release even if the new one is much "
         "smaller (under 90% of its triples).")


def _options(command):
    for option in (force_option, _partial, _quiet, _version, _path):
        command = option(command)
    return command


@import_group.command("esco")
@_options
def import_esco(path: str, version: str | None, quiet: bool, partial: bool,
                 force: bool) -> None:
    """Import the ESCO classification (CSV export, v1.1 or later).

    \b
    Download: https://esco.ec.europa.eu/en/use-esco/download
      choose the version, "ESCO dataset", format CSV, language English (and French
      too for @fr labels); unzip both into one folder and pass that folder.
    Needs occupations_en.csv, skills_en.csv and occupationSkillRelations.csv (.gz
    accepted), found anywhere under PATH; uses ISCOGroups_en.csv,
    broaderRelationsOccPillar.csv and the *_fr.csv files when present. Occupations
    keep their ESCO URIs and become career:Role; essential / optional skills become
    career:essentialSkill / career:optionalSkill (and career:requiresSkill).
    The version comes from the folder name ("v1.1.1") unless --version is given.

    \b
    Examples:
      datacareers import esco ./esco/v1.1.1
      datacareers import esco ./esco-download --version 1.2.0
    """
    _run("esco", path, version, quiet, partial, force)


@import_group.command("rome")
@_options
def import_rome(path: str, version: str | None, quiet: bool, partial: bool,
                 force: bool) -> None:
    """Import France Travail's ROME 4.0 (the unix_*_utf8.csv files).

    \b
    Download: https://www.francetravail.org/opendata/repertoire-operationnel-des-meti.html
      "Toutes les données du ROME" in CSV; unzip and pass the folder.
    Fiches become career:Role (https://w3id.org/datacareers/rome/M1405) with their
    appellations as alt labels; mobilités become career:canBecome with a ranked
    career:Transition; compétences and savoirs become career:Skill; secteurs become
    career:Sector. The version comes from the file names (unix_..._v460_utf8.csv).

    \b
    Examples:
      datacareers import rome ./RefRomeCsv
      datacareers import rome ./rome --version v460
    """
    _run("rome", path, version, quiet, partial, force)


@import_group.command("onet")
@_options
def import_onet(path: str, version: str | None, quiet: bool, partial: bool,
                 force: bool) -> None:
    """Import the O*NET database (text format, tab-delimited .txt files).

    \b
    Download: https://www.onetcenter.org/database.html
      "O*NET <version> Database", Text format; unzip and pass the db_NN_N_text folder
      (or a folder holding it and, for older releases, Career Changers Matrix.tsv).
    Needs Occupation Data, Technology Skills, Job Zones, Education, Training, and
    Experience (and its Categories), and Related Occupations or, in older releases,
    the Career Changers Matrix (used too when present).
    The version comes from "Read Me.txt" ("O*NET 29.0 Database") or the folder name.

    \b
    Examples:
      datacareers import onet ./db_29_0_text
      datacareers import onet ./onet --version 29.0
    """
    _run("onet", path, version, quiet, partial, force)


@import_group.command("bls")
@_options
def import_bls(path: str, version: str | None, quiet: bool, partial: bool, force: bool) -> None:
    """Import U.S. Bureau of Labor Statistics wages (OEWS) and projections (EP).

    \b
    Download: https://www.bls.gov/oes/tables.htm (national, XLS: national_M2024_dl.xlsx)
      and https://www.bls.gov/emp/tables.htm (occupation.xlsx); pass a workbook or a
      folder holding them. Each release lands in its own graph:
      source:import-bls-oews-2024, source:import-bls-ep-2024-34.
    Each 6-digit SOC code (soc/15-2051) gets its annual wage percentiles
    (career:salary, a career:WageDistribution; "#" cells, at or above the published
    ceiling, are kept as career:topCoded / career:atOrAbove, "*" cells give nothing),
    its employment outlook (career:outlook; employment published in thousands is
    stored in persons) and its typical entry education (career:education). The
    releases name themselves (file name, sheet headers): --version is not used.

    \b
    Examples:
      datacareers import bls ./bls
      datacareers import bls ./national_M2024_dl.xlsx
    """
    _run("bls", path, version, quiet, partial, force)


@import_group.command("dares")
@_options
def import_dares(path: str, version: str | None, quiet: bool, partial: bool, force: bool) -> None:
    """Import Dares's Portraits statistiques des métiers (French figures by FAP 2009 family).

    \b
    Data: the inputs/ folder of https://github.com/StatDares/PortraitStatMetiers (the
      CSV files, tensions/ and the dictionnaire); pass that folder. It lands in
      source:import-dares-psm-2022 (--version names another publication).
    Per FAP family (domain M, FAP 87 M2Z, FAP 225 M2Z90, with their labels and parents):
    median net monthly pay of full-time employees by period (career:salary, EUR, P1M,
    career:gross false) and its bands; the 2019 hiring-tension indicator with its
    category 1-5 and six components, for France, every region and département, and the
    national series 2011-2019 (career:tension); employment by year, share of women,
    diplomas held, sectors, kinds of employer, fields of study; the PCS and ROME v3
    codes each family groups. Files in UTF-8 or Windows-1252 are each read in their own
    encoding; a file re-encoded on the way (accents lost), cut short, or holding a code
    or period of the wrong shape is refused and nothing is written.

    \b
    Examples:
      datacareers import dares ./PortraitStatMetiers/inputs
      datacareers import dares ./sample --partial
    """
    _run("dares", path, version, quiet, partial, force)


@import_group.command("remove")
@click.argument("name")
def import_remove(name: str) -> None:
    """Remove an imported source (by name, as `datacareers sources` shows it).

    Shipped graphs cannot be removed, and removing an import leaves them as they are.

    \b
    Example:
      datacareers import remove import-esco-1.1.1
    """
    from datacareers.constants import source_iri
    from datacareers.errors import BadInputError
    from datacareers.store import persist
    from datacareers.store.shipped import shipped_graphs

    graph = name if name.startswith(("http://", "https://")) else source_iri(name)
    if not persist.remove_source(graph):
        imported = ", ".join(sorted(r["name"] for r in persist.imported_sources().values()))
        if graph in shipped_graphs():
            raise BadInputError(f"{name!r} is shipped with the package and cannot be removed "
                                f"(imported: {imported or 'none'})")
        raise BadInputError(f"no imported source named {name!r} (imported: {imported or 'none'})")
    click.echo(f"removed {name}")


@click.command("sources")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "tsv", "json"]), default="text",
    show_default=True, help="Output format.",
)
def sources_command(fmt: str) -> None:
    """List the sources in the dataset: shipped graphs and imported releases.

    Each named graph with its name, kind (shipped / imported), version, number of
    triples and licence.

    \b
    Examples:
      datacareers sources
      datacareers sources --format json
    """
    import json

    from datacareers.store.sources import list_sources

    rows = list_sources()
    if fmt == "json":
        click.echo(json.dumps([row.__dict__ for row in rows], indent=2))
        return
    header = ("name", "kind", "version", "triples", "licence")
    table = [(r.name, r.kind, r.version, f"{r.triples}", r.license) for r in rows]
    if fmt == "tsv":
        for line in (header, *table):
            click.echo("\t".join(line))
        return
    widths = [max(len(str(x)) for x in column) for column in zip(header, *table, strict=True)]
    for i, line in enumerate((header, *table)):
        cells = [
            cell.rjust(width) if j == 3 and i else cell.ljust(width)
            for j, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        click.echo("  ".join(cells).rstrip())
