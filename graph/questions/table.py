"""A question's answer as a Table of display strings: terms written as people read them, list cells tidied,
rows sorted the same way on every backend.

>>> from rdflib import Literal
>>> display(Literal(2.50)), display(Literal("gone"), "nb"), display(Literal(True))
('2.5', 'borte', 'yes')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import get_decimal_symbol
from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.gc_pause import gc_paused
from graph.i18n import day, locale_of, t, when
from graph.questions.question import Question
from graph.store.base import Rows
from graph.vocab.collate import name_key

# Values some questions produce as language-neutral words: shown as the catalogue's word.<value> (graph.i18n).
WORDS = ("gone", "new", "both", "cost", "effect", "membership", "agreement")


@dataclass
class Table:
    """A question's answer: column names and rows of display strings, plus the raw rows."""

    columns: list[str]
    rows: list[list[str]]
    raw: Rows | None = None

    def dicts(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def display(term: Node | None, lang: str = "en") -> str:
    """A term as the text a person reads: numbers without noise, words in their language."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, (float, Decimal)):
            return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
        text = str(term)
        return t(f"word.{text}", lang) if text in WORDS else text
    return str(term)


def _sort_key(value: str, lang: str = "en") -> tuple[int, float, str]:
    try:
        return (0, float(value), "")
    except ValueError:
        return (1, 0.0, name_key(value, lang))


def to_table(q: Question, rows: Rows, lang: str = "en") -> Table:
    """Pick the question's columns, tidy list cells, and sort the same way on every backend."""
    columns = q.columns or [v for v in rows.vars]
    index = {name: i for i, name in enumerate(rows.vars)}
    missing = [c for c in columns if c not in index]
    if missing:
        raise InputError.of("question.no_columns", lang, question=q.name, columns=", ".join(missing))
    shown: dict[Node | None, str] = {}  # each distinct term written once: answers repeat labels and years
    keyed: dict[str, tuple[int, float, str]] = {}

    def text_of(term: Node | None) -> str:
        try:
            return shown[term]
        except KeyError:
            shown[term] = text = display(term, lang)
            return text

    def sort_key(text: str) -> tuple[int, float, str]:
        try:
            return keyed[text]
        except KeyError:
            keyed[text] = k = _sort_key(text, lang)
            return k

    picked = [(index[c], c in q.lists) for c in columns]
    keys = [index[c] for c in (q.sort or columns) if c in index]
    decorated = []
    with gc_paused():  # half the time of a long table otherwise (graph.gc_pause)
        for i, raw in enumerate(rows.rows):
            row = []
            for at, is_list in picked:
                text = text_of(raw[at])
                if is_list and text:
                    parts = {t for t in text.split("; ") if t.strip()}
                    text = "; ".join(sorted(parts, key=lambda x: (name_key(x, lang), x)))
                row.append(text)
            # the question's sort, then the whole row as a reader of the language orders names
            # (graph.vocab.collate), then the exact text: rows that differ only in case or accents ("Asnor",
            # "asnor") come in the same order from every backend
            key = [sort_key(text_of(raw[k])) for k in keys] + [[sort_key(v) for v in row], row]
            decorated.append((key, i, row))
        decorated.sort(key=lambda d: (d[0], d[1]))  # rows with the same text keep the engine's order
        raw_rows = [rows.rows[i] for _, i, _ in decorated]
    return Table(columns, [row for _, _, row in decorated], raw=Rows(rows.vars, raw_rows))


# The few values a question writes as its own codes rather than the data's labels (the app reads the codes),
# and the catalogue key of the word a person reads for each in a table; CSV and JSON keep the codes.
CODE_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "coverage-matrix": {"dimension": {"SDG": "col.sdg", "target area": "col.target_area"},
                        "kind": {"network": "kind.network", "project": "kind.project"}},
    "places": {"role": {"home": "role.home", "twin": "role.twin", "partner": "role.partner"}},
}


# A blank cell of a question's column that means something a reader should be told, in every language
BLANK_WORDS: dict[str, dict[str, str]] = {"inactive-twin-cities": {"last_activity": "word.no_activity"}}


def in_words(table: Table, question: str, lang: str) -> Table:
    """The table with a question's codes as words in `lang` (English keeps the codes, which read as words), and
    its blanks that mean something (BLANK_WORDS) said in words, for a person to read.

    >>> in_words(Table(["city", "role"], [["Graz", "twin"]]), "places", "nb").rows
    [['Graz', 'vennskapsby']]
    >>> in_words(Table(["city", "last_activity"], [["Graz", ""], ["Kiel", "2019"]]), "inactive-twin-cities", "en").rows
    [['Graz', 'none recorded'], ['Kiel', '2019']]
    """
    words = {} if lang == "en" else CODE_WORDS.get(question, {})
    blanks = BLANK_WORDS.get(question, {})
    if not words and not blanks:
        return table
    where = {i: words[c] for i, c in enumerate(table.columns) if c in words}
    said = {i: t(blanks[c], lang) for i, c in enumerate(table.columns) if c in blanks}
    rows = [[said[i] if i in said and not v else t(where[i][v], lang) if i in where and v in where[i] else v
             for i, v in enumerate(row)] for row in table.rows]
    return Table(table.columns, rows, table.raw)


DECIMALS = (XSD.decimal, XSD.double, XSD.float)
DAYS = (XSD.date,)
MOMENTS = (XSD.dateTime, XSD.dateTimeStamp)


def in_local_form(table: Table, lang: str) -> Table:
    """The table as people of `lang` write its decimals, days and times, for a person to read: in bokmål
    63,4305 for 63.4305, 7. des. 2026 for 2026-12-07 and 7. des. 2026, 18:40 for 2026-12-07T18:40:00Z (as
    the app writes days and times). English keeps the forms scripts read, as CSV and JSON always do. The
    columns' datatypes come from the raw terms: a label that reads as a number stays as it is.

    >>> from graph.store.base import Rows
    >>> raw = Rows(["city", "lat", "day"], [(Literal("Graz"), Literal("47.07", datatype=XSD.decimal),
    ...                                      Literal("2026-12-07", datatype=XSD.date))])
    >>> in_local_form(Table(["city", "lat", "day"], [["Graz", "47.07", "2026-12-07"]], raw), "nb").rows
    [['Graz', '47,07', '7. des. 2026']]
    """
    if lang == "en" or table.raw is None or len(table.raw.rows) != len(table.rows) or not table.rows:
        return table  # (a table made in Python may hold no raw rows, or other ones)
    at = {name: i for i, name in enumerate(table.raw.vars)}
    columns = [(i, at[c]) for i, c in enumerate(table.columns) if c in at]
    sign = get_decimal_symbol(locale_of(lang))

    def written(text: str, term: Node | None) -> str:
        kind = term.datatype if isinstance(term, Literal) else None
        if kind is None or not text or text != display(term):  # a cell the table wrote itself: as it is
            return text
        if kind in DECIMALS:
            return text.replace(".", sign)
        return day(text, lang) if kind in DAYS else when(text, lang) if kind in MOMENTS else text

    rows = [list(row) for row in table.rows]
    for row, raw in zip(rows, table.raw.rows, strict=True):
        for i, j in columns:
            row[i] = written(row[i], raw[j])
    return Table(table.columns, rows, table.raw)
