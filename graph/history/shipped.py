"""The shipped vocabulary and data (ontology/, data/) in a store: filling a new store, noticing when the
files changed since (a fingerprint beside an Oxigraph folder), and rebuilding from them as one change.

>>> store = open_store("memory")
>>> store.ask("ASK { ?home a ikg:City }")
True
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from pathlib import Path

from rdflib import Graph

from graph import config
from graph.history.changes import HISTORY, commit
from graph.i18n import t
from graph.rdf.parsing import parse_file
from graph.rdf.readback import named_as_held
from graph.rdf.skolem import skolemise
from graph.rdf.values import value_diff
from graph.store import open_store as open_backend
from graph.store.base import Progress, Store
from graph.store.memory import MemoryStore

FINGERPRINT = "IKG_SHIPPED"  # the file beside an Oxigraph store naming the shipped files it was filled from
DATA_NOTE = "IKG_DATA_FOLDER"  # the file beside an Oxigraph store naming the data folder it was started from
FILLING = "IKG_FILLING"  # present while a first fill runs: found on opening, the fill was cut off and is redone
_fill_lock = threading.Lock()  # one fill decision at a time in this process

KEPT_ON_RESET = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { ?s a ikg:Assessment } UNION { ?s a ikg:ReviewRound } UNION { ?s a ikg:Relevance }
  ?s ?p ?o .
}
"""


def data_folder(store: Store | None = None) -> Path:
    """The configured data folder: IKG_DATA, else the folder the store was started from (`ikg init`),
    else the shipped data/.

    >>> data_folder().name
    'data'
    """
    note = _side_file(store, DATA_NOTE) if store is not None else None
    if not config.env("IKG_DATA") and note is not None and note.exists():
        return Path(note.read_text(encoding="utf-8").strip())
    return config.data_dir()


def remember_data_folder(store: Store, folder: Path) -> None:
    """Note beside a store folder which data folder it was started from (nothing for other stores)."""
    note = _side_file(store, DATA_NOTE)
    if note is not None:
        note.write_text(f"{Path(folder).resolve()}\n", encoding="utf-8")


def shipped_files(include_data: bool = True, data: Path | None = None) -> list[Path]:
    """The vocabulary files (without the shapes) and, optionally, the data files (of `data`, or the
    configured data folder).

    >>> [p.name for p in shipped_files(include_data=False)][:1]
    ['ikg.ttl']
    """
    files = sorted(p for p in config.ontology_dir().glob("*.ttl") if p != config.shapes_file())
    if include_data:
        files += sorted((data or config.data_dir()).glob("*.ttl"))
    return files


def open_store(setting: str | None = None, *, fill: bool = True) -> Store:
    """Open the store named by `setting` (see graph.store.open_store); with `fill`, a new memory store
    and an empty folder are filled from ontology/ and data/ first.

    A folder whose first fill was cut off (the IKG_FILLING marker is still there) is cleared and
    filled again, with a one-line notice on stderr: it never opens half filled.
    """
    if not fill:
        return open_backend(setting)
    with _fill_lock:
        store = open_backend(setting)
        marker = _marker_file(store)
        if marker is not None and marker.exists():
            print(t("shipped.refill", "en", folder=marker.parent), file=sys.stderr, flush=True)
            store.clear()
            fill_from_shipped(store, data=data_folder(store))
        elif _fillable(store) and store.count() == 0:
            fill_from_shipped(store, data=data_folder(store))
    return store


def _fillable(store: Store) -> bool:
    """Memory stores and folders are filled from the shipped files; a SPARQL server never is."""
    return isinstance(store, MemoryStore) or _marker_file(store) is not None


def fill_from_shipped(store: Store, progress: Progress | None = None, data: Path | None = None) -> int:
    """Load the vocabulary and the curated data into a store (and note which version of them).

    On a folder, the IKG_FILLING marker is written first and removed only once the fill and its
    fingerprint are written, so a fill killed halfway is found and redone by `open_store`.
    """
    marker = _marker_file(store)
    if marker is not None:
        marker.write_text("a first fill is running or was cut off\n", encoding="utf-8")
        _sync_folder(marker.parent)
    n = store.load(shipped_files(data=data), progress=progress)
    _write_fingerprint(store, data)
    if marker is not None:
        marker.unlink(missing_ok=True)
    return n


def shipped_fingerprint(data: Path | None = None) -> str:
    """A hash of the shipped vocabulary and data files, to notice when data/ changed."""
    digest = hashlib.sha256()
    for path in shipped_files(data=data):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _fingerprint_file(store: Store) -> Path | None:
    return _side_file(store, FINGERPRINT)


def _side_file(store: Store | None, name: str) -> Path | None:
    folder = getattr(store, "path", None)  # only stores in a folder (Oxigraph) keep one
    return Path(folder) / name if folder else None


def _marker_file(store: Store) -> Path | None:
    folder = getattr(store, "path", None)
    return Path(folder) / FILLING if folder else None


def _sync_folder(folder: Path) -> None:
    """Make the marker's creation durable before the fill starts writing (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def exported_into(store: Store, folder: Path) -> None:
    """After the store's data were written into `folder` (`ikg export --data`): when that is the folder the store
    is filled from, the files now say what the store holds, so they are noted as its version and no note calls
    the store out of date (it did, after every export into its own data folder)."""
    if Path(folder).resolve() == data_folder(store).resolve():
        _write_fingerprint(store, folder)


def _write_fingerprint(store: Store, data: Path | None = None) -> None:
    target = _fingerprint_file(store)
    if target is not None:
        target.write_text(shipped_fingerprint(data or data_folder(store)) + "\n", encoding="utf-8")


def is_stale(store: Store) -> bool:
    """True when a persistent store was filled from other versions of the shipped files."""
    target = _fingerprint_file(store)
    if target is None or not target.exists():
        return False
    return target.read_text(encoding="utf-8").strip() != shipped_fingerprint(data_folder(store))


def _from_files(data: Path, progress: Progress | None = None) -> Graph:
    target = Graph()
    for path in shipped_files(data=data):
        part = skolemise(parse_file(path))
        target += part
        if progress:
            progress(path, len(part), 1.0)
    return target


def changes_since_fill(store: Store, data: Path | None = None) -> tuple[int, int]:
    """(facts in the store that are not in the files, facts of the files missing from the store), the
    change history and review assessments aside: what a reset would drop and bring back."""
    target = _from_files(data or data_folder(store))
    kept = set(store.construct(HISTORY)) | set(store.construct(KEPT_ON_RESET))
    held = set(store.graph()) - kept
    add, remove = value_diff(held, set(named_as_held(target, held)) - kept)
    return len(remove), len(add)


def reset_from_data(store: Store, keep_assessments: bool = True, progress: Progress | None = None, *,
                    editor: str = "ikg reset", why: str = "", data: Path | None = None) -> int:
    """Rebuild the store from ontology/ and data/ in one recorded change (which `ikg undo` can undo).

    Review assessments are kept unless told otherwise; the change history is always kept. Returns
    the number of triples read from the shipped files.
    """
    data = data or data_folder(store)
    target = _from_files(data, progress)
    n = len(target)
    with store.write_lock:
        target += store.construct(HISTORY)
        if keep_assessments:
            target += store.construct(KEPT_ON_RESET)
        held = set(store.graph())  # (what a form or an import named at random, as the files name it: no change)
        add, remove = value_diff(held, set(named_as_held(target, held)))
        if add or remove:
            commit(store, add=add, remove=remove, editor=editor, action="reset", why=why or "reset --from-data")
    _write_fingerprint(store, data)
    return n
