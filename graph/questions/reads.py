"""What a question reads of the graph, so that a change which cannot alter its answer leaves the answer
kept (graph.store.keeper): the predicates of its triple patterns, and the classes it asks for by type.

A SPARQL query sees the graph only through its triple patterns (in property paths, OPTIONAL, MINUS,
EXISTS and subqueries alike). A triple that matches none of them, added or removed, changes no
solution of any pattern and so no answer. Every pattern here has a fixed predicate; a pattern of a
known class matches only triples typing something as that class. Written as tokens, the same tokens a
write notes for each triple it adds or removes (graph.store.derived.touched):

- the predicate's IRI, for a pattern with that predicate (a property path: each predicate in it);
- `a` and the class's IRI, for a pattern `?x a ikg:Network`.

A query with a variable predicate or a negated property set reads every triple: None. So does a text
that cannot be parsed. Every IRI the text names is added as well (a pattern the parse would miss can
only name IRIs the text names), which can make a change count as read when it is not, never the other
way round.

>>> network = reads("SELECT ?n WHERE { ?n a ikg:Network ; rdfs:label ?l "
...                 "FILTER NOT EXISTS { ?m org:organization ?n } }")
>>> {str(RDFS.label), str(ORG.organization), f"a {IKG.Network}"} <= network
True
>>> str(RDF.type) in network, f"a {IKG.Project}" in network, str(IKG.status) in network
(False, False, False)
>>> reads("SELECT * WHERE { ?s ?p ?o }") is None, reads("SELECT * WHERE { ?s !rdfs:label ?o }") is None
(True, True)
"""

from __future__ import annotations

import concurrent.futures
import functools
import re

from rdflib import ORG, RDF, RDFS, URIRef  # noqa: F401 - ORG and RDFS for the doctests
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from graph.store.base import PREFIX_HEADER
from graph.vocab.namespaces import IKG, PREFIXES  # noqa: F401 - IKG for the doctests


@functools.lru_cache(maxsize=256)
def question_reads(texts: tuple[str, ...]) -> frozenset[str] | None:
    """What a question reads in any of its texts (the portable one and its engines' variants). Parsed in
    a thread of its own: the parser keeps objects whose frames would otherwise hold on to the caller's
    (and so to its store, whose folder then could not be opened again)."""
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ikg-reads") as apart:
        return apart.submit(_question_reads, texts).result()


def _question_reads(texts: tuple[str, ...]) -> frozenset[str] | None:
    out: set[str] = set()
    for text in texts:
        one = reads(text)
        if one is None:
            return None
        out |= one
    return frozenset(out)


def reads(text: str) -> frozenset[str] | None:
    """The tokens of what the query `text` reads; None when it may read any triple."""
    try:
        algebra = prepareQuery(PREFIX_HEADER + re.sub(r"\bLATERAL\s*\{", "{", text)).algebra
    except Exception:  # noqa: BLE001 - any parse failure: assume it reads everything
        return None
    out: set[str] = set()
    if not _walk(algebra, out):
        return None
    for iri in named(text):
        out.update((iri, f"a {iri}"))
    return frozenset(out)


def _walk(node: object, out: set[str]) -> bool:
    """Add the tokens of every triple pattern under `node`; False on one that may match any predicate."""
    if isinstance(node, CompValue):
        if node.name in ("BGP", "TriplesBlock"):
            for _, p, o in node.get("triples") or ():
                if p == RDF.type and isinstance(o, URIRef):
                    out.add(f"a {o}")
                elif not _predicates(p, out):
                    return False
        if node.name in ("ServiceGraphPattern", "PathNegatedPropertySet"):
            return False
        return all(_walk(v, out) for v in node.values())
    if isinstance(node, (list, tuple, set, frozenset)):
        return all(_walk(v, out) for v in node)
    if isinstance(node, dict):
        return all(_walk(v, out) for v in node.values())
    return True


def _predicates(p: object, out: set[str]) -> bool:
    """Add the predicates of a pattern's predicate or property path; False for a variable or a negation."""
    if isinstance(p, URIRef):
        out.add(str(p))
        return True
    if isinstance(p, InvPath):
        return _predicates(p.arg, out)
    if isinstance(p, (SequencePath, AlternativePath)):
        return all(_predicates(a, out) for a in p.args)
    if isinstance(p, MulPath):
        return _predicates(p.path, out)
    return False


_PREFIXED = re.compile(r"(?<![\w?$:/#<])([A-Za-z][\w-]*)?:([\w-]*(?:\.[\w-]+)*)")
_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")


def named(text: str) -> set[str]:
    """Every IRI the text names, written whole or with one of the store's prefixes.

    >>> sorted(named("SELECT ?x { ?x ikg:memberOf <http://e.org/a> . BIND(xsd:integer(?y) AS ?z) }"))
    ['http://e.org/a', 'http://www.w3.org/2001/XMLSchema#integer', 'https://w3id.org/ikg/ontology#memberOf']
    """
    out = {m.group(1) for m in _IRI.finditer(text)}
    for m in _PREFIXED.finditer(text):
        base = PREFIXES.get(m.group(1) or "")
        if base is not None:
            out.add(str(base) + m.group(2))
    return out
