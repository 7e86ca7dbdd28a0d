"""The import of a spreadsheet: every row checked with the forms' rules (graph.edit.build), rows naming
things of rows above them, and the whole file checked against the shapes; all or nothing."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, URIRef

import graph.edit.periods as periods
import graph.edit.tabular.reader as reader
from graph.edit.build import build
from graph.edit.checks import FieldErrors, shape_problems
from graph.edit.draft import Pending
from graph.edit.duplicates import Duplicates
from graph.edit.kinds import ALL_KINDS, BASE_FIELDS, Kind, kind_spec
from graph.edit.tabular.headers import (
    ALL_FIELDS,
    KIND,
    guess_kind,
    header_problem,
    is_kind_header,
    kind_from_text,
    map_headers,
    mixed_header_problem,
    named_kind,
)
from graph.edit.tabular.reader import Table, letter
from graph.edit.tabular.results import EXAMPLE_URL, Problem, TableErrors, TablePatch, refusal
from graph.i18n import t
from graph.questions.languages import data_languages
from graph.store.base import Store


def patch_from_table(store: Store, name: str, data: bytes, *, kind: str | None = None,
                     lang: str = "en") -> TablePatch:
    """Check a CSV or XLSX file of things to add and return what it would add; writes nothing.

    The kind comes from `kind`, the workbook's sheet name or the CSV's headers; a column "Kind"
    ("Slag") instead gives each row's kind, so one file can add a network and then memberships in
    it. Every row is checked with the forms' rules, rows may name things of rows above them, a row may not
    add what the graph or a row above it already has (graph.edit.duplicates), and the whole file
    is checked against the shapes at the end. Any problem raises TableErrors listing all.
    """
    languages = data_languages(store)  # one label column per data language (label_sv, label_en …)
    wanted = named_kind(kind, lang, languages) if kind else None
    table = reader.read(name, data, wanted, lang)
    if not any(str(h).strip() for h in table.headers):
        raise refusal("tabular.err.sheet_header" if table.rows else "tabular.err.empty", lang, row=1)
    spec: Kind | None = None
    if any(is_kind_header(h) for h in table.headers):
        fields = {f.name: f for f in (*ALL_FIELDS, *kind_spec("network", lang, languages).fields)}  # label_sv …
        mapping, unknown, missing, twice = map_headers(tuple(fields.values()), table.headers, mixed=True)
        if unknown or twice:
            raise TableErrors([(1, "", mixed_header_problem(unknown, twice, lang))], lang)
    else:
        spec = (wanted or table.sheet_kind or guess_kind(table.headers, lang)).for_languages(languages)
        mapping, unknown, missing, twice = map_headers(spec.fields, table.headers)
        if unknown or missing or twice:
            raise TableErrors([(1, "", header_problem(spec, unknown, missing, twice, lang))], lang)
    rows = [(n, cells) for n, cells in table.rows if any(c.strip() for c in cells)]
    if len(rows) > reader.MAX_ROWS:
        raise refusal("tabular.err.too_many_rows", lang, max=reader.MAX_ROWS)
    columns = _Columns(table, mapping, lang)
    problems: list[Problem] = [(row, columns.of_index(col), msg) for row, col, msg in table.cell_problems]
    if not rows:
        raise TableErrors(problems or [(None, "", t("tabular.err.no_rows", lang))], lang)
    pending, drafts = Pending(), []
    repeats = Duplicates(store, lang, pending)
    failed: dict[str, int] = {}  # the names of things rows with problems would add -> that row
    for number, cells in rows:
        cell = {field_name: (cells[i] if i < len(cells) else "") for i, field_name in mapping.items()}
        row_kind = _row_kind(cell, spec or wanted, number, columns, problems, lang)
        row_kind = row_kind.for_languages(languages) if row_kind is not None else None
        if row_kind is None:
            continue
        values = _row_values(row_kind, cell, number, columns, problems, lang)
        try:
            draft = build(store, row_kind.name, values, lang, pending=pending)
        except FieldErrors as exc:
            problems += [(number, columns.of_field(f), _after_failed(values.get(f), message, failed, lang))
                         for f, message in exc.problems]
            repeated = repeats.problem_of_names(row_kind.name, values, exc.problems)  # now, not once all is mended
            if repeated is not None:
                problems.append((number, columns.of_field(repeated[0]) if repeated[0] else "", repeated[1]))
            failed.update({v.strip().casefold(): number for k, v in values.items()
                           if k.startswith("label_") and isinstance(v, str) and v.strip()})
            continue
        repeated = repeats.problem(draft)
        if repeated is not None:  # the graph or an earlier row has it already: no copy, whatever its IRI
            problems.append((number, columns.of_field(repeated[0]) if repeated[0] else "", repeated[1]))
            continue
        pending.add(draft, number)
        repeats.add(draft, number)
        drafts.append((number, draft))
    if not problems:
        problems += _shape_problems(store, pending, columns, lang)
    if problems:
        raise TableErrors(sorted(problems, key=lambda p: p[0] or 0), lang)
    counts = Counter(k for _, draft in drafts for k, _ in draft.created)
    items = [(number, str(draft.iri), draft.label) for number, draft in drafts]
    ordered = {k.name: counts[k.name] for k in ALL_KINDS if counts[k.name]}
    examples = [number for number, cells in rows if _is_example(cells, mapping)]
    stale = [(number, *found) for number, draft in drafts if (found := periods.stale(draft.add, draft.iri)) is not None]
    return TablePatch(spec.name if spec else "mixed", name, pending.graph, Graph(), len(rows), ordered, items,
                      examples, stale, "" if table.encoding in ("", "utf-8") else table.encoding)


def _is_example(cells: list[str], mapping: dict[int, str]) -> bool:
    """A row that still cites the template's example source (www.example.org): the example, left in."""
    return any(name == "source_url" and i < len(cells) and cells[i].strip().rstrip("/") == EXAMPLE_URL.rstrip("/")
               for i, name in mapping.items())


class _Columns:
    """How problems name columns: the header as written, with its letter in a workbook."""

    def __init__(self, table: Table, mapping: dict[int, str], lang: str) -> None:
        self.table, self.lang = table, lang
        self.index = {name: i for i, name in mapping.items()}

    def of_index(self, i: int) -> str:
        """The column at index i ('' for -1: the whole row)."""
        if i < 0:
            return ""
        text = self.table.headers[i] if i < len(self.table.headers) else ""
        return f"{text} ({letter(i)})" if self.table.letters else text

    def of_field(self, name: str) -> str:
        """The column of a field; a field without a column is named as the form names it."""
        if name in self.index:
            return self.of_index(self.index[name])
        if name == "source_section" and "source_reference" in self.index:
            return self.of_index(self.index["source_reference"])
        f = BASE_FIELDS.get(name)
        return f.label(self.lang) if f else ""


def _after_failed(value: object, message: str, failed: dict[str, int], lang: str) -> str:
    """A field naming what an earlier row with problems would have added: said so (that row first), not
    as a name the graph does not have."""
    for part in str(value or "").split(";"):
        row = failed.get(part.strip().casefold())
        if row is not None:
            return t("tabular.err.from_failed_row", lang, value=part.strip(), row=row)
    return message


def _row_kind(cell: dict[str, str], default: Kind | None, number: int, columns: _Columns, problems: list[Problem],
              lang: str) -> Kind | None:
    """The kind of a row: the file's, or the row's own in a file with a kind column."""
    if KIND not in cell:
        return default
    text = cell[KIND].strip()
    found = kind_from_text(text) if text else default
    if found is None:
        known = ", ".join(k.label(lang) for k in ALL_KINDS)
        key = "tabular.err.row_kind" if text else "tabular.err.row_kind_missing"
        problems.append((number, columns.of_field(KIND), t(key, lang, value=text, known=known)))
    return found


def _row_values(kind: Kind, cell: dict[str, str], number: int, columns: _Columns, problems: list[Problem],
                lang: str) -> dict[str, str]:
    """The cells of a row that are fields of its kind; a filled cell of another kind's field is a problem."""
    values = {}
    for name, text in cell.items():
        if name == KIND:
            continue
        if kind.field(name) is not None:
            values[name] = text
        elif text.strip():
            problems.append((number, columns.of_field(name), t("tabular.err.not_for_kind", lang,
                                                               kind=kind.label(lang).lower())))
    return values


def _shape_problems(store: Store, pending: Pending, columns: _Columns, lang: str) -> list[Problem]:
    """The SHACL check of the whole file, each problem on the row that made the thing."""
    out: list[Problem] = []
    for iri, f, message in shape_problems(store, pending.graph, Graph(), lang):
        row = pending.origin.get(URIRef(iri))
        out.append((row if isinstance(row, int) else None, columns.of_field(f) if row else "", message))
    return out

