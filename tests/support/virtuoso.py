"""A throw-away Virtuoso server on 127.0.0.1 for the tests: own database in a temporary folder, free ports.

The configuration is Debian's virtuoso.ini with the paths, ports and limits changed; the database is
created fresh on start, so the dba password is Virtuoso's default ("dba"). Reads go to the anonymous
/sparql endpoint (which may not update); writes to /sparql-auth with digest authentication as dba.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from graph.store.sparql import SparqlStore

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
USER, PASSWORD = "dba", "dba"  # a fresh database's defaults; the server listens on 127.0.0.1 only
START_TIMEOUT = 60.0
RESULT_ROWS = 1_000_000  # Debian's 10,000 silently cuts off larger answers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def edit_ini(text: str, changes: dict[str, dict[str, str]]) -> str:
    """Set keys in sections of an ini file, keeping everything else (comments, repeated keys) as it is."""
    out: list[str] = []
    section = None
    pending = {sec: dict(keys) for sec, keys in changes.items()}

    def flush(sec):
        for key, value in pending.pop(sec, {}).items():
            out.append(f"{key} = {value}")

    for line in text.splitlines():
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            if section in pending:
                flush(section)
            section = header.group(1).strip()
            out.append(line)
            continue
        key = re.match(r"^\s*([A-Za-z_][\w.]*)\s*=", line)
        if key and section in changes and key.group(1) in changes[section]:
            value = pending.get(section, {}).pop(key.group(1), None)
            if value is not None:
                out.append(f"{key.group(1)} = {value}")
            continue  # a repeated key: the first occurrence already carries the new value
        out.append(line)
    if section in pending:
        flush(section)
    for sec in list(pending):
        out.append(f"[{sec}]")
        flush(sec)
    return "\n".join(out) + "\n"


class VirtuosoServer:
    """Start, use and stop one Virtuoso server."""

    def __init__(self) -> None:
        self.dir: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.sql_port = 0
        self.http_port = 0
        self.start_seconds = 0.0

    @staticmethod
    def available() -> bool:
        return shutil.which("virtuoso-t") is not None and SYSTEM_INI.exists()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/sparql-auth"

    @property
    def log_file(self) -> Path:
        assert self.dir is not None
        return self.dir / "virtuoso.log"

    def configure(self) -> Path:
        assert self.dir is not None
        d = str(self.dir)
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        changes = {
            "Database": {
                "DatabaseFile": f"{d}/virtuoso.db",
                "ErrorLogFile": f"{d}/virtuoso.log",
                "LockFile": f"{d}/virtuoso.lck",
                "TransactionFile": f"{d}/virtuoso.trx",
                "xa_persistent_file": f"{d}/virtuoso.pxa",
            },
            "TempDatabase": {"DatabaseFile": f"{d}/virtuoso-temp.db", "TransactionFile": f"{d}/virtuoso-temp.trx"},
            "Parameters": {
                "ServerPort": f"127.0.0.1:{self.sql_port}",
                "DirsAllowed": f"., {d}, /usr/share/virtuoso-opensource-7/vad",
                "MaxClientConnections": "20",
                "NumberOfBuffers": "30000",
                "MaxDirtyBuffers": "20000",
                "CheckpointInterval": "0",  # a test database is thrown away; no periodic checkpoints
            },
            "HTTPServer": {
                "ServerPort": f"127.0.0.1:{self.http_port}",
                "ServerThreads": "20",
                "MaxClientConnections": "20",
            },
            "URIQA": {"DefaultHost": f"127.0.0.1:{self.http_port}"},
            "SPARQL": {
                "ResultSetMaxRows": str(RESULT_ROWS),
                "MaxQueryExecutionTime": "120",
                "MaxQueryCostEstimationTime": "0",
            },
        }
        ini = self.dir / "virtuoso.ini"
        ini.write_text(edit_ini(SYSTEM_INI.read_text(encoding="utf-8"), changes), encoding="utf-8")
        return ini

    def start(self) -> None:
        if self.proc is not None:
            return
        began = time.monotonic()
        self.dir = Path(tempfile.mkdtemp(prefix="ikg-virtuoso-"))
        ini = self.configure()
        out = open(self.dir / "stdout.txt", "wb")  # the child keeps its own copy of the descriptor
        try:
            self.proc = subprocess.Popen(
                ["virtuoso-t", "+foreground", "+configfile", str(ini)],
                cwd=self.dir,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C in pytest should not hit the server before stop()
            )
        finally:
            out.close()
        try:
            self._wait_until_ready(began)
        except Exception:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - began

    def _wait_until_ready(self, began: float) -> None:
        while time.monotonic() - began < START_TIMEOUT:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with code {self.proc.returncode}\n{self.log_tail()}")
            try:
                r = requests.get(self.query_url, params={"query": "ASK {}"}, timeout=2)
                if r.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"Virtuoso did not answer on {self.query_url} within {START_TIMEOUT:.0f} s\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 30) -> str:
        parts = []
        for name in ("virtuoso.log", "stdout.txt"):
            path = self.dir / name if self.dir else None
            if path and path.exists():
                tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path} (last {len(tail)} lines) ---\n" + "\n".join(tail))
        return "\n".join(parts) or "(no log written)"

    def store(self, graph: str | None = "urn:ikg:test", **kwargs) -> SparqlStore:
        """A store reading from /sparql and writing to /sparql-auth as dba."""
        return SparqlStore(self.query_url, self.update_url, user=USER, password=PASSWORD, graph=graph, **kwargs)

    def stop(self, keep_dir: bool = False) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGTERM)
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.kill(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=10)
            self.proc = None
        if self.dir is not None and not keep_dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self) -> VirtuosoServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
