"""The review of section 5.1 as files: CSV and XLSX of the table, and the printable report (Markdown, HTML).

Cells that a spreadsheet would run as formulas are neutralised; every value from the data is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from typing import Any

from graph.analysis.assessments import relevance_text, rounds, target_areas
from graph.analysis.review_items import GROUPS, assessment_history, report_groups, review_table
from graph.i18n import escape_md, t
from graph.questions.catalogue import Table
from graph.render.exports import csv_text, xlsx_bytes
from graph.store.base import Store

FACT_FIELDS = ("kind", "since", "status", "target_areas", "responsible_unit", "annual_cost", "last_activity", "source")


def _headed(table: Table, lang: str) -> tuple[list[str], list[list[str]]]:
    return [t(f"col.{c}", lang) for c in table.columns], table.rows


def export_csv(store: Store, lang: str = "en", round: str | None = None) -> str:
    """The review with its assessments as CSV (formulas neutralised)."""
    return csv_text(*_headed(review_table(store, lang, round), lang))


def export_xlsx(store: Store, lang: str = "en", round: str | None = None) -> bytes:
    """A workbook: the review with the round's assessments, and every assessment ever saved."""
    return xlsx_bytes({
        t("sheet.review", lang): _headed(review_table(store, lang, round), lang),
        t("sheet.history", lang): _headed(assessment_history(store, lang), lang),
    })


def _report_lines(store: Store, lang: str, round_: str | None) -> Iterator[tuple[str, Any]]:
    """The report as a sequence of (kind, payload) parts, rendered to Markdown or HTML below."""
    areas = dict(target_areas(store, lang))
    groups = report_groups(store, lang, round_)
    label = next((lab for iri, lab in rounds(store, lang) if round_ in (iri, lab)), None)
    label = label or round_ or t("report.all_rounds", lang)
    yield "title", t("report.title", lang)
    yield "meta", t("report.round", lang, round=label)
    yield "meta", t("report.made", lang, date=dt.date.today().isoformat())
    yield "meta", t("report.summary", lang, **{g: len(items) for g, items in groups.items()})
    for g in GROUPS:
        yield "group", (t(f"report.group.{g}", lang), len(groups[g]))
        if not groups[g]:
            yield "empty", t("report.none_in_group", lang)
        for entry in groups[g]:
            yield "item", entry.facts["name"]
            facts = [(t(f"col.{f}", lang), entry.facts[f]) for f in FACT_FIELDS if entry.facts.get(f)]
            a = entry.assessment
            if a is not None:
                facts += [
                    (t("col.relevance", lang), relevance_text(a.relevance, areas)),
                    (t("col.effect_seen", lang), a.effect_seen),
                    (t("col.cost_benefit", lang), a.cost_benefit),
                    (t("col.comment", lang), a.comment),
                    (t("report.assessed_by", lang), f"{a.reviewer}, {a.date}"),
                ]
            yield "facts", [(k, v) for k, v in facts if v]


def report_markdown(store: Store, lang: str = "en", round: str | None = None) -> str:
    """The printable report in Markdown; every value from the data is escaped."""
    out: list[str] = []
    for kind, payload in _report_lines(store, lang, round):
        if kind == "title":
            out += [f"# {escape_md(payload)}", ""]
        elif kind == "meta":
            out += [escape_md(payload), ""]
        elif kind == "group":
            name, count = payload
            out += [f"## {escape_md(name)} ({count})", ""]
        elif kind == "empty":
            out += [f"_{escape_md(payload)}_", ""]
        elif kind == "item":
            out += [f"### {escape_md(payload)}", ""]
        else:
            out += [f"- **{escape_md(k)}:** {escape_md(v)}" for k, v in payload] + [""]
    return "\n".join(out).rstrip() + "\n"


REPORT_CSS = """
body { font-family: Arial, Helvetica, sans-serif; max-width: 50em; margin: 2em auto; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 2em; }
h3 { font-size: 1.05em; margin-bottom: .3em; } dl { margin: 0 0 1em 0; }
dt { font-weight: bold; float: left; clear: left; width: 11em; } dd { margin-left: 12em; }
.meta { color: #444; } @media print { h2 { page-break-after: avoid; } section { page-break-inside: avoid; } }
"""


def report_html(store: Store, lang: str = "en", round: str | None = None) -> str:
    """The printable report as a standalone HTML page (no scripts; every value from the data escaped)."""
    e = html.escape
    title = t("report.title", lang)
    out = [
        "<!DOCTYPE html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">', f"<title>{e(title)}</title>",
        f"<style>{REPORT_CSS}</style></head><body>",
    ]
    in_dl = False
    for kind, payload in _report_lines(store, lang, round):
        if kind == "title":
            out.append(f"<h1>{e(payload)}</h1>")
        elif kind == "meta":
            out.append(f'<p class="meta">{e(payload)}</p>')
        elif kind == "group":
            name, count = payload
            out.append(f"<h2>{e(name)} ({count})</h2>")
        elif kind == "empty":
            out.append(f"<p><em>{e(payload)}</em></p>")
        elif kind == "item":
            out.append(f"<section><h3>{e(payload)}</h3>")
            in_dl = True
        else:
            out.append("<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in payload) + "</dl>")
            if in_dl:
                out.append("</section>")
                in_dl = False
    out.append("</body></html>")
    return "\n".join(out) + "\n"
