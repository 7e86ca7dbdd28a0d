"""Spreadsheets of the same kinds of thing as the forms: templates to fill in, and an import that checks
every row with the forms' rules (`graph.editing.build`) and returns the triples, all or nothing.

`template(kind, "csv"|"xlsx", lang)` gives a file with a header row, an example row and, in a
workbook, a help sheet. `patch_from_table(store, name, data, kind=…, lang=…)` reads a CSV (UTF-8 with or
without BOM, `,` or `;` separated) or an XLSX workbook and returns a `TablePatch` (the triples to add,
rows read, new things per kind) without writing anything; the caller writes it with
`graph.history.commit`. When any row is wrong, `TableErrors` lists every problem as (row, column,
message), with rows numbered as the spreadsheet shows them (the header is row 1).

Headers are accepted in Norwegian or English (the labels of both languages' templates) or as the
field names (`label_nb`). Rows may name things made by rows above them in the same file.

>>> text = template("network", "csv", "en").decode("utf-8-sig").splitlines()[0]
>>> text.split(",")[:3]
['Identifier', 'Name in Norwegian *', 'Name in English *']
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import re
from collections import Counter
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

import graph.edit.editing as editing
from graph.edit.editing import KINDS, Field, FieldErrors, Kind, Pending, kind_spec, quote
from graph.errors import InputError
from graph.i18n import t
from graph.render.exports import DANGEROUS_START, safe_cell
from graph.store.base import Store

MAX_ROWS = 5000
FORMATS = ("csv", "xlsx")
KIND = "kind"  # the optional column that says each row's kind, so one file can hold several kinds
ALL_FIELDS = tuple(editing.BASE_FIELDS.values())


# ---------------------------------------------------------------------------------------------
# Results and errors
# ---------------------------------------------------------------------------------------------


class TableErrors(InputError):  # noqa: N818 - the name the callers know
    """Every problem of a spreadsheet, as (row, column, message); row None is the file as a whole.

    Rows are numbered as the spreadsheet shows them (the header is row 1); the column is its header
    text, with its letter in a workbook ("Network (C)"); "" when the problem is the whole row.
    """

    def __init__(self, problems: list[tuple[int | None, str, str]], lang: str = "en") -> None:
        self.problems = list(problems)
        super().__init__("\n".join(format_problem(p, lang) for p in self.problems))


def format_problem(problem: tuple[int | None, str, str], lang: str = "en") -> str:
    """One problem as a line: 'Row 3, column Network (C): …'."""
    row, column, message = problem
    if row is None:
        return message
    if column:
        return t("tabular.problem.cell", lang, row=row, column=column, message=message)
    return t("tabular.problem.row", lang, row=row, message=message)


@dataclass
class TablePatch:
    """What an import would add: the triples, the rows read and the new things per kind."""

    kind: str
    name: str
    add: Graph
    remove: Graph
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    items: list[tuple[int, str, str]] = field(default_factory=list)  # (row, IRI, label) of each new thing

    @property
    def summary(self) -> dict:
        return {"kind": self.kind, "rows": self.rows, "new": dict(self.counts)}

    def preview(self, lang: str = "en") -> str:
        """One sentence: how many rows were read and how many things of each kind are new."""
        things = ", ".join(t("tabular.count", lang, n=n, kind=kind_spec(k).label(lang))
                           for k, n in self.counts.items()) or t("tabular.preview.none", lang)
        key = "tabular.preview.one" if self.rows == 1 else "tabular.preview"
        return t(key, lang, rows=self.rows, name=self.name, things=things)


# ---------------------------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------------------------


def header(f: Field, lang: str) -> str:
    """A column's header in a template: the field's name in that language, * when it must be filled in."""
    return f.label(lang) + (" *" if f.required else "")


def _norm(text: str) -> str:
    return " ".join(str(text).replace("*", " ").split()).casefold()


def _accepted(f: Field) -> set[str]:
    """Every header that names a field: its name and its label in either language."""
    return {_norm(f.name), _norm(f.name.replace("_", " ")), _norm(f.label("nb")), _norm(f.label("en"))}


def _is_kind_header(text: str) -> bool:
    return _norm(text) in {"kind", _norm(t("tabular.kind_column", "nb")), _norm(t("tabular.kind_column", "en"))}


def _kind_from_text(text: str) -> Kind | None:
    for kind in KINDS:
        if _norm(text) in {_norm(kind.name), _norm(kind.label("nb")), _norm(kind.label("en"))}:
            return kind
    return None


def _map_headers(fields: tuple[Field, ...], headers: list[str],
                 mixed: bool = False) -> tuple[dict[int, str], list[str], list[str], list[str]]:
    """Column index -> field name (KIND for the kind column); and the unknown, missing and repeated headers."""
    mapping: dict[int, str] = {}
    unknown, twice = [], []
    for i, text in enumerate(headers):
        if not str(text).strip():
            continue
        if mixed and _is_kind_header(text):
            name = KIND
        else:
            name = next((f.name for f in fields if _norm(text) in _accepted(f)), None)
        if name is None:
            unknown.append(str(text).strip())
        elif name in mapping.values():
            twice.append(str(text).strip())
        else:
            mapping[i] = name
    missing = [f.name for f in fields if f.required and f.name not in mapping.values()]
    return mapping, unknown, missing, twice


def _header_problem(kind: Kind, unknown, missing, twice, lang: str) -> str:
    quoted = lambda items: ", ".join(quote(x, lang) for x in items)  # noqa: E731
    parts = []
    if unknown:
        parts.append(t("tabular.err.headers_unknown", lang, columns=quoted(unknown)))
    if missing:
        parts.append(t("tabular.err.headers_missing", lang, columns=quoted(header(kind.field(n), lang)
                                                                            for n in missing)))
    if twice:
        parts.append(t("tabular.err.headers_twice", lang, columns=quoted(twice)))
    expected = ", ".join(header(f, lang) for f in kind.fields)
    return t("tabular.err.headers", lang, kind=kind.label(lang).lower(), detail="; ".join(parts), expected=expected)


def _mixed_header_problem(unknown, twice, lang: str) -> str:
    quoted = lambda items: ", ".join(quote(x, lang) for x in items)  # noqa: E731
    parts = [t("tabular.err.headers_unknown", lang, columns=quoted(unknown))] if unknown else []
    if twice:
        parts.append(t("tabular.err.headers_twice", lang, columns=quoted(twice)))
    expected = ", ".join([t("tabular.kind_column", lang)] + [f.label(lang) for f in ALL_FIELDS])
    return t("tabular.err.headers_mixed", lang, detail="; ".join(parts), expected=expected)


def _guess_kind(headers: list[str], lang: str) -> Kind:
    """The kind whose template the headers fit (all known, required ones there), the closest fit first."""
    fits = []
    for kind in KINDS:
        mapping, unknown, missing, twice = _map_headers(kind.fields, headers)
        if mapping and not unknown and not missing and not twice:
            fits.append((len(kind.fields) - len(mapping), kind))
    if not fits:
        columns = ", ".join(quote(h, lang) for h in headers if str(h).strip())
        raise TableErrors([(1, "", t("tabular.err.kind_unknown", lang, columns=columns,
                                     kinds=", ".join(k.label(lang) for k in KINDS)))], lang)
    fits.sort(key=lambda f: f[0])
    best = [k for unused, k in fits if unused == fits[0][0]]
    if len(best) > 1:
        raise TableErrors([(1, "", t("tabular.err.kind_ambiguous", lang,
                                     kinds=", ".join(k.label(lang) for k in best)))], lang)
    return best[0]


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


def _concept_label(c: URIRef, lang: str) -> str:
    from graph.rdf.shapes import shipped_ontology

    return editing._pick_label(shipped_ontology().objects(c, RDFS.label), lang) or editing._local(c)


def _unique_choice(store: Store | None, name: str, lang: str, avoid: set[str] = frozenset()) -> str:
    """The label of a thing from the store that names it unambiguously (for example rows)."""
    if store is None:
        return ""
    pairs = editing.choices(store, name, lang)
    counts = Counter(label.casefold() for _, label in pairs)
    return next((label for iri, label in pairs if counts[label.casefold()] == 1 and iri not in avoid), "")


def _home_label(store: Store | None, lang: str) -> tuple[str, set[str]]:
    home = editing.home_actor(store) if store is not None else None
    if home is None:
        return "", set()
    return editing.label_of(store, home, lang), {str(home)}


def _example(kind: Kind, lang: str, store: Store | None) -> dict[str, str]:
    """An example row: valid on the store when one is given (it names things the store has)."""
    home, home_iri = _home_label(store, lang)
    ex = {
        "source_reference": t("tabular.example.reference", lang),
        "source_url": "https://www.example.org/",
        "evidence": _concept_label(editing.IKG.stated, lang),
    }
    active = _concept_label(editing.IKG.Active, lang)
    if kind.name in ("network", "project", "activity", "actor"):
        ex["label_nb"] = t(f"tabular.example.{kind.name}_nb", lang)
        ex["label_en"] = t(f"tabular.example.{kind.name}_en", lang)
    if kind.name == "actor":
        ex["actor_type"] = _concept_label(editing.IKG.VoluntaryOrganisation, lang)
        ex["location"] = home
    elif kind.name == "network":
        ex.update(target_areas="1", sdgs="11; 17", status=active, start="2024")
    elif kind.name == "membership":
        ex.update(member=home, network=_unique_choice(store, "network", lang),
                  role=_concept_label(editing.IKG.MemberRole, lang), status=active, start="01.03.2024",
                  annual_cost="12500", currency="NOK")
    elif kind.name == "twin-city-agreement":
        ex.update(city=_unique_choice(store, "city", lang, home_iri),
                  agreement_type=_concept_label(editing.IKG.LetterOfIntent, lang),
                  status=_concept_label(editing.IKG.Planned, lang), start="2025")
    elif kind.name == "project":
        ex.update(programme=_unique_choice(store, "programme", lang), status=active, start="2024", end="2026",
                  budget="500000", currency="EUR", target_areas="1", sdgs="11", partners=home)
    elif kind.name == "participation":
        ex.update(project=_unique_choice(store, "project", lang), participant=home,
                  role=_concept_label(editing.IKG.PartnerRole, lang))
    elif kind.name == "activity":
        ex.update(activity_type=_concept_label(editing.IKG.Seminar, lang), start="2025-03-14", location=home,
                  participants=home, target_areas="1")
    return ex


def _possible_values(f: Field, lang: str, store: Store | None) -> str:
    if f.type == "class":
        return "; ".join(_concept_label(c, lang) for c in f.options)
    if f.type == "concept":
        if store is not None:
            return "; ".join(label for _, label in editing.choices(store, f.name, lang))
        from graph.rdf.shapes import shipped_ontology

        concepts = shipped_ontology().subjects(SKOS.inScheme, f.scheme)
        return "; ".join(sorted((_concept_label(c, lang) for c in concepts), key=str.casefold))
    if f.type == "target_areas" and store is not None:
        return "; ".join(label for _, label in editing.choices(store, f.name, lang))
    if f.type == "sdgs":
        return "1–17"
    if f.type == "currency":
        return "NOK; EUR; SEK; DKK; USD …"
    return ""


def _required_text(kind: Kind, f: Field, lang: str) -> str:
    if f.required:
        return t("common.yes", lang)
    needed = [cls for cls, names in kind.needs if f.name in names]
    if needed:
        return t("tabular.help.needed_for", lang, what=", ".join(_concept_label(c, lang).lower() for c in needed))
    return t("common.no", lang)


def sheet_name(kind: Kind, lang: str) -> str:
    """The name of a kind's sheet in a workbook (at most 31 characters, as Excel allows)."""
    return re.sub(r"[\[\]:*?/\\]", " ", kind.label(lang))[:31]


def template(kind: str, fmt: str, lang: str = "en", *, store: Store | None = None) -> bytes:
    """A file to fill in for one kind: headers in `lang`, an example row and (XLSX) a help sheet.

    With a store, the example names things the store has, so the template imports as it is.
    """
    spec = kind_spec(kind, lang)
    if fmt not in FORMATS:
        raise InputError(t("tabular.err.format", lang, name=f"*.{fmt}"))
    headers = [header(f, lang) for f in spec.fields]
    example = _example(spec, lang, store)
    row = [safe_cell(example.get(f.name, "")) for f in spec.fields]
    if fmt == "csv":
        buf = stdio.StringIO()
        writer = csv.writer(buf, delimiter=";" if lang == "nb" else ",", lineterminator="\r\n")
        writer.writerow([safe_cell(h) for h in headers])
        writer.writerow(row)
        return buf.getvalue().encode("utf-8-sig")
    return _xlsx_template(spec, headers, row, lang, store)


def _xlsx_template(kind: Kind, headers: list[str], row: list[str], lang: str, store: Store | None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(kind, lang)
    ws.append([safe_cell(h) for h in headers])
    ws.append(row)
    ws.freeze_panes = "A2"
    for i, (h, value) in enumerate(zip(headers, row, strict=True), start=1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = min(50, max(12, len(h) + 2, len(value) + 2))
        ws.column_dimensions[letter].number_format = "@"  # text: Excel keeps 01.03.2024 and 1; 3 as typed
    help_ws = wb.create_sheet(t("tabular.sheet_help", lang))
    help_ws.append([safe_cell(t("tabular.help.intro", lang, kind=kind.label(lang).lower()))])
    help_ws.append([safe_cell(t("tabular.help.all_or_nothing", lang))])
    help_ws.append([safe_cell(t("tabular.help.mixed", lang))])
    help_ws.append([])
    columns = [t(f"tabular.help.{k}", lang) for k in ("column", "required", "what", "values")]
    help_ws.append(columns)
    for cell in help_ws[5]:
        cell.font = Font(bold=True)
    for f in kind.fields:
        help_ws.append([safe_cell(x) for x in (header(f, lang), _required_text(kind, f, lang), f.help(lang),
                                               _possible_values(f, lang, store))])
    for letter, width in zip("ABCD", (28, 14, 80, 60), strict=True):
        help_ws.column_dimensions[letter].width = width
    for line in help_ws.iter_rows(min_row=6):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = stdio.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


@dataclass
class _Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)
    letters: bool = False  # a workbook: columns are shown with their letters
    sheet_kind: Kind | None = None
    cell_problems: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column index, message)


def _unneutralise(text: str) -> str:
    """A cell written by safe_cell ("'=x") back to what it said."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS_START) else text


def _cell_text(value) -> str:
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


def _read_csv(data: bytes, lang: str) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableErrors([(None, "", t("tabular.err.encoding", lang))], lang) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        records = list(csv.reader(stdio.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TableErrors([(None, "", t("tabular.err.csv", lang, detail=str(exc)))], lang) from None
    if not records:
        return _Table([], [])
    rows = [(i, [_unneutralise(c.strip()) for c in cells]) for i, cells in enumerate(records[1:], start=2)]
    return _Table([c.strip() for c in records[0]], rows)


def _kind_of_sheet(name: str) -> Kind | None:
    for kind in KINDS:
        if _norm(name) in {_norm(kind.name), _norm(sheet_name(kind, "nb")), _norm(sheet_name(kind, "en"))}:
            return kind
    return None


def _has_kind_column(ws) -> bool:
    first = next(ws.iter_rows(max_row=1, values_only=True), ())
    return any(isinstance(v, str) and _is_kind_header(v) for v in first)


def _pick_sheet(wb, kind: Kind | None, lang: str):
    sheets = {name: _kind_of_sheet(name) for name in wb.sheetnames}
    found = ", ".join(quote(n, lang) for n in wb.sheetnames)
    if kind is not None:
        match = [n for n, k in sheets.items() if k is kind] or [n for n in wb.sheetnames if _has_kind_column(wb[n])]
        if match:
            return wb[match[0]], kind
        expected = " / ".join(quote(sheet_name(kind, lg), lang) for lg in ("nb", "en"))
        raise TableErrors([(None, "", t("tabular.err.sheet", lang, wanted=kind.label(lang).lower(), found=found,
                                        expected=expected))], lang)
    kinds = [(n, k) for n, k in sheets.items() if k is not None]
    if len(kinds) == 1:
        return wb[kinds[0][0]], kinds[0][1]
    mixed = [n for n in wb.sheetnames if _has_kind_column(wb[n])]
    if not kinds and len(mixed) == 1:
        return wb[mixed[0]], None
    if not kinds:
        expected = ", ".join(quote(sheet_name(k, lang), lang) for k in KINDS)
        raise TableErrors([(None, "", t("tabular.err.sheet", lang, wanted=t("tabular.any_kind", lang),
                                        found=found, expected=expected))], lang)
    sheets_found = ", ".join(quote(n, lang) for n, _ in kinds)
    raise TableErrors([(None, "", t("tabular.err.sheets_many", lang, found=sheets_found))], lang)


def _read_xlsx(data: bytes, kind: Kind | None, lang: str) -> _Table:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(stdio.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise TableErrors([(None, "", t("tabular.err.xlsx", lang))], lang) from None
    try:
        ws, sheet_kind = _pick_sheet(wb, kind, lang)
        table = _Table([], [], letters=True, sheet_kind=sheet_kind)
        for number, cells in enumerate(ws.iter_rows(), start=1):
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
            else:
                table.rows.append((number, texts))
            if number > MAX_ROWS + 1:
                break
        return table
    finally:
        wb.close()


def _read(name: str, data: bytes, kind: Kind | None, lang: str) -> _Table:
    if not data or not data.strip():
        raise TableErrors([(None, "", t("tabular.err.empty", lang))], lang)
    lower = (name or "").lower()
    if data[:4] == b"PK\x03\x04" or lower.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, kind, lang)
    if lower.endswith((".xls", ".ods", ".numbers", ".pdf", ".docx")) or b"\x00" in data[:1024]:
        raise TableErrors([(None, "", t("tabular.err.format", lang, name=name))], lang)
    return _read_csv(data, lang)


# ---------------------------------------------------------------------------------------------
# Importing
# ---------------------------------------------------------------------------------------------


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


class _Columns:
    """How problems name columns: the header as written, with its letter in a workbook."""

    def __init__(self, table: _Table, mapping: dict[int, str], lang: str) -> None:
        self.table, self.lang = table, lang
        self.index = {name: i for i, name in mapping.items()}

    def of_index(self, i: int) -> str:
        text = self.table.headers[i] if i < len(self.table.headers) else ""
        return f"{text} ({_letter(i)})" if self.table.letters else text

    def of_field(self, name: str, kind: Kind | None = None) -> str:
        """The column of a field; a field without a column is named as the form names it."""
        if name in self.index:
            return self.of_index(self.index[name])
        if name == "source_section" and "source_reference" in self.index:
            return self.of_index(self.index["source_reference"])
        f = editing.BASE_FIELDS.get(name)
        return f.label(self.lang) if f else ""


def patch_from_table(store: Store, name: str, data: bytes, *, kind: str | None = None,
                     lang: str = "en") -> TablePatch:
    """Check a CSV or XLSX file of things to add and return what it would add; writes nothing.

    The kind comes from `kind`, the workbook's sheet name or the CSV's headers; a column "Kind"
    ("Slag") instead gives each row's kind, so one file can add a network and then memberships in
    it. Every row is checked with the forms' rules, rows may name things of rows above them, and the
    whole file is checked against the shapes at the end. Any problem raises TableErrors listing all.
    """
    wanted = kind_spec(kind, lang) if kind else None
    table = _read(name, data, wanted, lang)
    if not any(str(h).strip() for h in table.headers):
        raise TableErrors([(1, "", t("tabular.err.sheet_header" if table.rows else "tabular.err.empty", lang))], lang)
    mixed = any(_is_kind_header(h) for h in table.headers)
    spec = None if mixed else (wanted or table.sheet_kind or _guess_kind(table.headers, lang))
    mapping, unknown, missing, twice = _map_headers(ALL_FIELDS if mixed else spec.fields, table.headers, mixed)
    if unknown or (missing and not mixed) or twice:
        message = _mixed_header_problem(unknown, twice, lang) if mixed else _header_problem(
            spec, unknown, missing, twice, lang)
        raise TableErrors([(1, "", message)], lang)
    rows = [(n, cells) for n, cells in table.rows if any(c.strip() for c in cells)]
    if len(rows) > MAX_ROWS:
        raise TableErrors([(None, "", t("tabular.err.too_many_rows", lang, max=MAX_ROWS))], lang)
    columns = _Columns(table, mapping, lang)
    problems = [(row, columns.of_index(col), msg) for row, col, msg in table.cell_problems]
    if not rows:
        raise TableErrors(problems or [(None, "", t("tabular.err.no_rows", lang))], lang)
    pending, drafts = Pending(), []
    for number, cells in rows:
        cell = {field_name: (cells[i] if i < len(cells) else "") for i, field_name in mapping.items()}
        row_kind = _row_kind(cell, spec or wanted, number, columns, problems, lang)
        if row_kind is None:
            continue
        values = _row_values(row_kind, cell, number, columns, problems, lang)
        try:
            draft = editing.build(store, row_kind.name, values, lang, pending=pending)
        except FieldErrors as exc:
            problems += [(number, columns.of_field(f, row_kind), message) for f, message in exc.problems]
            continue
        pending.add(draft, number)
        drafts.append((number, draft))
    if not problems:
        problems += _shape_problems(store, pending, drafts, columns, lang)
    if problems:
        raise TableErrors(sorted(problems, key=lambda p: p[0] or 0), lang)
    counts = Counter(k for _, draft in drafts for k, _ in draft.created)
    items = [(number, str(draft.iri), draft.label) for number, draft in drafts]
    ordered = {k.name: counts[k.name] for k in KINDS if counts[k.name]}
    return TablePatch(spec.name if spec else "mixed", name, pending.graph, Graph(), len(rows), ordered, items)


def _row_kind(cell: dict, default: Kind | None, number: int, columns: _Columns, problems: list,
              lang: str) -> Kind | None:
    """The kind of a row: the file's, or the row's own in a file with a kind column."""
    if KIND not in cell:
        return default
    text = cell[KIND].strip()
    found = _kind_from_text(text) if text else default
    if found is None:
        known = ", ".join(k.label(lang) for k in KINDS)
        key = "tabular.err.row_kind" if text else "tabular.err.row_kind_missing"
        problems.append((number, columns.of_field(KIND), t(key, lang, value=text, known=known)))
    return found


def _row_values(kind: Kind, cell: dict, number: int, columns: _Columns, problems: list, lang: str) -> dict:
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


def _shape_problems(store: Store, pending: Pending, drafts: list, columns: _Columns, lang: str) -> list:
    """The SHACL check of the whole file, each problem on the row that made the thing."""
    kinds = {draft.iri: editing.kind_spec(draft.kind) for _, draft in drafts}
    out = []
    for iri, f, message in editing.shape_problems(store, pending.graph, Graph(), lang):
        row = pending.origin.get(URIRef(iri))
        out.append((row, columns.of_field(f, kinds.get(URIRef(iri))) if row else "", message))
    return out
