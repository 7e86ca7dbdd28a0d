"""Build hooks for the wheel: it carries ontology/ and data/ as graph/_shipped/, so an install without
`-e` finds them (graph/config.py looks there when the checkout's folders are absent). Everything else
about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
SHIPPED = ("ontology", "data")  # folders beside graph/ that the package reads at run time


def shipped_files() -> list[Path]:
    files = [path for folder in SHIPPED for path in sorted((HERE / folder).glob("*.ttl"))]
    if not any(path.parent.name == "ontology" for path in files):
        raise SystemExit(f"setup.py: no ontology/*.ttl beside {HERE}; a wheel without its vocabulary cannot work")
    return files


class BuildWithShippedFiles(build_py):
    """build_py, plus copies of ontology/*.ttl and data/*.ttl in graph/_shipped/ (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        for path in shipped_files():
            target = Path(self.build_lib) / "graph" / "_shipped" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


class SdistWithShippedFiles(sdist):
    """The source archive carries ontology/ and data/ too, so a wheel built from it has them."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        extra = [str(path.relative_to(HERE)) for path in shipped_files()]
        super().make_release_tree(base_dir, [*files, *(f for f in extra if f not in files)])


setup(cmdclass={"build_py": BuildWithShippedFiles, "sdist": SdistWithShippedFiles})
