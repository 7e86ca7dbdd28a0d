"""What a question reads of the graph, so that a change which cannot alter its answer leaves the answer
kept (graph.store.keeper): the predicates of its triple patterns, and the classes it asks for by type.

A SPARQL query sees the graph only through its triple patterns (in property paths, OPTIONAL, MINUS,
EXISTS and subqueries alike). A triple that matches none of them, added or removed, changes no
solution of any pattern and so no answer. Every pattern here has a fixed predicate; a pattern of a
known class matches only triples typing something as that class. Written as tokens, the same tokens a
write notes for each triple it adds or removes (graph.store.stamp.touched):

- the predicate's IRI, for a pattern with that predicate (a property path: each predicate in it);
- `a` and the class's IRI, for a pattern `?x a ikg:Network`;
- `a *` for a pattern `?x a ?t` of any class, with `not a <class>` for each class a filter holding for
  that pattern rules out (`FILTER(?t != ikg:Change)`, `?t IN (...)`, `STRSTARTS(STR(?t), ...)`), in
  the same group or in the OPTIONAL's own: every solution a triple of that class gives is dropped
  there, so it changes no answer (graph.store.stamp.hits). This is what lets an answer about networks
  be carried over the record (`a ikg:Change`) every recorded change adds. A filter outside an OPTIONAL
  rules out nothing of it: a match there that the filter drops would drop the row it extends.
- `<p> of a <class>`, `<p> of ^<q>` or `<p> of <q>` for a pattern `?x p ?o` whose `?x`, in every
  solution that the pattern's solution becomes part of, is a thing of that class, the object of a `q`
  or the subject of one (a pattern `?x a <class>`, `?y q ?x` or `?x q ?y` in the same basic pattern, in
  one joined with it, in what an OPTIONAL extends, or selected or grouped by in a subquery; one of
  several such kinds, for a UNION's sides). A triple of `p` whose subject is of no such kind, before
  the write or after it, adds or removes no solution that survives: this is what lets an answer about
  networks be carried over a new review round's label. A write notes the kinds of the things whose
  predicates it touched (graph.store.base.Store._described, graph.store.stamp.described).

A query with a variable predicate or a negated property set reads every triple: None. So does a text
that cannot be parsed. Every IRI the text names that the parse did not find read is added as well (a
pattern the parse would miss can only name IRIs the text names), which can make a change count as
read when it is not, never the other way round.

>>> network = reads("SELECT ?n WHERE { ?n a ikg:Network ; rdfs:label ?l "
...                 "FILTER NOT EXISTS { ?m org:organization ?n } }")
>>> {f"{RDFS.label} of a {IKG.Network}", str(ORG.organization), f"a {IKG.Network}"} <= network
True
>>> str(RDFS.label) in network, f"a {IKG.Project}" in network, str(IKG.status) in network
(False, False, False)
>>> reads("SELECT * WHERE { ?s ?p ?o }") is None, reads("SELECT * WHERE { ?s !rdfs:label ?o }") is None
(True, True)
"""

from __future__ import annotations

import concurrent.futures
import functools
import re

from rdflib import ORG, OWL, RDF, RDFS, SH, Literal, URIRef, Variable  # noqa: F401 - ORG for the doctests
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from graph.rdf.shapes import shipped_shapes
from graph.store.base import PREFIX_HEADER
from graph.store.stamp import ANY_CLASS, NOT, OF
from graph.vocab.classes import ontology
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
    left_out: set[str] | None = None  # the classes every text that reads any class leaves out
    for text in texts:
        one = reads(text)
        if one is None:
            return None
        out |= {t for t in one if not t.startswith(NOT)}
        if ANY_CLASS in one:
            mine = {t for t in one if t.startswith(NOT)}
            left_out = mine if left_out is None else left_out & mine
    return frozenset(out | (left_out or set()))


def reads(text: str) -> frozenset[str] | None:
    """The tokens of what the query `text` reads; None when it may read any triple."""
    try:
        algebra = prepareQuery(PREFIX_HEADER + re.sub(r"\bLATERAL\s*\{", "{", text)).algebra
    except Exception:  # noqa: BLE001 - any parse failure: assume it reads everything
        return None
    walk = _Walk(sorted({URIRef(iri) for iri in named(text)} | _known_classes()))
    if not walk.node(algebra, (), {}):
        return None
    out = walk.out
    left_out = set.intersection(*walk.left_out) - out if walk.left_out else set()
    for iri in named(text):
        if not any(t == iri or t.startswith(iri + OF) for t in walk.out):
            out.add(iri)
        if f"a {iri}" not in left_out:
            out.add(f"a {iri}")
    return frozenset(out | {NOT + c for c in left_out})


@functools.cache
def _known_classes() -> frozenset[URIRef]:
    """Every class the shipped vocabulary and shapes name: declared, a property's domain or range, a
    superclass or a shape's target (the classes the app's own edits write among them)."""
    out = {c for c in shipped_shapes().objects(None, SH.targetClass) if isinstance(c, URIRef)}
    onto = ontology()
    for cls in (OWL.Class, RDFS.Class):
        out.update(c for c in onto.subjects(RDF.type, cls) if isinstance(c, URIRef))
    for p in (RDFS.domain, RDFS.range, RDFS.subClassOf):
        out.update(c for c in onto.objects(None, p) if isinstance(c, URIRef))
    return frozenset(out)


_KEEP = {"Filter", "Join", "LeftJoin", "Union", "Extend"}  # where a filter around still holds for a pattern
Bound = dict[object, list[frozenset[str]]]  # per variable: what its value is in every solution, one of each set


class _Walk:
    """The tokens of every triple pattern under a query's algebra. For a pattern `?x a ?t` of any class,
    the classes among `candidates` (the IRIs the text names, the vocabulary's classes) that a filter
    holding for it rules out: a solution from a triple of such a class is dropped there, so such a
    triple changes no answer. A pattern `?x p ?o` whose `?x` is, in every solution it joins, a thing of
    a class, the object or the subject of a predicate, reads `p` of such things only (`<p> of <kind>`)."""

    def __init__(self, candidates: list[URIRef]) -> None:
        self.candidates = candidates
        self.out: set[str] = set()
        self.left_out: list[set[str]] = []  # per pattern of any class

    def node(self, node: object, held: tuple, bound: Bound) -> bool:
        """Walk `node` under the filters `held` that drop every solution it gives which they rule out, and
        what the solutions it joins say of their variables (`bound`); False on a pattern that may match
        any predicate."""
        if isinstance(node, CompValue):
            if node.name in ("ServiceGraphPattern", "PathNegatedPropertySet"):
                return False
            if node.name in ("BGP", "TriplesBlock"):
                triples = list(node.get("triples") or ())
                return all(self.triple(t, held, _joined(bound, _bgp(triples, i, held)))
                           for i, t in enumerate(triples))
            inside = _into(node, bound)
            if node.name not in _KEEP and inside is None:
                return all(self.node(v, (), {}) for v in node.values())
            parts = {k: v for k, v in node.items() if k not in ("p", "p1", "p2")}
            if not self.node(parts, (), {}):
                return False
            if inside is not None:  # into a subquery: what its solutions joined outside must be
                return self.node(node["p"], (), inside)
            if node.name == "Join":
                return (self.node(node["p1"], held, _joined(bound, _bound(node["p2"], held)))
                        and self.node(node["p2"], held, _joined(bound, _bound(node["p1"], held))))
            if node.name == "LeftJoin":  # a filter around leaves out nothing of the optional side
                return (self.node(node["p1"], held, bound)
                        and self.node(node["p2"], (node["expr"],), _joined(bound, _bound(node["p1"], held))))
            if node.name == "Filter":
                held = (*held, node["expr"])
            if node.name == "Extend" and isinstance(node["expr"], Variable) and node["var"] in bound:
                bound = _joined(bound, {node["expr"]: bound[node["var"]]})  # BIND(?x AS ?y): ?x is what ?y is
            return all(self.node(node[k], held, bound) for k in ("p", "p1", "p2") if k in node)
        if isinstance(node, (list, tuple, set, frozenset)):
            return all(self.node(v, held, bound) for v in node)
        if isinstance(node, dict):
            return all(self.node(v, held, bound) for v in node.values())
        return True

    def triple(self, t: tuple, held: tuple, bound: Bound) -> bool:
        s, p, o = t
        if p == RDF.type and isinstance(o, URIRef):
            self.out.add(f"a {o}")
        elif p == RDF.type:
            self.out.add(ANY_CLASS)
            self.left_out.append({f"a {c}" for c in self.candidates if any(_false(e, o, c) for e in held)})
        elif bound.get(s) and (isinstance(p, URIRef) or (  # `?x p1|p2 ?o`: `?x p1 ?o` or `?x p2 ?o`
                isinstance(p, AlternativePath) and all(isinstance(a, URIRef) and a != RDF.type for a in p.args))):
            self.out.update(f"{one}{OF}{k}" for one in (p.args if isinstance(p, AlternativePath) else [p])
                            for k in _narrowest(bound[s]))
        else:
            return self.predicates(p)
        return True

    def predicates(self, p: object) -> bool:
        """Add the predicates of a pattern's predicate or property path; False for a variable or a negation."""
        if p == RDF.type:  # in a path: of any class
            self.out.add(ANY_CLASS)
            self.left_out.append(set())
            return True
        if isinstance(p, URIRef):
            self.out.add(str(p))
            return True
        if isinstance(p, InvPath):
            return self.predicates(p.arg)
        if isinstance(p, (SequencePath, AlternativePath)):
            return all(self.predicates(a) for a in p.args)
        if isinstance(p, MulPath):
            return self.predicates(p.path)
        return False


def _into(node: CompValue, bound: Bound) -> Bound | None:
    """What the solutions of a subquery's part `node` must be, for those joined outside (`bound`): what
    it selects, passed through DISTINCT and ORDER BY, and for a group, its keys (a group's solutions
    share their key: a triple of a thing of another kind changes only the group it then drops); nothing
    through a LIMIT. None for a node that is no part of a subquery."""
    if node.name in ("ToMultiSet", "Distinct", "Reduced", "OrderBy"):
        return bound
    if node.name == "Slice":
        return {}
    if node.name == "Project":
        return {v: bound[v] for v in node.get("PV") or () if v in bound}
    if node.name == "AggregateJoin":  # a group's key is selected as SAMPLE(?key)
        return {a["vars"]: bound[a["res"]] for a in node.get("A") or ()
                if a.name == "Aggregate_Sample" and a.get("res") in bound and isinstance(a.get("vars"), Variable)}
    if node.name == "Group":
        keys = [v for v in node.get("expr") or () if isinstance(v, Variable)]
        return {v: bound[v] for v in keys if v in bound}
    return None


def _bgp(triples: list, skip: int = -1, held: tuple = ()) -> Bound:
    """What a basic graph pattern's solutions say of its variables: `a <class>` for `?x a <class>`; for
    `?s p ?o`, `^<p>` of `?o` (the object of a `p`) and `<p>` of `?s` (the subject of one), but not the
    subject of an `?s a ?t` (every typed thing is: a kind that would stand in for a narrower one); the
    triple at `skip` left out (a pattern tells nothing of itself)."""
    out: Bound = {}
    for i, (s, p, o) in enumerate(triples):
        if i == skip or not isinstance(p, URIRef):
            continue
        if p == RDF.type and isinstance(o, URIRef) and not isinstance(s, (URIRef, Literal)):
            out.setdefault(s, []).append(frozenset({f"a {o}"}))
            continue
        if not isinstance(o, (URIRef, Literal)):
            out.setdefault(o, []).append(frozenset({f"^{p}"}))
        if not isinstance(s, (URIRef, Literal)) and p != RDF.type:
            out.setdefault(s, []).append(frozenset({str(p)}))
        elif not isinstance(s, (URIRef, Literal)):  # ?x a ?t: typed with something, which says nothing of
            only = _only(held, o)  # its kind, unless a filter lists the classes (?t IN (...)): one of those
            if only is not None:
                out.setdefault(s, []).append(frozenset(f"a {c}" for c in only))
    return out


def _bound(node: object, held: tuple = ()) -> Bound:
    """What every solution of `node` that the filters `held` keep says of its variables: of a subquery's,
    what it selects plainly or groups by (nothing of an aggregate's result)."""
    if not isinstance(node, CompValue):
        return {}
    if node.name == "BGP":
        return _bgp(list(node.get("triples") or ()), held=held)
    if node.name == "Join":
        return _joined(_bound(node["p1"], held), _bound(node["p2"], held))
    if node.name in ("LeftJoin", "Minus"):
        return _bound(node["p1"], held)
    if node.name == "Filter":
        return _bound(node["p"], (*held, node["expr"]))
    if node.name in ("ToMultiSet", "Distinct", "Reduced", "OrderBy", "Slice", "Group"):
        return _bound(node["p"])
    if node.name == "Extend":  # BIND(?x AS ?y): ?y is what ?x is
        inner = _bound(node["p"], held)
        expr = node["expr"]
        return {**inner, node["var"]: inner[expr]} if isinstance(expr, Variable) and expr in inner else inner
    if node.name == "Project":  # a subquery: what it selects
        inner = _bound(node["p"])
        return {v: inner[v] for v in node.get("PV") or () if v in inner}
    if node.name == "AggregateJoin":  # a group's key (SAMPLE) is one of its solutions' values
        inner = _bound(node["p"])
        return {a["res"]: inner[a["vars"]] for a in node.get("A") or ()
                if a.name == "Aggregate_Sample" and isinstance(a.get("vars"), Variable) and a["vars"] in inner}
    if node.name == "Union":  # a thing of either side: one of what each side says
        one, other = _bound(node["p1"], held), _bound(node["p2"], held)
        return {v: [_narrowest(one[v]) | _narrowest(other[v])] for v in one.keys() & other.keys()}
    return {}


def _joined(a: Bound, b: Bound) -> Bound:
    return {v: a.get(v, []) + b.get(v, []) for v in a.keys() | b.keys()}


def _narrowest(choices: list[frozenset[str]]) -> frozenset[str]:
    """Of what is known of a variable (each set: it is one of these), the likeliest to be narrowest: a
    class before a predicate, fewer before more."""
    return min(choices, key=lambda c: (not all(k.startswith("a ") for k in c), len(c), sorted(c)))


def _only(held: tuple, var: object) -> set[URIRef] | None:
    """The IRIs `var` can be for all the filters `held` to hold, when one of them lists them (`?t IN
    (...)`, `?t = <C> || ?t = <D>`); None when they do not say.

    >>> e = prepareQuery("SELECT * { ?x a ?t FILTER(?t IN (<x:A>, <x:B>) && ?t != <x:B>) }").algebra.p.p.expr
    >>> sorted(_only((e,), Variable("t"))), _only((e,), Variable("u"))
    ([rdflib.term.URIRef('x:A'), rdflib.term.URIRef('x:B')], None)
    """
    found = [v for v in (_values(e, var) for e in held) if v is not None]
    return set.intersection(*found) if found else None


def _values(e: object, var: object) -> set[URIRef] | None:
    if not isinstance(e, CompValue):
        return None
    parts = [e.get("expr"), *(e.get("other") or [])]
    if e.name == "ConditionalAndExpression":
        return _only(tuple(parts), var)
    if e.name == "ConditionalOrExpression":
        found = [_values(x, var) for x in parts]
        return None if any(v is None for v in found) else set().union(*found)  # type: ignore[arg-type]
    if e.name == "RelationalExpression":
        left, op, right = e.get("expr"), e.get("op"), e.get("other")
        if right == var and op == "=":
            left, right = right, left
        if left == var and op == "=" and isinstance(right, URIRef):
            return {right}
        if left == var and op == "IN" and isinstance(right, list) and all(isinstance(x, URIRef) for x in right):
            return set(right)
    return None


def _false(e: object, var: object, c: URIRef) -> bool:
    """Whether the filter expression `e` is false (or an error) whenever `var` is `c`, whatever else is
    bound: only for the forms the questions use (and, or, =, !=, IN, NOT IN, STRSTARTS(STR(?t), ...)).

    >>> from rdflib import Variable
    >>> e = prepareQuery("SELECT * { ?x a ?t FILTER(STRSTARTS(STR(?t), 'x:') && ?t NOT IN (<x:B>)) }").algebra.p.p.expr
    >>> [_false(e, Variable("t"), URIRef(c)) for c in ("x:A", "x:B", "y:A")], _false(e, Variable("u"), URIRef("y:A"))
    ([False, True, True], False)
    """
    if not isinstance(e, CompValue):
        return False
    parts = [e.get("expr"), *(e.get("other") or [])]
    if e.name == "ConditionalAndExpression":
        return any(_false(x, var, c) for x in parts)
    if e.name == "ConditionalOrExpression":
        return all(_false(x, var, c) for x in parts)
    if e.name == "RelationalExpression":
        left, op, right = e.get("expr"), e.get("op"), e.get("other")
        if right == var and op in ("=", "!="):
            left, right = right, left
        if left != var:
            return False
        if op in ("=", "!=") and isinstance(right, URIRef):
            return (c != right) if op == "=" else (c == right)
        if op in ("IN", "NOT IN") and isinstance(right, list) and all(isinstance(x, URIRef) for x in right):
            return (c not in right) if op == "IN" else (c in right)
        return False
    if e.name == "Builtin_STRSTARTS":
        arg, start = e.get("arg1"), e.get("arg2")
        if isinstance(arg, CompValue) and arg.name == "Builtin_STR" and arg.get("arg") == var:
            if isinstance(start, CompValue) and start.name == "Builtin_STR" and isinstance(start.get("arg"), URIRef):
                start = start.get("arg")
            if isinstance(start, (URIRef, Literal)) and not (isinstance(start, Literal) and start.language):
                return not str(c).startswith(str(start))
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
