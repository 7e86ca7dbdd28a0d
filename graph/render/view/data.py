"""The network the view draws, read from the store: THE ties (graph.analysis.ties) with every node's
name, kind, dates, status, target areas, SDGs and sources, cached per store generation and language."""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, fields

import graph.render.view.cache as cache
from graph.analysis import ties as network_ties
from graph.analysis.ties import year
from graph.gc_pause import gc_paused
from graph.questions.languages import label_bindings
from graph.questions.names import HOME_QUERY, actor_choices, home_actor
from graph.questions.reads import question_reads
from graph.render.view.kinds import GROUP_OF
from graph.render.view.model import EdgeInfo, NetworkData, NodeInfo
from graph.render.view.queries import (
    CITES_QUERY,
    NOTATIONS_QUERY,
    PERIODS_QUERY,
    SECTION_DOCS_QUERY,
    SECTION_LABELS_QUERY,
    attr_queries,
)
from graph.render.view.text import listing, period, text
from graph.store.base import Store
from graph.store.derived import finding_out, persisted
from graph.vocab.labels import local_name

IKG_NS = network_ties.IKG_NS
_structure_cache: dict[tuple, tuple] = {}


def network_data(store: Store, lang: str = "en") -> NetworkData:
    """Every node (actor or linking thing) and every tie, cached per store, generation and language."""
    key = (id(store), store.generation, lang)
    with cache.lock:
        data = cache.get(cache.data_cache, key, store)
        if data is None:
            with gc_paused():
                data = persisted(store, f"network-{lang}", lambda: _read_network(store, lang), _data_out, _data_in,
                                 again=lambda s: network_data(s, lang), reads=lambda: question_reads(network_read()),
                                 held=True)
            cache.put(cache.data_cache, key, store, data, limit=8)
        return data


def network_read() -> tuple[str, ...]:
    """Every query text the network's data is read with (graph.questions.reads): a change that touches
    none of it carries the kept data over to the new stamp."""
    return (*network_ties.NETWORK_READ, PERIODS_QUERY, CITES_QUERY, HOME_QUERY, NOTATIONS_QUERY,
            SECTION_DOCS_QUERY, SECTION_LABELS_QUERY, *attr_queries().values())


_NODE_ROW = operator.attrgetter(*(f.name for f in fields(NodeInfo)))
_EDGE_ROW = operator.attrgetter(*(f.name for f in fields(EdgeInfo)))


def ahead(store: Store, lang: str) -> None:
    """Read now, and keep beside the store's folder, what the app's first page and the network analyses
    read first, in `lang` (graph.store.derived): the network's data and the list of actors. What `ikg
    load` does after a bulk load and the app at its start (graph.render.ready), so the first person to
    open the app does not wait for it."""
    with finding_out():  # what each reads, too: the first change after it parses nothing
        network_data(store, lang)  # and with it the ties, classes and names
        actor_choices(store, lang)


def _data_out(data: NetworkData) -> dict:
    """The network's data as JSON values, to keep beside the store (graph.store.derived)."""
    return {"lang": data.lang, "nodes": [_NODE_ROW(n) for n in data.nodes.values()],
            "edges": [_EDGE_ROW(e) for e in data.edges], "labels": data.labels,
            "notation_labels": [[p, n, label] for (p, n), label in data.notation_labels.items()],
            "home": data.home, "order": data.order, "incident": data.incident, "degree": data.degree,
            "edge_extra": data.edge_extra, "edge_sources": data.edge_sources}


def _data_in(v: dict) -> NetworkData:
    nodes = {}
    for row in v["nodes"]:
        row[-3:] = [tuple(x) for x in row[-3:]]  # target areas, SDGs, sources
        nodes[row[0]] = NodeInfo(*row)
    edges = []
    for row in v["edges"]:
        row[-1] = tuple(row[-1])  # sources
        edges.append(EdgeInfo(*row))
    notation_labels = {(p, n): label for p, n, label in v["notation_labels"]}
    return NetworkData(v["lang"], nodes, edges, v["labels"], notation_labels, v["home"], order=v["order"],
                       incident=v["incident"], degree=v["degree"], edge_extra=v["edge_extra"],
                       edge_sources=v["edge_sources"])


@dataclass
class _Structure:
    """What network_data reads that does not depend on the language (shared by nb and en)."""

    periods: dict[str, tuple[int | None, int | None]]
    attrs: dict[str, dict[str, list[str]]]  # "status"|"type"|"ta"|"sdg" -> IRI -> values
    cites: dict[str, list[str]]  # IRI -> section IRIs
    home: str | None


def _structure(store: Store) -> _Structure:
    key = (id(store), store.generation)
    with cache.lock:
        found = cache.get(_structure_cache, key, store)
        if found is None:
            found = _read_structure(store)
            cache.put(_structure_cache, key, store, found, limit=4)
        return found


def _read_structure(store: Store) -> _Structure:
    """Each part kept beside a store folder on its own, with what it reads: a change of one part (a
    network's status) reads that part anew and the others from their files (at 1M triples the periods
    and citations take 1.2 s to ask, 0.1 s to read)."""

    def periods() -> dict[str, tuple[int | None, int | None]]:
        return {x: (year(g1), year(g2)) for x, g1, g2 in store.select_text(PERIODS_QUERY)}

    kept = network_ties.per_generation
    return _Structure(
        kept(store, "periods", periods, (dict, lambda v: {x: (a, b) for x, (a, b) in v.items()}), (PERIODS_QUERY,)),
        # each attribute a part of its own: a status set reads the statuses anew (0.15 s at 1M), not the
        # target areas and SDGs of every thing as well (0.55 s)
        {what: kept(store, f"attrs {what}", functools.partial(_grouped, store, query), (dict, dict), (query,))
         for what, query in attr_queries().items()},
        kept(store, "cites", functools.partial(_grouped, store, CITES_QUERY), (dict, dict), (CITES_QUERY,)),
        home_actor(store))


def dimension_labels(store: Store, lang: str) -> dict[tuple[str, str], str]:
    """("ta" or "sdg", notation) -> the target area's or SDG's name (one small query)."""
    rows = store.select(NOTATIONS_QUERY, label_bindings(store, lang)).rows
    return {(str(p), str(n)): str(label) for p, n, label in rows}


def _read_network(store: Store, lang: str) -> NetworkData:
    st = _structure(store)
    classes = network_ties.classes(store)
    names = network_ties.names(store, lang)
    sections = section_names(store, lang)
    notation_labels = dimension_labels(store, lang)

    def sources(iri: str) -> tuple[str, ...]:
        cited = st.cites.get(iri)
        if not cited:  # most ties (every participation at 1M): nothing to sort
            return ()
        return tuple(sorted({sections.get(sec) or local_name(sec) for sec in cited}, key=str.casefold))

    statuses, types, areas, sdgs = (st.attrs[what] for what in ("status", "type", "ta", "sdg"))
    edges = []
    for tie in network_ties.ties(store):
        own_dates = tie.since is not None or tie.until is not None  # memberships' own period, else the thing's
        since, until = (tie.since, tie.until) if own_dates else st.periods.get(tie.thing, (None, None))
        status = tie.status or first(statuses.get(tie.thing))
        role = network_ties.name(names, tie.role) if tie.role else ""
        edges.append(EdgeInfo(tie.actor, tie.thing, tie.relation, role, since, until, status, sources(tie.tie)))
    nodes: dict[str, NodeInfo] = {}
    for iri in sorted({e.actor for e in edges} | {e.thing for e in edges}):
        cls = classes.get(iri, "")
        since, until = st.periods.get(iri, (None, None))
        nodes[iri] = NodeInfo(
            iri=iri, label=network_ties.name(names, iri), cls=cls,
            kind=names.get(IKG_NS + cls, cls) if cls else "", group=GROUP_OF.get(cls, "other"),
            since=since, until=until, status=first(statuses.get(iri)), agreement_type=first(types.get(iri)),
            target_areas=numbered(areas.get(iri)), sdgs=numbered(sdgs.get(iri)),
            sources=sources(iri),
        )
    concept_labels = {k: v for k, v in names.items() if k.startswith(IKG_NS)}
    data = NetworkData(lang, nodes, edges, concept_labels, notation_labels, st.home if st.home in nodes else None)
    data.order = list(nodes)
    neighbours: dict[str, set[str]] = {}
    for i, e in enumerate(edges):
        data.incident.setdefault(e.actor, []).append(i)
        data.incident.setdefault(e.thing, []).append(i)
        neighbours.setdefault(e.actor, set()).add(e.thing)
        neighbours.setdefault(e.thing, set()).add(e.actor)
    data.degree = {n: len(neighbours.get(n, ())) for n in data.order}
    t = text(lang)
    data.edge_extra = [" · ".join(tie_extra(data, e)) for e in edges]
    data.edge_sources = [listing(e.sources, t, 3) if e.sources else "" for e in edges]
    return data


def tie_extra(data: NetworkData, e: EdgeInfo) -> list[str]:
    """Role, period and status of a tie, those it has."""
    return [s for s in (e.role, period(e.since, e.until), data.labels.get(e.status, "") if e.status else "") if s]


def attrs(store: Store, bindings: dict | None = None) -> dict[str, dict[str, list[str]]]:
    """IRI -> {"status"|"type"|"ta"|"sdg": values}."""
    out: dict[str, dict[str, list[str]]] = {}
    for what, query in attr_queries().items():
        for x, values in _grouped(store, query, bindings).items():
            out.setdefault(x, {})[what] = values
    return out


def _grouped(store: Store, query: str, bindings: dict | None = None) -> dict[str, list[str]]:
    """The second column of a two-column query's rows, listed per value of the first (IRI -> values)."""
    out: dict[str, list[str]] = {}
    for x, v in store.select_text(query, bindings):
        out.setdefault(x, []).append(v)
    return out


def numbered(values: list[str] | None) -> tuple[str, ...]:
    """Notations, each once, in number order.

    >>> numbered(["10", "2", "2"]), numbered(None)
    (('2', '10'), ())
    """
    return tuple(sorted(set(values), key=num_key)) if values else ()


def first(values: list[str] | None) -> str | None:
    return min(values) if values else None


def num_key(text_: str) -> tuple[int, int, str]:
    return (0, int(text_), "") if text_.isdigit() else (1, 0, text_)


def section_names(store: Store, lang: str) -> dict[str, str]:
    """Section IRI -> 'Plan 2020 §2': its label, prefixed with its document's unless it names it."""
    b = label_bindings(store, lang)
    docs = {str(sec): str(label) for sec, label in store.select(SECTION_DOCS_QUERY, b).rows}
    out: dict[str, str] = {}
    for sec_term, label in store.select(SECTION_LABELS_QUERY, b).rows:
        sec, label_text = str(sec_term), str(label)
        doc = docs.get(sec)
        if doc and doc.casefold() not in label_text.casefold():
            label_text = f"{doc}, {label_text}"
        if sec not in out or label_text < out[sec]:  # the smallest, should a section have two labels
            out[sec] = label_text
    return out
