"""What the interactive network shows, and its self-contained HTML page (pyvis + inline vis-network).

`network_data` reads every actor, linking thing and tie once per store generation and language;
`build_view` filters, focuses and trims that to at most `max_nodes` for the browser, with positions
laid out once for the whole graph so nothing jumps when a filter changes; `node_details` is the
plain-text story of one node. Every text that comes from the data reaches the page as text only.

>>> sorted(KIND_GROUPS)
['activities', 'actors', 'agreements', 'networks', 'projects', 'working groups']
>>> ViewOptions(kinds={"networks"}).max_nodes
2000
"""

from __future__ import annotations

import gc
import hashlib
import heapq
import json
import math
import re
import threading
import weakref
from collections import Counter, deque
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Literal, URIRef

from graph.errors import IkgError
from graph.store.base import Store
from graph.vocab.namespaces import IKG

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
IKG_NS = str(IKG._NS)

# --------------------------------------------------------------------------------------------
# Kinds, colours, shapes, words
# --------------------------------------------------------------------------------------------

ACTOR_CLASSES = {
    "City", "MunicipalUnit", "University", "ResearchInstitute", "Company", "BusinessAssociation",
    "StateAgency", "CountyAuthority", "RegionalBody", "VoluntaryOrganisation", "CulturalInstitution",
    "YouthCouncil", "InternationalOrganisation", "UNOrganisation", "ConsularCorps", "Person",
}
KIND_GROUPS: dict[str, set[str]] = {
    "actors": ACTOR_CLASSES,
    "networks": {"Network"},
    "projects": {"Project"},
    "agreements": {"Agreement", "TwinCityAgreement"},
    "activities": {"Activity", "Delegation", "Visit", "Seminar", "YouthExchange", "CulturalEvent"},
    "working groups": {"WorkingGroup"},
}
GROUP_OF = {cls: group for group, classes in KIND_GROUPS.items() for cls in classes}
GROUP_LABELS = {
    "actors": ("Aktører", "Actors"), "networks": ("Nettverk", "Networks"), "projects": ("Prosjekter", "Projects"),
    "agreements": ("Avtaler", "Agreements"), "activities": ("Aktiviteter", "Activities"),
    "working groups": ("Arbeidsgrupper", "Working groups"),
}
GROUP_SHAPES = {"actors": "dot", "networks": "diamond", "projects": "square", "agreements": "triangle",
                "activities": "star", "working groups": "hexagon"}
CLASS_COLOURS = {
    "City": "#1f77b4", "MunicipalUnit": "#6baed6", "University": "#9467bd", "ResearchInstitute": "#c5b0d5",
    "Company": "#8c564b", "BusinessAssociation": "#c49c94", "StateAgency": "#7f7f7f", "CountyAuthority": "#bcbd22",
    "RegionalBody": "#dbdb8d", "VoluntaryOrganisation": "#e377c2", "CulturalInstitution": "#f7b6d2",
    "YouthCouncil": "#17becf", "InternationalOrganisation": "#9edae5", "UNOrganisation": "#3182bd",
    "ConsularCorps": "#393b79", "Person": "#637939", "Network": "#2ca02c", "WorkingGroup": "#98df8a",
    "Project": "#ff7f0e", "Agreement": "#d62728", "TwinCityAgreement": "#d62728", "Activity": "#fdae6b",
    "Delegation": "#e6550d", "Visit": "#fd8d3c", "Seminar": "#fdae6b", "YouthExchange": "#fdd0a2",
    "CulturalEvent": "#f16913",
}
OTHER_COLOUR = "#bdbdbd"
FOCUS_BORDER = "#111111"
HOME_BORDER = "#444444"

RELATIONS = ("member", "partner", "party", "participant")
EDGE_STYLES = {  # relation kind -> vis edge style, and the legend's name for the line
    "member": ({"color": "#2ca02c", "width": 1.5, "dashes": False}, "line"),
    "partner": ({"color": "#ff7f0e", "width": 1.0, "dashes": [6, 4]}, "dashed"),
    "party": ({"color": "#d62728", "width": 3.0, "dashes": False}, "thick"),
    "participant": ({"color": "#7f7f7f", "width": 1.0, "dashes": [2, 4]}, "dotted"),
}

TEXT = {
    "en": {
        "overview": "Showing the {shown} most central of {total} nodes (by {measure}); search, filter or "
                    "focus on a node to see the rest.",
        "all": "Showing all {shown} nodes.",
        "none": "No nodes match the filters.",
        "focus": "{label} and everything within {steps}: {shown} nodes.",
        "focus_cut": "Showing the {shown} nearest of {total} nodes within {steps} of {label}.",
        "steps": ("{n} step", "{n} steps"),
        "not_found": "{label} has no ties in the network; showing the overview instead.",
        "sampled": " Betweenness is estimated from {k} sampled nodes.",
        "degree": "degree", "betweenness": "betweenness",
        "since": "Since", "until": "Until", "status": "Status", "type": "Agreement type", "kind": "Kind",
        "target_areas": "Target areas", "sdgs": "SDGs", "other_labels": "Other names",
        "coordinates": "Coordinates", "place": "Place", "country": "Country",
        "sources": "Sources", "ties": "Ties", "facts": "Facts",
        "more": "and {n} more", "more_ties": "and {n} more not drawn here",
        "hint": "Click a node to see its details.",
        "rel_actor": {"member": "member of", "partner": "partner in", "party": "party to",
                      "participant": "takes part in"},
        "rel_thing": {"member": "member", "partner": "partner", "party": "party", "participant": "participant"},
        "rel_legend": {"member": "membership", "partner": "project partner", "party": "party to an agreement",
                       "participant": "participant (working group, activity)"},
    },
    "nb": {
        "overview": "Viser de {shown} mest sentrale av {total} noder (etter {measure}); søk, filtrer eller "
                    "fokuser på en node for å se resten.",
        "all": "Viser alle {shown} noder.",
        "none": "Ingen noder passer med filtrene.",
        "focus": "{label} og alt innen {steps}: {shown} noder.",
        "focus_cut": "Viser de {shown} nærmeste av {total} noder innen {steps} fra {label}.",
        "steps": ("{n} steg", "{n} steg"),
        "not_found": "{label} har ingen koblinger i nettverket; viser oversikten i stedet.",
        "sampled": " Mellomsentralitet er anslått ut fra {k} utvalgte noder.",
        "degree": "antall koblinger", "betweenness": "mellomsentralitet",
        "since": "Fra", "until": "Til", "status": "Status", "type": "Avtaletype", "kind": "Type",
        "target_areas": "Målområder", "sdgs": "Bærekraftsmål", "other_labels": "Andre navn",
        "coordinates": "Koordinater", "place": "Sted", "country": "Land",
        "sources": "Kilder", "ties": "Koblinger", "facts": "Fakta",
        "more": "og {n} til", "more_ties": "og {n} til som ikke er tegnet her",
        "hint": "Klikk på en node for å se detaljene.",
        "rel_actor": {"member": "medlem av", "partner": "partner i", "party": "part i", "participant": "deltar i"},
        "rel_thing": {"member": "medlem", "partner": "partner", "party": "part", "participant": "deltaker"},
        "rel_legend": {"member": "medlemskap", "partner": "prosjektpartner", "party": "part i en avtale",
                       "participant": "deltaker (arbeidsgruppe, aktivitet)"},
    },
}


def _text(lang: str) -> dict:
    return TEXT["nb" if lang == "nb" else "en"]


def number(n: int, lang: str = "en") -> str:
    """A count as people write it: '45,312' in English, '45 312' (no-break space) in Norwegian.

    >>> number(45312), number(45312, "nb")
    ('45,312', '45\\xa0312')
    """
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "nb" else text


def group_label(group: str, lang: str = "en") -> str:
    """The name of a KIND_GROUPS entry in a language ('networks' -> 'Nettverk')."""
    nb, en = GROUP_LABELS.get(group, (group, group))
    return nb if lang == "nb" else en


def expand_kinds(kinds: Iterable[str] | None) -> set[str] | None:
    """Group names and class names -> class names; None stays None (all kinds).

    >>> sorted(expand_kinds({"agreements", "City"}))
    ['Agreement', 'City', 'TwinCityAgreement']
    """
    if kinds is None:
        return None
    out: set[str] = set()
    for k in kinds:
        out |= KIND_GROUPS.get(k, {k})
    return out


# --------------------------------------------------------------------------------------------
# Options and results
# --------------------------------------------------------------------------------------------


@dataclass
class ViewOptions:
    """What to show. Every filter is None for 'no filter'; `kinds` takes KIND_GROUPS names or class names."""

    lang: str = "en"
    kinds: set[str] | None = None
    target_areas: set[str] | None = None  # skos:notation "1".."5"
    sdgs: set[str] | None = None  # "1".."17"
    agreement_types: set[str] | None = None  # concept IRIs; restricts agreements only
    statuses: set[str] | None = None  # status concept IRIs
    year: int | None = None  # the network as it stood in that year
    focus: str | None = None  # IRI
    depth: int = 1  # actor steps around the focus (1-3)
    size_by: str = "degree"  # or "betweenness"
    max_nodes: int = 2000

    def key(self) -> tuple:
        def f(s):
            return None if s is None else tuple(sorted(s))

        return (self.lang, f(self.kinds), f(self.target_areas), f(self.sdgs), f(self.agreement_types),
                f(self.statuses), self.year, self.focus, self.depth, self.size_by, self.max_nodes)


@dataclass(frozen=True)
class NodeInfo:
    iri: str
    label: str
    cls: str  # ikg class local name ('' when the node has none)
    kind: str  # the class's label in the language
    group: str  # KIND_GROUPS name, or 'other'
    since: int | None
    until: int | None
    status: str | None  # status concept IRI
    agreement_type: str | None
    target_areas: tuple[str, ...]  # notations
    sdgs: tuple[str, ...]  # notations
    sources: tuple[str, ...]  # section labels

    @property
    def is_actor(self) -> bool:
        return self.group == "actors"


@dataclass(frozen=True)
class EdgeInfo:
    actor: str
    thing: str
    relation: str  # member | partner | party | participant
    role: str  # role label ('' when none)
    since: int | None  # the tie's own dates, else the thing's
    until: int | None
    status: str | None  # the tie's own status IRI, else the thing's
    sources: tuple[str, ...]


@dataclass
class NetworkData:
    """Every node and tie of the collaboration network, with labels in one language."""

    lang: str
    nodes: dict[str, NodeInfo]
    edges: list[EdgeInfo]
    labels: dict[str, str]  # concept IRI (status, type, role, class) -> label
    notation_labels: dict[tuple[str, str], str]  # ("ta"|"sdg", notation) -> label
    home: str | None
    order: list[str] = field(default_factory=list)  # node IRIs, sorted: the stable order for everything
    incident: dict[str, list[int]] = field(default_factory=dict)  # IRI -> indices into edges
    degree: dict[str, int] = field(default_factory=dict)  # distinct neighbours
    edge_extra: list[str] = field(default_factory=list, repr=False)  # per edge: "role · period · status"
    edge_sources: list[str] = field(default_factory=list, repr=False)  # per edge: its first sources
    filtered: dict[tuple, tuple] = field(default_factory=dict, repr=False)  # filters -> visible() and adjacency

    def neighbours(self, iri: str) -> set[str]:
        out = set()
        for i in self.incident.get(iri, ()):
            e = self.edges[i]
            out.add(e.thing if e.actor == iri else e.actor)
        return out


@dataclass
class View:
    nodes: list[dict]
    edges: list[dict]
    legend: list[tuple[str, str, str]]  # (label, colour, shape); edge entries have shape line/dashed/dotted/thick
    shown: int
    total: int  # nodes matching the filters (and focus), before trimming to max_nodes
    aggregated: bool  # True when fewer nodes are shown than match
    note: str
    html: str


# --------------------------------------------------------------------------------------------
# Reading the graph. Flat SELECTs, joined in Python: portable across rdflib, Oxigraph and Virtuoso
# and quick at 1M triples (no aggregates, no FILTER NOT EXISTS, no filters on outer variables
# inside UNION branches). ?lang and ?x are bound by the store.
# --------------------------------------------------------------------------------------------

# Who takes part in what, one query per kind of tie (as queries/ties.rq, without labels and without
# BINDs, so that few terms cross from the store). Memberships carry their own dates and status;
# the other ties take dates and status from the thing they link to.
MEMBERSHIPS_QUERY = """
SELECT ?actor ?x ?tie ?role ?st ?g1 ?g2 WHERE {
  ?tie org:member ?actor ; org:organization ?x .
  OPTIONAL { ?tie org:role ?role }
  OPTIONAL { ?tie ikg:status ?st }
  OPTIONAL { ?tie org:memberDuring ?d .
    OPTIONAL { ?d time:hasBeginning ?b . ?b time:inXSDgYear ?g1 }
    OPTIONAL { ?d time:hasEnd ?e . ?e time:inXSDgYear ?g2 } }
}
"""
PARTNERS_QUERY = """
SELECT ?actor ?x ?tie ?role ?st WHERE {
  ?tie ikg:participant ?actor ; ikg:project ?x .
  OPTIONAL { ?tie org:role ?role }
  OPTIONAL { ?tie ikg:status ?st }
}
"""
# Working groups and activities: ikg:participant straight on the thing (participations have ikg:project).
PARTICIPANTS_QUERY = """
SELECT ?actor ?x WHERE { ?x ikg:participant ?actor . OPTIONAL { ?x ikg:project ?p } FILTER(!BOUND(?p)) }
"""
PARTIES_QUERY = "SELECT ?actor ?x WHERE { ?x ikg:party ?actor }"

# Every label in the language (entities, classes, concepts, sections, documents).
LABELS_QUERY = "SELECT ?x ?l WHERE { ?x rdfs:label ?l . FILTER(lang(?l) = ?lang) }"

# Classes of our vocabulary that things are typed with (participations left out: they are ties).
TYPES_QUERY = """
SELECT ?x ?t WHERE { ?x a ?t . FILTER(STRSTARTS(STR(?t), STR(ikg:)) && ?t != ikg:Participation) }
"""

# The class tree, to pick the most specific class of a node.
SUBCLASS_QUERY = """
SELECT ?c ?p WHERE { ?c rdfs:subClassOf ?p . FILTER(STRSTARTS(STR(?c), STR(ikg:))) }
"""

# Periods of agreements, projects, activities, networks, working groups.
PERIODS_QUERY = """
SELECT ?x ?g1 ?g2 WHERE {
  ?x ikg:period ?d .
  OPTIONAL { ?d time:hasBeginning ?b . ?b time:inXSDgYear ?g1 }
  OPTIONAL { ?d time:hasEnd ?e . ?e time:inXSDgYear ?g2 }
}
"""

# Status, agreement type, target-area and SDG notations of things (and statuses of ties).
ATTR_QUERIES = {
    "status": "SELECT ?x ?v WHERE { ?x ikg:status ?v }",
    "type": "SELECT ?x ?v WHERE { ?x ikg:agreementType ?v }",
    "ta": "SELECT ?x ?v WHERE { ?x ikg:targetArea ?c . ?c skos:notation ?v }",
    "sdg": "SELECT ?x ?v WHERE { ?x ikg:sdg ?c . ?c skos:notation ?v }",
}

# The names of target areas and SDGs by notation.
NOTATIONS_QUERY = """
SELECT ?p ?n ?l WHERE {
  { ?c a ikg:TargetArea . BIND("ta" AS ?p) } UNION { ?c a ikg:SDG . BIND("sdg" AS ?p) }
  ?c skos:notation ?n ; rdfs:label ?l . FILTER(lang(?l) = ?lang)
}
"""

# Which sections cite what (section labels come from LABELS_QUERY).
CITES_QUERY = "SELECT ?x ?s WHERE { ?x ikg:citation ?c . ?c ikg:section ?s }"

# Sections' labels and their documents' labels (a source reads "Plan 2020 §2"). Two queries, not
# OPTIONALs: Virtuoso 7.2 does not see a bound ?lang inside an OPTIONAL's FILTER.
SECTION_LABELS_QUERY = "SELECT ?s ?l WHERE { ?s a ikg:Section ; rdfs:label ?l . FILTER(lang(?l) = ?lang) }"
SECTION_DOCS_QUERY = """
SELECT ?s ?l WHERE { ?s a ikg:Section ; dcterms:isPartOf ?d . ?d rdfs:label ?l . FILTER(lang(?l) = ?lang) }
"""

HOME_QUERY = "SELECT ?h WHERE { ?ds ikg:homeActor ?h }"
LABEL_OF_QUERY = "SELECT ?l WHERE { ?x rdfs:label ?l . FILTER(lang(?l) = ?lang) }"

# node_details: names, place and citations of one node (?x bound).
DETAIL_NAMES_QUERY = """
SELECT ?p ?l WHERE {
  { ?x rdfs:label ?l . BIND("label" AS ?p) } UNION { ?x skos:altLabel ?l . BIND("alt" AS ?p) }
}
"""
DETAIL_COORDINATES_QUERY = "SELECT ?lat ?long WHERE { ?x geo:lat ?lat ; geo:long ?long }"
DETAIL_PLACES_QUERY = """
SELECT ?p ?l WHERE {
  { ?x schema:containedInPlace ?c . BIND("country" AS ?p) } UNION { ?x ikg:location ?c . BIND("place" AS ?p) }
  ?c rdfs:label ?l . FILTER(lang(?l) = ?lang)
}
"""
# Evidence and property labels come from the vocabulary's labels (NetworkData.labels).
DETAIL_SOURCES_QUERY = """
SELECT ?s ?quote ?ev ?about WHERE {
  ?x ikg:citation ?c . ?c ikg:section ?s .
  OPTIONAL { ?c ikg:quote ?quote }
  OPTIONAL { ?c ikg:evidence ?ev }
  OPTIONAL { ?c ikg:aboutProperty ?about }
}
"""

YEAR = re.compile(r"-?\d{1,4}")


def _year(term) -> int | None:
    if term is None:
        return None
    m = YEAR.match(str(term).strip())
    return int(m.group()) if m else None


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


_lock = threading.RLock()
_data_cache: dict[tuple, tuple[weakref.ref, NetworkData]] = {}
_structure_cache: dict[tuple, tuple[weakref.ref, object]] = {}
_layout_cache: dict[tuple, tuple[weakref.ref, dict[str, tuple[float, float]]]] = {}
_view_cache: dict[tuple, tuple[weakref.ref, View]] = {}


def _get(cache: dict, key: tuple, store: Store):
    hit = cache.get(key)
    if hit is not None and hit[0]() is store:
        return hit[1]
    return None


def _put(cache: dict, key: tuple, store: Store, value, limit: int) -> None:
    stale = [k for k in cache if k[0] == key[0] and k[1] != key[1]]  # older generations of this store
    for k in stale:
        del cache[k]
    while len(cache) >= limit:
        del cache[next(iter(cache))]
    cache[key] = (weakref.ref(store), value)


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector: building many small objects next to a big graph in memory
    otherwise triggers full collections that cost more than the work (nothing built here is cyclic)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def network_data(store: Store, lang: str = "en") -> NetworkData:
    """Every node (actor or linking thing) and every tie, cached per store, generation and language."""
    key = (id(store), store.generation, lang)
    with _lock:
        data = _get(_data_cache, key, store)
        if data is None:
            with _no_gc():
                data = _read_network(store, lang)
            _put(_data_cache, key, store, data, limit=8)
        return data


@dataclass
class _Structure:
    """What network_data reads that does not depend on the language (shared by nb and en)."""

    types: dict[str, str]  # IRI -> most specific ikg class
    periods: dict[str, tuple[int | None, int | None]]
    attrs: dict[str, dict[str, list[str]]]
    cites: dict[str, list[str]]  # IRI -> section IRIs
    home: str | None
    ties: list[tuple]  # (relation, actor, thing, tie, role IRI, status IRI, since, until), sorted


def _structure(store: Store) -> _Structure:
    key = (id(store), store.generation)
    with _lock:
        found = _get(_structure_cache, key, store)
        if found is None:
            found = _read_structure(store)
            _put(_structure_cache, key, store, found, limit=4)
        return found


def _read_structure(store: Store) -> _Structure:
    depth = _class_depths(store)
    types: dict[str, str] = {}
    for x, t in store.select(TYPES_QUERY).rows:
        x, cls = str(x), str(t)[len(IKG_NS):]
        if x not in types or (depth.get(cls, 0), cls) > (depth.get(types[x], 0), types[x]):  # most specific
            types[x] = cls
    periods = {str(x): (_year(g1), _year(g2)) for x, g1, g2 in store.select(PERIODS_QUERY).rows}
    attrs = _attrs(store)
    cites: dict[str, list[str]] = {}
    for x, sec in store.select(CITES_QUERY).rows:
        cites.setdefault(str(x), []).append(str(sec))
    home_rows = sorted(str(h) for (h,) in store.select(HOME_QUERY).rows)
    ties: dict[tuple[str, str, str], tuple] = {}
    for rel, query in (("member", MEMBERSHIPS_QUERY), ("partner", PARTNERS_QUERY),
                       ("participant", PARTICIPANTS_QUERY), ("party", PARTIES_QUERY)):
        for row in sorted(store.select(query).rows, key=_row_key):  # the same choice on every backend
            actor, x, tie, role, st, g1, g2 = (list(row) + [None] * 7)[:7]
            actor, x = str(actor), str(x)
            tie = str(tie) if tie is not None else x
            if (actor, x, tie) in ties:  # several roles or statuses: keep the first
                continue
            own_dates = g1 is not None or g2 is not None  # memberships' own period, else the thing's
            since, until = (_year(g1), _year(g2)) if own_dates else periods.get(x, (None, None))
            status = str(st) if st is not None else _first(attrs.get(x, {}).get("status"))
            ties[(actor, x, tie)] = (rel, actor, x, tie, str(role) if role is not None else None, status, since, until)
    ordered = sorted(ties.values(), key=lambda t: (t[1], t[2], t[0], t[3]))
    return _Structure(types, periods, attrs, cites, home_rows[0] if home_rows else None, ordered)


def _read_network(store: Store, lang: str) -> NetworkData:
    st = _structure(store)
    b = {"lang": Literal(lang)}
    labels: dict[str, str] = {}
    for x, label in store.select(LABELS_QUERY, b).rows:  # the smallest, should a node have two
        x, label = str(x), str(label)
        if x not in labels or label < labels[x]:
            labels[x] = label
    sections = _sections(store, lang)
    notation_labels = {(str(p), str(n)): str(label) for p, n, label in store.select(NOTATIONS_QUERY, b).rows}

    def sources(iri: str) -> tuple[str, ...]:
        return tuple(sorted({sections.get(sec) or _local(sec) for sec in st.cites.get(iri, ())}, key=str.casefold))

    edges = [EdgeInfo(actor, x, rel, labels.get(role, _local(role)) if role else "", since, until, status, sources(tie))
             for rel, actor, x, tie, role, status, since, until in st.ties]
    nodes: dict[str, NodeInfo] = {}
    for iri in sorted({e.actor for e in edges} | {e.thing for e in edges}):
        cls = st.types.get(iri, "")
        a = st.attrs.get(iri, {})
        since, until = st.periods.get(iri, (None, None))
        nodes[iri] = NodeInfo(
            iri=iri, label=labels.get(iri) or _local(iri), cls=cls,
            kind=labels.get(IKG_NS + cls, cls) if cls else "", group=GROUP_OF.get(cls, "other"),
            since=since, until=until, status=_first(a.get("status")), agreement_type=_first(a.get("type")),
            target_areas=tuple(sorted(set(a.get("ta", [])), key=_num_key)),
            sdgs=tuple(sorted(set(a.get("sdg", [])), key=_num_key)),
            sources=sources(iri),
        )
    concept_labels = {k: v for k, v in labels.items() if k.startswith(IKG_NS)}
    data = NetworkData(lang, nodes, edges, concept_labels, notation_labels, st.home if st.home in nodes else None)
    data.order = list(nodes)
    neighbours: dict[str, set[str]] = {}
    for i, e in enumerate(edges):
        data.incident.setdefault(e.actor, []).append(i)
        data.incident.setdefault(e.thing, []).append(i)
        neighbours.setdefault(e.actor, set()).add(e.thing)
        neighbours.setdefault(e.thing, set()).add(e.actor)
    data.degree = {n: len(neighbours.get(n, ())) for n in data.order}
    t = _text(lang)
    data.edge_extra = [" · ".join(_tie_extra(data, e)) for e in edges]
    data.edge_sources = [_listing(e.sources, t, 3) if e.sources else "" for e in edges]
    return data


def _row_key(row: tuple) -> tuple:
    return tuple("" if term is None else str(term) for term in row)


def _attrs(store: Store, bindings=None) -> dict[str, dict[str, list[str]]]:
    """IRI -> {"status"|"type"|"ta"|"sdg": values}."""
    attrs: dict[str, dict[str, list[str]]] = {}
    for what, query in ATTR_QUERIES.items():
        for x, v in store.select(query, bindings).rows:
            attrs.setdefault(str(x), {}).setdefault(what, []).append(str(v))
    return attrs


def _first(values: list[str] | None) -> str | None:
    return min(values) if values else None


def _num_key(text: str):
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def _sections(store: Store, lang: str) -> dict[str, str]:
    """Section IRI -> 'Plan 2020 §2': its label, prefixed with its document's unless it names it."""
    b = {"lang": Literal(lang)}
    docs = {str(sec): str(label) for sec, label in store.select(SECTION_DOCS_QUERY, b).rows}
    out: dict[str, str] = {}
    for sec, label in store.select(SECTION_LABELS_QUERY, b).rows:
        sec, text = str(sec), str(label)
        doc = docs.get(sec)
        if doc and doc.casefold() not in text.casefold():
            text = f"{doc}, {text}"
        if sec not in out or text < out[sec]:  # the smallest, should a section have two labels
            out[sec] = text
    return out


def _class_depths(store: Store) -> dict[str, int]:
    parents: dict[str, set[str]] = {}
    for c, p in store.select(SUBCLASS_QUERY).rows:
        parents.setdefault(str(c)[len(IKG_NS):], set()).add(str(p)[len(IKG_NS):] if str(p).startswith(IKG_NS) else "")
    depth: dict[str, int] = {}

    def d(cls: str, trail: frozenset = frozenset()) -> int:
        if cls in depth:
            return depth[cls]
        if cls in trail or not cls:
            return 0
        depth[cls] = 1 + max((d(p, trail | {cls}) for p in parents.get(cls, ()) if p), default=0)
        return depth[cls]

    for cls in parents:
        d(cls)
    return depth


# --------------------------------------------------------------------------------------------
# Layout: once per store generation, for the whole network
# --------------------------------------------------------------------------------------------

LAYOUT_CORE = 400  # nodes laid out by networkx's spring layout; the rest are placed around them
LAYOUT_SEED = 42
SPACING = 80.0  # pixels per sqrt(node) of the core
SATELLITE_STEP = 22.0  # pixels between satellites placed around a node
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def positions(store: Store, lang: str = "en") -> dict[str, tuple[float, float]]:
    """IRI -> (x, y) in pixels for every node, computed once per store generation (any language)."""
    key = (id(store), store.generation)
    with _lock:
        pos = _get(_layout_cache, key, store)
        if pos is None:
            pos = layout(network_data(store, lang))
            _put(_layout_cache, key, store, pos, limit=4)
        return pos


def layout(data: NetworkData) -> dict[str, tuple[float, float]]:
    """Spring layout (seeded) of the best-connected LAYOUT_CORE nodes; every other node sits in a
    sunflower disc around the neighbour it was reached from, so the whole layout is linear in size
    beyond the core and identical on every run."""
    order = sorted(data.order, key=lambda n: (-data.degree[n], n))
    if not order:
        return {}
    rank = {n: i for i, n in enumerate(order)}
    core = _core(data, order, rank)
    core_set = set(core)
    g = nx.Graph()
    g.add_nodes_from(core)
    g.add_edges_from((e.actor, e.thing) for e in data.edges if e.actor in core_set and e.thing in core_set)
    scale = SPACING * math.sqrt(len(core))
    raw = nx.spring_layout(g, seed=LAYOUT_SEED, scale=scale) if len(core) > 1 else {core[0]: (0.0, 0.0)}
    pos = {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in raw.items()}
    children: Counter = Counter()
    queue = deque(core)
    outer = 0
    for root in order:  # every component is reached: the core first, then the rest in order
        if root not in pos:
            radius = scale * 1.3 + SPACING * 3 * math.sqrt(outer)
            angle = outer * GOLDEN_ANGLE
            pos[root] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
            outer += 1
            queue.append(root)
        while queue:
            parent = queue.popleft()
            px, py = pos[parent]
            phase = _phase(parent)
            for child in sorted((c for c in data.neighbours(parent) if c not in pos), key=rank.__getitem__):
                j = children[parent]
                children[parent] += 1
                r = SATELLITE_STEP * (1.5 + math.sqrt(j))
                a = phase + j * GOLDEN_ANGLE
                pos[child] = (round(px + r * math.cos(a), 1), round(py + r * math.sin(a), 1))
                queue.append(child)
    return pos


def _core(data: NetworkData, order: list[str], rank: dict[str, int]) -> list[str]:
    """The LAYOUT_CORE nodes to lay out first: grown from the best-connected node, always taking the
    best-connected neighbour next, so the core is connected (a spring layout flings loose nodes to
    the edge)."""
    core: list[str] = []
    taken: set[str] = set()
    frontier: list[tuple[int, str]] = []
    for start in order:
        if len(core) >= LAYOUT_CORE:
            break
        if start in taken:
            continue
        heapq.heappush(frontier, (rank[start], start))
        taken.add(start)
        while frontier and len(core) < LAYOUT_CORE:
            _, n = heapq.heappop(frontier)
            core.append(n)
            for m in data.neighbours(n):
                if m not in taken:
                    taken.add(m)
                    heapq.heappush(frontier, (rank[m], m))
    return core


def _phase(iri: str) -> float:
    """A stable angle per node (Python's hash() changes between runs)."""
    return int.from_bytes(hashlib.blake2b(iri.encode(), digest_size=4).digest(), "big") / 2**32 * 2 * math.pi


# --------------------------------------------------------------------------------------------
# Choosing what to show
# --------------------------------------------------------------------------------------------


def _in_year(since: int | None, until: int | None, year: int | None) -> bool:
    return year is None or not ((since is not None and since > year) or (until is not None and until < year))


def visible(data: NetworkData, options: ViewOptions) -> tuple[set[str], list[int]]:
    """The nodes and edge indices that pass the filters (before focus and trimming).

    Things pass on kind, year, status, target area, SDG and (agreements only) agreement type; a thing
    or tie without dates or status is never hidden by the year or status filter. Actors pass on kind
    and show when they keep at least one tie; when only actor kinds are chosen they show on their own.
    When only thing kinds are chosen, the actors tied to them come along.
    """
    kinds = expand_kinds(options.kinds)
    actor_kinds_chosen = kinds is None or bool(kinds & ACTOR_CLASSES)
    thing_kinds_chosen = kinds is None or bool(kinds - ACTOR_CLASSES)
    ta, sdg, types, statuses, year = (options.target_areas, options.sdgs, options.agreement_types,
                                      options.statuses, options.year)

    def thing_ok(n: NodeInfo) -> bool:
        if kinds is not None and n.cls not in kinds:
            return False
        if not _in_year(n.since, n.until, year):
            return False
        if statuses and n.status and n.status not in statuses:
            return False
        if ta and not ta.intersection(n.target_areas):
            return False
        if sdg and not sdg.intersection(n.sdgs):
            return False
        return not (types and n.group == "agreements" and n.agreement_type not in types)

    def actor_ok(n: NodeInfo) -> bool:
        return not actor_kinds_chosen or kinds is None or n.cls in kinds

    candidates = {n.iri for n in data.nodes.values()
                  if (actor_ok(n) if n.is_actor else thing_kinds_chosen and thing_ok(n))}
    if not thing_kinds_chosen:
        return candidates, []
    edges = [i for i, e in enumerate(data.edges)
             if e.thing in candidates and e.actor in candidates and _in_year(e.since, e.until, year)
             and not (statuses and e.status and e.status not in statuses)]
    tied = {data.edges[i].actor for i in edges}
    return {n for n in candidates if not data.nodes[n].is_actor or n in tied}, edges


def _neighbourhood(adjacent: dict[str, list[str]], start: str, hops: int) -> dict[str, int]:
    """Node -> distance (in hops) for everything within `hops` of `start` along the visible ties."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        d = dist[n] + 1
        if d > hops:
            continue
        for m in adjacent.get(n, ()):
            if m not in dist:
                dist[m] = d
                queue.append(m)
    return dist


def _measure(size_by: str) -> str:
    return "betweenness" if size_by == "betweenness" else "degree"


def _label_of(store: Store, iri: str, lang: str) -> str:
    try:
        rows = store.select(LABEL_OF_QUERY, {"x": URIRef(iri), "lang": Literal(lang)}).rows
    except IkgError:  # not an IRI we can ask about: show it as given
        return iri
    return min((str(label) for (label,) in rows), default=_local(iri))


def _centrality(store: Store, data: NetworkData, size_by: str) -> tuple[dict[str, float], int | None]:
    if size_by == "betweenness":
        from graph.analysis.network import betweenness

        return betweenness(store)  # the same numbers in every language: computed (slowly) once
    n = max(len(data.order) - 1, 1)
    return {k: v / n for k, v in data.degree.items()}, None


def build_view(store: Store, options: ViewOptions | None = None) -> View:
    """The nodes, edges, legend, note and HTML page for a set of options (cached per options).

    >>> from graph.store import open_store
    >>> v = build_view(open_store("memory"), ViewOptions(max_nodes=5))
    >>> v.shown <= 5, "https://" in v.html.split("<script")[0], v.html.count("<img")
    (True, False, 0)
    """
    options = options or ViewOptions()
    key = (id(store), store.generation, options.key())
    with _lock:
        cached = _get(_view_cache, key, store)
    if cached is not None:
        return cached
    with _no_gc():
        view = _build_view(store, options)
    with _lock:
        _put(_view_cache, key, store, view, limit=12)
    return view


def _build_view(store: Store, options: ViewOptions) -> View:
    lang = "nb" if options.lang == "nb" else "en"
    t = _text(lang)
    data = network_data(store, lang)
    pos = positions(store, lang)
    cent, sampled = _centrality(store, data, options.size_by)
    filters = options.key()[1:7]  # kinds … year: focusing or resizing reuses the filtered network
    with _lock:
        hit = data.filtered.get(filters)
    if hit is None:
        nodes_passing, edges_passing = visible(data, options)
        adjacent: dict[str, list[str]] = {}
        for i in edges_passing:
            e = data.edges[i]
            adjacent.setdefault(e.actor, []).append(e.thing)
            adjacent.setdefault(e.thing, []).append(e.actor)
        hit = (frozenset(nodes_passing), edges_passing, adjacent)
        with _lock:
            if len(data.filtered) >= 16:
                data.filtered.clear()
            data.filtered[filters] = hit
    shown, edge_idx, adjacent = set(hit[0]), hit[1], hit[2]
    limit = max(1, int(options.max_nodes))
    score = {n: cent.get(n, 0.0) for n in shown}
    focus = options.focus if options.focus in data.nodes else None
    note_parts = []
    if options.focus and focus is None:
        note_parts.append(t["not_found"].format(label=_label_of(store, options.focus, lang)))

    if focus:
        shown.add(focus)
        score.setdefault(focus, cent.get(focus, 0.0))
        depth = min(max(int(options.depth), 1), 3)
        dist = _neighbourhood(adjacent, focus, 2 * depth)
        total = len(dist)
        keep = set(heapq.nsmallest(limit, dist, key=lambda n: (dist[n], -score.get(n, 0.0), n)))
        label = data.nodes[focus].label
        msg = "focus_cut" if total > limit else "focus"
        steps = t["steps"][depth != 1].format(n=depth)
        note_parts.append(t[msg].format(label=label, steps=steps, shown=number(len(keep), lang),
                                        total=number(total, lang)))
    else:
        total = len(shown)
        if total > limit:
            keep = set(heapq.nsmallest(limit, shown, key=lambda n: (n != data.home, -score[n], n)))
            note_parts.append(t["overview"].format(shown=number(len(keep), lang), total=number(total, lang),
                                                   measure=t[_measure(options.size_by)]))
        else:
            keep = shown
            note_parts.append(t["all"].format(shown=number(total, lang)) if total else t["none"])
    if sampled and options.size_by == "betweenness":
        note_parts.append(t["sampled"].format(k=number(sampled, lang)))

    node_ids = sorted(keep)
    edges = [i for i in edge_idx if data.edges[i].actor in keep and data.edges[i].thing in keep]
    vis_nodes = _vis_nodes(data, node_ids, pos, score, focus, t)
    vis_edges = _vis_edges(data, edges, t)
    legend = _legend(data, node_ids, edges, t)
    note = " ".join(p.strip() for p in note_parts)
    html = render_html(_page_data(data, node_ids, edges, vis_nodes, focus, t), legend, note, lang)
    return View(vis_nodes, vis_edges, legend, len(node_ids), total, len(node_ids) < total, note, html)


# --------------------------------------------------------------------------------------------
# vis.js data
# --------------------------------------------------------------------------------------------


def _period(since: int | None, until: int | None) -> str:
    if since is None and until is None:
        return ""
    return f"{since if since is not None else ''}–{until if until is not None else ''}"


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _listing(items: Iterable[str], t: dict, n: int = 5) -> str:
    items = list(items)
    extra = f" {t['more'].format(n=len(items) - n)}" if len(items) > n else ""
    return "; ".join(items[:n]) + extra


def _node_title(data: NetworkData, n: NodeInfo, t: dict) -> str:
    lines = [n.label, n.kind or t["kind"]]
    period = _period(n.since, n.until)
    status = data.labels.get(n.status, "") if n.status else ""
    if period or status:
        lines.append(" · ".join(x for x in (period, status) if x))
    if n.sources:
        lines.append(f"{t['sources']}: {_listing(n.sources, t, 3)}")
    return "\n".join(lines)


def _vis_nodes(data, node_ids, pos, score, focus, t) -> list[dict]:
    top = max((score.get(n, 0.0) for n in node_ids), default=0.0) or 1.0
    out = []
    for iri in node_ids:
        n = data.nodes[iri]
        x, y = pos.get(iri, (0.0, 0.0))
        colour = CLASS_COLOURS.get(n.cls, OTHER_COLOUR)
        node = {
            "id": iri, "label": _short(n.label), "title": _node_title(data, n, t), "color": colour,
            "shape": GROUP_SHAPES.get(n.group, "dot"), "size": round(8 + 28 * math.sqrt(score.get(iri, 0.0) / top), 1),
            "x": x, "y": y, "group": n.cls or "other",
        }
        if iri in (focus, data.home):  # a dark ring that stays when the node is selected or hovered
            ring = {"background": colour, "border": FOCUS_BORDER if iri == focus else HOME_BORDER}
            node.update(color={**ring, "highlight": ring, "hover": ring}, borderWidth=5 if iri == focus else 3)
        if iri == focus:
            node.update(shadow=True, size=node["size"] + 6, font={"size": 18})
        out.append(node)
    return out


def _tie_extra(data: NetworkData, e: EdgeInfo) -> list[str]:
    """Role, period and status of a tie, those it has."""
    return [s for s in (e.role, _period(e.since, e.until), data.labels.get(e.status, "") if e.status else "") if s]


def _edge_title(data: NetworkData, i: int, t: dict) -> str:
    e = data.edges[i]
    lines = [f"{data.nodes[e.actor].label} — {t['rel_actor'][e.relation]} — {data.nodes[e.thing].label}"]
    if data.edge_extra[i]:
        lines.append(data.edge_extra[i])
    if data.edge_sources[i]:
        lines.append(f"{t['sources']}: {data.edge_sources[i]}")
    return "\n".join(lines)


def _vis_edges(data: NetworkData, edge_idx: list[int], t: dict) -> list[dict]:
    out = []
    for i in edge_idx:
        e = data.edges[i]
        style = EDGE_STYLES[e.relation][0]
        out.append({"id": f"e{i}", "from": e.actor, "to": e.thing, "title": _edge_title(data, i, t), **style})
    return out


def _legend(data: NetworkData, node_ids, edge_idx, t) -> list[tuple[str, str, str]]:
    classes = sorted({data.nodes[n].cls for n in node_ids},
                     key=lambda c: (list(KIND_GROUPS).index(GROUP_OF[c]) if c in GROUP_OF else 99, c))
    legend = []
    for cls in classes:
        label = data.labels.get(IKG_NS + cls, cls) if cls else "?"
        legend.append((label, CLASS_COLOURS.get(cls, OTHER_COLOUR), GROUP_SHAPES.get(GROUP_OF.get(cls, ""), "dot")))
    for rel in RELATIONS:
        if any(data.edges[i].relation == rel for i in edge_idx):
            style, line = EDGE_STYLES[rel]
            legend.append((t["rel_legend"][rel], style["color"], line))
    return legend


def _facts(data: NetworkData, n: NodeInfo, t: dict, kind: bool = True) -> list[list[str]]:
    facts = [[t["kind"], n.kind]] if n.kind and kind else []
    if n.since is not None:
        facts.append([t["since"], str(n.since)])
    if n.until is not None:
        facts.append([t["until"], str(n.until)])
    if n.status:
        facts.append([t["status"], data.labels.get(n.status, _local(n.status))])
    if n.agreement_type:
        facts.append([t["type"], data.labels.get(n.agreement_type, _local(n.agreement_type))])
    if n.target_areas:
        facts.append([t["target_areas"], "; ".join(_notation(data, "ta", v) for v in n.target_areas)])
    if n.sdgs:
        facts.append([t["sdgs"], "; ".join(_notation(data, "sdg", v) for v in n.sdgs)])
    return facts


def _notation(data: NetworkData, what: str, value: str) -> str:
    label = data.notation_labels.get((what, value))
    return f"{value} {label}" if label else value


def _panel_details(data: NetworkData, iri: str, t: dict, s) -> dict:
    """What the page's side panel shows for a node besides its ties (the page lists the ties it
    draws, and says how many more there are): plain strings, repeated ones as string numbers."""
    n = data.nodes[iri]
    return {"label": n.label, "kind": n.kind, "facts": _facts(data, n, t, kind=False),
            "sources": [s(x) for x in n.sources], "ties": len(data.incident.get(iri, ()))}


def _page_data(data: NetworkData, node_ids: list[str], edge_idx: list[int], vis_nodes: list[dict],
               focus: str | None, t: dict) -> dict:
    """The page's data, compact: nodes numbered, edges as [from, to, relation, extra, sources] with
    repeated strings in one table; the page builds edge tooltips, styles and the panel's list of
    ties from these."""
    index = {iri: i for i, iri in enumerate(node_ids)}
    strings: dict[str, int] = {"": 0}

    def s(text: str) -> int:
        return strings.setdefault(text, len(strings))

    nodes = [{**{k: v for k, v in n.items() if k != "group"}, "id": index[n["id"]]} for n in vis_nodes]
    details = [_panel_details(data, n, t, s) for n in node_ids]
    edges = []
    for i in edge_idx:
        e = data.edges[i]
        edges.append([index[e.actor], index[e.thing], RELATIONS.index(e.relation), s(data.edge_extra[i]),
                      s(data.edge_sources[i])])
    return {
        "nodes": nodes, "edges": edges, "strings": list(strings),
        "details": details, "focus": index.get(focus),
        "edge_styles": [EDGE_STYLES[r][0] for r in RELATIONS], "relations": [t["rel_actor"][r] for r in RELATIONS],
        "relations_thing": [t["rel_thing"][r] for r in RELATIONS],
        "text": {**{k: t[k] for k in ("facts", "ties", "sources", "hint")}, "more": t["more_ties"]},
    }


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

VIS_OPTIONS = {
    "physics": {"enabled": False},  # positions come from the server; nothing moves, nothing to settle
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
    "edges": {"smooth": False, "color": {"inherit": False}, "selectionWidth": 2},
    "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
}


def script_json(value) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' (so no '</script>' and no tags) and no
    U+2028/U+2029 (which end lines in older JavaScript).

    >>> script_json({"label": "</script><img src=x>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


_assets: dict[str, str] = {}


def _asset(name: str) -> str:
    """A file from graph/assets, made safe to inline: no source-map fetch, no closing tag inside."""
    if name not in _assets:
        text = (ASSETS_DIR / name).read_text(encoding="utf-8")
        text = re.sub(r"//# sourceMappingURL=\S+", "", text)
        text = re.sub(r"/\*# sourceMappingURL=\S+ \*/", "", text)
        text = re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
        _assets[name] = text
    return _assets[name]


_env = Environment(loader=FileSystemLoader(str(ASSETS_DIR)), autoescape=select_autoescape(["html", "j2"]))


def render_html(page: dict, legend, note: str, lang: str = "en", height: str = "100%") -> str:
    """A complete page: the vis-network canvas beside a details panel; every asset inline, no URLs.

    pyvis holds the data and options and loads our template (graph/assets/view.html.j2, which
    inlines vis-network instead of pyvis's CDN links, bootstrap and tom-select)."""
    net = Network(height=height, width="100%", bgcolor="#ffffff", cdn_resources="in_line")
    net.nodes, net.edges = page["nodes"], page["edges"]  # add_node is quadratic; pyvis takes the lists
    net.options = json.loads(json.dumps(VIS_OPTIONS))
    if len(page["edges"]) > 2000:  # keeps panning and zooming smooth on big pictures
        net.options["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    net.set_template_dir(str(ASSETS_DIR) + "/", "view.html.j2")
    net.templateEnv = _env
    nodes, edges, _heading, height, width, options = net.get_network_data()
    t = _text(lang)
    payload = {**page, "nodes": nodes, "edges": edges, "options": json.loads(options)}
    legend_items = [{"label": label, "colour": colour, "shape": shape} for label, colour, shape in legend]
    return net.templateEnv.get_template(net.path).render(
        lang=lang, height=height, width=width, note=note, legend=legend_items, hint=t["hint"],
        vis_css=Markup(_asset("vis-network.css")), vis_js=Markup(_asset("vis-network.min.js")),
        data_json=Markup(script_json(payload)),
    )


# --------------------------------------------------------------------------------------------
# Details of one node
# --------------------------------------------------------------------------------------------


def node_details(store: Store, iri: str, lang: str = "en") -> dict:
    """Everything about one node as plain text.

    >>> from graph.store import open_store
    >>> store = open_store("memory")
    >>> home = store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows[0][0]
    >>> node_details(store, str(home), "nb")["label"]
    'Trondheim kommune'

    Keys: iri, label, kind, other_labels, since, until, status, type, target_areas, sdgs,
    coordinates, country, place, facts ([name, value] pairs ready to show), ties (dicts: label, kind,
    relation, role, since, until, status, sources; what an actor takes part in, or who takes part
    in a thing), collaborators (dicts: label, via), sources (dicts: source, quote, evidence, about).
    """
    lang = "nb" if lang == "nb" else "en"
    t = _text(lang)
    data = network_data(store, lang)
    x = {"x": URIRef(iri), "lang": Literal(lang)}
    names = store.select(DETAIL_NAMES_QUERY, x).rows
    own = [str(label) for p, label in names if str(p) == "label" and getattr(label, "language", None) == lang]
    n = data.nodes.get(iri) or _lone_node(store, iri, lang, data, own)
    others = sorted({str(label) for _p, label in names} - {n.label}, key=str.casefold)
    coordinates = next((f"{float(lat):.4f}, {float(long):.4f}"
                        for lat, long in store.select(DETAIL_COORDINATES_QUERY, x).rows), "")
    places = {str(p): str(label) for p, label in sorted(store.select(DETAIL_PLACES_QUERY, x).rows, reverse=True)}
    country, place = places.get("country", ""), places.get("place", "")
    sections = _sections(store, lang)
    sources = []
    for s, quote, ev, about in store.select(DETAIL_SOURCES_QUERY, x).rows:
        sources.append({"source": sections.get(str(s)) or _local(str(s)),
                        "quote": str(quote) if quote is not None else "",
                        "evidence": data.labels.get(str(ev), _local(str(ev))) if ev is not None else "",
                        "about": data.labels.get(str(about), _local(str(about))) if about is not None else ""})
    sources.sort(key=lambda d: (d["source"].casefold(), d["quote"]))
    ties = []
    for i in data.incident.get(iri, ()):
        e = data.edges[i]
        other = data.nodes[e.thing if e.actor == iri else e.actor]
        ties.append({"label": other.label, "kind": other.kind,
                     "relation": t["rel_actor" if e.actor == iri else "rel_thing"][e.relation], "role": e.role,
                     "since": "" if e.since is None else str(e.since), "until": "" if e.until is None else str(e.until),
                     "status": data.labels.get(e.status, "") if e.status else "", "sources": "; ".join(e.sources)})
    ties.sort(key=lambda d: (d["label"].casefold(), d["relation"]))
    facts = ([[t["other_labels"], "; ".join(others)]] if others else []) + _facts(data, n, t)
    if coordinates:
        facts.append([t["coordinates"], coordinates])
    if place:
        facts.append([t["place"], place])
    if country:
        facts.append([t["country"], country])
    return {
        "iri": iri, "label": n.label, "kind": n.kind, "other_labels": others,
        "since": "" if n.since is None else str(n.since), "until": "" if n.until is None else str(n.until),
        "status": data.labels.get(n.status, "") if n.status else "",
        "type": data.labels.get(n.agreement_type, "") if n.agreement_type else "",
        "target_areas": [_notation(data, "ta", v) for v in n.target_areas],
        "sdgs": [_notation(data, "sdg", v) for v in n.sdgs],
        "coordinates": coordinates, "country": country, "place": place,
        "facts": facts, "ties": ties, "collaborators": _collaborators(data, iri), "sources": sources,
    }


def _lone_node(store: Store, iri: str, lang: str, data: NetworkData, own: list[str]) -> NodeInfo:
    """A node without ties (an isolated actor, a country …): read its class and attributes directly."""
    x = {"x": URIRef(iri)}
    depth = _class_depths(store)
    classes = [str(t)[len(IKG_NS):] for _x, t in store.select(TYPES_QUERY, x).rows]
    cls = max(classes, key=lambda c: (depth.get(c, 0), c), default="")
    period = store.select(PERIODS_QUERY, x).rows
    attrs = _attrs(store, x).get(iri, {})
    kind = data.labels.get(IKG_NS + cls, cls) if cls else ""
    return NodeInfo(iri, min(own) if own else _local(iri), cls, kind,
                    GROUP_OF.get(cls, "other"), _year(period[0][1]) if period else None,
                    _year(period[0][2]) if period else None, _first(attrs.get("status")), _first(attrs.get("type")),
                    tuple(sorted(set(attrs.get("ta", [])), key=_num_key)),
                    tuple(sorted(set(attrs.get("sdg", [])), key=_num_key)), ())


def _collaborators(data: NetworkData, iri: str, via_shown: int = 3) -> list[dict]:
    """Actors sharing a linking thing with an actor (for a thing: its actors), with what links them."""
    if iri not in data.nodes:
        return []
    t = _text(data.lang)
    via: dict[str, set[str]] = {}
    if data.nodes[iri].is_actor or any(data.edges[i].actor == iri for i in data.incident.get(iri, ())):
        for thing in {data.edges[i].thing for i in data.incident.get(iri, ()) if data.edges[i].actor == iri}:
            for j in data.incident.get(thing, ()):
                other = data.edges[j].actor
                if other != iri:
                    via.setdefault(other, set()).add(data.nodes[thing].label)
    out = []
    for other, things in via.items():
        names = sorted(things, key=str.casefold)
        out.append({"label": data.nodes[other].label, "via": _listing(names, t, via_shown)})
    return sorted(out, key=lambda d: (d["label"].casefold(), d["via"]))
