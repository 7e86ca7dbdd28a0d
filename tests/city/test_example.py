"""The example city under examples/: its spreadsheets are today's templates, filled with the rows the
city tests import (so those tests keep the example working), and its start script runs `ikg init`."""

from __future__ import annotations

import csv
import shlex

from graph.edit.kinds import kind_spec
from graph.edit.tabular.templates import template
from tests.city.scenario import INIT, ROWS
from tests.support import ROOT

EXAMPLE = ROOT / "examples" / "eksempelvik"


def test_example_spreadsheets_are_filled_templates():
    sheets = sorted((EXAMPLE / "spreadsheets").glob("*.csv"))
    assert [p.stem.split("-", 1)[1] for p in sheets] == [kind for kind, _ in ROWS]
    for path, (kind, rows) in zip(sheets, ROWS, strict=True):
        with path.open(encoding="utf-8", newline="") as f:
            header, *lines = list(csv.reader(f))
        assert header == template(kind, "csv", "en").decode("utf-8-sig").splitlines()[0].split(","), path
        names = kind_spec(kind).names
        assert lines == [[row.get(name, "") for name in names] for row in rows], path


def test_start_script_gives_init_the_tested_answers():
    script = (EXAMPLE / "start.sh").read_text(encoding="utf-8")
    command = script[script.index('"$IKG" init'):script.index("for sheet")].replace("\\\n", " ")
    words = shlex.split(command)[2:]
    assert words[:2] == ["--data", "$DATA"]
    assert words[2:] == [a for a in INIT if a not in ("--editor", "test")]
