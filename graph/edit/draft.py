"""What a form would change (a Draft, written by nobody yet), and the things a batch built before it (Pending)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, URIRef


@dataclass
class Draft:
    """What a form would change: the triples to add and remove, the thing concerned and a summary."""

    kind: str
    iri: URIRef
    add: Graph
    remove: Graph
    summary: str
    label: str = ""
    created: list[tuple[str, URIRef]] = field(default_factory=list)  # (kind, IRI) of every new thing


class Pending:
    """Things built earlier in the same batch (a spreadsheet import) and not yet in the store.

    `build(..., pending=p)` lets a row refer to things of earlier rows, treats their identifiers as
    taken, and leaves the SHACL check to the caller (`shape_problems` on the whole batch).
    """

    def __init__(self) -> None:
        self.graph = Graph()
        self.origin: dict[URIRef, object] = {}  # IRI -> where it was made (a row number)
        self.cache: dict[tuple[Any, ...], Any] = {}  # lookups in the store, which does not change during the batch

    def add(self, draft: Draft, origin: object = None) -> None:
        self.graph += draft.add
        for _, iri in draft.created:
            self.origin[iri] = origin
