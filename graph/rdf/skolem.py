"""Skolem IRIs: the one definition of where blank nodes become IRIs (`GENID_BASE`), and `skolemise`,
which names each blank node of a graph by what it says and what holds it.

>>> GENID_BASE
'https://w3id.org/.well-known/genid/'
>>> is_genid(URIRef(GENID_BASE + "b1f2e")), is_genid(URIRef("https://w3id.org/ikg/trondheim/ntnu"))
(True, False)
>>> is_skolem(URIRef("https://example.org/.well-known/genid/x1")), is_genid(URIRef("https://example.org/.well-known/genid/x1"))
(True, False)
"""

from __future__ import annotations

import hashlib
import re
import uuid
from urllib.parse import urljoin

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

SKOLEM_AUTHORITY = "https://w3id.org/ikg"
GENID_PATH = "/.well-known/genid/"  # RFC 7511's path for skolem IRIs, under any authority
GENID_BASE = urljoin(SKOLEM_AUTHORITY, GENID_PATH)  # where our blank nodes become IRIs
# Ours: one segment after the base (older data wrote it under https://w3id.org/ikg/.well-known/genid/).
GENID_PATTERN = re.compile(
    "^" + re.escape(urljoin(SKOLEM_AUTHORITY, "/")) + r"(?:ikg/)?" + re.escape(GENID_PATH[1:]) + r"[A-Za-z0-9_-]+$"
)


def is_genid(node: object) -> bool:
    """Whether a term is one of our skolem IRIs (a citation, period, instant or amount made by ikg)."""
    return isinstance(node, URIRef) and bool(GENID_PATTERN.match(str(node)))


def is_skolem(node: object) -> bool:
    """Whether a term is a skolem IRI of any authority (anything under a `/.well-known/genid/` path)."""
    return GENID_PATH in str(node)


def fresh_genid() -> URIRef:
    """A new, random skolem IRI (for a node made by a form rather than read from a file).

    >>> str(fresh_genid()).startswith(GENID_BASE)
    True
    """
    return URIRef(GENID_BASE + uuid.uuid4().hex)


def skolemise(graph: Graph) -> Graph:
    """Replace blank nodes by IRIs, so every triple can later be named in an update or undo.

    The IRI of a blank node is a hash of what it says and of what holds it (e.g. a citation's
    section, quote and evidence, and the entity citing it), so parsing the same file twice gives the
    same IRIs: re-importing a file changes nothing, and rebuilding from data/ changes only what
    was edited in data/.

    >>> g = Graph().parse(format="turtle", data="<urn:x> <urn:p> [ <urn:q> 1 ] .")
    >>> once, twice = skolemise(g), skolemise(Graph().parse(format="turtle", data="<urn:x> <urn:p> [ <urn:q> 1 ] ."))
    >>> set(once) == set(twice) and all(is_genid(o) for o in once.objects(URIRef("urn:x")))
    True
    """
    down: dict[Node, str] = {}
    up: dict[Node, str] = {}

    def content(node: Node) -> str:
        if node not in down:
            down[node] = ""  # guards against cycles of blank nodes
            parts = sorted(f"{p.n3()} {content(o) if isinstance(o, BNode) else o.n3()}"
                           for p, o in graph.predicate_objects(node))
            down[node] = _digest("|".join(parts))
        return down[node]

    def holders(node: Node) -> str:
        if node not in up:
            up[node] = ""
            parts = sorted(f"{holders(s) if isinstance(s, BNode) else s.n3()} {p.n3()}"
                           for s, p in graph.subject_predicates(node))
            up[node] = _digest("|".join(parts))
        return up[node]

    names: dict[Node, URIRef] = {}

    def name(term: Node) -> Node:
        if not isinstance(term, BNode):
            return term
        if term not in names:
            names[term] = URIRef(GENID_BASE + "b" + _digest(content(term) + "/" + holders(term))[:32])
        return names[term]

    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=False)
    for s, p, o in graph:
        out.add((name(s), p, name(o)))
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
