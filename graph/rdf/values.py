"""Literals compared by value: stores keep numbers and dates in their canonical form, so a literal read
back may be written differently ("29.5630" comes back as "29.563") and still be the same statement.

>>> from rdflib.namespace import XSD
>>> value_key(Literal("29.5630", datatype=XSD.decimal)) == value_key(Literal("29.563", datatype=XSD.decimal))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

_VALUE_TYPES = {str(XSD[name]) for name in (
    "decimal", "integer", "double", "float", "boolean", "date", "dateTime", "gYear", "int", "long",
    "nonNegativeInteger", "positiveInteger")}


def value_key(term: Node) -> Any:
    """A term as a value: "29.5630"^^xsd:decimal and "29.563"^^xsd:decimal are the same (stores
    keep numbers and dates in their canonical form, so the lexical form read back may differ)."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) in _VALUE_TYPES:
        value = term.toPython()
        if not isinstance(value, Literal):
            return ("value", str(term.datatype), value)
    return term


def value_diff(current: Iterable[Triple], wanted: Iterable[Triple]) -> tuple[list[Triple], list[Triple]]:
    """(triples to add, triples to remove) to turn `current` into `wanted`, comparing literals by value.

    >>> from rdflib import URIRef
    >>> from rdflib.namespace import XSD
    >>> x, p = URIRef("urn:x"), URIRef("urn:p")
    >>> value_diff({(x, p, Literal("1.50", datatype=XSD.decimal))}, {(x, p, Literal("1.5", datatype=XSD.decimal))})
    ([], [])
    """
    current, wanted = list(current), list(wanted)

    def key(triple: Triple) -> tuple[Any, ...]:
        return tuple(value_key(term) for term in triple)

    current_keys = {key(tr) for tr in current}
    wanted_keys = {key(tr) for tr in wanted}
    return ([tr for tr in wanted if key(tr) not in current_keys],
            [tr for tr in current if key(tr) not in wanted_keys])
