"""The triples of one existing thing and of the sub-nodes it holds (citations, periods, instants,
amounts): what a correction replaces and a deletion removes."""

from __future__ import annotations

from typing import Any, cast

from rdflib import URIRef
from rdflib.term import Node

from graph.rdf.skolem import is_genid
from graph.store.base import Store

Triple = tuple[Node, Node, Node]


def _triples(rows: list[tuple[Node | None, ...]]) -> list[Triple]:
    return [(s, p, o) for s, p, o in rows if s is not None and p is not None and o is not None]


class Snapshot:
    """The triples of one thing and of the sub-nodes it holds (citations, periods, instants, amounts)."""

    def __init__(self, store: Store, iri: URIRef) -> None:
        self.iri = iri
        rows = store.select("SELECT ?x ?p ?o WHERE { ?x ?p ?o }", {"x": iri}).rows
        self.own: list[Triple] = [(iri, p, o) for _, p, o in _triples(rows)]
        self.sub: dict[Node, list[Triple]] = {}
        frontier = {o for _, _, o in self.own if is_genid(o)}
        for _ in range(3):
            if not frontier:
                break
            values = " ".join(sorted(n.n3() for n in frontier))
            found = _triples(store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}").rows)
            for node in frontier:
                self.sub.setdefault(node, [])
            for s, p, o in found:
                self.sub[s].append((s, p, o))
            frontier = {o for _, _, o in found if is_genid(o) and o not in self.sub}

    def objects(self, prop: Node | None, node: Node | None = None) -> list[Node]:
        triples = self.own if node is None else self.sub.get(node, [])
        return sorted(cast("list[Any]", [o for _, p, o in triples if p == prop]))  # rdflib's order of terms

    def tree(self, node: Node) -> list[Triple]:
        """A sub-node's triples and those of the sub-nodes under it."""
        out, todo, seen = [], [node], set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for triple in self.sub.get(n, []):
                out.append(triple)
                if is_genid(triple[2]):
                    todo.append(triple[2])
        return out

    def all(self) -> list[Triple]:
        out = list(self.own)
        for _, _, o in self.own:
            if is_genid(o):
                out += self.tree(o)
        return out
