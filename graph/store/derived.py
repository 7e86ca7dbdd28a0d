"""What is derived from the whole graph (the ties of the network, the network view's data), kept in files
beside a store folder so the next process finds it while the store is unchanged.

A store folder `X` has a stamp, `X.stamp`: a random token, replaced by every write. Before a write it
is marked as being written (`writing <token>`); after it, a new token. A derived answer is saved in
`X.derived/<name>.json` with the stamp it was read at, and used only while the stamp is still that one:
- a write in this or any other process (the app, an `ikg` command, the shared store's server) replaces
  the stamp, so every saved answer is out of date at once;
- nothing is saved or used while a write is under way, or after one that was cut off (its stamp still
  says `writing`), until the next write ends;
- an answer is saved under the write lock and only when the stamp has not changed since it was read;
- the files also carry the program's fingerprint (its version and the files it is made of), so a
  changed program reads the graph again.
A missing, damaged or foreign file is read past: the answer is computed as without it. Only stores in a
folder have a stamp; in memory and on a SPARQL server everything is computed in the process, as before.

Each write also notes, in `X.writes`, the stamp before it, the stamp after it and what it touched (the
predicates of the triples it added or removed, and the classes of typing ones: `touched`; unknown for a
load, a clear or a failed write). An answer that says what it reads (graph.questions.reads) is then
carried over to the new stamp, unread, when no write since its own stamp touched any of it
(`untouched_since`, `carry`).

JSON, not pickle: a file beside a shared folder must never be able to run code in a process reading it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import graph
from graph.errors import StoreError
from graph.store.locking import replace_file

T = TypeVar("T")
FORMAT = 1
WRITING = "writing "
SHELF_BYTES = 256 * 2**20  # what a folder of many answers (answers/) may hold; the oldest go first
WRITES_BYTES = 256 * 2**10  # X.writes is cut to its last WRITES_KEPT writes when it grows past this
WRITES_KEPT = 200
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"  # a typing triple's predicate (touched)
ANY_CLASS = "a *"  # what a question reads that reads things of any class (hits)
_PACKAGE = Path(graph.__file__).resolve().parent


def sidecar(folder: Path, suffix: str) -> Path:
    """The file `suffix` beside the store folder."""
    return folder.with_name(folder.name + suffix)


class Stamp:
    """The token in `X.stamp`, replaced whole on every change (a reader sees the old or the new one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = sidecar(self.folder, ".stamp")
        self._parsed: tuple[tuple[int, int], dict[str, tuple[list[str] | None, str]]] | None = None

    def read(self) -> str | None:
        """The token; None when the store is being written, was cut off while written, or has none."""
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return text if re.fullmatch(r"[0-9a-f]{32}", text) else None

    def writing(self) -> None:
        self._put(WRITING + uuid.uuid4().hex)

    def written(self, before: str | None = None, touched: Collection[str] | None = None) -> None:
        """A new token; with the one `before` the write, the write noted in X.writes (touched None: unknown)."""
        after = uuid.uuid4().hex
        self._put(after)
        if before is not None:
            self._note(before, after, touched)

    @property
    def log(self) -> Path:
        return sidecar(self.folder, ".writes")

    def _note(self, before: str, after: str, touched: Collection[str] | None) -> None:
        line = json.dumps({"from": before, "to": after, "touched": None if touched is None else sorted(touched)})
        with self.log.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
        if self.log.stat().st_size > WRITES_BYTES:
            lines = self.log.read_text(encoding="utf-8").splitlines(keepends=True)
            replace_file(self.log, "".join(lines[-WRITES_KEPT:]))

    def _writes(self) -> dict[str, tuple[list[str] | None, str]]:
        """The noted writes, stamp before -> (what it touched, stamp after); read again only when the
        log's size or time changed (a round carries over many answers against one log)."""
        try:
            st = self.log.stat()
        except OSError:
            return {}
        if self._parsed is not None and self._parsed[0] == (st.st_mtime_ns, st.st_size):
            return self._parsed[1]
        steps: dict[str, tuple[list[str] | None, str]] = {}
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            for line in self.log.read_text(encoding="utf-8").splitlines():
                write = json.loads(line)
                steps[write["from"]] = (write["touched"], write["to"])
        self._parsed = ((st.st_mtime_ns, st.st_size), steps)
        return steps

    def untouched_since(self, since: str, now: str, reads: frozenset[str]) -> bool:
        """True when every write from stamp `since` to stamp `now` is noted and touched none of `reads`."""
        steps = self._writes()
        at, seen = since, set()
        while at != now:
            if at not in steps or at in seen:
                return False
            seen.add(at)
            touched, at = steps[at]
            if touched is None or hits(reads, touched):
                return False
        return True

    def _put(self, text: str) -> None:
        replace_file(self.path, text + "\n")


@functools.cache
def fingerprint() -> str:
    """The program's version and its files (name, size, time): another program reads the graph anew."""
    h = hashlib.sha256(graph.__version__.encode())
    roots = [_PACKAGE, _PACKAGE.parent / "ontology"]
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:32]


def persisted(store: Any, name: str, build: Callable[[], T], encode: Callable[[T], Any],
              decode: Callable[[Any], T], worth: Callable[[float], bool] | None = None,
              again: Callable[[Any], object] | None = None, reads: frozenset[str] | None = None) -> T:
    """`build()`, or its answer saved beside the store's folder at the store's current stamp.

    `encode` turns the answer into JSON values, `decode` back (a tuple comes back as a list). `worth`,
    given the seconds the build took, says whether to save it (default: always). A name with a folder
    (`answers/…`) is one of many of its kind: saving it removes that folder's files saved before the
    stamp was last replaced, and the oldest beyond SHELF_BYTES. `again`, the caller's own call that
    leads here (taking its locks in its order) with the store as its one argument, is remembered for
    graph.store.keeper to build the answer anew after the next change, when it was worth keeping, or to
    carry it over when the change touched nothing it `reads` (graph.questions.reads; None: anything). An
    answer saved before changes that touched nothing it reads is carried over here too, read unbuilt."""
    folder: Path | None = store.derived_folder
    stamp: str | None = store.stamp
    if folder is None or stamp is None:
        return build()
    path = folder / f"{name}.json"
    found = _read(path, stamp, decode)
    if found is not _MISSING:
        remember(folder, name, again, reads)
        return found  # type: ignore[return-value]
    with _one_build(path):  # another thread building the same waits for it, then reads what it saved
        found = _read(path, stamp, decode)
        if found is _MISSING and reads is not None and carry(store, name, reads):  # saved before a change
            found = _read(path, stamp, decode)  # that touched none of it: in any process, keeper or none
        if found is not _MISSING:
            remember(folder, name, again, reads)
            return found  # type: ignore[return-value]
        started = time.perf_counter()
        value = build()
        if worth is not None and not worth(time.perf_counter() - started):
            return value
        remember(folder, name, again, reads)
        with contextlib.suppress(OSError, ValueError, TypeError):
            _save(store, folder, path, stamp, encode(value))
        return value


REMEMBERED = 128  # answers per store folder a process builds anew after a change (the most recent)
Again = tuple[Callable[[Any], object], frozenset[str] | None]  # how to build an answer anew, what it reads
_again: dict[Path, OrderedDict[str, Again]] = {}  # only for folders a keeper watches
_again_lock = threading.Lock()
_building_again = threading.local()


def watch(folder: Path) -> None:
    """From now on remember how answers beside `folder` are built (graph.store.keeper watches it)."""
    with _again_lock:
        _again.setdefault(folder, OrderedDict())


def unwatch(folder: Path) -> None:
    """Forget them (no keeper watches the folder any more)."""
    with _again_lock:
        _again.pop(folder, None)


def remember(folder: Path, name: str, again: Callable[[Any], object] | None,
             reads: frozenset[str] | None = None) -> None:
    """Note `again` as the latest way to build `name` beside a watched `folder`, and what it `reads` (not
    while building anew: the order stays that of people's use, the most recent last)."""
    if again is None or getattr(_building_again, "on", False):
        return
    with _again_lock:
        shelf = _again.get(folder)
        if shelf is None:
            return
        shelf.pop(name, None)
        shelf[name] = (again, reads)
        while len(shelf) > REMEMBERED:
            shelf.popitem(last=False)


def remembered(folder: Path) -> list[tuple[str, Callable[[Any], object], frozenset[str] | None]]:
    """What this process built or read beside `folder` (name, how to build it anew, what it reads), the
    most recently used first."""
    with _again_lock:
        return [(name, again, reads) for name, (again, reads) in reversed(_again.get(folder, {}).items())]


def carry(store: Any, name: str, reads: frozenset[str]) -> bool:
    """Carry the answer saved as `name` over to the store's stamp without reading the graph, when every
    write since the stamp it was saved at is noted and touched nothing it `reads`; False when it cannot
    (then it is built anew)."""
    folder: Path | None = store.derived_folder
    now: str | None = store.stamp
    if folder is None or now is None:
        return False
    path = folder / f"{name}.json"
    with _one_build(path), contextlib.suppress(OSError, ValueError):
        text = path.read_text(encoding="utf-8")
        saved = re.fullmatch(r"[0-9a-f]{32}", text[len('{"stamp":"'):][:32])
        if saved is None or not text.startswith(_head(saved[0])):  # damaged, or another program's or format's
            return False
        if saved[0] == now:
            return True
        if not store.stamp_file.untouched_since(saved[0], now, reads):
            return False
        with store.write_lock:  # as _save: only while the stamp is still the one it was carried to
            if store.stamp != now:
                return False
            replace_file(path, _head(now) + text[len(_head(saved[0])):])
        return True
    return False


@contextlib.contextmanager
def building_again() -> Iterator[None]:
    """Around graph.store.keeper's round: what it builds is not remembered again (nor reordered)."""
    _building_again.on = True
    try:
        yield
    finally:
        _building_again.on = False


_MISSING = object()
_builds: dict[Path, threading.RLock] = {}
_builds_lock = threading.Lock()


def _read(path: Path, stamp: str, decode: Callable[[Any], T]) -> T | object:
    """The answer saved in `path` at `stamp` by this program, else _MISSING."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, IndexError, AttributeError), _gc_paused():
        with path.open(encoding="utf-8") as f:
            saved = json.load(f)
        if saved["stamp"] == stamp and saved["format"] == FORMAT and saved["program"] == fingerprint():
            return decode(saved["value"])
    return _MISSING


def _one_build(path: Path) -> threading.RLock:
    """The lock of one saved answer: two sessions of the app opening the same page at once (at 1M triples
    the network takes seconds to read) build it once."""
    with _builds_lock:
        return _builds.setdefault(path, threading.RLock())


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector held off while a file's many lists and strings are made: it would walk the
    whole heap (in a process holding the 1M network, a kept answer of 37k rows took 0.24 s whenever a full
    collection fell in its reading, 0.04 s with the collector held off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _head(stamp: str) -> str:
    """How a saved answer's file begins: `{"stamp":…,"format":…,"program":…,"value":` (its value follows)."""
    return f'{{"stamp":"{stamp}","format":{FORMAT},"program":{json.dumps(fingerprint())},"value":'


def _save(store: Any, folder: Path, path: Path, stamp: str, value: Any) -> None:
    with store.write_lock:  # no write is under way, and the stamp read before the build is still current
        if store.stamp != stamp:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # dumps, not dump: only the one-shot encoder is the C one (about 5x faster)
        replace_file(path, _head(stamp) + json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "}")
        if path.parent != folder:
            _tidy(path.parent, store.stamp_file.path.stat().st_mtime_ns, path)


def _tidy(shelf: Path, since_ns: int, saved: Path) -> None:
    """Remove a shelf's files saved before the stamp was last replaced (out of date: never used again),
    then the oldest until the rest fit in SHELF_BYTES (never the one just `saved`)."""
    files = []
    for path in shelf.glob("*.json"):
        with contextlib.suppress(OSError):
            st = path.stat()
            if st.st_mtime_ns < since_ns:
                path.unlink()
            else:
                files.append((st.st_mtime_ns, st.st_size, path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files, key=lambda f: f[0]):
        if total <= SHELF_BYTES:
            break
        if path == saved:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
        total -= size


def touched(triples: Iterable[tuple]) -> set[str]:
    """What a write of `triples` touches: each predicate, and `a` with the class of a typing triple (a
    question reads typing triples by class, graph.questions.reads; rdf:type itself is noted for the
    program before this one, which read them by predicate, sharing the folder).

    >>> from rdflib import RDF, Literal, URIRef
    >>> sorted(touched([(URIRef("x:s"), RDF.type, URIRef("x:C")), (URIRef("x:s"), URIRef("x:p"), Literal(1))]))
    ['a x:C', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'x:p']
    """
    out: set[str] = set()
    for _, p, o in triples:
        out.add(str(p))
        if str(p) == TYPE:
            out.add(f"a {o}")
    return out


def hits(reads: Collection[str], touched: Iterable[str]) -> bool:
    """Whether a write that touched `touched` can alter what a question that `reads` these tokens
    (graph.questions.reads) answers: a token both name, or a class where the question reads things of
    any class (ANY_CLASS) and has not shown that class to be left out (`not a <class>`).

    >>> hits({"x:p", ANY_CLASS, "not a x:Change"}, ["a x:Change", "x:q"]), hits({ANY_CLASS}, ["a x:Change"])
    (False, True)
    >>> hits({"x:p"}, ["x:p"]), hits({"a x:C", ANY_CLASS, "not a x:C"}, ["a x:C"])
    (True, True)
    """
    return any(t in reads or (t.startswith("a ") and ANY_CLASS in reads and f"not {t}" not in reads)
               for t in touched)


@contextlib.contextmanager
def stamped(stamp: Stamp | None, depth: list[int], touched: Callable[[], Collection[str] | None] = lambda: None
            ) -> Iterator[None]:
    """Around a write: the stamp marked as being written, and a new one once it ends (also on a failure:
    whatever happened, answers saved before it are not used), the write noted with what `touched()` says
    it touched (unknown after a failure). A write inside a write stamps once."""
    outer = stamp is not None and depth[0] == 0
    before = stamp.read() if outer else None  # type: ignore[union-attr]
    if outer:
        try:
            stamp.writing()  # type: ignore[union-attr]
        except OSError as exc:  # before anything is written: the write is refused, the store unchanged
            raise StoreError.of("store.stamp_unwritable", "en", path=stamp.path, error=exc.strerror or exc) from None  # type: ignore[union-attr]
    depth[0] += 1
    failed = True
    try:
        yield
        failed = False
    finally:
        depth[0] -= 1
        if outer:
            with contextlib.suppress(OSError):  # it then still says `writing`: nothing kept is used
                stamp.written(before, None if failed else touched())  # type: ignore[union-attr]
