"""What is derived from the whole graph (the ties of the network, the network view's data), kept in files
beside a store folder so the next process finds it while the store is unchanged.

A store folder `X` has a stamp, `X.stamp` (graph.store.stamp), replaced by every write. A derived answer
is saved in `X.derived/<name>.json` with the stamp it was read at, and used only while the stamp is still
that one:
- a write in this or any other process (the app, an `ikg` command, the shared store's server) replaces
  the stamp, so every saved answer is out of date at once;
- nothing is saved or used while a write is under way, or after one that was cut off (its stamp still
  says `writing`), until the next write ends;
- an answer is saved under the write lock and only when the stamp has not changed since it was read;
- the files also carry the program's fingerprint (its version and the files it is made of), so a
  changed program reads the graph again.
A missing, damaged or foreign file is read past: the answer is computed as without it. Only stores in a
folder have a stamp; in memory and on a SPARQL server everything is computed in the process, as before.

Each write also notes what it touched (graph.store.stamp). An answer that says what it reads
(graph.questions.reads) is carried over to the new stamp, unread, when no write since its own stamp
touched any of it (`carry`). What it reads is found out when first needed and written into its file, so
no other process parses the question again.

JSON, not pickle: a file beside a shared folder must never be able to run code in a process reading it.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import graph
from graph.gc_pause import gc_paused
from graph.store.locking import replace_file

T = TypeVar("T")
FORMAT = 2  # 2: what an answer reads is kept in its file
SHELF_BYTES = 256 * 2**20  # what a folder of many answers (answers/) may hold; the oldest go first
_PACKAGE = Path(graph.__file__).resolve().parent


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
              again: Callable[[Any], object] | None = None, reads: Reads | None = None,
              held: bool = False) -> T:
    """`build()`, or its answer saved beside the store's folder at the store's current stamp.

    `encode` turns the answer into JSON values, `decode` back (a tuple comes back as a list). `worth`,
    given the seconds the build took, says whether to save it (default: always). A name with a folder
    (`answers/…`) is one of many of its kind: saving it removes that folder's files saved before the
    stamp was last replaced, and the oldest beyond SHELF_BYTES. `again`, the caller's own call that
    leads here (taking its locks in its order) with the store as its one argument, is remembered for
    graph.store.keeper to build the answer anew after the next change, when it was worth keeping, or to
    carry it over when the change touched nothing it `reads` (graph.questions.reads, or a function giving
    them, called only when a change is to be looked at; None: anything). An
    answer saved before changes that touched nothing it reads is carried over here too, read unbuilt.
    `held`: the caller holds the answer in memory per store generation (the network's data), so the
    keeper reads one it carried over in again, and the next page finds it there. While a keeper watches
    the folder, this process also holds the last such answer itself: one carried over is then taken from
    memory, not read from its file again (at 1M triples the network's file takes 0.4-0.7 s to read)."""
    folder: Path | None = store.derived_folder
    stamp: str | None = store.stamp
    if folder is None or stamp is None:
        return build()
    path = folder / f"{name}.json"

    def at_stamp() -> object:  # held in memory at this stamp, else saved in its file at it
        found = _held_at(folder, name, stamp) if held else _MISSING
        return _read(path, stamp, decode) if found is _MISSING else found

    found = at_stamp()
    if found is not _MISSING:
        remember(folder, name, again, reads, held)
        _hold(folder, name, stamp, found, held)
        return found  # type: ignore[return-value]
    # another thread or process building the same waits for it, then reads what it saved
    with _one_build(path), _building(path):
        found = at_stamp()
        if found is _MISSING and reads is not None and carry(store, name, reads):  # saved before a change
            found = at_stamp()  # that touched none of it: in any process, keeper or none
        if found is not _MISSING:
            remember(folder, name, again, reads, held)
            _hold(folder, name, stamp, found, held)
            return found  # type: ignore[return-value]
        started = time.perf_counter()
        value = build()
        if worth is not None and not worth(time.perf_counter() - started):
            return value
        remember(folder, name, again, reads, held)
        said = reads if isinstance(reads, frozenset) else _said.get((folder, name))
        if said is None and reads is not None and getattr(_finding, "on", False):
            said = _find_out(folder, name, reads)
        with contextlib.suppress(OSError, ValueError, TypeError):
            if _save(store, folder, path, stamp, encode(value), said):
                _hold(folder, name, stamp, value, held)
        return value


REMEMBERED = 128  # answers per store folder a process builds anew after a change (the most recent)
Reads = frozenset[str] | Callable[[], frozenset[str] | None]  # what an answer reads, or how to find it out
Again = tuple[Callable[[Any], object], Reads | None, bool]  # how to build it anew, what it reads, held
_again: dict[Path, OrderedDict[str, Again]] = {}  # only for folders a keeper watches
_again_lock = threading.Lock()
_building_again = threading.local()


def watch(folder: Path) -> None:
    """From now on remember how answers beside `folder` are built (graph.store.keeper watches it)."""
    with _again_lock:
        _again.setdefault(folder, OrderedDict())


def unwatch(folder: Path) -> None:
    """Forget them (no keeper watches the folder any more), and the answers held for it."""
    with _again_lock:
        _again.pop(folder, None)
        for key in [k for k in _held if k[0] == folder]:
            del _held[key]


_held: dict[tuple[Path, str], tuple[str, Any]] = {}  # (folder, name) -> (stamp, answer): the last, while watched


def _hold(folder: Path, name: str, stamp: str, value: Any, held: bool) -> None:
    """Hold `value`, the answer saved as `name` at `stamp`, while a keeper watches the folder."""
    if held:
        with _again_lock:
            if folder in _again:
                _held[(folder, name)] = (stamp, value)


def _held_at(folder: Path, name: str, stamp: str) -> Any:
    """The answer held for `name` at `stamp`, else _MISSING."""
    with _again_lock:
        found = _held.get((folder, name))
    return found[1] if found is not None and found[0] == stamp else _MISSING


def remember(folder: Path, name: str, again: Callable[[Any], object] | None,
             reads: Reads | None = None, held: bool = False) -> None:
    """Note `again` as the latest way to build `name` beside a watched `folder`, what it `reads` and
    whether its caller holds it in memory (not while building anew: the order stays that of people's
    use, the most recent last)."""
    if again is None or getattr(_building_again, "on", False):
        return
    with _again_lock:
        shelf = _again.get(folder)
        if shelf is None:
            return
        shelf.pop(name, None)
        shelf[name] = (again, reads, held)
        while len(shelf) > REMEMBERED:
            shelf.popitem(last=False)


def remembered(folder: Path) -> list[tuple[str, Callable[[Any], object], Reads | None, bool]]:
    """What this process built or read beside `folder` (name, how to build it anew, what it reads, whether
    its caller holds it in memory), the most recently used first."""
    with _again_lock:
        return [(name, *again) for name, again in reversed(_again.get(folder, {}).items())]


def carry(store: Any, name: str, reads: Reads) -> bool:
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
        rest = text[len(_head(saved[0])):]
        if rest.startswith(_READS):
            said, rest = _said_in(rest)
            _said[(folder, name)] = said  # and into the file of the answer built anew, if it must be
        else:
            said = _find_out(folder, name, reads)
        if said is None or not store.stamp_file.untouched_since(saved[0], now, said):
            return False
        with store.write_lock:  # as _save: only while the stamp is still the one it was carried to
            if store.stamp != now:
                return False
            replace_file(path, _head(now) + _reads_text(said) + rest)
        with _again_lock:  # the answer held at the stamp it was saved at holds at this one too
            if _held.get((folder, name), ("",))[0] == saved[0]:
                _held[(folder, name)] = (now, _held[(folder, name)][1])
        return True
    return False


_READS = '"reads":'
_said: dict[tuple[Path, str], frozenset[str] | None] = {}  # what an answer reads, once found out


def _find_out(folder: Path, name: str, reads: Reads) -> frozenset[str] | None:
    """What the answer saved as `name` reads: found out once per process (parsing a question's SPARQL
    takes 20-360 ms), then written into its file, where another process reads it."""
    if not callable(reads):
        return reads
    if (folder, name) not in _said:
        _said[(folder, name)] = reads()
    return _said[(folder, name)]


def _said_in(rest: str) -> tuple[frozenset[str] | None, str]:
    """What a file's `"reads":[…],` after its head says, and the rest of the file after it."""
    tokens, end = json.JSONDecoder().raw_decode(rest, len(_READS))
    if not (isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)) or rest[end:end + 1] != ",":
        raise ValueError("reads")
    return frozenset(tokens), rest[end + 1:]


def _reads_text(said: frozenset[str] | None) -> str:
    return "" if said is None else _READS + json.dumps(sorted(said), ensure_ascii=False, separators=(",", ":")) + ","


_finding = threading.local()


@contextlib.contextmanager
def finding_out() -> Iterator[None]:
    """Around work done ahead of people (what a load or the app's start keeps ready): what each answer built
    in it reads is found out too and written into its file, so the first change after it parses nothing."""
    was = getattr(_finding, "on", False)
    _finding.on = True
    try:
        yield
    finally:
        _finding.on = was


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
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, IndexError, AttributeError), gc_paused():
        with path.open(encoding="utf-8") as f:
            saved = json.load(f)
        if saved["stamp"] == stamp and saved["format"] == FORMAT and saved["program"] == fingerprint():
            return decode(saved["value"])
    return _MISSING


@contextlib.contextmanager
def _building(path: Path) -> Iterator[None]:
    """Across processes, while this one builds the answer saved as `path`: an exclusive `flock` on
    `path.lock` (two apps on one shared store build each answer once; the lock goes with its process)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(_lock_of(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a folder that cannot be written: nothing is saved in it either
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if not path.exists():  # nothing saved (a quick answer): no lock file left behind either
            _lock_of(path).unlink(missing_ok=True)
        os.close(fd)  # and with it the lock


def building_elsewhere(folder: Path, name: str) -> bool:
    """Whether another process (or thread) is building the answer saved as `name` beside `folder` now."""
    try:
        fd = os.open(_lock_of(folder / f"{name}.json"), os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _lock_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _one_build(path: Path) -> threading.RLock:
    """The lock of one saved answer: two sessions of the app opening the same page at once (at 1M triples
    the network takes seconds to read) build it once."""
    with _builds_lock:
        return _builds.setdefault(path, threading.RLock())


def _head(stamp: str) -> str:
    """How a saved answer's file begins: `{"stamp":…,"format":…,"program":…,` (what it reads, when known,
    and its value follow)."""
    return f'{{"stamp":"{stamp}","format":{FORMAT},"program":{json.dumps(fingerprint())},'


def _save(store: Any, folder: Path, path: Path, stamp: str, value: Any, said: frozenset[str] | None = None) -> bool:
    """Save `value` as read at `stamp`, when that is still the store's stamp (True when saved)."""
    with store.write_lock:  # no write is under way, and the stamp read before the build is still current
        if store.stamp != stamp:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        # dumps, not dump: only the one-shot encoder is the C one (about 5x faster)
        replace_file(path, _head(stamp) + _reads_text(said) + '"value":'
                     + json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "}")
        if path.parent != folder:
            _tidy(path.parent, store.stamp_file.path.stat().st_mtime_ns, path)
        return True


def _tidy(shelf: Path, since_ns: int, saved: Path) -> None:
    """Remove a shelf's files saved before the stamp was last replaced (out of date: never used again),
    then the oldest until the rest fit in SHELF_BYTES (never the one just `saved`)."""
    files = []
    for path in shelf.glob("*.json"):
        with contextlib.suppress(OSError):
            st = path.stat()
            if st.st_mtime_ns < since_ns:
                path.unlink()
                _lock_of(path).unlink(missing_ok=True)  # one building it still holds its own
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
            _lock_of(path).unlink(missing_ok=True)
        total -= size
