"""What the commands print: answers as a plain-text, Markdown, CSV or JSON table, and `--param` pairs read."""

from __future__ import annotations

import sys
from collections.abc import Callable

from graph.errors import InputError
from graph.questions.table import Table
from graph.render.exports import csv_text, table_json


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`--param KEY=VALUE` pairs as a dict (spaces around key and value dropped).

    >>> parse_params(["actor = NTNU", "max=2"])
    {'actor': 'NTNU', 'max': '2'}
    """
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {pair!r}: write it as KEY=VALUE, e.g. --param actor=NTNU")
        params[key.strip()] = value.strip()
    return params


def format_table(table: Table, width: int = 60) -> str:
    """A plain-text table for the terminal; long cells are cut with an ellipsis.

    >>> print(format_table(Table(["city", "since"], [["Darmstadt", "1968"]])))
    city       since
    ---------  -----
    Darmstadt  1968
    """
    if not table.rows:
        return "(no rows)"

    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    # The last column (sources, chains) is printed whole; the others are cut to keep rows readable.
    rows = [[cut(c) for c in row[:-1]] + row[-1:] for row in table.rows]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(table.columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), rule, *body])


def markdown_table(table: Table) -> str:
    """A Markdown table; a `|` inside a cell is escaped.

    >>> print(markdown_table(Table(["a", "b"], [["x|y", "z"]])))
    | a | b |
    |---|---|
    | x\\|y | z |
    """
    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    return "\n".join([head, rule, *("| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows)])


def _csv(table: Table) -> str:
    return csv_text(table.columns, table.rows)


def _json(table: Table) -> str:
    return table_json(table.columns, table.rows) + "\n"


def _markdown(table: Table) -> str:
    return markdown_table(table) + "\n"


def _plain(table: Table) -> str:
    return format_table(table) + "\n"


# Each `--format` and the function that writes a table in it (the whole text, ending in a newline).
FORMATS: dict[str, Callable[[Table], str]] = {"table": _plain, "csv": _csv, "json": _json, "md": _markdown}


def emit(table: Table, fmt: str) -> None:
    """Print `table` as `fmt` (a key of FORMATS; the plain table when unknown)."""
    sys.stdout.write(FORMATS.get(fmt, _plain)(table))
