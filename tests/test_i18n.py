"""Language: complete catalogues, one policy, French output that reads as French."""

import subprocess
import sys
from pathlib import Path

import pytest

from datacareers import i18n
from datacareers.views.describe import role_facts
from datacareers.views.report import show_text

ROOT = Path(__file__).resolve().parent.parent


def test_every_message_has_a_current_french_translation():
    """Every marked message is in fr.po, translated, with the same placeholders, and the
    compiled .mo matches the .po (scripts/i18n.py --check lists every problem by name)."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def load_i18n_script():
    import importlib.util
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_staleness_reads_the_messages_not_the_bytes(tmp_path):
    """Another Babel may lay the same catalogue out differently (a fresh machine resolves the
    newest): that is not stale; a changed translation is."""
    script = load_i18n_script()
    catalog = script.read("fr")
    mo = tmp_path / "datacareers.mo"
    mo.write_bytes(script.compiled(catalog))
    assert not script.stale(mo, catalog)
    catalog.revision_date = catalog.revision_date.replace(year=1999)  # header bytes differ
    assert not script.stale(mo, catalog)
    message = next(m for m in catalog if m.id and isinstance(m.id, str) and m.string)
    message.string = message.string + " (modifié)"
    assert script.stale(mo, catalog), "a changed translation must make the .mo stale"
    mo.write_bytes(b"not a catalogue")
    assert script.stale(mo, catalog)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"DATACAREERS_LANG": "fr", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LC_ALL": "fr_CA.UTF-8"}, "fr"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": "de:fr"}, "fr"),
    ({}, "en"),
])
def test_one_language_policy(environ, expected):
    assert i18n.default_language(environ) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
    ("en;q=0.9, fr;q=0.95", "fr"),
    ("fr;q=0, en;q=0.1", "en"),
    ("de-DE", "en"),
    ("", "en"),
])
def test_accept_language_honours_q_values(header, expected):
    assert i18n.negotiate(header) == expected


def test_french_show_reads_as_french(shipped):
    text = show_text(role_facts(shipped, "https://w3id.org/datacareers/role/machine-learning-engineer", "fr"), "fr")
    for french in ("Compétences :", "Rémunération :", "Rend compte à :", "intermédiaire", "niveau CEC 7"):
        assert french in text, french
    assert "45\u202f000" in text  # numbers written the French way
    for english in ("Skills:", "Reports to", "intermediate", "EQF level"):
        assert english not in text, english


def test_cli_errors_speak_the_policy_language(runner, cli, monkeypatch):
    monkeypatch.setenv("DATACAREERS_LANG", "fr")
    result = runner.invoke(cli, ["path", "data analist", "CDO"])
    assert result.exit_code == 2
    assert "aucun métier ne s'appelle 'data analist'" in result.output
