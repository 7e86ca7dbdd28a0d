"""Locks and counters that hold across processes: the write lock of a store shared through a server
(so a change read and written by one process is never interleaved with another's), and the store's
generation in a file (so every process sees that another one wrote).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> lock = FileLock(folder / "w.lock")
>>> with lock:
...     with lock:  # re-entrant in the thread that holds it
...         lock.held
True
>>> counter = Counter(folder / "w.generation")
>>> counter.value, counter.set(counter.value + 1), counter.value
(0, None, 1)
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import threading
from pathlib import Path
from types import TracebackType


class FileLock:
    """A re-entrant lock: a thread lock inside the process, an exclusive `flock` on a file across them.

    The operating system drops a `flock` when its process ends, so a writer killed half-way never
    leaves the store locked.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> bool:
        self._thread_lock.acquire()
        if self._depth == 0:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
            except BaseException:
                self._thread_lock.release()
                raise
            self._fd = fd
        self._depth += 1
        return True

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        self._thread_lock.release()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


class Counter:
    """A number in a small file, replaced whole on every change (a reader sees the old or the new value,
    never half of one). Only changed under the store's FileLock, so increments are never lost."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def value(self) -> int:
        try:
            return int(self.path.read_text(encoding="ascii").strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def set(self, value: int) -> None:
        replace_file(self.path, f"{value}\n")


def replace_file(path: Path, data: str | bytes, *, sync: bool = False) -> None:
    """Write `data` to a temporary file beside `path` and rename it over `path`: a reader sees the old
    file or the new one whole, never half of one; a failure leaves the old file and no temporary one.
    With `sync` the data is on disk before the rename (for a backup that must survive a power cut)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
