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

import errno
import gzip
import io
import os
import re
import zlib
from pathlib import Path

from rdflib import Graph

from graph.errors import InputError
from graph.history.changes import HISTORY, commit
from graph.i18n import t
from graph.rdf.ntriples import to_ntriples
from graph.rdf.values import value_diff
from graph.store.base import Store
from graph.store.locking import replace_file
from graph.store.output_paths import output_file, writing

HEADER = "# ikg backup: {n} triples from {store}\n"
COUNT = re.compile(r"# ikg backup: (\d+) triples")


def backup(store: Store, path: str | os.PathLike, lang: str = "en") -> int:
    """Write every triple of the store to `path` atomically; returns the number of triples."""
    target = output_file(path, lang, example="ikg-backup.nt.gz")
    if target.suffixes[-2:] != [".nt", ".gz"] and target.suffix != ".nt":
        raise InputError.of("backup.suffix", lang, path=target)
    with store.write_lock:
        triples = sorted(store.graph(), key=lambda tr: tuple(term.n3() for term in tr))
    text = HEADER.format(n=len(triples), store=store.describe()) + to_ntriples(triples)
    data = text.encode("utf-8")
    if target.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    with writing(target, lang, example="ikg-backup.nt.gz"):
        replace_file(target, data, sync=True)
    _fsync_dir(target.parent)
    return len(triples)


def read_backup(path: str | os.PathLike, lang: str = "en") -> Graph:
    """Parse a backup file completely (a damaged file is refused with the line it breaks on)."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise InputError.of("backup.missing", lang, path=source) from None
    except IsADirectoryError:
        raise InputError.of("backup.is_folder", lang, path=source) from None
    except PermissionError:
        raise InputError.of("backup.not_allowed", lang, path=source) from None
    except OSError as exc:
        code = errno.errorcode.get(exc.errno or 0, exc.errno)
        raise InputError.of("backup.unreadable", lang, path=source, code=code) from None
    if source.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error):
            raise InputError.of("backup.gzip", lang, path=source) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError.of("backup.not_utf8", lang, path=source) from None
    counted = COUNT.match(text)
    if counted is None:
        raise InputError.of("backup.no_header", lang, path=source)
    graph = Graph()
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            graph.parse(data=line, format="nt")
        except Exception:  # rdflib raises several types for bad lines; its words are English, ours are not
            raise InputError.of("backup.damaged_line", lang, path=source, line=number) from None
    expected = int(counted.group(1))
    if len(graph) != expected:
        raise InputError.of("backup.count", lang, path=source, n=len(graph), expected=expected)
    return graph


def restore(store: Store, path: str | os.PathLike, *, editor: str, why: str = "", lang: str = "en") -> bool:
    """Replace the store's content by a backup, in one recorded change; False when the store already held
    exactly that (nothing was recorded, so there is nothing to undo)."""
    graph = read_backup(path, lang)
    with store.write_lock:
        add, remove = value_diff(set(store.graph()), set(graph) | set(store.construct(HISTORY)))
        if add or remove:
            commit(store, add=add, remove=remove, editor=editor, action="restore",
                   why=why or t("backup.why_default", lang, name=Path(path).name), lang=lang)
    return bool(add or remove)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
