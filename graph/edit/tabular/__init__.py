"""Spreadsheets of the same kinds of thing as the forms: templates to fill in, and an import that checks
every row with the forms' rules (`graph.edit.build`) and returns the triples, all or nothing.

`template(kind, "csv"|"xlsx", lang)` (templates) gives a file with a header row, an example row and, in a
workbook, a help sheet. `patch_from_table(store, name, data, kind=…, lang=…)` (patch) reads a CSV (UTF-8
with or without BOM, `,` or `;` separated) or an XLSX workbook (reader) and returns a `TablePatch` (the
triples to add, rows read, new things per kind) without writing anything; the caller writes it with
`graph.history.changes.commit`. When any row is wrong, `TableErrors` (results) lists every problem as
(row, column, message), with rows numbered as the spreadsheet shows them (the header is row 1).

Headers are accepted in Norwegian or English (the labels of both languages' templates) or as the
field names (`label_nb`) (headers). Rows may name things made by rows above them in the same file, but
may not add again what the graph or a row above has (duplicates): importing a file twice adds nothing.

>>> text = template("network", "csv", "en").decode("utf-8-sig").splitlines()[0]
>>> text.split(",")[:3]
['Identifier', 'Name in Norwegian *', 'Name in English *']
"""

from graph.edit.tabular.headers import KIND, header, sheet_name
from graph.edit.tabular.patch import patch_from_table
from graph.edit.tabular.results import TableErrors, TablePatch, format_problem
from graph.edit.tabular.templates import FORMATS, template

__all__ = ["FORMATS", "KIND", "TableErrors", "TablePatch", "_norm", "format_problem", "header", "patch_from_table",
           "sheet_name", "template"]
