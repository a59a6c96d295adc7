"""The wheel ships the ontology and example queries; both install kinds find them."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import datacareers.constants as constants

ROOT = Path(__file__).resolve().parent.parent


def test_checkout_or_editable_install_sees_the_ontology():
    assert constants.VOCABULARY_FILE.is_file()
    assert constants.ONTOLOGY_DIR.resolve() in (ROOT / "ontology", constants.PACKAGE_DIR / "ontology")
    assert sorted(constants.FACTS_DIR.glob("*/*.ttl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-2000:]}")
    return next(out.glob("datacareers-*.whl"))


def test_wheel_contains_ontology_facts_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "datacareers/ontology/careers.ttl" in names
    assert "datacareers/ontology/shapes.ttl" in names
    assert any(n.startswith("datacareers/ontology/facts/ml-engineer-article/") for n in names)
    assert any(n.startswith("datacareers/queries/") and n.endswith(".rq") for n in names)
    assert "datacareers/locale/fr/LC_MESSAGES/datacareers.mo" in names
    assert "datacareers/views/html/template.html" in names
    for asset in ("templates/role.html", "assets/site.css", "assets/path.js", "assets/graphology.min.js",
                  "assets/graphology.LICENSES.txt"):
        assert f"datacareers/views/site/{asset}" in names, asset
    packages = {str(p.relative_to(ROOT / "graph").parent) for p in (ROOT / "graph").rglob("__init__.py")}
    missing = sorted(p for p in packages if f"{p}/__init__.py" not in names)
    assert not missing, f"sub-packages left out of the wheel (pyproject's packages list): {missing}"
    assert not any(n.startswith("graph/") for n in names), "no top-level 'graph' package may be installed"


def test_installed_wheel_loads_its_own_ontology(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import datacareers.constants as c, datacareers.store.shipped as s; "
            "print(c.ONTOLOGY_DIR); print(len(s.shipped_store()))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(site), "PATH": ""}, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    ontology_dir, triples = proc.stdout.split()
    assert Path(ontology_dir) == site / "datacareers" / "ontology"
    assert int(triples) > 500


def test_constraints_pin_every_dependency_venv_installs():
    """scripts/venv.sh installs at constraints.txt's versions: a dependency (or test tool, or
    build tool) added to pyproject.toml without re-running scripts/lock.sh would float to
    whatever is newest on a fresh machine."""
    import re
    import tomllib

    from packaging.requirements import Requirement
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["build-system"]["requires"], "pip"]
    for extra in project["project"].get("optional-dependencies", {}).values():
        wanted += extra
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    unpinned, outside = [], []
    for text in wanted:
        requirement = Requirement(text)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if name not in pins:
            unpinned.append(name)
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            outside.append(f"{name}=={pins[name]} outside {requirement.specifier}")
    assert not unpinned, f"not pinned in constraints.txt (run scripts/lock.sh): {sorted(set(unpinned))}"
    assert not outside, outside
