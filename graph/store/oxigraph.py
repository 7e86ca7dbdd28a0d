"""An embedded, persistent Oxigraph store in a folder (or in memory) as a Store, and the conversion of
terms between rdflib and pyoxigraph.

>>> from rdflib import Literal
>>> from_ox(to_ox(Literal("Tromsø", lang="nb"))) == Literal("Tromsø", lang="nb")
True
>>> OxigraphStore().describe()
'oxigraph (in memory)'
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections import deque
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph import i18n
from graph.errors import InputError, StoreError
from graph.gc_pause import gc_paused
from graph.rdf.ntriples import skolemise_chunk
from graph.rdf.skolem import GENID_BASE
from graph.store.base import Progress, Rows, Store, TextRow, Triple, Triples, data_text, inject_values
from graph.store.stamp import Stamp
from graph.vocab.namespaces import bind_prefixes

BULK_CHUNK = 4 * 1024 * 1024  # bytes per bulk-load call: at 1M triples 2-4 MB loaded fastest
BULK_THREADS = 3  # bulk-load calls at once (on two cores three kept both busy: 2.6-3.0 s for 1M)
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def _holds(path: Path, text: bytes) -> bool:
    """Whether a file holds some bytes (read in blocks that overlap by the length of what is looked for)."""
    tail = b""
    with path.open("rb") as f:
        while block := f.read(1 << 24):
            if text in tail + block:
                return True
            tail = block[-len(text):]
    return False


def _syntax_error(path: Path, exc: SyntaxError, first: int, lang: str = "en") -> InputError:
    """Oxigraph's parse error in a chunk that starts at line `first`, as `file:line:column: what` (the
    compilers' form); what is wrong is in Oxigraph's (English) words, named as the engine's in `lang`."""
    text = str(exc.args[0] if exc.args else exc)
    what = text.split(": ", 1)[1] if text.startswith("Parser error") and ": " in text else text
    line = first + (exc.lineno or 1) - 1
    column = f"{exc.offset}:" if exc.offset else ""
    fmt = "N-Quads" if path.suffix.lower() == ".nq" else "N-Triples"
    return InputError(f"{path}:{line}:{column} {i18n.t('load.engine_line', lang, fmt=fmt, detail=what)}")


def _cannot_open(path: Path | None, exc: BaseException) -> StoreError:
    """Why a store folder cannot be opened, in words: a file where a folder should be, no permission, else
    the system's own text (which explain_fault reads for a lock held by another process or a damaged store)."""
    found = _file_in_the_way(path)
    if found is not None:
        return StoreError.of("store.not_a_folder", "en", path=path, found=found)
    if isinstance(exc, PermissionError):
        return StoreError.of("store.no_permission", "en", path=path)
    key = "store.cannot_open_locked" if "lock" in str(exc).lower() else "store.cannot_open"
    return StoreError.of(key, "en", path=path, detail=str(exc))


def _file_in_the_way(path: Path | None) -> Path | None:
    """The store's path itself or the nearest of its folders above that exists, when it is not a folder."""
    for place in (path, *path.parents) if path is not None else ():
        if place.exists() or place.is_symlink():
            return None if place.is_dir() else place
    return None


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


def prune_old_logs(folder: Path, keep: int) -> int:
    """Delete all but the newest `keep` of the engine's old log files in a store folder; how many went. RocksDB,
    under Oxigraph, starts a new log (LOG) each time the folder is opened and keeps the last as LOG.old.<time>,
    about 140 KB each and never removed: after a year of `ikg` commands, thousands of them. They hold the
    engine's own notes only; the data and its write-ahead log are other files."""
    old = sorted(folder.glob("LOG.old.*"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    gone = 0
    for path in old[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
            gone += 1
    return gone


class OxigraphStore(Store):
    """An embedded, persistent Oxigraph store in a folder (or in memory when path is None)."""

    kind = "oxigraph"
    dialect = "oxigraph"

    KEPT_LOGS = 10  # of the engine's old log files (LOG.old.*), one more each time the folder is opened

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path) if path else None
        self.read_only = read_only
        try:
            if self.path is not None and _file_in_the_way(self.path) is not None:
                raise NotADirectoryError(str(self.path))  # not made into a folder, nor read as a store
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
                prune_old_logs(self.path, self.KEPT_LOGS)
                self.stamp_file = Stamp(self.path)
                if self.stamp_file.read() is None:  # new, or a write was cut off: this process alone has it
                    with contextlib.suppress(OSError):  # not writable: nothing is kept, and a write says why
                        self.stamp_file.written()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a damaged store ("Corruption: ...")
            raise _cannot_open(self.path, exc) from None

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
                raise InputError.of("store.query_not_parsed", "en", detail=str(exc)) from None
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

        with gc_paused():  # a long answer's terms next to a big heap (graph.gc_pause)
            rows = [tuple(map(term, sol)) for sol in res]
        return Rows(names, rows)

    def _select_text(self, query: str, bindings: Mapping[str, Node]) -> list[TextRow]:
        # Oxigraph's own terms carry their text: no rdflib term is made (a third of the time of _select)
        with gc_paused():
            return [tuple(None if t is None else t.value for t in sol) for sol in self._run(query, bindings)]

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

    def load(self, paths: Iterable[Path], progress: Progress | None = None, *, lang: str = "en") -> int:
        """N-Triples/N-Quads take Oxigraph's bulk loader in chunks; other formats our checked parser.

        Into an empty store the line-based files go first, unchecked, and a failure in any file leaves
        the store empty again. Into a store with data, each line-based file is parsed whole before any of
        it goes in (a second pass: about a quarter of the time at 1M triples)."""
        files = [Path(p) for p in paths]
        fast = [p for p in files if p.suffix in (".nt", ".nq")]
        with self.writing():
            empty = next(iter(self.ox.quads_for_pattern(None, None, None, None)), None) is None
            try:
                total = sum(self._bulk_load(path, progress, check=not empty, lang=lang) for path in fast)
                total += super().load([p for p in files if p not in fast], progress, lang=lang)
            except BaseException:
                if empty:
                    self._undo_partial_load()
                raise
        return total

    def _bulk_load(self, path: Path, progress: Progress | None, check: bool, lang: str = "en") -> int:
        """Load a line-based file with Oxigraph's bulk loader, in chunks cut at line ends on a few threads.

        The loader releases the GIL, so BULK_THREADS chunks are parsed and indexed at once. At 1M triples
        on two cores the benchmark's graph (58 % of its lines name a blank node) loads into a folder in 2.4-2.7 s
        (370-420k triples/s), the blank nodes rewritten here meanwhile (1.4-1.9 s). With `check` the
        file is parsed whole first and only loaded when all of it is valid; without it (an empty store)
        `load` empties the store again after a bad line.
        """
        fmt = ox.RdfFormat.from_extension(path.suffix[1:])
        if fmt is None:
            raise InputError.of("load.cannot", lang, path=path, detail="not N-Triples or N-Quads")
        if fmt == ox.RdfFormat.N_QUADS and _holds(path, b"_:"):
            return self._bulk_load_whole(path, fmt, progress, lang)
        # Oxigraph names the blank nodes of each bulk-load call afresh, so a node that two chunks share
        # would become two: as every store does with loaded files, they become IRIs unique to this load.
        prefix = f"{GENID_BASE}{uuid.uuid4().hex}-"
        size = path.stat().st_size
        lines = 0
        try:
            if check:
                self._check_syntax(path, fmt, lang)
            with path.open("rb") as f, ThreadPoolExecutor(BULK_THREADS) as pool:
                running: deque[tuple[int, int, int, Future[None]]] = deque()
                done = 0

                def finish_one() -> None:
                    nonlocal lines, done
                    first, n, nbytes, future = running.popleft()
                    try:
                        future.result()
                    except SyntaxError as exc:
                        raise _syntax_error(path, exc, first, lang) from None
                    lines += n
                    done += nbytes
                    if progress is not None:
                        progress(path, lines, done / size if size else 1.0)

                first = 1
                try:
                    while chunk := f.read(BULK_CHUNK):
                        chunk += f.readline()  # finish the last line
                        n = chunk.count(b"\n") + (0 if chunk.endswith(b"\n") else 1)
                        read = len(chunk)
                        chunk = skolemise_chunk(chunk, prefix)  # here: in the workers it held them up (GIL)
                        running.append((first, n, read, pool.submit(self.ox.bulk_load, input=chunk, format=fmt)))
                        first += n
                        if len(running) > BULK_THREADS:  # bound the memory: a few chunks in flight
                            finish_one()
                    while running:
                        finish_one()
                except BaseException:
                    for *_, future in running:
                        future.cancel()
                    raise
        except (OSError, ValueError) as exc:
            raise InputError.of("load.cannot", lang, path=path, detail=str(exc)) from None
        return lines

    def _bulk_load_whole(self, path: Path, fmt: ox.RdfFormat, progress: Progress | None, lang: str = "en") -> int:
        """N-Quads with blank nodes: one bulk-load call, so each blank node stays one node (slower)."""
        try:
            self._check_syntax(path, fmt, lang)
            self.ox.bulk_load(path=str(path), format=fmt)
        except OSError as exc:
            raise InputError.of("load.cannot", lang, path=path, detail=str(exc)) from None
        with path.open("rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
        if progress is not None:
            progress(path, lines, 1.0)
        return lines

    def _check_syntax(self, path: Path, fmt: ox.RdfFormat, lang: str = "en") -> None:
        """Parse the whole file without loading it; InputError at the first bad line."""
        try:
            for _ in ox.parse(path=str(path), format=fmt):
                pass
        except SyntaxError as exc:
            raise _syntax_error(path, exc, 1, lang) from None

    def _undo_partial_load(self) -> None:
        """After a failed load into an empty store (every chunk has ended by now): leave it empty again."""
        self.ox.clear()
        self.ox.flush()

    def _clear(self) -> None:
        self.ox.clear()

    def describe(self) -> str:
        return f"oxigraph:{self.path}" if self.path else "oxigraph (in memory)"

    def close(self) -> None:
        try:
            self.ox.flush()
        except OSError:
            pass
