"""What the commands print: answers as a plain-text, Markdown, CSV or JSON table, and `--param` pairs read.

Text from the data reaches the terminal only through `graph.vocab.text.visible`: an ESC or OSC sequence,
another control character or a bidi override in a label is printed as an escape, never run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from graph.errors import InputError
from graph.i18n import column, t
from graph.questions.table import Table, in_local_form, in_words
from graph.render.exports import csv_text, table_json
from graph.vocab.text import visible


def safe(text: object) -> str:
    """A value of the data as it may reach a terminal (one line: newlines and tabs escaped too).

    >>> safe("Evil\x1b[2J\u202e")
    'Evil\\\\x1b[2J\\\\u202e'
    """
    return visible(str(text), keep_newlines=False)


def safe_lines(text: str) -> str:
    """A multi-line text (a preview, a diff) with everything but its line breaks made visible."""
    return "\n".join(visible(line, keep_newlines=False) for line in text.split("\n"))


def parse_params(pairs: list[str], lang: str = "en") -> dict[str, str]:
    """`--param KEY=VALUE` pairs as a dict (spaces around key and value dropped).

    >>> parse_params(["actor = NTNU", "max=2"])
    {'actor': 'NTNU', 'max': '2'}
    """
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError.of("cli.param.form", lang, pair=repr(pair))
        params[key.strip()] = value.strip()
    return params


def format_table(table: Table, width: int = 60, lang: str = "en") -> str:
    """A plain-text table for the terminal; long cells are cut with an ellipsis.

    >>> print(format_table(Table(["city", "since"], [["Darmstadt", "1968"]])))
    city       since
    ---------  -----
    Darmstadt  1968
    """
    if not table.rows:
        return t("cli.no_rows", lang)

    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    # The last column (sources, chains) is printed whole; the others are cut to keep rows readable.
    rows = [[cut(safe(c)) for c in row[:-1]] + [safe(c) for c in row[-1:]] for row in table.rows]
    columns = [safe(c) for c in table.columns]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
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
        return visible(text.replace("|", "\\|").replace("\n", " "), keep_newlines=False)

    head = "| " + " | ".join(esc(c) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    return "\n".join([head, rule, *("| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows)])


def _csv(table: Table, lang: str) -> str:
    return csv_text(table.columns, table.rows)


def _json(table: Table, lang: str) -> str:
    return table_json(table.columns, table.rows) + "\n"


def headed(table: Table, lang: str) -> Table:
    """The table with headings for people in Norwegian (as the app shows them); in English the column names
    as they are, which scripts read (CSV and JSON always keep the names).

    >>> headed(Table(["city", "since"], []), "nb").columns, headed(Table(["city", "since"], []), "en").columns
    (['by', 'siden'], ['city', 'since'])
    """
    if lang == "en":
        return table
    return Table([column(c, lang) for c in table.columns], table.rows, table.raw)


def _markdown(table: Table, lang: str) -> str:
    return markdown_table(headed(table, lang)) + "\n"


def _plain(table: Table, lang: str) -> str:
    return format_table(headed(table, lang), lang=lang) + "\n"


# Each `--format` and the function that writes a table in it (the whole text, ending in a newline).
FORMATS: dict[str, Callable[[Table, str], str]] = {"table": _plain, "csv": _csv, "json": _json, "md": _markdown}


def emit(table: Table, fmt: str, lang: str = "en", question: str = "") -> None:
    """Print `table` as `fmt` (a key of FORMATS; the plain table when unknown), the answer of `question` if
    one is named (its codes in words in a table for people, and its decimals, days and times in the
    language's own form: graph.questions.table.in_local_form).

    CSV and JSON written to a file or a pipe keep the data as it is; to a terminal their control and
    bidi characters are made visible too (the table and Markdown formats always make them visible).
    """
    if fmt not in ("csv", "json"):  # for people: decimals, days and times as the language writes them too
        table = in_local_form(in_words(table, question, lang), lang)
    text = FORMATS.get(fmt, _plain)(table, lang)
    if fmt in ("csv", "json") and sys.stdout.isatty():
        text = visible(text)
    sys.stdout.write(text)


# ---------------------------------------------------------------------------------------------
# Faults of the machine, not of the input: what happened and what to do (issue 10, item 11)
# ---------------------------------------------------------------------------------------------
