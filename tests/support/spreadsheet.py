"""LibreOffice Calc, headless, as a person's spreadsheet program in the tests: open a workbook the project
wrote, see what Calc makes of it, type a row, save it as Calc saves Excel files. Calc is driven by
tests/support/calc.py through its Python bridge, a module of the system's Python (python3-uno), not of the
project's virtualenv; ./scripts/test installs both (libreoffice-calc-nogui, python3-uno)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).resolve().parent / "calc.py"


def _calc_ready() -> None:
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice Calc (soffice) is not installed: run ./scripts/test, which installs "
                    "libreoffice-calc-nogui and python3-uno")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, text=True)
    if probe.returncode:
        pytest.fail(f"{SYSTEM_PYTHON} cannot import LibreOffice's bridge (install python3-uno): {probe.stderr}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def in_calc(tmp_path: Path, workbook: bytes, cells: dict[str, object], row: int | str = 2,
            clear: bool = True) -> tuple[dict, bytes]:
    """What Calc makes of the workbook, and the workbook as Calc saves it after typing `cells` into the row
    (its number, or the text of its first cell), emptied first if `clear`."""
    _calc_ready()
    opened, saved, job = tmp_path / "opened.xlsx", tmp_path / "filled.xlsx", tmp_path / "job.json"
    opened.write_bytes(workbook)
    job.write_text(json.dumps({"open": str(opened), "save": str(saved), "row": row, "clear": clear, "cells": cells,
                               "port": _free_port(), "profile": str(tmp_path / "profile")}), encoding="utf-8")
    run = subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(job)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1]), saved.read_bytes()
