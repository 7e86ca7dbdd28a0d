"""The review workbook staff fill in Excel, in both directions: one round, one row per item.

The facts (name, kind, since, status, target areas, unit, cost, currency, last activity, sources, the
item's IRI) are locked; the assessment cells (a score 0–3 per target area, effect, cost-benefit,
recommendation, comment, reviewer, date) are open, with data validation for the scores, the
recommendation and the date. Years and costs are numbers, the date a date; the header is frozen and
filtered. A sheet "Runde"/"Round" names the round. Reading a workbook back (`read_workbook`) finds the
columns by their headings in either language and reports every problem by sheet, row and column; the
store-side checks and the one recorded change are graph.edit.assessments.import_workbook.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from graph.analysis.assessments import assessments, target_areas
from graph.analysis.review_items import REVIEW_COLUMNS, assessment_history, review_rows
from graph.i18n import languages, t
from graph.render.exports import safe_cell
from graph.store.base import Store

FACTS = ["name", "kind", "since", "status", "target_areas", "responsible_unit", "annual_cost", "currency",
         "last_activity", "source", "item"]
TEXTS = ["effect_seen", "cost_benefit", "recommendation", "comment", "reviewer", "date"]
NUMBERS = ("since", "annual_cost", "last_activity")
OPEN_FILL = PatternFill("solid", fgColor="FFF8E1")
assert set(FACTS) == set(REVIEW_COLUMNS)


def headings(store: Store, lang: str) -> dict[str, str]:
    """Column key -> heading in `lang`; a target area's score column is keyed `score:NOTATION`."""
    heads = {c: t(f"col.{c}", lang) for c in FACTS + TEXTS}
    heads["item"] = t("wb.item", lang)
    for notation, label in target_areas(store, lang):
        heads[f"score:{notation}"] = t("wb.score", lang, n=notation, area=label)
    order = FACTS[:-1] + [k for k in heads if k.startswith("score:")] + TEXTS + ["item"]
    return {k: heads[k] for k in order}


def _number(text: str) -> Any:
    """A year or an amount as a number (text when it is not one)."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def fact_cells(row: dict[str, str]) -> dict[str, Any]:
    """An item's fact cells as the workbook holds them (numbers as numbers, text neutralised)."""
    return {k: (_number(row[k]) if k in NUMBERS and row[k] else safe_cell(row[k]) or None) for k in FACTS}


def workbook_bytes(store: Store, lang: str = "en", round: str | None = None, round_label: str = "") -> bytes:
    """The round's workbook: the review sheet, every assessment ever saved, and the round."""
    heads = headings(store, lang)
    keys = list(heads)
    latest = {a.item: a for a in assessments(store, lang, round)} if round else {}
    wb = Workbook()
    ws = wb.active
    ws.title = t("sheet.review", lang)
    ws.append(list(heads.values()))
    recs = {key: t(f"rec.{key}", lang) for key in ("keep", "review", "leave")}
    for row in review_rows(store, lang).dicts():
        a = latest.get(row["item"])
        cells = fact_cells(row)
        if a is not None:
            cells.update({f"score:{n}": s for n, s in a.relevance.items()})
            cells.update(effect_seen=safe_cell(a.effect_seen) or None, cost_benefit=safe_cell(a.cost_benefit) or None,
                         recommendation=recs.get(a.recommendation), comment=safe_cell(a.comment) or None,
                         reviewer=safe_cell(a.reviewer) or None, date=_day(a.date))
        ws.append([cells.get(k) for k in keys])
    _dress(ws, keys, len(ws["A"]), recs, lang)
    history = wb.create_sheet(t("sheet.history", lang)[:31])
    table = assessment_history(store, lang)
    history.append([t(f"col.{c}", lang) for c in table.columns])
    for r in table.rows:
        history.append([safe_cell(c) for c in r])
    _widths(history)
    history.protection.sheet = True
    meta = wb.create_sheet(t("wb.round_sheet", lang))
    meta.append([t("wb.round_iri", lang), round or ""])
    meta.append([t("wb.round_label", lang), safe_cell(round_label)])
    _widths(meta)
    meta.protection.sheet = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _dress(ws: Any, keys: list[str], last: int, recs: dict[str, str], lang: str) -> None:
    """Lock the facts, open and validate the assessment cells, freeze and filter the header, set widths."""
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    scores = DataValidation(type="whole", operator="between", formula1="0", formula2="3", allow_blank=True,
                            showErrorMessage=True, error=t("wb.score_rule", lang), errorTitle=t("wb.rule", lang))
    rec = DataValidation(type="list", formula1='"' + ",".join(recs.values()) + '"', allow_blank=True,
                         showErrorMessage=True, error=t("wb.rec_rule", lang), errorTitle=t("wb.rule", lang))
    day = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                         showErrorMessage=True, error=t("wb.date_rule", lang), errorTitle=t("wb.rule", lang))
    for v in (scores, rec, day):
        ws.add_data_validation(v)
    for i, key in enumerate(keys, start=1):
        letter = get_column_letter(i)
        span = f"{letter}2:{letter}{max(last, 2)}"
        if key.startswith("score:"):
            scores.add(span)
        elif key == "recommendation":
            rec.add(span)
        elif key == "date":
            day.add(span)
        editable = key.startswith("score:") or key in TEXTS
        for (cell,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
            if editable:
                cell.protection = Protection(locked=False)
                cell.fill = OPEN_FILL
            if key == "date":
                cell.number_format = "yyyy-mm-dd"
            elif key == "annual_cost":
                cell.number_format = "#,##0"
            elif key in ("since", "last_activity"):
                cell.number_format = "0"
    _widths(ws)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(last, 1)}"
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # filtering and sorting stay allowed on the protected sheet
    ws.protection.sort = False
    ws.protection.formatColumns = False


def _widths(ws: Any) -> None:
    for i, column in enumerate(ws.iter_cols(), start=1):
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(longest + 2, 50))


@dataclass
class Sheet:
    """A filled-in review workbook as read back: the round, each row's cells by column key, problems."""

    name: str
    round: str
    columns: dict[str, int] = field(default_factory=dict)  # column key -> column number (1-based)
    heads: dict[str, str] = field(default_factory=dict)  # column key -> its heading in the sheet
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def where(sheet: str, row: int, column: int, heading: str, lang: str) -> str:
    """'Sheet “Review”, row 5, column M (recommendation)'."""
    return t("wb.where", lang, sheet=sheet, row=row, column=get_column_letter(column), heading=heading)


def read_workbook(store: Store, data: bytes, lang: str = "en") -> Sheet:
    """The review sheet of a workbook: its columns found by heading (either language), its rows as values."""
    try:
        wb = load_workbook(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any unreadable file is the same problem for the user
        return Sheet("", "", problems=[t("wb.unreadable", lang)])
    ws = wb.worksheets[0]
    round_iri = ""  # the round's IRI, or else its name (typed in when the workbook was made before any round)
    for other in wb.worksheets[1:]:
        if other.title in {t("wb.round_sheet", x) for x in languages()}:
            round_iri = str(other["B1"].value or "").strip() or str(other["B2"].value or "").strip()
    sheet = Sheet(ws.title, round_iri)
    by_heading = {h: k for x in languages() for k, h in headings(store, x).items()}
    for i, cell in enumerate(ws[1], start=1):
        key = by_heading.get(str(cell.value or "").strip())
        if key:
            sheet.columns[key] = i
            sheet.heads[key] = str(cell.value).strip()
        elif cell.value not in (None, ""):
            sheet.problems.append(where(ws.title, 1, i, str(cell.value), lang) + ": " + t("wb.unknown_column", lang))
    missing = [k for k in ("item", "recommendation", "reviewer", "date") if k not in sheet.columns]
    if missing:
        sheet.problems.append(t("wb.missing_columns", lang, sheet=ws.title,
                                columns=", ".join(headings(store, lang)[k] for k in missing)))
        return sheet
    for r, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if all(v in (None, "") for v in values):
            continue
        sheet.rows.append((r, {k: values[i - 1] if i - 1 < len(values) else None for k, i in sheet.columns.items()}))
    return sheet
