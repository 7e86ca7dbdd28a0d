"""What the import's checks ask the store, in batches: the types or labels of many things at once, the
things of some classes, and the named thing that holds a skolemised sub-node."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.rdf.skolem import is_skolem
from graph.store.base import Store
from graph.vocab.classes import subclasses

BATCH = 200
TYPES = "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x a ?v }"
LABELS = "SELECT ?x ?v WHERE { VALUES ?x { %s } ?x rdfs:label ?v }"


def by_subject(store: Store, query: str, nodes: Sequence[Node]) -> dict[Node, set[Node]]:
    """Run `SELECT ?x ?v WHERE { VALUES ?x { %s } … }` (TYPES, LABELS) in batches; {x: {v, …}}."""
    found: dict[Node, set[Node]] = defaultdict(set)
    for start in range(0, len(nodes), BATCH):
        values = " ".join(n.n3() for n in nodes[start : start + BATCH])
        for x, v in store.select(query % values).rows:
            if x is not None and v is not None:
                found[x].add(v)
    return found


def instances(store: Store, classes: Iterable[URIRef]) -> list[URIRef]:
    """IRIs of the things of some classes (subclasses too, from the vocabulary), to suggest a near miss."""
    values = " ".join(c.n3() for c in sorted(subclasses(*classes)))
    rows = store.select(f"SELECT DISTINCT ?x WHERE {{ VALUES ?t {{ {values} }} ?x a ?t }}")
    return sorted({row[0] for row in rows.rows if isinstance(row[0], URIRef) and not is_skolem(row[0])})


def owner(graph: Graph, node: Node, store: Store | None = None) -> Node:
    """The named entity that holds a skolemised sub-node (a citation, a period), else the node itself.

    The holder is looked for in `graph` (the file), then in the store. Skolem IRIs of any authority count
    (graph.rdf.skolem.is_skolem): a file may carry those made by another tool.
    """
    for _ in range(6):
        if not is_skolem(node):
            return node
        holder: Node | None = min(graph.subjects(None, node), key=str, default=None)
        if holder is None and store is not None:
            rows = store.select("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1", {"o": node}).rows
            holder = rows[0][0] if rows else None
        if holder is None:
            return node
        node = holder
    return node
