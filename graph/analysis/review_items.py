"""What the review of strategy section 5.1 covers and shows: one row per membership and twin-city
agreement of the home actor, the latest assessment beside each, rounds side by side, and the items
grouped by their recommendation (for the printable report, graph.render.review_report)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from graph.analysis.assessments import Assessment, all_assessments, assessments, relevance_text, rounds, target_areas
from graph.i18n import day, t
from graph.questions.catalogue import Table, run
from graph.questions.languages import label_bindings
from graph.store.base import Rows, Store
from graph.vocab.labels import local_name

GROUPS = ("keep", "review", "leave", "none")
REVIEW_COLUMNS = [
    "item", "kind", "name", "since", "status", "target_areas", "responsible_unit", "annual_cost", "currency",
    "last_activity", "source",
]
UNITS_SEPARATOR = "; "  # an item with several responsible units lists them all in its cell
ASSESSMENT_COLUMNS = [
    "round", "recommendation", "relevance", "effect_seen", "cost_benefit", "comment", "reviewer", "date",
]


def review_rows(store: Store, lang: str = "en") -> Table:
    """One row per membership and twin-city agreement of the home actor (the `review` question),
    with the item's IRI first."""
    table = run(store, "review", {}, lang)
    assert table.raw is not None  # a .rq question keeps its raw rows
    idx = {v: i for i, v in enumerate(table.raw.vars)}
    rows: dict[str, list[str]] = {}
    terms: dict[str, tuple[Node | None, ...]] = {}
    units: dict[str, set[str]] = {}
    for raw, row in zip(table.raw.rows, table.dicts(), strict=True):
        item = str(raw[idx["item"]])
        units.setdefault(item, set()).add(row["responsible_unit"])
        if item not in rows:  # several start years or statuses: the first (sorted) row stands for the item
            rows[item] = [item] + [row[c] for c in REVIEW_COLUMNS[1:]]
            terms[item] = tuple(raw[idx[c]] if c in idx else None for c in REVIEW_COLUMNS)
    at = REVIEW_COLUMNS.index("responsible_unit")
    for item, cells in rows.items():  # every responsible unit of an item, in one cell, the same in each language
        cells[at] = UNITS_SEPARATOR.join(sorted((u for u in units[item] if u), key=str.casefold))
    return Table(list(REVIEW_COLUMNS), list(rows.values()), Rows(list(REVIEW_COLUMNS), list(terms.values())))


def assessment_cells(a: Assessment | None, lang: str, areas: dict[str, str]) -> list[str]:
    """The ASSESSMENT_COLUMNS of an assessment as text (blank without one)."""
    if a is None:
        return [""] * len(ASSESSMENT_COLUMNS)
    rec = t(f"rec.{a.recommendation}", lang) if a.recommendation else ""
    return [
        a.round_label, rec, relevance_text(a.relevance, areas), a.effect_seen, a.cost_benefit, a.comment,
        a.reviewer, a.date,
    ]


def _latest_per_item(store: Store, lang: str, round: str | None) -> dict[str, Assessment]:
    latest: dict[str, Assessment] = {}
    for a in sorted(assessments(store, lang, round), key=lambda x: x.generated):
        latest[a.item] = a
    return latest


def review_table(store: Store, lang: str = "en", round: str | None = None) -> Table:
    """The review rows with the latest assessment in `round` (or in any round) beside each."""
    base = review_rows(store, lang)
    areas = dict(target_areas(store, lang))
    latest = _latest_per_item(store, lang, round)
    rows = [row + assessment_cells(latest.get(row[0]), lang, areas) for row in base.rows]
    assert base.raw is not None
    raw = [terms + _assessment_terms(latest.get(row[0])) for row, terms in zip(base.rows, base.raw.rows, strict=True)]
    return Table(base.columns + ASSESSMENT_COLUMNS, rows, Rows(base.columns + ASSESSMENT_COLUMNS, raw))


def _assessment_terms(a: Assessment | None) -> tuple[Node | None, ...]:
    """The raw terms behind an assessment's cells, where their datatype matters to a reader: its day."""
    date = Literal(a.date, datatype=XSD.date) if a is not None and a.date else None
    return tuple(date if c == "date" else None for c in ASSESSMENT_COLUMNS)


def assessment_history(store: Store, lang: str = "en") -> Table:
    """Every assessment ever saved, oldest first: the item's name, the assessment, when, and the item."""
    areas = dict(target_areas(store, lang))
    names = {row[0]: row[2] for row in review_rows(store, lang).rows}
    return Table(
        ["name", *ASSESSMENT_COLUMNS, "generated", "item"],
        [
            [names.get(a.item, local_name(a.item)), *assessment_cells(a, lang, areas), a.generated, a.item]
            for a in all_assessments(store, lang)
        ],
    )


def rounds_side_by_side(store: Store, lang: str = "en") -> Table:
    """One row per reviewed item, one column per round: the recommendation, reviewer and date."""
    names = {row[0]: row[2] for row in review_rows(store, lang).rows}
    all_rounds = rounds(store, lang)
    cells: dict[str, dict[str, str]] = defaultdict(dict)
    for a in assessments(store, lang):
        rec = t(f"rec.{a.recommendation}", lang) if a.recommendation else ""
        cells[a.item][a.round] = f"{rec} ({a.reviewer}, {day(a.date, lang)})"
    rows = [
        [names.get(item, local_name(item))] + [cells[item].get(iri, "") for iri, _ in all_rounds]
        for item in sorted(cells, key=lambda i: names.get(i, local_name(i)).casefold())
    ]
    return Table(["name"] + [label for _, label in all_rounds], rows)


@dataclass
class ReportItem:
    facts: dict[str, str]
    assessment: Assessment | None


def report_groups(store: Store, lang: str = "en", round: str | None = None) -> dict[str, list[ReportItem]]:
    """The review items grouped by their latest recommendation in the round: keep, review, leave, none."""
    latest = _latest_per_item(store, lang, round)
    groups: dict[str, list[ReportItem]] = {g: [] for g in GROUPS}
    for row in review_rows(store, lang).dicts():
        a = latest.get(row["item"])
        groups[a.recommendation if a and a.recommendation else "none"].append(ReportItem(row, a))
    return groups


@dataclass
class Progress:
    """How far a round has come: assessed / total by kind and by responsible unit, and what is left."""

    done: int
    total: int
    by_kind: Table
    by_unit: Table
    left: Table

    @property
    def units_counted(self) -> int:
        """The sum of the by-unit totals: more than `total` when an item has two responsible units."""
        return sum(int(row[2]) for row in self.by_unit.rows)


def progress(store: Store, lang: str = "en", round: str | None = None) -> Progress:
    """Assessed / total in `round`, by kind and by responsible unit (an item with two units counted under
    each), and the items left (by name)."""
    return progress_of(review_table(store, lang, round), lang)


def progress_of(table: Table, lang: str = "en") -> Progress:
    """The progress shown by a review table (one row per item, its assessment in the round beside it)."""
    col = {c: i for i, c in enumerate(table.columns)}
    no_unit = t("progress.no_unit", lang)

    def grouped(column: str) -> Table:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in table.rows:
            groups = row[col[column]].split(UNITS_SEPARATOR) if column == "responsible_unit" else [row[col[column]]]
            for group in groups:  # an item with two responsible units counts under each
                pair = counts[group or no_unit]
                pair[0] += bool(row[col["recommendation"]])
                pair[1] += 1
        return Table(["group", "done", "total"], [[g, str(d), str(n)] for g, (d, n) in sorted(counts.items())])

    left = [[row[col["name"]], row[col["kind"]], row[col["responsible_unit"]]]
            for row in table.rows if not row[col["recommendation"]]]
    left.sort(key=lambda r: r[0].casefold())
    done = sum(1 for row in table.rows if row[col["recommendation"]])
    return Progress(done, len(table.rows), grouped("kind"), grouped("responsible_unit"),
                    Table(["name", "kind", "responsible_unit"], left))


CONTEXT_QUERIES = {
    "sdgs": """SELECT DISTINCT ?x WHERE { ?item org:organization|ikg:party ?t .
                 { ?item ikg:sdg ?s } UNION { ?t ikg:sdg ?s }
                 ?s rdfs:label ?x . FILTER(lang(?x) = ?lang) } ORDER BY ?x""",
    "other_members": """SELECT DISTINCT ?x WHERE { ?dataset ikg:homeActor ?home . ?item org:organization ?net .
                 ?m org:organization ?net ; org:member ?o . FILTER(?o != ?home)
                 ?o rdfs:label ?x . FILTER(lang(?x) = ?dlang) } ORDER BY ?x""",
    "overlapping": """SELECT ?x (COUNT(DISTINCT ?o) AS ?n) WHERE { ?dataset ikg:homeActor ?home .
                 ?item org:organization ?net . ?m2 org:member ?home ; org:organization ?net2 . FILTER(?net2 != ?net)
                 ?a org:organization ?net ; org:member ?o . ?b org:organization ?net2 ; org:member ?o .
                 FILTER(?o != ?home) ?net2 rdfs:label ?x . FILTER(lang(?x) = ?dlang) }
               GROUP BY ?x ORDER BY DESC(?n) ?x""",
}


def item_context(store: Store, item: str, lang: str = "en") -> dict[str, list[str]]:
    """What a reviewer needs beside an item besides its row: its SDGs, who else is a member of its network,
    and the home city's other networks sharing members with it ('name (n shared)')."""
    out: dict[str, list[str]] = {}
    for name, query in CONTEXT_QUERIES.items():
        rows = store.select(query, {"item": URIRef(item), **label_bindings(store, lang)}).rows
        out[name] = [str(r[0]) if len(r) == 1 else t("context.shared", lang, name=str(r[0]), n=int(str(r[1])))
                     for r in rows]
    return out


ACTIVITY_COUNT = """
SELECT ?item (COUNT(DISTINCT ?act) AS ?n) WHERE {
  ?dataset ikg:homeActor ?home .
  { ?item org:member ?home ; org:organization ?target } UNION { ?item a ikg:TwinCityAgreement ; ikg:party ?target }
  FILTER(?target != ?home)
  { ?act ikg:partOf ?item } UNION { ?act ikg:partOf ?target }
} GROUP BY ?item
"""


@dataclass
class PortfolioItem:
    """One item placed for the decision: relevance (mean target-area score, 0–3) against annual cost."""

    item: str
    name: str
    kind: str
    relevance: float | None  # None: not assessed in the round
    cost: float | None
    currency: str
    recommendation: str  # keep, review, leave, or "" (not assessed)
    activities: int
    target_areas: list[str]


def portfolio(store: Store, lang: str = "en", round: str | None = None) -> list[PortfolioItem]:
    """Every review item with its relevance in the round, annual cost, recommendation and activity count."""
    latest = _latest_per_item(store, lang, round)
    counts = {str(i): int(str(n)) for i, n in store.select(ACTIVITY_COUNT).rows}
    out = []
    for row in review_rows(store, lang).dicts():
        a = latest.get(row["item"])
        scores = list(a.relevance.values()) if a else []
        try:
            cost: float | None = float(row["annual_cost"]) if row["annual_cost"] else None
        except ValueError:
            cost = None
        out.append(PortfolioItem(
            row["item"], row["name"], row["kind"], (sum(scores) / len(scores) if scores else 0.0) if a else None,
            cost, row["currency"], a.recommendation if a else "", counts.get(row["item"], 0),
            [x for x in row["target_areas"].split("; ") if x]))
    return out


def area_summary(items: list[PortfolioItem], lang: str = "en",
                 numbered: list[tuple[str, str]] | None = None) -> Table:
    """Target area × recommendation: how many items of each area got each recommendation. With the areas'
    (number, name), each is named and ordered by its number as everywhere else («4 Vennskapsbysamarbeid»; they
    stood unnumbered, A to Z); items with none last."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUPS, 0))
    for p in items:
        for area in p.target_areas or [t("portfolio.no_area", lang)]:
            counts[area][p.recommendation or "none"] += 1
    number = {name: n for n, name in numbered or []}

    def order(area: str) -> tuple[int, str, str]:
        n = number.get(area, "")
        return (0, n.zfill(4), "") if n else (1, "", area)

    return Table(["target_area", *(f"rec_{g}" for g in GROUPS)],
                 [[f"{number[area]} {area}" if area in number else area, *(str(counts[area][g]) for g in GROUPS)]
                  for area in sorted(counts, key=order)])


def round_changes(store: Store, lang: str, first: str, second: str) -> Table:
    """What changed from round `first` to round `second`: recommendations changed, items only in one."""
    a, b = _latest_per_item(store, lang, first), _latest_per_item(store, lang, second)
    names = {row[0]: row[2] for row in review_rows(store, lang).rows}

    def rec(x: Assessment | None) -> str:
        return t(f"rec.{x.recommendation}", lang) if x and x.recommendation else ""

    rows = []
    for item in sorted(set(a) | set(b), key=lambda i: names.get(i, local_name(i)).casefold()):
        before, after = a.get(item), b.get(item)
        if before and after and before.recommendation == after.recommendation:
            continue
        change = "changed" if before and after else ("added" if after else "dropped")
        rows.append([names.get(item, local_name(item)), rec(before), rec(after), t(f"change.{change}", lang)])
    return Table(["name", "before", "after", "change"], rows)
