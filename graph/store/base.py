"""The one store interface every backend implements (memory, Oxigraph, SPARQL server), with the checks
on what goes into a query: IRIs every backend can hold, and values bound by a VALUES block.

Named questions, analysis, the CLI and the app only use the `Store` methods, so they run unchanged
on every backend. This module imports no backend; `graph.store.open_store` picks one.

>>> from graph import config
>>> from graph.store.memory import MemoryStore
>>> store = MemoryStore()
>>> store.load([config.ontology_dir() / "ikg.ttl"]) > 0
True
>>> store.ask("ASK { ikg:City rdfs:subClassOf+ ikg:Actor }")
True
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import InputError, StoreError
from graph.rdf.parsing import parse_file
from graph.rdf.skolem import skolemise
from graph.store.stamp import ANY_KIND, TYPE, Stamp, described, sidecar, stamped, touched
from graph.vocab.namespaces import PREFIXES

PREFIX_HEADER = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

Triple = tuple[Node, Node, Node]
TextRow = tuple[Any, ...]  # a row of Store.select_text: str, or None where unbound
Triples = Iterable[Triple]
# progress(file, triples read so far, fraction of the file done)
Progress = Callable[[Path, int, float], object]


@dataclass
class Rows:
    """A SELECT result: variable names and rows of rdflib terms (None where unbound).

    >>> Rows(["x"], [(Literal(1),), (None,)]).dicts()[1]
    {'x': None}
    """

    vars: list[str]
    rows: list[tuple[Node | None, ...]]

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.vars, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


DESCRIBED_AT_MOST = 1000  # subjects of a write whose kinds are read (Store._described)


class Store(ABC):
    """What every backend offers. Queries get our prefixes prepended; bindings are rdflib terms."""

    kind = "abstract"
    # The SPARQL engine behind the store: a named question may carry a variant written for how that
    # engine plans it (graph.questions.question.Question.text_for); "sparql" takes the portable text.
    dialect = "sparql"
    read_only = False

    def __init__(self) -> None:
        self.write_lock: AbstractContextManager[object] = threading.RLock()
        self._generation = 0
        self._write_depth = [0]  # writes inside a write (a load's files, one by one) stamp once
        self._touched: set[str] | None = None  # what the write under way touched (graph.store.derived)

    @property
    def generation(self) -> int:
        """Bumped on every write, so caches know when to rebuild (a shared store counts every process's)."""
        return self._generation

    @generation.setter
    def generation(self, value: int) -> None:
        self._generation = value

    # What is derived from the whole graph may be kept beside a store folder (graph.store.derived): the
    # folder for it and the stamp every write replaces; None where the store keeps nothing.
    stamp_file: Stamp | None = None

    @property
    def stamp(self) -> str | None:
        """The token of the store's content as it is now (None: none, or a write is under way)."""
        return self.stamp_file.read() if self.stamp_file is not None else None

    @property
    def derived_folder(self) -> Path | None:
        return self.beside(".derived")

    def beside(self, suffix: str) -> Path | None:
        """The path `FOLDER<suffix>` beside the store folder; None where the store has no folder."""
        return sidecar(self.stamp_file.folder, suffix) if self.stamp_file is not None else None

    @contextmanager
    def writing(self, touched: set[str] | None = None) -> Iterator[None]:
        """A write: under the write lock, stamped (graph.store.derived) and noted with what it `touched`
        (None: unknown, any triple), and the generation bumped after it (also after a failed one: caches
        then only read the graph again)."""
        with self.write_lock:
            if self._write_depth[0] == 0:
                self._touched = None if touched is None else set(touched)
            elif self._touched is not None:  # a write inside a write: the outer one touched both
                self._touched = None if touched is None else self._touched | touched
            try:
                with stamped(self.stamp_file, self._write_depth, lambda: self._touched):
                    yield
            finally:
                self.generation += 1

    # --- reading -------------------------------------------------------------------------
    @abstractmethod
    def _select(self, query: str, bindings: Mapping[str, Node]) -> Rows: ...

    @abstractmethod
    def _ask(self, query: str, bindings: Mapping[str, Node]) -> bool: ...

    @abstractmethod
    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph: ...

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        return self._select(PREFIX_HEADER + query, checked(bindings))

    def select_text(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[TextRow]:
        """A SELECT's rows as the text of each term (an IRI, a literal's lexical form, a blank node's id;
        None where unbound): for the big structural reads that would turn every term into a string anyway.

        >>> from graph.store.memory import MemoryStore
        >>> store = MemoryStore()
        >>> label = URIRef(str(PREFIXES["rdfs"]) + "label")
        >>> store.apply([(URIRef("https://example.org/a"), label, Literal("A", lang="en"))])
        >>> store.select_text("SELECT ?x ?l ?none WHERE { ?x rdfs:label ?l OPTIONAL { ?x ikg:no ?none } }")
        [('https://example.org/a', 'A', None)]
        """
        return self._select_text(PREFIX_HEADER + query, checked(bindings))

    def _select_text(self, query: str, bindings: Mapping[str, Node]) -> list[TextRow]:
        return [tuple(None if t is None else str(t) for t in row) for row in self._select(query, bindings).rows]

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return self._ask(PREFIX_HEADER + query, checked(bindings))

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        return self._construct(PREFIX_HEADER + query, checked(bindings))

    def graph(self) -> Graph:
        """Everything in the store as an rdflib graph (for export, validation, analysis of small graphs)."""
        return self.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(str(rows.rows[0][0]))

    def present(self, triples: Triples) -> set[Triple]:
        """Which of these triples the store holds now."""
        named = [tr for tr in triples if not any(isinstance(term, BNode) for term in tr)]
        found: set[Triple] = set()
        for start in range(0, len(named), 400):
            values = " ".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in named[start : start + 400])
            rows = self.select(f"SELECT ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {values} }} ?s ?p ?o }}").rows
            found.update(_triple(row) for row in rows)
        return found

    # --- writing -------------------------------------------------------------------------
    @abstractmethod
    def _apply(self, add: Triples | None, remove: Triples | None) -> None: ...

    def apply(self, add: Triples | None = None, remove: Triples | None = None) -> None:
        """Remove then add triples in one transaction (where the backend allows)."""
        if self.read_only:
            raise StoreError("this store is read-only")
        with self.write_lock:  # what the write touches, as it finds the store
            tokens = None
            if self.stamp_file is not None:  # a store folder notes what each write touched
                add, remove = _listed(add), _listed(remove)
                tokens = touched(add or ()) | touched(remove or ()) | self._described(add or (), remove or ())
            with self.writing(tokens):
                self._apply(add, remove)

    def _described(self, add: Triples, remove: Triples) -> set[str]:
        """The predicates the write touches of things of each kind (graph.store.stamp.described): the
        classes of its subjects and the predicates they are the object or the subject of, in the store or
        the write. Of any kind (not looked at) in a write of blank nodes or of more than DESCRIBED_AT_MOST
        subjects (a load): a question reading a predicate of one kind only is then touched by it."""
        subjects = {s for s, p, _ in (*add, *remove) if str(p) != TYPE}
        if len(subjects) > DESCRIBED_AT_MOST or not all(isinstance(s, URIRef) for s in subjects):
            return described((*add, *remove), lambda s: (ANY_KIND,))
        kinds: dict[object, set[str]] = {s: set() for s in subjects}
        listed = sorted(subjects, key=str)
        for start in range(0, len(listed), 200):
            values = " ".join(s.n3() for s in listed[start : start + 200])
            for s, q, o in self.select_text(f"SELECT DISTINCT ?s ?q ?o WHERE {{ VALUES ?s {{ {values} }} "
                                            f"{{ ?s ?q ?x BIND(IF(?q = rdf:type, ?x, 0) AS ?o) }} "
                                            f"UNION {{ ?x ?q ?s BIND(1 AS ?o) }} }}"):
                kinds[URIRef(s)].update((q, f"a {o}") if q == TYPE else (f"^{q}" if o == "1" else q,))
        for s, p, o in add:  # what the write makes of them
            if s in kinds:
                kinds[s].update((TYPE, f"a {o}") if str(p) == TYPE else (str(p),))
            if isinstance(o, URIRef) and o in kinds:
                kinds[o].add(f"^{p}")
        return described((*add, *remove), kinds.__getitem__)

    def load(self, paths: Iterable[Path], progress: Progress | None = None, *, lang: str = "en") -> int:
        """Load RDF files; returns the number of triples read. `progress(path, triples, fraction done)`;
        a file that cannot be read is an InputError in `lang`."""
        total = 0
        for path in paths:
            g = skolemise(parse_file(Path(path), lang))
            self.apply(add=g)
            total += len(g)
            if progress:
                progress(Path(path), len(g), 1.0)
        return total

    def clear(self) -> None:
        with self.writing():
            self._clear()

    @abstractmethod
    def _clear(self) -> None: ...

    def describe(self) -> str:
        return self.kind

    def close(self) -> None:  # noqa: B027 - optional for backends
        pass


def _listed(triples: Triples | None) -> Triples | None:
    """Triples that can be read twice (what the write touched, then the write)."""
    return triples if triples is None or isinstance(triples, (list, tuple, set, frozenset, Graph)) else list(triples)


def _triple(row: tuple[Node | None, ...]) -> Triple:
    s, p, o = row
    assert s is not None and p is not None and o is not None
    return s, p, o


_NOT_IN_IRIS = set('<>"{}|\\^`\x7f') | {chr(c) for c in range(0x21)}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_iri(text: str) -> bool:
    """An absolute IRI every backend can hold: a scheme, none of the characters IRIs may not hold,
    and accepted by Oxigraph's RFC 3987 parser (the strictest of the three).

    >>> is_iri("https://w3id.org/ikg/trondheim/ntnu"), is_iri("ntnu"), is_iri("https://x.org/a b")
    (True, False, False)
    """
    text = str(text)
    if not _SCHEME.match(text) or set(text) & _NOT_IN_IRIS:
        return False
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def checked(bindings: Mapping[str, Node] | None) -> dict[str, Node]:
    """The bindings, with every IRI checked: no backend is ever given an IRI it would mis-serialise."""
    out = dict(bindings or {})
    for name, term in out.items():
        if isinstance(term, URIRef) and not is_iri(term):
            raise InputError(f"not a valid IRI for ?{name}: {str(term)[:200]!r}")
    return out


WHERE_OPEN = re.compile(r"\b(?:WHERE|ASK)\s*\{", re.IGNORECASE)


def inject_values(query: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables by a VALUES block at the start of the outermost WHERE group.

    This is what SPARQL offers for binding over the protocol (and what Oxigraph needs, since its
    substitutions only reach projected variables). The values are RDF term objects, written in
    their N-Triples form, so user text cannot change the query's structure.

    >>> inject_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal("a")})
    'SELECT ?x WHERE { VALUES (?o) { ("a") }  ?x ?p ?o }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"invalid variable name {name!r}")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(_term_n3(v) for v in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    m = WHERE_OPEN.search(query)
    if m is None:
        raise InputError("a query with parameters needs a WHERE { … } clause")
    return query[: m.end()] + block + query[m.end() :]


def _term_n3(term: Node) -> str:
    if isinstance(term, URIRef):
        if any(c in str(term) for c in '<>"{}|^`\\ \n'):
            raise InputError(f"not a valid IRI: {str(term)!r}")
        return term.n3()
    if isinstance(term, Literal):
        return term.n3()
    raise InputError(f"cannot bind {term!r} in a query")


def data_text(triples: Triples) -> str:
    """Triples as the body of an INSERT DATA / DELETE DATA block (terms in their N3 form)."""
    return " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
