"""Values in a file within the ranges the forms and spreadsheets accept: a year 1800–2100
(graph.edit.values.YEAR_MIN/YEAR_MAX) in every date, year and day; an amount (schema:value) from 0 up to
graph.edit.checks.AMOUNT_MAX with at most two decimals. A Turtle file once brought the years 2999 and
99999 and a 5,000-digit annual cost past them. And no text holds a lone surrogate ("\\uD800" in
Turtle), which is no character: no store can write it."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from graph.edit.checks import AMOUNT_MAX, amount_in_range
from graph.edit.importing.findings import Findings
from graph.edit.importing.lookup import owner
from graph.edit.importing.naming import short
from graph.edit.values import YEAR_MAX, YEAR_MIN
from graph.i18n import number, t
from graph.vocab.namespaces import SCHEMA

DATES = {XSD.gYear, XSD.date, XSD.dateTime, XSD.gYearMonth, XSD.dateTimeStamp}
_YEAR = re.compile(r"\s*(-?\d+)")


def shown(text: str, width: int = 40) -> str:
    """A value as a message quotes it: cut with an ellipsis when long (a 5,000-digit number).

    >>> shown("1" * 50, 10)
    '111111111…'
    """
    return text if len(text) <= width else text[: width - 1] + "…"


def year_of(literal: Literal) -> int | None:
    """The year a date-typed literal states (also when it is far too large for Python's dates).

    >>> year_of(Literal("99999", datatype=XSD.gYear)), year_of(Literal("2019-10-01", datatype=XSD.date))
    (99999, 2019)
    """
    match = _YEAR.match(str(literal))
    return int(match.group(1)) if match and len(match.group(1)) < 12 else None


def _surrogates(text: str) -> str:
    """The text with its lone surrogates written as \\uXXXX (they cannot be printed as they are).

    >>> _surrogates("x\\ud800y")
    'x\\\\ud800y'
    """
    return "".join(f"\\u{ord(c):04x}" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def ranges(found: Findings, graph: Graph) -> bool:
    """Years outside YEAR_MIN–YEAR_MAX, amounts outside 0–AMOUNT_MAX and texts with a lone surrogate, each
    placed at its holder. True when a text holds a lone surrogate: no store can be asked about it."""
    lang = found.lang
    unstorable = False
    for s, p, o in graph:  # (ImportErrors sorts the problems)
        if not isinstance(o, Literal):
            continue
        holder = owner(graph, s, found.store)
        text = _surrogates(str(o))
        if text != str(o):
            unstorable = True
            found.problem(holder, t("import.surrogate", lang, field=short(p), value=shown(text, 60)), subject=True)
        elif o.datatype in DATES:
            year = year_of(o)
            if year is None or not YEAR_MIN <= year <= YEAR_MAX:
                found.problem(holder, t("import.year_range", lang, field=short(p), value=shown(str(o)),
                                        min=YEAR_MIN, max=YEAR_MAX), subject=True)
        elif p == SCHEMA.value:
            try:
                amount = Decimal(str(o))
            except InvalidOperation:
                continue  # not a number: the literal check or the shapes say so
            if not amount_in_range(amount):
                found.problem(holder, t("import.amount_range", lang, field=short(p), value=shown(str(o)),
                                        max=number(AMOUNT_MAX, lang)), subject=True)
    return unstorable
