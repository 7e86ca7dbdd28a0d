"""A thing's period as days, and what its period says against its status: a membership said to be active
whose period ended years ago. The import points it out before a file is written, the Edit page after a
form is saved; neither refuses it (the source may say so).

>>> from rdflib import Graph, URIRef, Literal
>>> from rdflib.namespace import TIME, XSD
>>> from graph.vocab.namespaces import IKG
>>> g, m, p, end = Graph(), URIRef("urn:m"), URIRef("urn:p"), URIRef("urn:e")
>>> _ = g.add((m, IKG.status, IKG.Active)).add((m, IKG.period, p)).add((p, TIME.hasEnd, end))
>>> _ = g.add((end, TIME.inXSDgYear, Literal("2019", datatype=XSD.gYear)))
>>> period_of(g, m), stale(g, m, today=2026), stale(g, m, today=2019)
(('', '2019-12-31'), ('https://w3id.org/ikg/ontology#Active', '2019'), None)
"""

from __future__ import annotations

from datetime import date

from rdflib import Graph, URIRef
from rdflib.namespace import TIME
from rdflib.term import Node

from graph.edit.lookup import class_label
from graph.edit.snapshot import Snapshot
from graph.i18n import t
from graph.store.base import Store
from graph.vocab.namespaces import IKG

CURRENT = (IKG.Active, IKG.Planned)  # the statuses a past end contradicts


def day(value: str, first: bool = False) -> str:
    """A date or a year as the day it means: a start year is its first day, an end year its last.

    >>> day("2019", first=True), day("2019"), day("2019-03-01"), day("")
    ('2019-01-01', '2019-12-31', '2019-03-01', '')
    """
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return f"{value}-01-01" if first else f"{value}-12-31"
    return value[:10]


def period_of(graph: Graph, iri: Node) -> tuple[str, str]:
    """The first and last day of a link's period in `graph` ("" for an open end)."""
    ends = {}
    for period in graph.objects(iri, None):
        for side in (TIME.hasBeginning, TIME.hasEnd):
            for at in graph.objects(period, side):
                for p in (TIME.inXSDDate, TIME.inXSDgYear):
                    for value in graph.objects(at, p):
                        ends[side] = str(value)
    return day(ends.get(TIME.hasBeginning, ""), first=True), day(ends.get(TIME.hasEnd, ""))


def stale(graph: Graph, iri: Node, today: int | None = None) -> tuple[str, str] | None:
    """(status IRI, end year) of a thing said to be active or planned whose period ended before this year."""
    status = graph.value(iri, IKG.status)
    if status not in CURRENT:
        return None
    end = period_of(graph, iri)[1][:4]
    return (str(status), end) if end.isdigit() and int(end) < (today or date.today().year) else None


def stale_warning(store: Store, iri: str, label: str, lang: str = "en") -> str | None:
    """What the Edit page says after saving a thing whose status its period contradicts (read as the store
    holds it, its period from its sub-nodes), or None."""
    held = Graph()
    for triple in Snapshot(store, URIRef(iri)).all():
        held.add(triple)
    found = stale(held, URIRef(iri))
    if found is None:
        return None
    status, end = found
    return t("editpage.warn.stale", lang, label=label, status=class_label(URIRef(status), lang), end=end,
             ended=class_label(IKG.Ended, lang))
