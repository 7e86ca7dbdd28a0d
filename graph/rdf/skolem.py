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
from collections.abc import Callable
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
    names = skolem_names(graph)
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=False)
    for s, p, o in graph:
        out.add((names.get(s, s), p, names.get(o, o)))
    return out


def skolem_names(graph: Graph, written: Callable[[Node], str] | None = None) -> dict[Node, URIRef]:
    """Each blank node of `graph` and the skolem IRI `skolemise` gives it; `written` is how a term enters the hash
    (a literal's lexical form by default; graph.rdf.readback hashes a literal's value, so 15000 and 15000.0 agree).
    """
    down: dict[Node, str] = {}
    up: dict[Node, str] = {}

    def content(node: Node) -> str:
        if node not in down:
            down[node] = ""  # guards against cycles of blank nodes
            parts = sorted(f"{p.n3()} {content(o) if isinstance(o, BNode) else written(o) if written else o.n3()}"
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
    for s, _, o in graph:  # (in the graph's order: in a cycle of blank nodes, where the hashing starts matters)
        for node in (s, o):
            if isinstance(node, BNode) and node not in names:
                names[node] = URIRef(GENID_BASE + "b" + _digest(content(node) + "/" + holders(node))[:32])
    return names


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
