"""Our skolem IRIs as a file would give them back: the store's citations, periods, instants and amounts made by a
form or an import have random names (`fresh_genid`); written to a file they become blank nodes, and read again
they are named by what they say (`skolemise`). To compare the store with the files it was written to, each side's
names are matched by what the node says, so a round trip through the files is no change.

>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import XSD
>>> from graph.rdf.skolem import fresh_genid
>>> x, p, v = URIRef("urn:x"), URIRef("urn:p"), URIRef("urn:v")
>>> held, read = fresh_genid(), fresh_genid()
>>> store = [(x, p, held), (held, v, Literal("15000", datatype=XSD.decimal))]
>>> files = [(x, p, read), (read, v, Literal("15000.0", datatype=XSD.decimal))]
>>> named_as_held(files, store)[0] == (x, p, held)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.rdf.skolem import is_genid, skolem_names
from graph.rdf.values import Triple, value_key


def by_value(term: Node) -> str:
    """A term as it enters a node's name when its literals count by value: 15000 and 15000.0 are written alike.

    >>> from rdflib.namespace import XSD
    >>> by_value(Literal("15000.0", datatype=XSD.decimal)) == by_value(Literal("15000", datatype=XSD.decimal))
    True
    """
    key = value_key(term)
    if isinstance(term, Literal) and isinstance(key, tuple):
        _, datatype, value = key
        text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
        return f'"{text}"^^<{datatype}>'
    return term.n3()


def names_by_content(triples: Iterable[Triple]) -> dict[URIRef, URIRef]:
    """Each of our skolem IRIs in `triples` and the name it would have if written as a blank node and read back
    (literals by value)."""
    blanks: dict[URIRef, BNode] = {}

    def blank(term: Node) -> Node:
        return blanks.setdefault(term, BNode()) if is_genid(term) else term  # type: ignore[arg-type]

    graph = Graph()
    for s, p, o in triples:
        if is_genid(s) or is_genid(o):  # (a node's name is what it says and what holds it: nothing else counts)
            graph.add((blank(s), p, blank(o)))
    names = skolem_names(graph, by_value)
    return {genid: names[node] for genid, node in blanks.items()}


def named_as_held(files: Iterable[Triple], held: Iterable[Triple]) -> list[Triple]:
    """The files' triples with each skolem IRI renamed to the store's that says the same thing (and is held the
    same way), so that comparing the two shows only what really differs. A name with no match is kept."""
    files = list(files)
    own: dict[URIRef, URIRef] = {}
    for genid, name in names_by_content(held).items():
        own.setdefault(name, genid)  # (two of the store's that say the same: the files hold it once)
    rename = {genid: own.get(name, genid) for genid, name in names_by_content(files).items()}
    return [(rename.get(s, s), p, rename.get(o, o)) for s, p, o in files]  # type: ignore[call-overload]
