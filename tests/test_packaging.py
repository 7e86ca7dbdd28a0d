"""A wheel installed without `-e` works from any folder: it carries ontology/, data/, the questions and the assets.

The wheel is built offline from a copy of the sources (`pip wheel --no-build-isolation --no-index`, with the
venv's setuptools, so the checkout gets no build/ folder), then installed into a fresh venv. That venv sees
the project venv's installed dependencies through a .pth line naming their site-packages, never the
checkout: the `graph` it imports is the installed copy, and `ikg` runs from an unrelated folder.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.slow

SOURCES = ["pyproject.toml", "setup.py", "README.md", "graph", "ontology", "data"]
DARMSTADT = ["Darmstadt", "Germany", "1968", "Formal twinning", "Active", "Strategy 2019–2022 §3.4"]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} failed:\n{proc.stdout[-5000:]}\n{proc.stderr[-5000:]}"
    return proc


def clean_env() -> dict[str, str]:
    """The environment without anything that could lead Python or ikg back to the checkout."""
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV") and not k.startswith("IKG_")}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv with ikg installed from a freshly built wheel; returns the venv's folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "_shipped", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
        "-w", tmp / "dist", src, cwd=tmp)
    wheels = list((tmp / "dist").glob("ikg-*.whl"))
    assert len(wheels) == 1, wheels

    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet",
        wheels[0], cwd=tmp)
    # The dependencies (rdflib, pyoxigraph, ...) come from the project venv's site-packages, added as a plain
    # path: its .pth files (among them the editable install's finder) are not run, so the checkout stays unseen.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    assert all(Path(d).resolve() != ROOT for d in deps), deps
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).stdout.strip()
    Path(site, "project-dependencies.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    return venv


def test_the_wheel_carries_the_data_the_questions_and_the_assets(installed):
    wheel = next((installed.parent / "dist").glob("ikg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("ontology", "data"):
        for path in (ROOT / folder).glob("*.ttl"):
            assert f"graph/_shipped/{folder}/{path.name}" in names, path
    for path in (ROOT / "graph").rglob("*"):
        if path.suffix == ".rq" or path.parent.name == "assets":
            assert path.relative_to(ROOT).as_posix() in names, path
    assert "graph/questions/rq/twin-cities.rq" in names
    assert any(n.startswith("graph/render/") and n.endswith("/vis-network.min.js") for n in names)


def test_the_installed_package_is_the_one_imported(installed, tmp_path):
    proc = run(installed / "bin" / "python", "-c",
               "import graph, graph.config as c; print(graph.__file__); print(c.ontology_dir()); print(c.data_dir())",
               cwd=tmp_path, env=clean_env())
    package, ontology, data = (Path(line) for line in proc.stdout.splitlines())
    assert installed in package.parents and ROOT not in package.parents
    assert ontology == package.parent / "_shipped" / "ontology" and (ontology / "ikg.ttl").is_file()
    assert data == package.parent / "_shipped" / "data" and (data / "agreements.ttl").is_file()


def test_ikg_answers_twin_cities_from_any_folder(installed, tmp_path):
    proc = run(installed / "bin" / "ikg", "query", "twin-cities", "--store", "memory", "--format", "csv",
               cwd=tmp_path, env=clean_env())
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0] == ["city", "country", "since", "agreement", "status", "source"]
    assert DARMSTADT in rows
    assert "Traceback" not in proc.stderr


def test_setting_up_again_installs_nothing_and_says_nothing():
    """`./scripts/run` calls `./scripts/setup` at every start: once installed from this folder with the same
    package description, it returns at once, without a word. It used to reinstall the package each time and
    print about 40 lines of setuptools' warnings before the app came up."""
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip(f"the tests run in {sys.prefix}, not in this checkout's .venv that scripts/setup manages")
    stamp = ROOT / ".venv" / ".ikg-installed"
    run(ROOT / "scripts" / "setup", "--test", cwd=ROOT)  # installs when the package description changed
    before = stamp.stat().st_mtime_ns
    again = run(ROOT / "scripts" / "setup", "--test", cwd=ROOT)
    plain = run(ROOT / "scripts" / "setup", cwd=ROOT)  # the app's: the test tools installed already do no harm
    assert (again.stdout, again.stderr, plain.stdout, plain.stderr) == ("", "", "", "")
    assert stamp.stat().st_mtime_ns == before
