"""The review's assessments read back (the read side of graph.edit.assessments): the recommendations,
review rounds, the latest assessment per item and round, and the IRIs they live under.

>>> [r for r, _ in recommendations("en")]
['keep', 'review', 'leave']
>>> slug("Runde 1: våren 2025 (Økonomi)")
'runde-1-varen-2025-okonomi'
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.i18n import t
from graph.questions.catalogue import display
from graph.questions.languages import label_bindings
from graph.store.base import Store
from graph.vocab.labels import local_name
from graph.vocab.namespaces import IKG

RECOMMENDATIONS = {"keep": IKG.Keep, "review": IKG.Review, "leave": IKG.Leave}
BY_IRI = {str(iri): key for key, iri in RECOMMENDATIONS.items()}
FALLBACK_NAMESPACE = "https://w3id.org/ikg/local/"


def recommendations(lang: str = "en") -> list[tuple[str, str]]:
    """(key, label) for keep, review and leave."""
    return [(key, t(f"rec.{key}", lang)) for key in RECOMMENDATIONS]


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-', as in the rest of the dataset's IRIs."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def dataset_namespace(store: Store) -> str:
    """The namespace of the dataset's own IRIs (the dataset IRI without its last segment)."""
    rows = store.select("SELECT ?d WHERE { ?d a ikg:Dataset ; ikg:homeActor ?home } ORDER BY ?d").rows
    if not rows:
        return FALLBACK_NAMESPACE
    iri = str(rows[0][0])
    cut = max(iri.rfind("/"), iri.rfind("#"))
    return iri[: cut + 1] if cut > len("https://") else FALLBACK_NAMESPACE


def round_iri(store: Store, label: str) -> URIRef:
    """The IRI of the review round called `label`: where it is saved, and where it is looked for."""
    return URIRef(f"{dataset_namespace(store)}review-round-{slug(label)}")


def area_iris(store: Store) -> list[tuple[str, URIRef]]:
    """(notation, IRI) of every target area, in notation order."""
    rows = store.select("SELECT ?n ?ta WHERE { ?ta a ikg:TargetArea ; skos:notation ?n }").rows
    return sorted(((str(n), URIRef(str(ta))) for n, ta in rows), key=lambda p: (len(p[0]), p[0]))


def target_areas(store: Store, lang: str = "en") -> list[tuple[str, str]]:
    """(notation, label) of every target area, in notation order: the relevance scores are per area."""
    rows = store.select(
        """SELECT ?n ?label WHERE { ?ta a ikg:TargetArea ; skos:notation ?n .
             OPTIONAL { ?ta rdfs:label ?label . FILTER(lang(?label) = ?dlang) } }""",
        label_bindings(store, lang),
    ).rows
    pairs = {str(n): str(label) if label is not None else str(n) for n, label in rows}
    return sorted(pairs.items(), key=lambda p: (len(p[0]), p[0]))


ASSESSMENTS_QUERY = """
SELECT ?a ?item ?round ?round_label ?rec ?effect ?cb ?comment ?reviewer ?date ?time WHERE {
  ?a a ikg:Assessment ; ikg:assesses ?item .
  OPTIONAL { ?a ikg:reviewRound ?round }
  OPTIONAL { ?round rdfs:label ?round_label . FILTER(lang(?round_label) = ?dlang) }
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


def _text(term: Node | None) -> str:
    return "" if term is None else display(term)


def all_assessments(store: Store, lang: str = "en") -> list[Assessment]:
    """Every assessment in the store, oldest first."""
    scores: dict[str, dict[str, int]] = defaultdict(dict)
    for a, n, score in store.select(RELEVANCE_QUERY).rows:
        scores[str(a)][str(n)] = int(str(score))
    found: dict[str, Assessment] = {}
    for a, item, rnd, rlabel, rec, effect, cb, comment, reviewer, date, time in store.select(
        ASSESSMENTS_QUERY, label_bindings(store, lang)
    ).rows:
        if str(a) in found:  # a second value of an optional field: keep the first
            continue
        found[str(a)] = Assessment(
            iri=str(a), item=str(item), round=_text(rnd), round_label=_text(rlabel) or local_name(_text(rnd)),
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


STATUSES = {"planned": IKG.Planned, "open": IKG.Active, "closed": IKG.Ended}
STATUS_BY_IRI = {str(iri): key for key, iri in STATUSES.items()}
ROUND_QUERY = """
SELECT ?r ?label ?status ?begin ?end ?lead ?started WHERE {
  ?r a ikg:ReviewRound .
  OPTIONAL { ?r rdfs:label ?label . FILTER(lang(?label) = ?dlang) }
  OPTIONAL { ?r ikg:status ?status }
  OPTIONAL { ?r ikg:period ?p . OPTIONAL { ?p time:hasBeginning/time:inXSDgYear ?begin }
             OPTIONAL { ?p time:hasEnd/time:inXSDgYear ?end } }
  OPTIONAL { ?r ikg:responsibleUnit ?u . ?u rdfs:label ?lead . FILTER(lang(?lead) = ?dlang) }
  OPTIONAL { ?r prov:startedAtTime ?started }
}
"""


@dataclass
class ReviewRound:
    """A review round as data: its label, status (planned, open, closed), period, lead and scope."""

    iri: str
    label: str
    status: str = "open"
    begin: str = ""
    end: str = ""
    lead: str = ""
    scope: list[str] = field(default_factory=list)
    started: str = ""
    new: bool = False  # offered by the app but not in the store yet: the first save creates it

    @property
    def closed(self) -> bool:
        return self.status == "closed"


def review_rounds(store: Store, lang: str = "en") -> list[ReviewRound]:
    """Every ikg:ReviewRound in the store, by the year it begins (or was started), then when it was started
    and its label (a round without a status counts as open;
    a round holding more than one status counts as its latest: closed over open over planned)."""
    found: dict[str, ReviewRound] = {}
    for r, label, status, begin, end, lead, started in store.select(ROUND_QUERY, label_bindings(store, lang)).rows:
        one = found.setdefault(str(r), ReviewRound(str(r), _text(label) or local_name(str(r)), status=""))
        key = STATUS_BY_IRI.get(_text(status), "")
        order = ["", "planned", "open", "closed"]
        if order.index(key) > order.index(one.status):
            one.status = key
        one.begin, one.end = one.begin or _text(begin)[:4], one.end or _text(end)[:4]
        one.lead, one.started = one.lead or _text(lead), one.started or _text(started)
    for r, kind in store.select("SELECT ?r ?k WHERE { ?r a ikg:ReviewRound ; ikg:scope ?k }").rows:
        if str(r) in found:
            found[str(r)].scope.append(local_name(str(kind)))
    for one in found.values():
        one.status = one.status or "open"
        one.scope.sort()
    return sorted(found.values(), key=lambda x: (x.begin or x.started[:4] or "9999", x.started, x.label))


def find_round(store: Store, value: str | None) -> str | None:
    """The IRI of the review round named `value` (its IRI, or any of its labels in any language), or None."""
    value = (value or "").strip()
    if not value:
        return None
    rows = store.select(
        """SELECT DISTINCT ?r WHERE { ?r a ikg:ReviewRound . OPTIONAL { ?r rdfs:label|skos:altLabel ?l }
             FILTER(STR(?r) = ?v || STR(?l) = ?v) } ORDER BY ?r""",
        {"v": Literal(value)},
    ).rows
    return str(rows[0][0]) if rows else None


def _round_iri(store: Store, round_: str | None, lang: str) -> str | None:
    if not round_:
        return None
    for iri, label in rounds(store, lang):
        if round_ in (iri, label):
            return iri
    return find_round(store, round_) or str(round_iri(store, round_))


def assessments(store: Store, lang: str = "en", round: str | None = None) -> list[Assessment]:
    """The latest assessment per item per round (only `round`, an IRI or label, when given)."""
    wanted = _round_iri(store, round, lang)
    latest: dict[tuple[str, str], Assessment] = {}
    for a in all_assessments(store, lang):
        if wanted is None or a.round == wanted:
            latest[(a.item, a.round)] = a  # oldest first, so the last one written wins
    return sorted(latest.values(), key=lambda x: (x.round_label, x.item))


def relevance_text(relevance: dict[str, int], areas: dict[str, str] | None = None) -> str:
    """'1 Trade: 3; 2 Culture: 0' (or '1: 3; 2: 0' without labels).

    >>> relevance_text({"2": 0, "1": 3}, {"1": "Trade"})
    '1 Trade: 3; 2: 0'
    """
    areas = areas or {}
    parts = []
    for n in sorted(relevance, key=lambda x: (len(x), x)):
        name = f"{n} {areas[n]}" if n in areas else n
        parts.append(f"{name}: {relevance[n]}")
    return "; ".join(parts)
