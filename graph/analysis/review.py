"""The membership review of strategy section 5.1: the items to review, assessments saved as RDF, reports.

Each assessment is an `ikg:Assessment` in the store, with readable IRIs under the dataset's own
namespace, who made it (`ikg:reviewer`) and when (`dcterms:date`, `prov:generatedAtTime`); it is
written in one transaction, so it is there after a restart on a persistent store. A new save never
overwrites: the latest assessment of an item in a round counts, earlier ones stay as history.

>>> from graph.store import open_store
>>> store = open_store("memory")
>>> [r for r, _ in recommendations("en")]
['keep', 'review', 'leave']
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

import graph.render.exports as io
from graph.errors import InputError
from graph.history.changes import commit
from graph.i18n import escape_md, t
from graph.questions.catalogue import Table, display, run
from graph.store.base import Store
from graph.vocab.namespaces import IKG

RECOMMENDATIONS = {"keep": IKG.Keep, "review": IKG.Review, "leave": IKG.Leave}
BY_IRI = {str(iri): key for key, iri in RECOMMENDATIONS.items()}
GROUPS = ("keep", "review", "leave", "none")
FALLBACK_NAMESPACE = "https://w3id.org/ikg/local/"
REVIEW_COLUMNS = [
    "item", "kind", "name", "since", "status", "target_areas", "responsible_unit", "annual_cost",
    "last_activity", "source",
]
ASSESSMENT_COLUMNS = [
    "round", "recommendation", "relevance", "effect_seen", "cost_benefit", "comment", "reviewer", "date",
]


def recommendations(lang: str = "en") -> list[tuple[str, str]]:
    """(key, label) for keep, review and leave."""
    return [(key, t(f"rec.{key}", lang)) for key in RECOMMENDATIONS]


# ---------------------------------------------------------------------------------------------
# What is reviewed
# ---------------------------------------------------------------------------------------------


def review_rows(store: Store, lang: str = "en") -> Table:
    """One row per membership and twin-city agreement of the home actor (the `review` question),
    with the item's IRI first and the cost with its currency."""
    table = run(store, "review", {}, lang)
    idx = {v: i for i, v in enumerate(table.raw.vars)}
    rows, seen = [], set()
    for raw, row in zip(table.raw.rows, table.dicts(), strict=True):
        item = str(raw[idx["item"]])
        if item in seen:  # several start years or statuses: the first (sorted) row stands for the item
            continue
        seen.add(item)
        cost = f"{row['annual_cost']} {row['currency']}".strip() if row["annual_cost"] else ""
        rows.append([
            item, row["kind"], row["name"], row["since"], row["status"], row["target_areas"],
            row["responsible_unit"], cost, row["last_activity"], row["source"],
        ])
    return Table(list(REVIEW_COLUMNS), rows)


def target_areas(store: Store, lang: str = "en") -> list[tuple[str, str]]:
    """(notation, label) of every target area, in notation order: the relevance scores are per area."""
    rows = store.select(
        """SELECT ?n ?label WHERE { ?ta a ikg:TargetArea ; skos:notation ?n .
             OPTIONAL { ?ta rdfs:label ?label . FILTER(lang(?label) = ?lang) } }""",
        {"lang": Literal(lang)},
    ).rows
    pairs = {str(n): str(label) if label is not None else str(n) for n, label in rows}
    return sorted(pairs.items(), key=lambda p: (len(p[0]), p[0]))


# ---------------------------------------------------------------------------------------------
# Saving an assessment
# ---------------------------------------------------------------------------------------------


def save_assessment(
    store: Store,
    item_iri: str,
    round_label: str,
    relevance: dict[str, int],
    effect_seen: str,
    cost_benefit: str,
    recommendation: str,
    comment: str,
    reviewer: str,
    date: dt.date | str,
    *,
    lang: str = "en",
    now: dt.datetime | None = None,
) -> URIRef:
    """Check the values, then write one assessment in one transaction; returns its IRI.

    Every problem raises InputError with a message in `lang`, and then nothing is written.
    """
    rec = (recommendation or "").strip().lower()
    if rec not in RECOMMENDATIONS:
        raise InputError(t("err.recommendation", lang, value=recommendation))
    round_label = (round_label or "").strip()
    if not _slug(round_label):
        raise InputError(t("err.round", lang))
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise InputError(t("err.reviewer", lang))
    day = _date(date, lang)
    areas = dict(_area_iris(store))
    scores = {}
    for notation, score in (relevance or {}).items():
        notation = str(notation).strip()
        if notation not in areas:
            raise InputError(t("err.area", lang, value=notation, known=", ".join(areas) or "–"))
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 3:
            raise InputError(t("err.score", lang, area=notation, value=score))
        scores[notation] = score
    item = URIRef(item_iri)
    if not store.ask(
        "ASK WHERE { { ?i a org:Membership } UNION { ?i a ?t . ?t rdfs:subClassOf* ikg:Agreement } }", {"i": item}
    ):
        raise InputError(t("err.item", lang, value=item_iri))

    now = now or dt.datetime.now(dt.UTC)
    ns = dataset_namespace(store)
    round_iri = URIRef(f"{ns}review-round-{_slug(round_label)}")
    iri = _free_iri(store, f"{ns}assessment-{_slug(round_label)}-{_slug(_local(item_iri))}-{now:%Y%m%dT%H%M%S}")
    g = Graph()
    if not store.ask("ASK WHERE { ?r a ikg:ReviewRound }", {"r": round_iri}):
        g.add((round_iri, RDF.type, IKG.ReviewRound))
        g.add((round_iri, RDFS.label, Literal(round_label, lang="nb")))
        g.add((round_iri, RDFS.label, Literal(round_label, lang="en")))
    g.add((iri, RDF.type, IKG.Assessment))
    g.add((iri, IKG.assesses, item))
    g.add((iri, IKG.reviewRound, round_iri))
    for notation, score in sorted(scores.items()):
        node = URIRef(f"{iri}-relevance-{_slug(notation)}")
        g.add((iri, IKG.relevance, node))
        g.add((node, RDF.type, IKG.Relevance))
        g.add((node, IKG.targetArea, areas[notation]))
        g.add((node, IKG.score, Literal(score, datatype=XSD.integer)))
    for prop, text in ((IKG.effectSeen, effect_seen), (IKG.costBenefit, cost_benefit), (RDFS.comment, comment)):
        if text and text.strip():
            g.add((iri, prop, Literal(text.strip())))
    g.add((iri, IKG.recommendation, RECOMMENDATIONS[rec]))
    g.add((iri, IKG.reviewer, Literal(reviewer)))
    g.add((iri, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date)))
    g.add((iri, PROV.generatedAtTime, Literal(now.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)))
    commit(store, add=g, editor=reviewer, action="assessment", lang=lang)
    return iri


def _date(value: dt.date | str, lang: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(t("err.date", lang, value=text)) from None


def _area_iris(store: Store) -> list[tuple[str, URIRef]]:
    rows = store.select("SELECT ?n ?ta WHERE { ?ta a ikg:TargetArea ; skos:notation ?n }").rows
    return sorted(((str(n), ta) for n, ta in rows), key=lambda p: (len(p[0]), p[0]))


def dataset_namespace(store: Store) -> str:
    """The namespace of the dataset's own IRIs (the dataset IRI without its last segment)."""
    rows = store.select("SELECT ?d WHERE { ?d a ikg:Dataset ; ikg:homeActor ?home } ORDER BY ?d").rows
    if not rows:
        return FALLBACK_NAMESPACE
    iri = str(rows[0][0])
    cut = max(iri.rfind("/"), iri.rfind("#"))
    return iri[: cut + 1] if cut > len("https://") else FALLBACK_NAMESPACE


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _slug(text: str) -> str:
    """Lower-case ASCII words joined by '-', as in the rest of the dataset's IRIs.

    >>> _slug("Runde 1: våren 2025 (Økonomi)")
    'runde-1-varen-2025-okonomi'
    """
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def _free_iri(store: Store, base: str) -> URIRef:
    iri, n = URIRef(base), 1
    while store.ask("ASK WHERE { ?a ?p ?o }", {"a": iri}):
        n += 1
        iri = URIRef(f"{base}-{n}")
    return iri


# ---------------------------------------------------------------------------------------------
# Reading assessments back
# ---------------------------------------------------------------------------------------------

ASSESSMENTS_QUERY = """
SELECT ?a ?item ?round ?round_label ?rec ?effect ?cb ?comment ?reviewer ?date ?time WHERE {
  ?a a ikg:Assessment ; ikg:assesses ?item .
  OPTIONAL { ?a ikg:reviewRound ?round }
  OPTIONAL { ?round rdfs:label ?round_label . FILTER(lang(?round_label) = ?lang) }
  OPTIONAL { ?a ikg:recommendation ?rec }
  OPTIONAL { ?a ikg:effectSeen ?effect }
  OPTIONAL { ?a ikg:costBenefit ?cb }
  OPTIONAL { ?a rdfs:comment ?comment }
  OPTIONAL { ?a ikg:reviewer ?reviewer }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a prov:generatedAtTime ?time }
}
"""
RELEVANCE_QUERY = """
SELECT ?a ?n ?score WHERE {
  ?a a ikg:Assessment ; ikg:relevance ?r . ?r ikg:targetArea ?ta ; ikg:score ?score . ?ta skos:notation ?n .
}
"""


@dataclass
class Assessment:
    """One saved assessment, as text (recommendation as keep/review/leave, relevance per notation)."""

    iri: str
    item: str
    round: str
    round_label: str
    recommendation: str
    relevance: dict[str, int] = field(default_factory=dict)
    effect_seen: str = ""
    cost_benefit: str = ""
    comment: str = ""
    reviewer: str = ""
    date: str = ""
    generated: str = ""


def _text(term) -> str:
    return "" if term is None else display(term)


def all_assessments(store: Store, lang: str = "en") -> list[Assessment]:
    """Every assessment in the store, oldest first."""
    scores: dict[str, dict[str, int]] = defaultdict(dict)
    for a, n, score in store.select(RELEVANCE_QUERY).rows:
        scores[str(a)][str(n)] = int(score.toPython())
    found: dict[str, Assessment] = {}
    for a, item, rnd, rlabel, rec, effect, cb, comment, reviewer, date, time in store.select(
        ASSESSMENTS_QUERY, {"lang": Literal(lang)}
    ).rows:
        if str(a) in found:  # a second value of an optional field: keep the first
            continue
        found[str(a)] = Assessment(
            iri=str(a), item=str(item), round=_text(rnd), round_label=_text(rlabel) or _local(_text(rnd)),
            recommendation=BY_IRI.get(_text(rec), ""), relevance=scores.get(str(a), {}),
            effect_seen=_text(effect), cost_benefit=_text(cb), comment=_text(comment), reviewer=_text(reviewer),
            date=_text(date), generated=_text(time) or _text(date),
        )
    return sorted(found.values(), key=lambda x: (x.generated, x.iri))


def rounds(store: Store, lang: str = "en") -> list[tuple[str, str]]:
    """(IRI, label) of every review round that has assessments, in the order they were first used."""
    first: dict[str, tuple[str, str]] = {}
    for a in all_assessments(store, lang):
        if a.round and a.round not in first:
            first[a.round] = (a.generated, a.round_label)
    return [(iri, label) for iri, (_, label) in sorted(first.items(), key=lambda kv: kv[1])]


def _round_iri(store: Store, round_: str | None, lang: str) -> str | None:
    if not round_:
        return None
    for iri, label in rounds(store, lang):
        if round_ in (iri, label):
            return iri
    return f"{dataset_namespace(store)}review-round-{_slug(round_)}"


def assessments(store: Store, lang: str = "en", round: str | None = None) -> list[Assessment]:
    """The latest assessment per item per round (only `round`, an IRI or label, when given)."""
    wanted = _round_iri(store, round, lang)
    latest: dict[tuple[str, str], Assessment] = {}
    for a in all_assessments(store, lang):
        if wanted is None or a.round == wanted:
            latest[(a.item, a.round)] = a  # oldest first, so the last one written wins
    return sorted(latest.values(), key=lambda x: (x.round_label, x.item))


def relevance_text(relevance: dict[str, int], areas: dict[str, str] | None = None) -> str:
    """'1 Trade: 3; 2 Culture: 0' (or '1: 3; 2: 0' without labels)."""
    areas = areas or {}
    parts = []
    for n in sorted(relevance, key=lambda x: (len(x), x)):
        name = f"{n} {areas[n]}" if n in areas else n
        parts.append(f"{name}: {relevance[n]}")
    return "; ".join(parts)


def assessment_cells(a: Assessment | None, lang: str, areas: dict[str, str]) -> list[str]:
    if a is None:
        return [""] * len(ASSESSMENT_COLUMNS)
    rec = t(f"rec.{a.recommendation}", lang) if a.recommendation else ""
    return [
        a.round_label, rec, relevance_text(a.relevance, areas), a.effect_seen, a.cost_benefit, a.comment,
        a.reviewer, a.date,
    ]


def review_table(store: Store, lang: str = "en", round: str | None = None) -> Table:
    """The review rows with the latest assessment in `round` (or in any round) beside each."""
    base = review_rows(store, lang)
    areas = dict(target_areas(store, lang))
    latest: dict[str, Assessment] = {}
    for a in sorted(assessments(store, lang, round), key=lambda x: x.generated):
        latest[a.item] = a
    rows = [row + assessment_cells(latest.get(row[0]), lang, areas) for row in base.rows]
    return Table(base.columns + ASSESSMENT_COLUMNS, rows)


def rounds_side_by_side(store: Store, lang: str = "en") -> Table:
    """One row per reviewed item, one column per round: the recommendation, reviewer and date."""
    names = {row[0]: row[2] for row in review_rows(store, lang).rows}
    all_rounds = rounds(store, lang)
    cells: dict[str, dict[str, str]] = defaultdict(dict)
    for a in assessments(store, lang):
        rec = t(f"rec.{a.recommendation}", lang) if a.recommendation else ""
        cells[a.item][a.round] = f"{rec} ({a.reviewer}, {a.date})"
    rows = [
        [names.get(item, _local(item))] + [cells[item].get(iri, "") for iri, _ in all_rounds]
        for item in sorted(cells, key=lambda i: names.get(i, _local(i)).casefold())
    ]
    return Table(["name"] + [label for _, label in all_rounds], rows)


# ---------------------------------------------------------------------------------------------
# Exports and the printable report
# ---------------------------------------------------------------------------------------------


def _headed(table: Table, lang: str) -> tuple[list[str], list[list[str]]]:
    return [t(f"col.{c}", lang) for c in table.columns], table.rows


def export_csv(store: Store, lang: str = "en", round: str | None = None) -> str:
    """The review with its assessments as CSV (formulas neutralised)."""
    return io.csv_text(*_headed(review_table(store, lang, round), lang))


def export_xlsx(store: Store, lang: str = "en", round: str | None = None) -> bytes:
    """A workbook: the review with the round's assessments, and every assessment ever saved."""
    areas = dict(target_areas(store, lang))
    names = {row[0]: row[2] for row in review_rows(store, lang).rows}
    history = Table(
        ["name", *ASSESSMENT_COLUMNS, "generated", "item"],
        [
            [names.get(a.item, _local(a.item)), *assessment_cells(a, lang, areas), a.generated, a.item]
            for a in all_assessments(store, lang)
        ],
    )
    return io.xlsx_bytes({
        t("sheet.review", lang): _headed(review_table(store, lang, round), lang),
        t("sheet.history", lang): _headed(history, lang),
    })


@dataclass
class ReportItem:
    facts: dict[str, str]
    assessment: Assessment | None


def report_groups(store: Store, lang: str = "en", round: str | None = None) -> dict[str, list[ReportItem]]:
    """The review items grouped by their latest recommendation in the round: keep, review, leave, none."""
    latest: dict[str, Assessment] = {}
    for a in sorted(assessments(store, lang, round), key=lambda x: x.generated):
        latest[a.item] = a
    groups: dict[str, list[ReportItem]] = {g: [] for g in GROUPS}
    for row in review_rows(store, lang).dicts():
        a = latest.get(row["item"])
        groups[a.recommendation if a and a.recommendation else "none"].append(ReportItem(row, a))
    return groups


FACT_FIELDS = ("kind", "since", "status", "target_areas", "responsible_unit", "annual_cost", "last_activity", "source")


def _report_lines(store: Store, lang: str, round_: str | None):
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
    out = []
    for kind, payload in _report_lines(store, lang, round):
        if kind == "title":
            out += [f"# {escape_md(payload)}", ""]
        elif kind == "meta":
            out += [escape_md(payload), ""]
        elif kind == "group":
            out += [f"## {escape_md(payload[0])} ({payload[1]})", ""]
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
            out.append(f"<h2>{e(payload[0])} ({payload[1]})</h2>")
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
