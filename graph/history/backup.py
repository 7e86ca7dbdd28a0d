"""Consistent snapshots of a store in a file, and restoring one as a single recorded change.

A backup is an N-Triples file (gzip-compressed when the name ends in `.gz`) of everything in the
store, history included, written to a temporary file beside the target and renamed over it only
when complete: a crash while backing up leaves the old backup (or none), never half a file. It is
read under the store's write lock, so no change lands half-way through it.

Restoring reads and checks the whole file first; then the store is replaced in one transaction
recorded as a change (so `ikg undo` can take it back). The history recorded since the backup
is kept.
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

from rdflib import Graph

from graph.errors import InputError
from graph.history.changes import HISTORY, commit
from graph.rdf.ntriples import to_ntriples
from graph.rdf.values import value_diff
from graph.store.base import Store
from graph.store.locking import replace_file

HEADER = "# ikg backup: {n} triples from {store}\n"


def backup(store: Store, path: str | os.PathLike) -> int:
    """Write every triple of the store to `path` atomically; returns the number of triples."""
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{target} is a folder: name a file, e.g. {target / 'ikg-backup.nt.gz'}")
    if target.suffixes[-2:] != [".nt", ".gz"] and target.suffix != ".nt":
        raise InputError(f"{target}: a backup is N-Triples: name it …/something.nt or …/something.nt.gz")
    if not target.parent.exists():
        raise InputError(f"{target.parent}: no such folder; create it first")
    with store.write_lock:
        triples = sorted(store.graph(), key=lambda tr: tuple(term.n3() for term in tr))
    text = HEADER.format(n=len(triples), store=store.describe()) + to_ntriples(triples)
    data = text.encode("utf-8")
    if target.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    replace_file(target, data, sync=True)
    _fsync_dir(target.parent)
    return len(triples)


def read_backup(path: str | os.PathLike) -> Graph:
    """Parse a backup file completely (a damaged file is refused with the line it breaks on)."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file; check the name and folder") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None
    if source.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"{source}: not a complete gzip file ({exc}); use another backup") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{source}: not a backup written by `ikg backup` (not UTF-8 text)") from None
    if not text.startswith("# ikg backup:"):
        raise InputError(f"{source}: not a backup written by `ikg backup` (its first line is not '# ikg backup: …')")
    graph = Graph()
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            graph.parse(data=line, format="nt")
        except Exception as exc:  # rdflib raises several types for bad lines
            raise InputError(f"{source}:{number}: damaged line ({exc}); the backup is incomplete, "
                             f"use another one") from None
    expected = int(text.split(" triples", 1)[0].rsplit(" ", 1)[-1])
    if len(graph) != expected:
        raise InputError(f"{source}: holds {len(graph)} triples, but was written with {expected}; "
                         f"the backup is incomplete, use another one")
    return graph


def restore(store: Store, path: str | os.PathLike, *, editor: str, why: str = "", lang: str = "en") -> int:
    """Replace the store's content by a backup, in one recorded change; returns the triples restored."""
    graph = read_backup(path)
    with store.write_lock:
        add, remove = value_diff(set(store.graph()), set(graph) | set(store.construct(HISTORY)))
        if add or remove:
            commit(store, add=add, remove=remove, editor=editor, action="restore",
                   why=why or f"restore {Path(path).name}", lang=lang)
    return len(graph)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
