"""An embedded, persistent Oxigraph store in a folder (or in memory) as a Store, and the conversion of
terms between rdflib and pyoxigraph.

>>> from rdflib import Literal
>>> from_ox(to_ox(Literal("Tromsø", lang="nb"))) == Literal("Tromsø", lang="nb")
True
>>> OxigraphStore().describe()
'oxigraph (in memory)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import InputError, StoreError
from graph.store.base import Progress, Rows, Store, Triple, Triples, data_text, inject_values
from graph.vocab.namespaces import bind_prefixes

BULK_CHUNK = 32 * 1024 * 1024  # bytes per bulk-load call
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_ox(term: Node) -> OxTerm:
    """An rdflib term as a pyoxigraph term (InputError for an IRI Oxigraph refuses)."""
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


def from_ox(term: object) -> Node | None:
    """A pyoxigraph term as an rdflib term (None stays None: an unbound variable)."""
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


def from_ox_triple(triple: ox.Triple | ox.Quad) -> Triple:
    """A pyoxigraph triple (or quad, its graph left out) as rdflib terms."""
    s, p, o = from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)
    assert s is not None and p is not None and o is not None
    return s, p, o


def ox_quad(triple: Iterable[Node]) -> ox.Quad:
    """A triple of rdflib terms as a pyoxigraph quad in the default graph."""
    s, p, o = triple
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())  # type: ignore[arg-type]


class OxigraphStore(Store):
    """An embedded, persistent Oxigraph store in a folder (or in memory when path is None)."""

    kind = "oxigraph"
    dialect = "oxigraph"

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
        except (OSError, RuntimeError) as exc:  # RuntimeError: a damaged store ("Corruption: ...")
            hint = (" (is another ikg or the app using it? `./scripts/run` shares the store with ikg commands; "
                    "otherwise close it first)") if "lock" in str(exc).lower() else ""
            raise StoreError(f"cannot open the store in {self.path}: {exc}{hint}") from None

    def _run(self, query: str, bindings: Mapping[str, Node]) -> Any:
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

    def _select(self, query: str, bindings: Mapping[str, Node]) -> Rows:
        res = self._run(query, bindings)
        names = [v.value for v in res.variables]
        # Answers repeat terms (a label per row, a kind, a year): each is made an rdflib term once.
        made: dict[object, Node | None] = {None: None}

        def term(t: object) -> Node | None:
            try:
                return made[t]
            except KeyError:
                made[t] = node = from_ox(t)
                return node

        rows = [tuple(map(term, sol)) for sol in res]
        return Rows(names, rows)

    def _ask(self, query: str, bindings: Mapping[str, Node]) -> bool:
        return bool(self._run(query, bindings))

    def _construct(self, query: str, bindings: Mapping[str, Node]) -> Graph:
        g: Graph = bind_prefixes(Graph())
        for t in self._run(query, bindings):
            g.add(from_ox_triple(t))
        return g

    def count(self) -> int:
        return len(self.ox)

    def present(self, triples: Triples) -> set[Triple]:
        return {(s, p, o) for s, p, o in triples if ox_quad((s, p, o)) in self.ox}

    def _apply(self, add: Triples | None, remove: Triples | None) -> None:
        removed = list(remove) if remove is not None else []
        added = list(add) if add is not None else []
        if any(isinstance(t, BNode) for triple in removed for t in triple):
            # DELETE DATA cannot name blank nodes; data loaded by us is skolemised, so this only
            # happens for bulk-loaded files with blank nodes.
            for triple in removed:
                self.ox.remove(ox_quad(triple))
            removed = []
        ops = []
        if removed:
            ops.append("DELETE DATA { " + data_text(removed) + " }")
        if added:
            ops.append("INSERT DATA { " + data_text(added) + " }")
        if ops:
            # One update request is one Oxigraph transaction: all of it applies or none.
            self.ox.update(" ;\n".join(ops))
        self.ox.flush()

    def load(self, paths: Iterable[Path], progress: Progress | None = None) -> int:
        """N-Triples/N-Quads take Oxigraph's bulk loader in chunks; other formats our checked parser."""
        files = [Path(p) for p in paths]
        fast = [p for p in files if p.suffix in (".nt", ".nq")]
        total = super().load([p for p in files if p not in fast], progress)
        with self.write_lock:
            for path in fast:
                total += self._bulk_load(path, progress)
            self.generation += 1
        return total

    def _bulk_load(self, path: Path, progress: Progress | None) -> int:
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
                    progress(path, lines, done / size if size else 1.0)
        except SyntaxError as exc:
            raise InputError(f"{path} (near line {lines + 1} + the line in the message): {exc}") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot load: {exc}") from None
        return lines

    def _clear(self) -> None:
        self.ox.clear()

    def describe(self) -> str:
        return f"oxigraph:{self.path}" if self.path else "oxigraph (in memory)"

    def close(self) -> None:
        try:
            self.ox.flush()
        except OSError:
            pass
