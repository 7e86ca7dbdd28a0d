"""Saving an assessment of the section 5.1 review: check the values, mint readable IRIs under the
dataset's namespace, and write it in one recorded change (its read side is graph.analysis.assessments).

Each assessment is an `ikg:Assessment` with who made it (`ikg:reviewer`) and when (`dcterms:date`,
`prov:generatedAtTime`); it is written in one transaction, so it is there after a restart on a
persistent store. Every read deciding what to write happens under the store's write lock.

One assessment per item per round: saving again replaces it (under the same IRI) as ONE recorded change,
so the history shows old → new and undo restores the old one. Rounds are data (`ikg:ReviewRound`); a
closed round refuses every save. Naming a round that does not exist yet opens a new one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph.analysis.assessments import (
    RECOMMENDATIONS,
    STATUSES,
    Assessment,
    area_iris,
    assessments,
    dataset_namespace,
    find_round,
    review_rounds,
    round_iri,
    slug,
)
from graph.analysis.review_items import review_rows
from graph.edit.uploads import check_upload
from graph.edit.values import parse_when
from graph.errors import InputError
from graph.history.changes import commit
from graph.i18n import languages, t
from graph.render.review_workbook import Sheet, fact_cells, read_workbook, where
from graph.store.base import Store, Triple
from graph.vocab.labels import local_name
from graph.vocab.namespaces import IKG

ITEM_QUERY = "ASK WHERE { { ?i a org:Membership } UNION { ?i a ?t . ?t rdfs:subClassOf* ikg:Agreement } }"


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

    Every problem raises InputError (with its message key) in `lang`, and then nothing is written.
    """
    rec = (recommendation or "").strip().lower()
    if not rec:
        raise InputError.of("err.recommendation_missing", lang)
    if rec not in RECOMMENDATIONS:
        raise InputError.of("err.recommendation", lang, value=recommendation)
    round_label = (round_label or "").strip()
    if not slug(round_label):
        raise InputError.of("err.round", lang)
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise InputError.of("err.reviewer", lang)
    day = check_date(date, lang)
    with store.write_lock:  # every read that decides what to write, the minting and the write, as one step
        areas = dict(area_iris(store))
        scores = check_scores(relevance, areas, lang)
        return _write(store, URIRef(item_iri), round_label, scores, areas, (effect_seen, cost_benefit, comment),
                      rec, reviewer, day, now, lang)


def check_scores(relevance: dict[str, int], areas: dict[str, URIRef], lang: str) -> dict[str, int]:
    """The relevance scores by target-area notation, checked (0–3, known areas)."""
    scores = {}
    for notation, score in (relevance or {}).items():
        notation = str(notation).strip()
        if notation not in areas:
            raise InputError.of("err.area", lang, value=notation, known=", ".join(areas) or "–")
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 3:
            raise InputError.of("err.score", lang, area=notation, value=score)
        scores[notation] = score
    return scores


def _write(store: Store, item: URIRef, round_label: str, scores: dict[str, int], areas: dict[str, URIRef],
           texts: tuple[str, str, str], rec: str, reviewer: str, day: dt.date, now: dt.datetime | None,
           lang: str) -> URIRef:
    """Write the assessment in place of the item's earlier one in the round; the caller holds the write lock."""
    if not store.ask(ITEM_QUERY, {"i": item}):
        raise InputError.of("err.item", lang, value=str(item))
    now = now or dt.datetime.now(dt.UTC)
    g = Graph()
    found = find_round(store, round_label)
    if found is None:  # a round named here for the first time is opened
        round_ = round_iri(store, round_label)
        g.add((round_, RDF.type, IKG.ReviewRound))
        g.add((round_, RDFS.label, Literal(round_label, lang="nb")))
        g.add((round_, RDFS.label, Literal(round_label, lang="en")))
        g.add((round_, IKG.status, STATUSES["open"]))
        g.add((round_, PROV.startedAtTime, _stamp(now)))
    else:
        round_ = URIRef(found)
        refuse_closed(store, found, lang)
    iri, add, remove = assessment_change(store, item, round_, scores, areas, texts, rec, reviewer, day, now)
    commit(store, add=g + add, remove=remove, editor=reviewer, action="assessment", lang=lang)
    return iri


def assessment_change(store: Store, item: URIRef, round_: URIRef, scores: dict[str, int], areas: dict[str, URIRef],
                      texts: tuple[str, str, str], rec: str, reviewer: str, day: dt.date,
                      now: dt.datetime) -> tuple[URIRef, Graph, list[Triple]]:
    """The triples of one assessment (IRI, what to add, what it replaces); values are checked already."""
    round_part = slug(local_name(round_)).removeprefix("review-round-")
    iri = URIRef(f"{dataset_namespace(store)}assessment-{round_part}-{slug(local_name(item))}")
    g = Graph()
    g.add((iri, RDF.type, IKG.Assessment))
    g.add((iri, IKG.assesses, item))
    g.add((iri, IKG.reviewRound, round_))
    for notation, score in sorted(scores.items()):
        node = URIRef(f"{iri}-relevance-{slug(notation)}")
        g.add((iri, IKG.relevance, node))
        g.add((node, RDF.type, IKG.Relevance))
        g.add((node, IKG.targetArea, areas[notation]))
        g.add((node, IKG.score, Literal(score, datatype=XSD.integer)))
    for prop, text in zip((IKG.effectSeen, IKG.costBenefit, RDFS.comment), texts, strict=True):
        if text and text.strip():
            g.add((iri, prop, Literal(text.strip())))
    g.add((iri, IKG.recommendation, RECOMMENDATIONS[rec]))
    g.add((iri, IKG.reviewer, Literal(reviewer)))
    g.add((iri, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date)))
    g.add((iri, PROV.generatedAtTime, _stamp(now)))
    return iri, g, _earlier(store, item, round_)


EARLIER_QUERY = """
CONSTRUCT { ?a ?p ?o . ?r ?rp ?ro } WHERE {
  ?a a ikg:Assessment ; ikg:assesses ?item ; ikg:reviewRound ?round ; ?p ?o .
  OPTIONAL { ?a ikg:relevance ?r . ?r ?rp ?ro }
}
"""


def _earlier(store: Store, item: URIRef, round_: URIRef) -> list[Triple]:
    """Every triple of the item's assessments in the round (and of their relevance nodes): what a save replaces."""
    return list(store.construct(EARLIER_QUERY, {"item": item, "round": round_}))


def refuse_closed(store: Store, round_: str, lang: str) -> None:
    for one in review_rounds(store, lang):
        if one.iri == round_ and one.closed:
            raise InputError.of("err.round_closed", lang, round=one.label)


def unknown_round(value: str, known: list[str], lang: str) -> InputError:
    """The error for a round that is not one of the `known` ones (their labels): it names them, or, when there
    are none yet, says how to start one.

    >>> unknown_round("Spring", [], "en").key, unknown_round("Spring", ["Autumn"], "en").key
    ('err.round_none', 'err.round_unknown')
    """
    if not known:
        return InputError.of("err.round_none", lang, value=value)
    return InputError.of("err.round_unknown", lang, value=value, known="; ".join(known))


def set_round_status(store: Store, round_: str, status: str, editor: str, *, lang: str = "en") -> str:
    """Open, close (or plan) the round named `round_` (IRI or label) in one recorded change; returns its IRI.

    A round with the status already asked for, an unknown round or status is an InputError; nothing changes.
    """
    if status not in STATUSES:
        raise InputError.of("err.round_status", lang, value=status, known=", ".join(STATUSES))
    with store.write_lock:
        found = find_round(store, round_)
        if found is None:
            raise unknown_round(round_, [r.label for r in review_rounds(store, lang)], lang)
        one = next(r for r in review_rounds(store, lang) if r.iri == found)
        if one.status == status:
            raise InputError.of(f"err.round_already_{status}", lang, round=one.label)
        iri = URIRef(found)
        old = [(iri, IKG.status, o) for o in store.construct(
            "CONSTRUCT { ?r ikg:status ?s } WHERE { ?r ikg:status ?s }", {"r": iri}).objects(iri, IKG.status)]
        commit(store, add=[(iri, IKG.status, STATUSES[status])], remove=old, editor=editor,
               action=f"review-round-{status}", lang=lang)
    return found


def _stamp(when: dt.datetime) -> Literal:
    return Literal(when.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)


def check_date(value: dt.date | str, lang: str) -> dt.date:
    """A date from a date, a datetime, 'YYYY-MM-DD' or 'DD.MM.YYYY' (as Norwegians write it, and the forms
    and templates take it); anything else is an InputError.

    >>> check_date("2025-03-01", "en"), check_date(dt.datetime(2025, 3, 1, 12), "en"), check_date("1.3.2025", "nb")
    (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    >>> try:
    ...     check_date("31.02.2025", "en")
    ... except InputError as error:
    ...     print(error)
    The date “31.02.2025” does not exist: February 2025 has 28 days. Check the day and the month.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        day = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if day:
            return dt.date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
        raise ValueError
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}", text):  # written so, but no such day:
            parse_when(text, lang)  # which month or day is not (it said to write «31.02.2025» as DD.MM.YYYY)
        raise InputError.of("err.date", lang, value=text) from None


def new_round(store: Store, label: str, editor: str, *, lang: str = "en") -> str:
    """Open a new review round called `label` (both languages) in one recorded change; returns its IRI."""
    label = (label or "").strip()
    if not slug(label):
        raise InputError.of("err.round", lang)
    with store.write_lock:
        if find_round(store, label) is not None:
            raise InputError.of("err.round_exists", lang, round=label)
        iri = round_iri(store, label)
        add = [(iri, RDF.type, IKG.ReviewRound), (iri, RDFS.label, Literal(label, lang="nb")),
               (iri, RDFS.label, Literal(label, lang="en")), (iri, IKG.status, STATUSES["open"]),
               (iri, PROV.startedAtTime, _stamp(dt.datetime.now(dt.UTC)))]
        commit(store, add=add, editor=editor, action="review-round-new", lang=lang)
    return str(iri)


def import_workbook(store: Store, data: bytes, editor: str, *, lang: str = "en", dry_run: bool = False,
                    name: str = "workbook.xlsx") -> list[str]:
    """Take a filled-in review workbook (graph.render.review_workbook) back: every changed row in ONE
    recorded change, or, when anything is wrong, nothing and an InputError listing every problem by
    sheet, row and column. Returns the names of the items whose assessment changed. The file (`name`, as the
    messages call it) passes the gate of every upload first (graph.edit.uploads: no zip bomb, no entity
    declarations), before a workbook reader sees it."""
    try:
        checked = check_upload(name, data, lang)
    except InputError as exc:
        raise _refused([str(exc)], lang) from None
    if checked != "xlsx":
        raise _refused([t("wb.unreadable", lang)], lang)
    sheet = read_workbook(store, data, lang)
    if sheet.problems and not sheet.rows:
        raise _refused(sheet.problems, lang)
    with store.write_lock:
        round_ = find_round(store, sheet.round)
        if not sheet.round:  # made before there was a round: which one is for the person to say
            raise InputError.of("err.wb_no_round", lang, sheet=t("wb.round_sheet", lang),
                                label=t("wb.round_label", lang))
        if round_ is None:
            raise InputError.of("err.wb_round", lang, value=sheet.round or "–")
        refuse_closed(store, round_, lang)
        problems, changed = list(sheet.problems), []
        rows = {x: review_rows(store, x).dicts() for x in languages()}
        facts = {row["item"]: row for row in rows[lang]}
        exported = {x: {r["item"]: fact_cells(r) for r in rows[x]} for x in rows}
        stored = {a.item: a for a in assessments(store, lang, round_)}
        areas = dict(area_iris(store))
        now = dt.datetime.now(dt.UTC)
        add, remove = Graph(), []
        for number, cells in sheet.rows:
            item = str(cells.get("item") or "")
            at = functools.partial(_at, sheet, number, lang)
            if item not in facts:
                problems.append(at("item") + t("wb.unknown_item", lang, value=item))
                continue
            problems += [at(k) + t("wb.fact_changed", lang, was=_shown(v), now=_shown(cells[k]))
                         for k, v in _facts_of(exported, item, cells).items() if not _same(v, cells[k])]
            values, wrong = _row_values(cells, areas, lang)
            problems += [at(k) + message for k, message in wrong]
            if values is None or wrong or _unchanged(values, stored.get(item)):
                continue
            scores, _, texts, rec, reviewer, day = values
            _, one_add, one_remove = assessment_change(store, URIRef(item), URIRef(round_), scores, areas, texts, rec,
                                                       reviewer, day, now)
            add += one_add
            remove += one_remove
            changed.append(facts[item]["name"])
        if problems:
            raise _refused(problems, lang)
        if changed and not dry_run:
            commit(store, add=add, remove=remove, editor=editor, action="review-import", lang=lang)
    return changed


def _refused(problems: list[str], lang: str) -> InputError:
    return InputError("\n".join([t("wb.refused", lang, n=len(problems)), *(f"- {p}" for p in problems)]),
                      key="wb.refused", n=len(problems))


def _at(sheet: Sheet, row: int, lang: str, key: str) -> str:
    return where(sheet.name, row, sheet.columns[key], sheet.heads[key], lang) + ": "


def _facts_of(exported: dict[str, dict[str, dict[str, Any]]], item: str, cells: dict[str, Any]) -> dict[str, Any]:
    """The item's facts as exported, in whichever language the workbook's fact cells match best."""
    options = [{k: v for k, v in by_item[item].items() if k in cells} for by_item in exported.values()]
    return min(options, key=lambda o: sum(not _same(v, cells[k]) for k, v in o.items()))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return ("" if a is None else str(a).strip()) == ("" if b is None else str(b).strip())


def _shown(value: Any) -> str:
    return "–" if value in (None, "") else str(value)


def _text(value: Any) -> str:
    """A text cell as written (a neutralised formula loses its quote again)."""
    text = "" if value is None else str(value).strip()
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


def _row_values(cells: dict[str, Any], areas: dict[str, URIRef], lang: str) -> tuple[Any, list[tuple[str, str]]]:
    """The assessment a row holds, as arguments of assessment_change (None when the row holds none), and
    every problem as (column key, message)."""
    keys = [k for k in cells if k.startswith("score:")] + ["effect_seen", "cost_benefit", "recommendation",
                                                             "comment", "reviewer", "date"]
    if all(cells.get(k) in (None, "") for k in keys):
        return None, []
    wrong: list[tuple[str, str]] = []
    scores = {}
    for k in (k for k in keys if k.startswith("score:") and cells.get(k) not in (None, "")):
        value = cells[k]
        if isinstance(value, bool) or not isinstance(value, int | float) or value not in (0, 1, 2, 3):
            wrong.append((k, t("wb.bad_score", lang, value=value)))
        else:
            scores[k.removeprefix("score:")] = int(value)
    texts = []
    for k in ("effect_seen", "cost_benefit", "comment", "reviewer"):
        text = _text(cells.get(k))
        if str(cells.get(k) or "").startswith("="):
            wrong.append((k, t("wb.formula", lang)))
        texts.append(text)
    names = {t(f"rec.{r}", x).casefold(): r for r in RECOMMENDATIONS for x in languages()} | {
        r: r for r in RECOMMENDATIONS}
    rec = names.get(_text(cells.get("recommendation")).casefold())
    if rec is None:
        wrong.append(("recommendation", t("wb.bad_rec", lang, value=_shown(cells.get("recommendation")),
                                          known=", ".join(t(f"rec.{r}", lang) for r in RECOMMENDATIONS))))
    if not texts[3]:
        wrong.append(("reviewer", t("err.reviewer", lang)))
    day = cells.get("date")
    try:
        day = check_date(day if isinstance(day, dt.date) else str(day or ""), lang)
    except InputError as exc:
        wrong.append(("date", str(exc)))
    if wrong:
        return None, wrong
    return (scores, areas, tuple(texts[:3]), rec, texts[3], day), []


def _unchanged(values: tuple, a: Assessment | None) -> bool:
    if a is None:
        return False
    scores, _, texts, rec, reviewer, day = values
    return (scores, texts, rec, reviewer, day.isoformat()) == (
        a.relevance, (a.effect_seen, a.cost_benefit, a.comment), a.recommendation, a.reviewer, a.date[:10])
