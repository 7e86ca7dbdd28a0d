"""One store interface over rdflib's in-memory graph, an embedded Oxigraph store and any SPARQL 1.1 server.

Everything in the package opens the graph through `open_store`; named questions, analysis, the CLI
and the app only use the `Store` methods, so they run unchanged on every backend.

>>> store = open_store("memory")
>>> store.ask("ASK { ?home a ikg:City }")
True
"""

from __future__ import annotations

import hashlib
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph import config
from graph.errors import InputError, StoreError
from graph.vocab.namespaces import PREFIXES, bind_prefixes

PREFIX_HEADER = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads"}


def shipped_files(include_data: bool = True) -> list[Path]:
    """The vocabulary files (without the shapes) and, optionally, the curated data files."""
    files = sorted(p for p in config.ontology_dir().glob("*.ttl") if p != config.shapes_file())
    if include_data:
        files += sorted(config.data_dir().glob("*.ttl"))
    return files


@dataclass
class Rows:
    """A SELECT result: variable names and rows of rdflib terms (None where unbound)."""

    vars: list[str]
    rows: list[tuple[Node | None, ...]]

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.vars, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class Store(ABC):
    """What every backend offers. Queries get our prefixes prepended; bindings are rdflib terms."""

    kind = "abstract"
    read_only = False

    def __init__(self) -> None:
        self.write_lock = threading.RLock()
        self.generation = 0  # bumped on every write, so caches know when to rebuild

    # --- reading -------------------------------------------------------------------------
    @abstractmethod
    def _select(self, query: str, bindings: Mapping[str, Node]) -> Rows: ...

    @abstractmethod
    def _ask(self, query: str, bindings: Mapping[str, Node]) -> bool: ...

    @abstractmethod
    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph: ...

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        return self._select(PREFIX_HEADER + query, checked(bindings))

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return self._ask(PREFIX_HEADER + query, checked(bindings))

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        return self._construct(PREFIX_HEADER + query, checked(bindings))

    def graph(self) -> Graph:
        """Everything in the store as an rdflib graph (for export, validation, analysis of small graphs)."""
        return self.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows.rows[0][0])

    def present(self, triples: Iterable[tuple[Node, Node, Node]]) -> set[tuple[Node, Node, Node]]:
        """Which of these triples the store holds now."""
        triples = [tr for tr in triples if not any(isinstance(term, BNode) for term in tr)]
        found: set[tuple[Node, Node, Node]] = set()
        for start in range(0, len(triples), 400):
            values = " ".join(f"({s.n3()} {p.n3()} {o.n3()})" for s, p, o in triples[start : start + 400])
            rows = self.select(f"SELECT ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {values} }} ?s ?p ?o }}").rows
            found.update((s, p, o) for s, p, o in rows)
        return found

    # --- writing -------------------------------------------------------------------------
    @abstractmethod
    def _apply(self, add: Graph | None, remove: Graph | None) -> None: ...

    def apply(self, add: Graph | None = None, remove: Graph | None = None) -> None:
        """Remove then add triples in one transaction (where the backend allows)."""
        if self.read_only:
            raise StoreError("this store is read-only")
        with self.write_lock:
            self._apply(add, remove)
            self.generation += 1

    def load(self, paths: Iterable[Path], progress: Callable[[Path, int, float], None] | None = None) -> int:
        """Load RDF files; returns the number of triples read. `progress(path, triples, fraction done)`."""
        total = 0
        for path in paths:
            g = skolemise(parse_file(Path(path)))
            self.apply(add=g)
            total += len(g)
            if progress:
                progress(Path(path), len(g), 1.0)
        return total

    def clear(self) -> None:
        with self.write_lock:
            self._clear()
            self.generation += 1

    @abstractmethod
    def _clear(self) -> None: ...

    def describe(self) -> str:
        return self.kind

    def close(self) -> None:  # noqa: B027 - optional for backends
        pass


_NOT_IN_IRIS = set('<>"{}|\\^`\x7f') | {chr(c) for c in range(0x21)}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_iri(text: str) -> bool:
    """An absolute IRI every backend can hold: a scheme, none of the characters IRIs may not hold,
    and accepted by Oxigraph's RFC 3987 parser (the strictest of the three)."""
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


SKOLEM_AUTHORITY = "https://w3id.org/ikg"


GENID_BASE = "https://w3id.org/.well-known/genid/"


def skolemise(graph: Graph) -> Graph:
    """Replace blank nodes by IRIs, so every triple can later be named in an update or undo.

    The IRI of a blank node is a hash of what it says and of what holds it (e.g. a citation's
    section, quote and evidence, and the entity citing it), so parsing the same file twice gives the
    same IRIs: re-importing a file changes nothing, and rebuilding from data/ changes only what
    was edited in data/.
    """
    down: dict[BNode, str] = {}
    up: dict[BNode, str] = {}

    def content(node: BNode, depth: int = 0) -> str:
        if node not in down:
            down[node] = ""  # guards against cycles of blank nodes
            parts = sorted(f"{p.n3()} {content(o, depth + 1) if isinstance(o, BNode) else o.n3()}"
                           for p, o in graph.predicate_objects(node))
            down[node] = _digest("|".join(parts))
        return down[node]

    def holders(node: BNode) -> str:
        if node not in up:
            up[node] = ""
            parts = sorted(f"{holders(s) if isinstance(s, BNode) else s.n3()} {p.n3()}"
                           for s, p in graph.subject_predicates(node))
            up[node] = _digest("|".join(parts))
        return up[node]

    names: dict[BNode, URIRef] = {}

    def name(term):
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


def parse_file(path: Path) -> Graph:
    """Parse one RDF file with clear errors (delegates to graph.parsing when present)."""
    try:
        from graph.rdf.parsing import parse_rdf
    except ImportError:  # pragma: no cover - parsing module is part of the package
        parse_rdf = None
    if parse_rdf is not None:
        return parse_rdf(path)
    g = Graph()
    g.parse(path, format=FORMATS.get(path.suffix, "turtle"))
    return g


# ---------------------------------------------------------------------------------------------
# rdflib in memory
# ---------------------------------------------------------------------------------------------


class MemoryStore(Store):
    """rdflib's in-memory graph: no set-up, fine for the shipped data and tests."""

    kind = "memory"

    def __init__(self, graph: Graph | None = None) -> None:
        super().__init__()
        self.g = bind_prefixes(graph if graph is not None else Graph())

    def _run(self, query: str, bindings: Mapping[str, Node]):
        try:
            return self.g.query(query, initBindings=bindings)
        except Exception as exc:  # rdflib raises many types for bad queries
            raise InputError(f"the query could not be run: {exc}") from None

    def _select(self, query, bindings):
        res = self._run(query, bindings)
        names = [str(v) for v in res.vars]
        return Rows(names, [tuple(row) for row in res])

    def _ask(self, query, bindings):
        return bool(self._run(query, bindings).askAnswer)

    def _construct(self, query, bindings):
        return bind_prefixes(self._run(query, bindings).graph)

    def graph(self) -> Graph:
        return self.g

    def present(self, triples):
        return {tuple(tr) for tr in triples if tuple(tr) in self.g}

    def count(self) -> int:
        return len(self.g)

    def _apply(self, add, remove):
        if remove is not None:
            for t in remove:
                self.g.remove(t)
        if add is not None:
            for t in add:
                self.g.add(t)

    def _clear(self):
        self.g.remove((None, None, None))


# ---------------------------------------------------------------------------------------------
# Oxigraph, embedded
# ---------------------------------------------------------------------------------------------


def to_ox(term: Node):
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as exc:
            raise InputError(f"not a valid IRI: {str(term)[:200]!r} ({exc})") from None
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise InputError(f"cannot use {term!r} as an RDF term")


def from_ox(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise StoreError(f"unexpected term from Oxigraph: {term!r}")


def ox_quad(triple) -> ox.Quad:
    s, p, o = triple
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())


class OxigraphStore(Store):
    """An embedded, persistent Oxigraph store in a folder (or in memory when path is None)."""

    kind = "oxigraph"

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path) if path else None
        self.read_only = read_only
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as exc:
            hint = " (is another ikg or the app using it? close it first)" if "lock" in str(exc).lower() else ""
            raise StoreError(f"cannot open the store in {self.path}: {exc}{hint}") from None

    def _run(self, query, bindings):
        # Substitution (SEP-0007) binds a variable everywhere before evaluation, so a bound actor
        # narrows every UNION branch; Oxigraph allows it only for projected variables, so the others
        # (the language, years) are bound by a VALUES block instead.
        subs = {k: to_ox(v) for k, v in bindings.items()}
        values: dict[str, Node] = {}
        while True:
            try:
                return self.ox.query(inject_values(query, values),
                                     substitutions={ox.Variable(k): v for k, v in subs.items()} or None)
            except RuntimeError as exc:
                m = re.search(r"variable \?(\w+)", str(exc))
                if not m or m.group(1) not in subs:
                    raise StoreError(f"the store could not answer: {exc}") from None
                subs.pop(m.group(1))
                values[m.group(1)] = bindings[m.group(1)]
            except SyntaxError as exc:
                raise InputError(f"the query could not be parsed: {exc}") from None
            except OSError as exc:
                raise StoreError(f"the store could not answer: {exc}") from None

    def _select(self, query, bindings):
        res = self._run(query, bindings)
        names = [v.value for v in res.variables]
        rows = [tuple(from_ox(sol[i]) for i in range(len(names))) for sol in res]
        return Rows(names, rows)

    def _ask(self, query, bindings):
        return bool(self._run(query, bindings))

    def _construct(self, query, bindings):
        g = bind_prefixes(Graph())
        for t in self._run(query, bindings):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def count(self) -> int:
        return len(self.ox)

    def present(self, triples):
        return {tuple(tr) for tr in triples if ox_quad(tr) in self.ox}

    def _apply(self, add, remove):
        remove = list(remove) if remove is not None else []
        add = list(add) if add is not None else []
        if any(isinstance(t, BNode) for triple in remove for t in triple):
            # DELETE DATA cannot name blank nodes; data loaded by us is skolemised, so this only
            # happens for bulk-loaded files with blank nodes.
            for triple in remove:
                self.ox.remove(ox_quad(triple))
            remove = []
        ops = []
        if remove:
            ops.append("DELETE DATA { " + _ntriples(remove) + " }")
        if add:
            ops.append("INSERT DATA { " + _ntriples(add) + " }")
        if ops:
            # One update request is one Oxigraph transaction: all of it applies or none.
            self.ox.update(" ;\n".join(ops))
        self.ox.flush()

    def load(self, paths, progress=None) -> int:
        """N-Triples/N-Quads take Oxigraph's bulk loader in chunks; other formats our checked parser."""
        paths = [Path(p) for p in paths]
        fast = [p for p in paths if p.suffix in (".nt", ".nq")]
        total = super().load([p for p in paths if p not in fast], progress)
        with self.write_lock:
            for path in fast:
                total += self._bulk_load(path, progress)
            self.generation += 1
        return total

    def _bulk_load(self, path: Path, progress) -> int:
        """Load a line-based file in chunks cut at line ends, so progress can be shown."""
        fmt = ox.RdfFormat.from_extension(path.suffix[1:])
        lines = 0
        try:
            if progress is None:  # one call: Oxigraph parses and indexes in parallel
                self.ox.bulk_load(path=str(path), format=fmt)
                with path.open("rb") as f:
                    return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
            size = path.stat().st_size
            done = 0
            with path.open("rb") as f:
                while chunk := f.read(BULK_CHUNK):
                    chunk += f.readline()  # finish the last line
                    self.ox.bulk_load(input=chunk, format=fmt)
                    done += len(chunk)
                    lines += chunk.count(b"\n")
                    if progress:
                        progress(path, lines, done / size if size else 1.0)
        except SyntaxError as exc:
            raise InputError(f"{path} (near line {lines + 1} + the line in the message): {exc}") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot load: {exc}") from None
        return lines

    def _clear(self):
        self.ox.clear()

    def describe(self) -> str:
        return f"oxigraph:{self.path}" if self.path else "oxigraph (in memory)"

    def close(self) -> None:
        try:
            self.ox.flush()
        except OSError:
            pass


WHERE_OPEN = re.compile(r"\b(?:WHERE|ASK)\s*\{", re.IGNORECASE)


def inject_values(query: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables by a VALUES block at the start of the outermost WHERE group.

    This is what SPARQL offers for binding over the protocol (and what Oxigraph needs, since its
    substitutions only reach projected variables). The values are RDF term objects, written in
    their N-Triples form, so user text cannot change the query's structure.
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


BULK_CHUNK = 32 * 1024 * 1024  # bytes per bulk-load call


def _ntriples(triples) -> str:
    return " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


# ---------------------------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------------------------


def fill_from_shipped(store: Store, progress=None) -> int:
    """Load the vocabulary and the curated data into a store (and note which version of them)."""
    n = store.load(shipped_files(), progress=progress)
    _write_fingerprint(store)
    return n


def shipped_fingerprint() -> str:
    """A hash of the shipped vocabulary and data files, to notice when data/ changed."""
    digest = hashlib.sha256()
    for path in shipped_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _fingerprint_file(store: Store) -> Path | None:
    path = getattr(store, "path", None)
    return Path(path) / "IKG_SHIPPED" if path else None


def _write_fingerprint(store: Store) -> None:
    target = _fingerprint_file(store)
    if target is not None:
        target.write_text(shipped_fingerprint() + "\n", encoding="utf-8")


def is_stale(store: Store) -> bool:
    """True when a persistent store was filled from other versions of the shipped files."""
    target = _fingerprint_file(store)
    if target is None or not target.exists():
        return False
    return target.read_text(encoding="utf-8").strip() != shipped_fingerprint()


KEPT_ON_RESET = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { ?s a ikg:Assessment } UNION { ?s a ikg:ReviewRound } UNION { ?s a ikg:Relevance }
  ?s ?p ?o .
}
"""
HISTORY = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a ikg:Change ; ?p ?o }"


def reset_from_data(store: Store, keep_assessments: bool = True, progress=None, *, editor: str = "ikg reset",
                    why: str = "") -> int:
    """Rebuild the store from ontology/ and data/ in one recorded change (which `ikg undo` can undo).

    Review assessments are kept unless told otherwise; the change history is always kept. Returns
    the number of triples read from the shipped files.
    """
    from graph.history.changes import commit

    target = Graph()
    for path in shipped_files():
        part = skolemise(parse_file(path))
        target += part
        if progress:
            progress(path, len(part), 1.0)
    n = len(target)
    with store.write_lock:
        target += store.construct(HISTORY)
        if keep_assessments:
            target += store.construct(KEPT_ON_RESET)
        add, remove = value_diff(set(store.graph()), set(target))
        if add or remove:
            commit(store, add=add, remove=remove, editor=editor, action="reset", why=why or "reset --from-data")
    _write_fingerprint(store)
    return n


_VALUE_TYPES = {str(XSD[name]) for name in (
    "decimal", "integer", "double", "float", "boolean", "date", "dateTime", "gYear", "int", "long",
    "nonNegativeInteger", "positiveInteger")}


def value_key(term: Node):
    """A term as a value: "29.5630"^^xsd:decimal and "29.563"^^xsd:decimal are the same (stores
    keep numbers and dates in their canonical form, so the lexical form read back may differ)."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) in _VALUE_TYPES:
        value = term.toPython()
        if not isinstance(value, Literal):
            return ("value", str(term.datatype), value)
    return term


def value_diff(current: set, wanted: set) -> tuple[list, list]:
    """(triples to add, triples to remove) to turn `current` into `wanted`, comparing literals by value."""
    def key(triple):
        return tuple(value_key(term) for term in triple)

    current_keys = {key(tr) for tr in current}
    wanted_keys = {key(tr) for tr in wanted}
    return ([tr for tr in wanted if key(tr) not in current_keys],
            [tr for tr in current if key(tr) not in wanted_keys])


def open_store(setting: str | None = None, *, fill: bool = True) -> Store:
    """Open the store named by `setting`, the IKG_STORE variable, or the default folder.

    `memory` gives a throw-away graph; `http(s)://…` a SPARQL 1.1 server (IKG_UPDATE_URL,
    IKG_USER and IKG_PASSWORD from the environment); anything else is a folder holding an
    Oxigraph store, created and filled from data/ on first use.
    """
    setting = config.store_setting(setting)
    if setting == "memory":
        store: Store = MemoryStore()
        if fill:
            fill_from_shipped(store)
        return store
    if setting.startswith(("http://", "https://")):
        from graph.store.sparql import SparqlStore

        return SparqlStore.from_env(setting)
    path = Path(setting.removeprefix("oxigraph:")).expanduser().resolve()
    # One Oxigraph store per folder and process: the folder is locked while open.
    store = _open_folders.get(path)
    if store is None:
        store = _open_folders[path] = OxigraphStore(path)
    if fill and store.count() == 0:
        fill_from_shipped(store)
    return store


_open_folders: dict[Path, OxigraphStore] = {}
