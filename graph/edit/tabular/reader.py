"""Reading a spreadsheet into header and rows of text: a CSV (UTF-8 with or without BOM, else Windows-1252 as
Excel's own "CSV" saves it in Norway; `,` or `;` separated) or an XLSX workbook (the sheet of the kind asked for,
formulas refused), nothing else.

>>> table = read("x.csv", "Name;Start\\nPort Cities;2024\\n".encode(), None, "en")
>>> table.headers, table.rows
(['Name', 'Start'], [(2, ['Port Cities', '2024'])])
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from graph.edit.kinds import KINDS, Kind
from graph.edit.tabular.headers import is_kind_header, kind_of_sheet, sheet_name
from graph.edit.tabular.results import refusal
from graph.edit.uploads import csv_text
from graph.i18n import languages, t
from graph.i18n import number as number_text
from graph.render.exports import DANGEROUS_START
from graph.vocab.labels import quote

MAX_ROWS = 5000
# A workbook is read within these bounds, whatever it declares: a 5 KB file may declare A1:XFD1048576
# (17 billion cells), and openpyxl pads every row to the declared width.
MAX_COLUMNS = 200  # the widest template has a few dozen columns
MAX_SHEET_ROWS = 100_000  # row numbers below this (data may have blank rows in between)
MAX_CELLS = 2_000_000  # cells looked at while reading one sheet


@dataclass
class Table:
    """A spreadsheet as text: its header, and its rows numbered as the spreadsheet shows them."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)
    letters: bool = False  # a workbook: columns are shown with their letters
    sheet_kind: Kind | None = None
    cell_problems: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column index, message)
    encoding: str = ""  # a CSV's: "utf-8", or graph.edit.uploads.WINDOWS_1252 when it was not UTF-8


def read(name: str, data: bytes, kind: Kind | None, lang: str) -> Table:
    """A CSV or XLSX file as a Table (for a workbook, the sheet of `kind`); TableErrors when it cannot be read."""
    if not data or not data.strip():
        raise refusal("tabular.err.empty", lang)
    lower = (name or "").lower()
    if data[:4] == b"PK\x03\x04" or lower.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, kind, lang)
    if lower.endswith((".xls", ".ods", ".numbers", ".pdf", ".docx")) or b"\x00" in data[:1024]:
        raise refusal("tabular.err.format", lang, name=name)
    return _read_csv(data, lang)


def _unneutralise(text: str) -> str:
    """A cell written by safe_cell ("'=x") back to what it said."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS_START) else text


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return _unneutralise(str(value).strip())


def _read_csv(data: bytes, lang: str) -> Table:
    try:
        text, encoding = csv_text(data)
    except UnicodeDecodeError:
        raise refusal("tabular.err.encoding", lang) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise refusal("tabular.err.csv", lang, detail=str(exc)) from None
    if not records:
        return Table([], [], encoding=encoding)
    headers = [c.strip() for c in records[0]]
    table = Table(headers, [], encoding=encoding)
    for i, cells in enumerate(records[1:], start=2):
        if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers):]):
            # a value with the separator in it, unquoted («11; 17»): told as that, not as the shifted columns' errors
            table.cell_problems.append((i, -1, t("tabular.err.extra_fields", lang, n=len(cells), m=len(headers),
                                                  sep=delimiter)))
            continue
        table.rows.append((i, [_unneutralise(c.strip()) for c in cells]))
    return table


def _has_kind_column(ws: Any) -> bool:
    first = next(ws.iter_rows(max_row=1, values_only=True), ())
    return any(isinstance(v, str) and is_kind_header(v) for v in first)


def _pick_sheet(wb: Any, kind: Kind | None, lang: str) -> tuple[Any, Kind | None]:
    sheets = {name: kind_of_sheet(name) for name in wb.sheetnames}
    found = ", ".join(quote(n, lang) for n in wb.sheetnames)
    if kind is not None:
        match = [n for n, k in sheets.items() if k is kind] or [n for n in wb.sheetnames if _has_kind_column(wb[n])]
        if match:
            return wb[match[0]], kind
        expected = " / ".join(quote(sheet_name(kind, lg), lang) for lg in languages())
        raise refusal("tabular.err.sheet", lang, wanted=kind.label(lang).lower(), found=found, expected=expected)
    kinds = [(n, k) for n, k in sheets.items() if k is not None]
    if len(kinds) == 1:
        return wb[kinds[0][0]], kinds[0][1]
    mixed = [n for n in wb.sheetnames if _has_kind_column(wb[n])]
    if not kinds and len(mixed) == 1:
        return wb[mixed[0]], None
    if not kinds:
        expected = ", ".join(quote(sheet_name(k, lang), lang) for k in KINDS)
        raise refusal("tabular.err.sheet", lang, wanted=t("tabular.any_kind", lang), found=found, expected=expected)
    raise refusal("tabular.err.sheets_many", lang, found=", ".join(quote(n, lang) for n, _ in kinds))


def _read_xlsx(data: bytes, kind: Kind | None, lang: str) -> Table:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise refusal("tabular.err.xlsx", lang) from None
    try:
        ws, sheet_kind = _pick_sheet(wb, kind, lang)
        _check_declared(ws, lang)
        ws.reset_dimensions()  # read the cells that are there, not the declared range (it may lie either way)
        table = Table([], [], letters=True, sheet_kind=sheet_kind)
        budget, blank = MAX_CELLS, None
        for number, cells in enumerate(ws.iter_rows(), start=1):
            if cells is blank or not cells:  # openpyxl gives one shared object for every missing row
                continue
            if number > MAX_SHEET_ROWS or budget < len(cells):
                raise refusal("tabular.err.sheet_too_long", lang, sheet=ws.title, at=number_text(number, lang),
                              max_rows=number_text(MAX_SHEET_ROWS, lang), cells=number_text(MAX_CELLS, lang))
            budget -= len(cells)
            if all(getattr(cell, "value", None) is None for cell in cells):
                blank = cells
                continue
            beyond = [i for i, cell in enumerate(cells[MAX_COLUMNS:], start=MAX_COLUMNS)
                      if getattr(cell, "value", None) is not None]
            if beyond:  # (a row is as wide as its last cell, so this costs what the file holds)
                raise refusal("tabular.err.too_many_columns", lang, sheet=ws.title, at=number,
                              column=letter(beyond[0]), max=MAX_COLUMNS)
            cells = cells[:MAX_COLUMNS]
            texts = []
            for col, cell in enumerate(cells):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")
                                                               and getattr(cell, "data_type", None) != "s"):
                    table.cell_problems.append((number, col, t("tabular.err.formula", lang, value=value)))
                    value = ""
                texts.append(_cell_text(value))
            if number == 1:
                table.headers = texts
            elif any(texts):
                table.rows.append((number, texts))
                if len(table.rows) > MAX_ROWS:
                    raise refusal("tabular.err.too_many_rows", lang, max=MAX_ROWS)
        return table
    finally:
        wb.close()


def _check_declared(ws: Any, lang: str) -> None:
    """Refuse a sheet whose declared range (its <dimension>) is larger than a table can be."""
    rows, columns = ws.max_row or 0, ws.max_column or 0
    if rows > MAX_SHEET_ROWS or columns > MAX_COLUMNS:
        raise refusal("tabular.err.declared_size", lang, sheet=ws.title, range=ws.calculate_dimension(),
                      max_rows=number_text(MAX_SHEET_ROWS, lang), max_columns=MAX_COLUMNS)


def letter(index: int) -> str:
    """A workbook's letter for a column index (0 is A)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
