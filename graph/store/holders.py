"""Which named thing a sub-node belongs to: a citation, a period or an amount is held by the membership,
network or project that points at it. Deleting a thing and undoing a change both ask it, to name what
points at the thing in words people know.

>>> from rdflib import URIRef
>>> from graph.rdf.skolem import GENID_BASE
>>> from graph.store.memory import MemoryStore
>>> store, net, cite = MemoryStore(), URIRef("https://example.org/net"), URIRef(GENID_BASE + "c1")
>>> store.apply(add=[(net, URIRef("https://example.org/cites"), cite)])
>>> holder(store, cite) == net, holder(store, net) == net
(True, True)
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.term import Node

from graph.rdf.skolem import is_genid
from graph.store.base import Store

HOLDERS = "SELECT ?s WHERE { ?s ?p ?x }"


def holder(store: Store, node: Node) -> Node:
    """The named thing that holds a sub-node (a citation, a period), up to four steps up; else the node itself."""
    for _ in range(4):
        if isinstance(node, URIRef) and not is_genid(node):
            return node
        rows = store.select(HOLDERS, {"x": node}).rows
        holders = sorted((r[0] for r in rows if r[0] is not None), key=str)
        if not holders:
            return node
        node = holders[0]
    return node
