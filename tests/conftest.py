"""Shared fixtures: every test gets its own empty data folder, so no test sees (or
writes to) the user's imported sources."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("datacareers-home")
    monkeypatch.setenv("DATACAREERS_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english_again():
    """A command run with --lang fr leaves French active: the next test starts in English."""
    yield
    from datacareers.i18n import set_language

    set_language("en")


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset, loaded once (tests must not modify it)."""
    from datacareers.store.shipped import shipped_store

    return shipped_store()


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def cli():
    from datacareers.cli import main

    return main
