"""node_details: the plain-text story of one node (names, facts, place, ties, collaborators, sources)."""

from __future__ import annotations

from rdflib import URIRef

from graph.analysis import ties as network_ties
from graph.analysis.ties import year
from graph.questions.languages import label_bindings
from graph.render.view.data import attrs, first, network_data, num_key, section_names
from graph.render.view.facts import facts, notation
from graph.render.view.kinds import GROUP_OF
from graph.render.view.model import NetworkData, NodeInfo
from graph.render.view.queries import (
    DETAIL_COORDINATES_QUERY,
    DETAIL_NAMES_QUERY,
    DETAIL_PLACES_QUERY,
    DETAIL_SOURCES_QUERY,
    PERIODS_QUERY,
)
from graph.render.view.text import listing, text
from graph.store.base import Store
from graph.vocab.labels import local_name


def node_details(store: Store, iri: str, lang: str = "en") -> dict:
    """Everything about one node as plain text.

    >>> from graph.history.shipped import open_store
    >>> store = open_store("memory")
    >>> home = store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows[0][0]
    >>> node_details(store, str(home), "nb")["label"]
    'Trondheim kommune'

    Keys: iri, label, kind, other_labels, since, until, status, type, target_areas, sdgs,
    coordinates, country, place, facts ([name, value] pairs ready to show), ties (dicts: label, kind,
    relation, role, since, until, status, sources; what an actor takes part in, or who takes part
    in a thing), collaborators (dicts: label, via), sources (dicts: source, quote, evidence, about).
    """
    t = text(lang)
    data = network_data(store, lang)
    x = {"x": URIRef(iri), **label_bindings(store, lang)}
    names = store.select(DETAIL_NAMES_QUERY, x).rows
    n = data.nodes.get(iri) or _lone_node(store, iri, data)
    others = sorted({str(label) for _p, label in names} - {n.label}, key=str.casefold)
    coordinates = next((f"{float(str(lat)):.4f}, {float(str(long)):.4f}"
                        for lat, long in store.select(DETAIL_COORDINATES_QUERY, x).rows), "")
    places = {str(p): str(label) for p, label in sorted(store.select(DETAIL_PLACES_QUERY, x).rows, reverse=True)}
    country, place = places.get("country", ""), places.get("place", "")
    sections = section_names(store, lang)
    sources = []
    for s, quote, ev, about in store.select(DETAIL_SOURCES_QUERY, x).rows:
        sources.append({"source": sections.get(str(s)) or local_name(s),
                        "quote": str(quote) if quote is not None else "",
                        "evidence": data.labels.get(str(ev), local_name(ev)) if ev is not None else "",
                        "about": data.labels.get(str(about), local_name(about)) if about is not None else ""})
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
    rows = ([[t["other_labels"], "; ".join(others)]] if others else []) + facts(data, n, t)
    if coordinates:
        rows.append([t["coordinates"], coordinates])
    if place:
        rows.append([t["place"], place])
    if country:
        rows.append([t["country"], country])
    return {
        "iri": iri, "label": n.label, "kind": n.kind, "other_labels": others,
        "since": "" if n.since is None else str(n.since), "until": "" if n.until is None else str(n.until),
        "status": data.labels.get(n.status, "") if n.status else "",
        "type": data.labels.get(n.agreement_type, "") if n.agreement_type else "",
        "target_areas": [notation(data, "ta", v) for v in n.target_areas],
        "sdgs": [notation(data, "sdg", v) for v in n.sdgs],
        "coordinates": coordinates, "country": country, "place": place,
        "facts": rows, "ties": ties, "collaborators": _collaborators(data, iri), "sources": sources,
    }


def _lone_node(store: Store, iri: str, data: NetworkData) -> NodeInfo:
    """A node without ties (an isolated actor, a country …): its class and attributes read directly."""
    x = {"x": URIRef(iri)}
    cls = network_ties.classes(store).get(iri, "")
    period = store.select(PERIODS_QUERY, x).rows
    a = attrs(store, x).get(iri, {})
    names = network_ties.names(store, data.lang)
    kind = data.labels.get(network_ties.IKG_NS + cls, cls) if cls else ""
    return NodeInfo(iri, network_ties.name(names, iri), cls, kind,
                    GROUP_OF.get(cls, "other"), year(period[0][1]) if period else None,
                    year(period[0][2]) if period else None, first(a.get("status")), first(a.get("type")),
                    tuple(sorted(set(a.get("ta", [])), key=num_key)),
                    tuple(sorted(set(a.get("sdg", [])), key=num_key)), ())


def _collaborators(data: NetworkData, iri: str, via_shown: int = 3) -> list[dict]:
    """Actors sharing a linking thing with an actor (for a thing: its actors), with what links them."""
    if iri not in data.nodes:
        return []
    t = text(data.lang)
    via: dict[str, set[str]] = {}
    if data.nodes[iri].is_actor or any(data.edges[i].actor == iri for i in data.incident.get(iri, ())):
        for thing in {data.edges[i].thing for i in data.incident.get(iri, ()) if data.edges[i].actor == iri}:
            for j in data.incident.get(thing, ()):
                other = data.edges[j].actor
                if other != iri:
                    via.setdefault(other, set()).add(data.nodes[thing].label)
    out = []
    for other, things in via.items():
        listed = sorted(things, key=str.casefold)
        out.append({"label": data.nodes[other].label, "via": listing(listed, t, via_shown)})
    return sorted(out, key=lambda d: (d["label"].casefold(), d["via"]))
