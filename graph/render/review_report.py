"""The review of section 5.1 as files: CSV and XLSX of the table, and the printable report (Markdown, HTML).

Cells that a spreadsheet would run as formulas are neutralised; every value from the data is escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Iterator
from typing import Any

from babel.dates import format_date
from rdflib import URIRef

from graph.analysis.assessments import find_round, relevance_text, review_rounds, rounds, target_areas
from graph.analysis.review_items import GROUPS, ReportItem, portfolio, report_groups, review_table
from graph.i18n import day, escape_md, locale_of, number, t
from graph.questions.catalogue import Table
from graph.questions.languages import label_bindings
from graph.render.exports import spreadsheet_csv
from graph.render.review_portfolio import portfolio_png_of
from graph.render.review_workbook import workbook_bytes
from graph.store.base import Store

FACT_FIELDS = ("kind", "since", "status", "target_areas", "responsible_unit", "annual_cost", "last_activity", "source")


def _headed(table: Table, lang: str) -> tuple[list[str], list[list[str]]]:
    """Headings in the language; the review's item is its identifier (IRI), said so (a question's item is a name)."""
    return [t("col.item_iri" if c == "item" else f"col.{c}", lang) for c in table.columns], table.rows


def export_csv(store: Store, lang: str = "en", round: str | None = None) -> bytes:
    """The review with its assessments as a CSV to open in a spreadsheet (graph.render.exports.spreadsheet_csv)."""
    return spreadsheet_csv(*_headed(review_table(store, lang, round), lang), lang)


def export_xlsx(store: Store, lang: str = "en", round: str | None = None) -> bytes:
    """The round's workbook to fill in (graph.render.review_workbook): the review sheet with the round's
    assessments, every assessment ever saved, and the round."""
    wanted = find_round(store, round)
    found = next((r for r in review_rounds(store, lang) if r.iri == wanted), None)
    return workbook_bytes(store, lang, found.iri if found else None, found.label if found else "")


def _report_lines(store: Store, lang: str, round_: str | None, chart: bool = False) -> Iterator[tuple[str, Any]]:
    """The report as a sequence of (kind, payload) parts, rendered to Markdown or HTML below."""
    areas = dict(target_areas(store, lang))
    groups = report_groups(store, lang, round_)
    wanted = find_round(store, round_)
    found = next((r for r in review_rounds(store, lang) if r.iri == wanted), None)
    label = found.label if found else next((lab for iri, lab in rounds(store, lang) if round_ in (iri, lab)), None)
    label = label or round_ or t("report.all_rounds", lang)
    yield "title", t("report.title", lang)
    yield "meta", t("report.round", lang, round=label)
    if found is not None:
        period = "–".join(p for p in (found.begin, found.end) if p) or "–"
        yield "meta", t("report.round_facts", lang, status=t(f"round.status.{found.status}", lang), period=period,
                        lead=found.lead or "–")
        for quote, section in decision_served(store, found.iri, lang):
            yield "quote", (quote, section)
    yield "meta", t("report.made", lang, date=format_date(dt.date.today(), format="long", locale=locale_of(lang)))
    yield "summary_head", t("report.summary_head", lang)
    yield "meta", t("report.summary", lang, **{g: len(items) for g, items in groups.items()})
    for g in GROUPS:
        yield "meta", t(f"report.cost.{g}", lang, cost=_costs(groups[g], lang))
    items = portfolio(store, lang, found.iri if found else round_) if chart else []
    if any(p.relevance is not None for p in items):  # nothing assessed yet: no empty chart
        yield "chart", base64.b64encode(portfolio_png_of(items, lang)).decode("ascii")
    for g in GROUPS:
        yield "group", (t(f"report.group.{g}", lang), len(groups[g]))
        if not groups[g]:
            yield "empty", t("report.none_in_group", lang)
        for entry in groups[g]:
            yield "item", entry.facts["name"]
            shown = {**entry.facts, "annual_cost": f"{entry.facts['annual_cost']} {entry.facts['currency']}".strip()}
            facts = [(t(f"col.{f}", lang), shown[f]) for f in FACT_FIELDS if entry.facts.get(f)]
            a = entry.assessment
            if a is not None:
                facts += [
                    (t("col.relevance", lang), relevance_text(a.relevance, areas)),
                    (t("col.effect_seen", lang), a.effect_seen),
                    (t("col.cost_benefit", lang), a.cost_benefit),
                    (t("col.comment", lang), a.comment),
                    (t("report.assessed_by", lang), f"{a.reviewer}, {day(a.date, lang)}"),
                ]
            yield "facts", [(k, v) for k, v in facts if v]


def _costs(items: list[ReportItem], lang: str) -> str:
    """The items' total annual cost per currency ('120 000 NOK'), or '–' when none is recorded."""
    totals: dict[str, float] = {}
    for entry in items:
        try:
            amount = float(entry.facts.get("annual_cost") or "")
        except ValueError:
            continue
        totals[entry.facts.get("currency") or ""] = totals.get(entry.facts.get("currency") or "", 0) + amount
    known = sum(1 for e in items if e.facts.get("annual_cost"))
    if not totals:
        return t("report.no_costs", lang)
    money = "; ".join(f"{number(round(v), lang)} {c}".strip() for c, v in sorted(totals.items()))
    return t("report.costs_of", lang, money=money, known=known, total=len(items))


DECISION = """
SELECT ?quote ?section WHERE { ?r ikg:citation ?c . ?c ikg:quote ?quote ; ikg:evidence ikg:stated ; ikg:section ?s .
  OPTIONAL { ?c ikg:aboutProperty ?about } FILTER(!BOUND(?about))
  ?s rdfs:label ?section . FILTER(lang(?section) = ?dlang) } ORDER BY ?section ?quote
"""


def decision_served(store: Store, round_iri: str, lang: str) -> list[tuple[str, str]]:
    """The quotes the round rests on (what decision it serves), with the document section."""
    rows = store.select(DECISION, {"r": URIRef(round_iri), **label_bindings(store, lang)}).rows
    return [(str(q), str(s)) for q, s in rows]


def report_markdown(store: Store, lang: str = "en", round: str | None = None) -> str:
    """The printable report in Markdown; every value from the data is escaped."""
    out: list[str] = []
    for kind, payload in _report_lines(store, lang, round):
        if kind == "title":
            out += [f"# {escape_md(payload)}", ""]
        elif kind == "summary_head":
            out += [f"## {escape_md(payload)}", ""]
        elif kind == "quote":
            out += [f"> {escape_md(payload[0])} ({escape_md(payload[1])})", ""]
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
.meta { color: #444; } blockquote { border-left: 3px solid #999; margin: .5em 0; padding-left: 1em; }
figure.chart img { width: 100%; height: auto; } figure.chart { margin: 1em 0; }
@media print { h2 { page-break-after: avoid; } section, figure { page-break-inside: avoid; }
  h2.summary ~ h2 { page-break-before: always; } }
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
    for kind, payload in _report_lines(store, lang, round, chart=True):
        if kind == "title":
            out.append(f"<h1>{e(payload)}</h1>")
        elif kind == "summary_head":
            out.append(f'<h2 class="summary">{e(payload)}</h2>')
        elif kind == "quote":
            out.append(f"<blockquote>{e(payload[0])} <cite>({e(payload[1])})</cite></blockquote>")
        elif kind == "chart":  # a picture, so no text from the data can ever become markup
            alt = e(t("portfolio.title", lang))
            out.append(f'<figure class="chart"><img src="data:image/png;base64,{payload}" alt="{alt}"></figure>')
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
