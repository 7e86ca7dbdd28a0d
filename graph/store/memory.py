"""rdflib's in-memory graph as a Store: no set-up, fine for the shipped data and tests.

>>> store = MemoryStore()
>>> store.count(), store.kind
(0, 'memory')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from rdflib import Graph
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from graph.errors import InputError
from graph.store.base import Rows, Store, Triple, Triples
from graph.vocab.namespaces import bind_prefixes


class MemoryStore(Store):
    """rdflib's in-memory graph: no set-up, fine for the shipped data and tests."""

    kind = "memory"

    def __init__(self, graph: Graph | None = None) -> None:
        super().__init__()
        self.g: Graph = bind_prefixes(graph if graph is not None else Graph())

    def _run(self, query: str, bindings: Mapping[str, Node]) -> Result:
        try:
            result: Result = self.g.query(query, initBindings=cast(Mapping[str, Identifier], bindings))
            return result
        except Exception as exc:  # rdflib raises many types for bad queries
            raise InputError.of("store.query_not_run", "en", detail=str(exc)) from None

    def _select(self, query: str, bindings: Mapping[str, Node]) -> Rows:
        res = self._run(query, bindings)
        names = [str(v) for v in res.vars or ()]
        return Rows(names, [tuple(cast(ResultRow, row)) for row in res])

    def _ask(self, query: str, bindings: Mapping[str, Node]) -> bool:
        return bool(self._run(query, bindings).askAnswer)

    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        graph = self._run(query, bindings).graph
        if graph is None:
            raise InputError("this is not a CONSTRUCT query")
        bound: Graph = bind_prefixes(graph)
        return bound

    def graph(self) -> Graph:
        return self.g

    def present(self, triples: Triples) -> set[Triple]:
        return {(s, p, o) for s, p, o in triples if (s, p, o) in self.g}

    def count(self) -> int:
        return len(self.g)

    def _apply(self, add: Triples | None, remove: Triples | None) -> None:
        if remove is not None:
            for t in remove:
                self.g.remove(t)
        if add is not None:
            for t in add:
                self.g.add(t)

    def _clear(self) -> None:
        self.g.remove((None, None, None))
