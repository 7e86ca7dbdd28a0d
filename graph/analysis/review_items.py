"""What the review of strategy section 5.1 covers and shows: one row per membership and twin-city
agreement of the home actor, the latest assessment beside each, rounds side by side, and the items
grouped by their recommendation (for the printable report, graph.render.review_report)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.analysis.assessments import Assessment, all_assessments, assessments, relevance_text, rounds, target_areas
from graph.i18n import t
from graph.questions.catalogue import Table, run
from graph.store.base import Store
from graph.vocab.labels import local_name

GROUPS = ("keep", "review", "leave", "none")
REVIEW_COLUMNS = [
    "item", "kind", "name", "since", "status", "target_areas", "responsible_unit", "annual_cost",
    "last_activity", "source",
]
ASSESSMENT_COLUMNS = [
    "round", "recommendation", "relevance", "effect_seen", "cost_benefit", "comment", "reviewer", "date",
]


def review_rows(store: Store, lang: str = "en") -> Table:
    """One row per membership and twin-city agreement of the home actor (the `review` question),
    with the item's IRI first and the cost with its currency."""
    table = run(store, "review", {}, lang)
    assert table.raw is not None  # a .rq question keeps its raw rows
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
    return Table(base.columns + ASSESSMENT_COLUMNS, rows)


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
        cells[a.item][a.round] = f"{rec} ({a.reviewer}, {a.date})"
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
