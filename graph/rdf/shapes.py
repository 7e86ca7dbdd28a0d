"""Check data against ontology/shapes.ttl (SHACL, via pySHACL) and turn every result into a Problem a
person can act on: which file, which entity, which field, what is wrong and how to fix it (nb or en)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from graph import config
from graph.errors import InputError
from graph.rdf.label_shapes import shapes_for
from graph.rdf.parsing import parse_rdf
from graph.rdf.skolem import is_skolem
from graph.vocab import classes
from graph.vocab.labels import local_name, pick_label
from graph.vocab.languages import QUERY as LANGUAGES_QUERY
from graph.vocab.languages import declares_languages, graph_languages, order_of
from graph.vocab.namespaces import bind_prefixes

Triple = tuple[Node, Node, Node]


class _Rows(Protocol):
    rows: list[tuple[Node | None, ...]]


class Store(Protocol):
    """What checking a change needs of a store (graph.store.base.Store has it; the store layer is above)."""

    def select(self, query: str) -> _Rows: ...

LANGUAGES = ("en", "nb")
_MAX_OWNER_DEPTH = 6  # citation -> instant -> interval -> entity is the deepest nesting we write


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, in the words of the language asked for.

    `focus` is the IRI of the entity concerned; for a blank node (a citation, a period) it is the
    entity that holds it, and `field` shows the way down, e.g. "period (ikg:period) › year (…)".
    `message` says what is wrong and how to fix it (the shapes write both in one sentence).
    """

    file: str
    focus: str
    kind: str
    label: str
    field: str
    message: str
    severity: str = "violation"


def validate(
    data_graph: Graph,
    *,
    ontology_graph: Graph | None = None,
    shapes_graph: Graph | None = None,
    lang: str = "en",
    file_of: Mapping[Node, str] | None = None,
    languages: tuple[str, ...] | None = None,
) -> list[Problem]:
    """Validate a graph together with the ontology; return the problems, sorted. The labels are checked in
    `languages`, by default the ones the graph's dataset declares (graph.vocab.languages).

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix ikg: <https://w3id.org/ikg/ontology#> .
    ...     <https://example.org/net> a ikg:Network .''')
    >>> [(p.kind, p.field) for p in validate(g)]
    [('Network', 'citation (ikg:citation)'), ('Network', 'label (rdfs:label)'), ('Network', 'label (rdfs:label)')]
    """
    if lang not in LANGUAGES:
        raise InputError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
    ontology = shipped_ontology() if ontology_graph is None else ontology_graph
    shapes = shipped_shapes() if shapes_graph is None else shapes_graph
    shapes = shapes_for(languages or graph_languages(data_graph), shapes)
    # pySHACL's ont_graph only mixes in class axioms, not our concept instances (ikg:Active ...),
    # so sh:class ikg:Status would fail; merge the whole ontology into a copy of the data instead.
    combined = Graph()
    combined += data_graph
    combined += ontology
    # advanced=True: shapes.ttl uses SPARQL targets (SHACL-AF) for the two cross-field checks.
    _, report, _ = pyshacl.validate(
        combined, shacl_graph=shapes, inference="none", inplace=True, advanced=True, meta_shacl=False
    )
    names = _Names(combined, shapes, lang)
    # Only top-level results: the sh:detail results under an sh:node failure repeat it in other words.
    results = report.objects(None, SH.result)
    problems = {_problem(report, result, names, file_of or {}) for result in results}
    return sorted(problems, key=lambda p: (p.file, p.focus, p.field, p.message))


def validate_files(
    paths: Iterable[str | os.PathLike] | None = None, *, lang: str = "en", with_shipped: bool = True
) -> list[Problem]:
    """Validate files together with the shipped ontology (and data); report problems in these files only.

    With no paths, validate the shipped data itself (data/*.ttl).

    >>> validate_files(["tests/fixtures/small.ttl"], with_shipped=False)
    []
    """
    paths = shipped_data_files() if paths is None else paths
    given = {_display_name(path): Path(path) for path in paths}
    data, file_of = Graph(), dict[Node, str]()
    for name, path in given.items():
        part = parse_rdf(path)
        data += part
        _map_subjects(part, name, file_of)
    if with_shipped:
        chosen = {path.resolve() for path in given.values()}
        for path in shipped_data_files():
            if path.resolve() not in chosen:
                data += parse_rdf(path)
    names = set(given)
    return [problem for problem in validate(data, lang=lang, file_of=file_of) if problem.file in names]


def format_problem(problem: Problem) -> str:
    """One line: file, kind, label and IRI of the entity, field, message.

    >>> print(format_problem(Problem("data/networks.ttl", "https://w3id.org/ikg/trondheim/network-icorn",
    ...     "Network", "ICORN", "label (rdfs:label)", "Add one.")))
    data/networks.ttl: Network 'ICORN' <https://w3id.org/ikg/trondheim/network-icorn>: label (rdfs:label): Add one.
    """
    entity = " ".join(part for part in (problem.kind, f"'{problem.label}'" if problem.label else "") if part)
    entity = f"{entity} <{problem.focus}>".strip()
    parts = [problem.file, entity, problem.field, problem.message]
    return ": ".join(part for part in parts if part)


def shipped_data_files() -> list[Path]:
    """The shipped data files, data/*.ttl, in name order."""
    return sorted(config.data_dir().glob("*.ttl"))


@functools.cache
def shipped_ontology() -> Graph:
    """The shipped vocabulary (graph.vocab.classes.ontology) with our prefixes bound; cached, do not modify."""
    graph = Graph()
    graph += classes.ontology()
    bound: Graph = bind_prefixes(graph)
    return bound


def shipped_shapes() -> Graph:
    """The shipped SHACL shapes (ontology/shapes.ttl); cached, do not modify."""
    return _load_cached((config.shapes_file(),))


@functools.cache
def _load_cached(paths: tuple[Path, ...]) -> Graph:
    merged: Graph = bind_prefixes(_merge(parse_rdf(path) for path in paths))
    return merged


def _merge(graphs: Iterable[Graph]) -> Graph:
    merged = Graph()
    for graph in graphs:
        merged += graph
    return merged


def _display_name(path: str | os.PathLike) -> str:
    # Shipped files are shown relative to the project ("data/networks.ttl"), others as given.
    resolved = Path(path).resolve()
    if resolved.is_relative_to(config.CHECKOUT_DIR):
        return resolved.relative_to(config.CHECKOUT_DIR).as_posix()
    return os.fspath(path)


def _map_subjects(graph: Graph, name: str, file_of: dict[Node, str]) -> None:
    # A thing is "defined" where it gets its rdf:type; otherwise where it first appears as subject.
    for subject in graph.subjects(RDF.type, None, unique=True):
        file_of.setdefault(subject, name)
    for subject in graph.subjects(unique=True):
        file_of.setdefault(subject, name)


def _problem(report: Graph, result: Node, names: _Names, file_of: Mapping[Node, str]) -> Problem:
    focus = report.value(result, SH.focusNode)
    owner, steps = names.owner(focus)
    path = report.value(result, SH.resultPath)
    if isinstance(path, URIRef):
        steps = [*steps, path]
    return Problem(
        file=str((focus is not None and file_of.get(focus)) or (owner is not None and file_of.get(owner)) or ""),
        focus=str(owner) if isinstance(owner, URIRef) else "[blank node]",
        kind=names.kind(owner),
        label=names.label(owner),
        field=" › ".join(names.field(step) for step in steps),
        message=_message(report, result, names),
        severity=str(report.value(result, SH.resultSeverity) or SH.Violation).split("#")[-1].lower(),
    )


def _message(report: Graph, result: Node, names: _Names) -> str:
    messages = list(report.objects(result, SH.resultMessage))
    if not any(isinstance(m, Literal) and m.language in LANGUAGES for m in messages):
        # pySHACL's own English text when a shape has no sh:message; shapes.ttl should always have one.
        shape = report.value(result, SH.sourceShape)
        messages += list(names.shapes.objects(shape, SH.message))
    return names.pick(messages)


class _Names:
    """What people call things: kinds, labels and field names in one language."""

    def __init__(self, data: Graph, shapes: Graph, lang: str) -> None:
        self.data, self.shapes, self.lang = data, shapes, lang
        self.prefixes: Graph = bind_prefixes(Graph())
        self.shape_names: dict[Node, list[Node]] = {}
        for shape, path in shapes.subject_objects(SH.path):
            if isinstance(path, URIRef) and (shape, SH.name, None) in shapes:
                self.shape_names.setdefault(path, list(shapes.objects(shape, SH.name)))
        self.class_names = {
            cls: list(shapes.objects(shape, SH.name)) for shape, cls in shapes.subject_objects(SH.targetClass)
        }

    def pick(self, literals: Iterable[Node]) -> str:
        return pick_label(literals, self.lang)

    def owner(self, node: Node | None) -> tuple[Node | None, list[Node]]:
        """The named entity that holds a blank node, and the properties on the way down to it."""
        steps: list[Node] = []
        for _ in range(_MAX_OWNER_DEPTH):
            if not isinstance(node, BNode):
                break
            holder = next(iter(sorted(self.data.subject_predicates(node))), None)
            if holder is None:
                break
            node, steps = holder[0], [holder[1], *steps]
        return node, steps

    def label(self, node: Node | None) -> str:
        labels = list(self.data.objects(node, RDFS.label)) or list(self.data.objects(node, SKOS.prefLabel))
        return self.pick(labels)

    def kind(self, node: Node | None) -> str:
        types = set(self.data.objects(node, RDF.type))
        # Most specific type: drop every type that is a superclass of another one.
        supers = {sup for t in types for sup in self.data.transitive_objects(t, RDFS.subClassOf) if sup != t}
        names = sorted(self._class_name(t) for t in types - supers)
        return ", ".join(name for name in names if name)

    def _class_name(self, cls: Node) -> str:
        labels = list(self.data.objects(cls, RDFS.label)) or self.class_names.get(cls, [])
        return self.pick(labels) or local_name(cls)

    def field(self, prop: Node) -> str:
        name = self.pick(list(self.data.objects(prop, RDFS.label))) or self.pick(self.shape_names.get(prop, []))
        return f"{name or local_name(prop)} ({self._qname(prop)})"

    def _qname(self, iri: Node) -> str:
        try:
            return str(self.prefixes.qname(str(iri)))
        except (ValueError, KeyError):
            return f"<{iri}>"


# ---------------------------------------------------------------------------------------------
# Checking a change before it is written
# ---------------------------------------------------------------------------------------------

_CONTEXT_DEPTH = 3  # entity -> period -> instant, entity -> citation -> section -> document


def validate_change(store: Store, add: Iterable[Triple] = (), remove: Iterable[Triple] = (), *,
                    lang: str = "en") -> list[Problem]:
    """SHACL problems the graph would have after a change, for the things the change touches.

    Only the neighbourhood of the change is validated (its subjects, what they point to, and what
    points at things it deletes), so this costs the same on a graph of 8,000 triples and of 1M.
    Problems of untouched things (already in the store) are not reported.
    """
    add_g, remove_g = Graph(), Graph()
    for triple in add:
        add_g.add(triple)
    for triple in remove:
        remove_g.add(triple)
    touched = set(add_g.subjects()) | set(remove_g.subjects())
    deleted = {s for s, _, _ in remove_g.triples((None, RDF.type, None))}
    # Things that point at a deleted thing are touched too: their link would dangle.
    touched |= _referrers(store, deleted)
    # A citation, period or amount is checked as part of the entity that holds it.
    touched |= _referrers(store, {n for n in touched if is_skolem(n)})
    touched |= {s for s, _, o in add_g if is_skolem(o)}
    seeds = touched | {o for o in add_g.objects() if isinstance(o, URIRef)}
    context = _neighbourhood(store, seeds)
    data = Graph()
    for triple in context:
        if triple not in remove_g:
            data.add(triple)
    data += add_g
    data = _unskolemise(data)
    named = {_de_skolem(node) for node in touched}
    names = _Names(data, shipped_shapes(), lang)
    owners = {names.owner(node)[0] for node in named}
    languages = graph_languages(add_g) if declares_languages(add_g) else _store_languages(store)
    return [p for p in validate(data, lang=lang, languages=languages)
            if URIRef(p.focus) in owners or p.focus == "[blank node]"]


def _store_languages(store: Store) -> tuple[str, ...]:
    rows = store.select(LANGUAGES_QUERY).rows
    return order_of([r[0] for r in rows], [r[1] for r in rows])


def _unskolemise(graph: Graph) -> Graph:
    """Skolem IRIs back to blank nodes, so a problem in a citation is shown on the entity holding it."""
    out = Graph()
    for s, p, o in graph:
        out.add((_de_skolem(s), p, _de_skolem(o)))
    return out


def _de_skolem(node: Node) -> Node:
    if is_skolem(node):
        return BNode(str(node).rsplit("/", 1)[-1])
    return node


def _referrers(store: Store, nodes: Iterable[Node]) -> set[Node]:
    found: set[Node] = set()
    named = [n for n in nodes if isinstance(n, URIRef)]
    for start in range(0, len(named), 200):
        values = " ".join(n.n3() for n in named[start : start + 200])
        rows = store.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o }}").rows
        found |= {r[0] for r in rows if r[0] is not None}
    return found


def _neighbourhood(store: Store, seeds: Iterable[Node]) -> Graph:
    """The outgoing triples of the seeds and of what they point to, up to a few steps (not into classes)."""
    out, seen = Graph(), set[Node]()
    frontier: set[Node] = {s for s in seeds if isinstance(s, URIRef)}
    for _ in range(_CONTEXT_DEPTH):
        frontier -= seen
        if not frontier:
            break
        seen |= frontier
        nxt: set[Node] = set()
        nodes = sorted(frontier, key=str)
        for start in range(0, len(nodes), 200):
            values = " ".join(n.n3() for n in nodes[start : start + 200])
            rows = store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}").rows
            for s, p, o in rows:
                if s is None or p is None or o is None:
                    continue
                out.add((s, p, o))
                if isinstance(o, URIRef) and p != RDF.type:
                    nxt.add(o)
        frontier = nxt
    return out
