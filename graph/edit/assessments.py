"""Saving an assessment of the section 5.1 review: check the values, mint readable IRIs under the
dataset's namespace, and write it in one recorded change (its read side is graph.analysis.assessments).

Each assessment is an `ikg:Assessment` with who made it (`ikg:reviewer`) and when (`dcterms:date`,
`prov:generatedAtTime`); it is written in one transaction, so it is there after a restart on a
persistent store. A new save never overwrites: the latest assessment of an item in a round counts,
earlier ones stay as history. Minting the IRI and every read deciding what to write happen under the
store's write lock, so two saves at one moment get two nodes (the later one counts) and never merge.
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph.analysis.assessments import RECOMMENDATIONS, area_iris, dataset_namespace, round_iri, slug
from graph.errors import InputError
from graph.history.changes import commit
from graph.store.base import Store
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
    if rec not in RECOMMENDATIONS:
        raise InputError.of("err.recommendation", lang, value=recommendation)
    round_label = (round_label or "").strip()
    if not slug(round_label):
        raise InputError.of("err.round", lang)
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise InputError.of("err.reviewer", lang)
    day = _date(date, lang)
    with store.write_lock:  # every read that decides what to write, the minting and the write, as one step
        areas = dict(area_iris(store))
        scores = _scores(relevance, areas, lang)
        return _write(store, URIRef(item_iri), round_label, scores, areas, (effect_seen, cost_benefit, comment),
                      rec, reviewer, day, now, lang)


def _scores(relevance: dict[str, int], areas: dict[str, URIRef], lang: str) -> dict[str, int]:
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
    """Mint the IRI and write the assessment; the caller holds the store's write lock."""
    if not store.ask(ITEM_QUERY, {"i": item}):
        raise InputError.of("err.item", lang, value=str(item))
    now = now or dt.datetime.now(dt.UTC)
    round_ = round_iri(store, round_label)
    iri = _free_iri(store, f"{dataset_namespace(store)}assessment-{slug(round_label)}-{slug(local_name(item))}"
                           f"-{now:%Y%m%dT%H%M%S}")
    g = Graph()
    if not store.ask("ASK WHERE { ?r a ikg:ReviewRound }", {"r": round_}):
        g.add((round_, RDF.type, IKG.ReviewRound))
        g.add((round_, RDFS.label, Literal(round_label, lang="nb")))
        g.add((round_, RDFS.label, Literal(round_label, lang="en")))
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
    g.add((iri, PROV.generatedAtTime, Literal(now.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)))
    commit(store, add=g, editor=reviewer, action="assessment", lang=lang)
    return iri


def _date(value: dt.date | str, lang: str) -> dt.date:
    """A date from a date, a datetime or 'YYYY-MM-DD'; anything else is an InputError.

    >>> _date("2025-03-01", "en"), _date(dt.datetime(2025, 3, 1, 12), "en")
    (datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    """
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
        raise InputError.of("err.date", lang, value=text) from None


def _free_iri(store: Store, base: str) -> URIRef:
    """`base`, or `base-2`, `base-3` … : the first IRI nothing in the store uses yet (the caller holds the
    write lock, so two saves in the same second get two IRIs and never merge into one node)."""
    iri, n = URIRef(base), 1
    while store.ask("ASK WHERE { ?a ?p ?o }", {"a": iri}):
        n += 1
        iri = URIRef(f"{base}-{n}")
    return iri
