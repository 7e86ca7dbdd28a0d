"""One store folder shared by many processes: Oxigraph's own server (`oxigraph serve`, the `oxigraph`
package) holds the folder, and the app and every `ikg` command read and write through it.

Beside the folder `X` live small files: `X.server` (the server's URL and process id, written once it
answers; how every process finds it), `X.server.log`, `X.lock` (the write lock all processes take)
and `X.generation` (bumped by every write, so the app notices another process's change). A folder
without a running server is opened embedded, as before.

>>> sidecar(Path("/tmp/s"), ".server")
PosixPath('/tmp/s.server')
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests
from rdflib import Graph

from graph.errors import StoreError
from graph.store.base import Store, Triple, Triples
from graph.store.locking import Counter, FileLock, replace_file
from graph.store.oxigraph import OxigraphStore, prune_old_logs
from graph.store.sparql import SparqlStore
from graph.store.stamp import Stamp, sidecar

START_SECONDS = 30.0
SERVER_TIMEOUT_S = 60  # the server's own limit on one query (ours take milliseconds; an endpoint query is cut sooner)


@dataclass(frozen=True)
class ServerInfo:
    """A running Oxigraph server over a store folder."""

    url: str
    pid: int
    folder: Path


class SharedStore(SparqlStore):
    """The store folder as served by its Oxigraph server: writes serialised across processes by a file
    lock; one update request is one Oxigraph transaction, so each change is all or nothing."""

    kind = "oxigraph-server"
    dialect = "oxigraph"
    chunk = 1_000_000  # one request per change (Oxigraph takes large updates in one transaction)

    def __init__(self, folder: Path, url: str, timeout: float = 60) -> None:
        super().__init__(f"{url}/query", f"{url}/update", timeout=timeout)
        self.path = Path(folder)
        self.url = url
        self.write_lock = FileLock(sidecar(self.path, ".lock"))
        self._counter = Counter(sidecar(self.path, ".generation"))
        self.stamp_file = Stamp(self.path)

    @property
    def generation(self) -> int:
        return self._counter.value

    @generation.setter
    def generation(self, value: int) -> None:
        # Only ever bumped under the write lock, which every process takes: no increment is lost.
        with self.write_lock:
            self._counter.set(value)

    def with_timeout(self, seconds: float) -> SharedStore:
        """The same store with another request time-out (for a person's query)."""
        return SharedStore(self.path, self.url, timeout=seconds)

    def describe(self) -> str:
        return f"oxigraph:{self.path} ({self.url})"  # no words: it stands in messages of every language

    def graph(self) -> Graph:
        return Store.graph(self)  # Oxigraph answers a whole CONSTRUCT (no result cap as on Virtuoso)

    def present(self, triples: Triples) -> set[Triple]:
        return Store.present(self, triples)


def oxigraph_command() -> str:
    """The `oxigraph` program installed beside this Python (the project's venv), or on the PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError.of("share.not_installed", "en")
    return found


def _answers(url: str, seconds: float = 2.0) -> bool:
    try:
        resp = requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=seconds,
                            headers={"Accept": "application/sparql-results+json"})
    except requests.RequestException:
        return False
    return resp.status_code == 200


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running(folder: Path) -> ServerInfo | None:
    """The server of this folder when one runs and answers; None otherwise (a stale file is ignored)."""
    folder = Path(folder)
    note = sidecar(folder, ".server")
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
        info = ServerInfo(str(data["url"]), int(data["pid"]), folder)
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None
    if not _alive(info.pid):
        return None
    return info if _answers(info.url) else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(folder: Path, port: int = 0) -> tuple[ServerInfo, bool]:
    """Start the Oxigraph server over `folder` on 127.0.0.1 (a free port unless given), or find the one
    running; returns it and whether it was started now. Fails with a clear StoreError when the folder
    is held by another process (an `ikg` command running on the embedded store)."""
    folder = Path(folder).expanduser().resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(sidecar(folder, ".lock")):
        found = running(folder)
        if found:
            return found, False
        port = port or free_port()
        url = f"http://127.0.0.1:{port}"
        if folder.is_dir():
            prune_old_logs(folder, OxigraphStore.KEPT_LOGS)  # the server adds one more as it opens the folder
        log = sidecar(folder, ".server.log")
        with log.open("ab") as out:
            offset = out.tell()
            proc = subprocess.Popen(
                [oxigraph_command(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                 "--timeout-s", str(SERVER_TIMEOUT_S)],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"},
                start_new_session=True,  # Ctrl-C in a terminal reaches the app, which stops it in order
            )
        deadline = time.monotonic() + START_SECONDS
        while not _answers(url, 1.0):
            if proc.poll() is not None or time.monotonic() > deadline:
                if proc.poll() is None:
                    proc.kill()
                raise _not_started(folder, log, offset)
            time.sleep(0.1)
        info = ServerInfo(url, proc.pid, folder)
        note = sidecar(folder, ".server")
        replace_file(note, json.dumps({"url": url, "pid": proc.pid}) + "\n")
        return info, True


def _not_started(folder: Path, log: Path, offset: int) -> StoreError:
    """Why the server did not start, from what it wrote to its log this time."""
    with log.open("rb") as f:
        f.seek(offset)
        lines = [line.strip() for line in f.read().decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error")] or lines[-1:] or ["no message"]
    if "lock" in errors[0].lower():
        return StoreError.of("share.locked", "en", folder=folder)
    return StoreError.of("share.failed", "en", folder=folder, reason=errors[0])


def stop(folder: Path) -> bool:
    """Stop the server of this folder (SIGTERM, then SIGKILL after 10 s); False when none was running."""
    folder = Path(folder).expanduser().resolve()
    note = sidecar(folder, ".server")
    try:
        pid = int(json.loads(note.read_text(encoding="utf-8"))["pid"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return False
    # Under the write lock: no change is cut off by the stop.
    with FileLock(sidecar(folder, ".lock")):
        note.unlink(missing_ok=True)
        if not _alive(pid):
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.05)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            _reap(pid)
    return True


def _reap(pid: int) -> None:
    """Collect the exit of a server this process started (so it does not linger as a zombie)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
