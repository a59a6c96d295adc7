"""Shared fixtures: every test gets its own empty data folder, so no test sees (or
writes to) the user's imported sources."""

from __future__ import annotations

import pytest

#: The site's browser fixtures (site, browser, open_page), for the test modules that use them.
pytest_plugins = ["site_browser"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("datacareers-home")
    monkeypatch.setenv("DATACAREERS_HOME", str(home))
    monkeypatch.setenv("DATACAREERS_NO_CACHE", "1")  # a copy of the shipped store per test would cost 1 s each
    return home


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch):
    """Each test starts in English with no language in the environment, and a command
    run in-process (CliRunner) cannot leave its language to the next test."""
    from datacareers import i18n

    for name in ("DATACAREERS_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


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
