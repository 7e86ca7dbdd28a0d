"""Run a person's own query where it cannot hurt anyone else: in a forked child process with a memory
cap, killed at the time limit. A query-engine panic, a memory blow-up or a runaway ends the child,
never the app or the command, and holds no lock once its time is up.

The child shares the parent's open store copy-on-write (no second open of a locked folder), only
reads, and leaves with os._exit so nothing of the store is flushed or closed from it. On a SPARQL
server the query runs on the server, under the server's limits and the request's time-out.

>>> from graph.store.memory import MemoryStore
>>> from rdflib import URIRef
>>> store = MemoryStore()
>>> store.apply(add=[(URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b"))])
>>> run_isolated(store, "SELECT", "SELECT ?o WHERE { ?s ?p ?o }", Limits(seconds=5)).rows
[(rdflib.term.URIRef('urn:b'),)]
>>> run_isolated(store, "ASK", "ASK { ?s ?p ?o }", Limits())
True
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import selectors
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any

from rdflib import Graph

from graph import config
from graph.errors import IkgError, InputError, StoreError
from graph.store.base import Rows, Store

_MB = 1024 * 1024
_FORKABLE = ("memory", "oxigraph")
_RUNNING = threading.BoundedSemaphore(2)  # user queries at once per process; each really ends at its limit


@dataclass(frozen=True)
class Limits:
    """How long a person's query may run, how much memory it may take, how many rows it may return."""

    seconds: float = 10.0
    memory_mb: int = 1024
    rows: int = 1000

    @classmethod
    def from_settings(cls, seconds: float | None = None, rows: int | None = None, lang: str = "en") -> Limits:
        """Limits from IKG_QUERY_SECONDS, IKG_QUERY_MEMORY_MB and IKG_QUERY_ROWS (or the defaults); a setting
        that is not a positive number is an InputError in `lang` (and said again in the user's language by
        graph.store.faults.in_language, which the CLI and the app call for an error)."""
        def number(name: str, default: float) -> float:
            text = config.env(name)
            try:
                value = float(text) if text else default
            except ValueError:
                raise InputError.of("query.bad_setting", lang, name=name, value=text) from None
            if value <= 0:
                raise InputError.of("query.bad_setting", lang, name=name, value=text)
            return value

        return cls(
            seconds=seconds if seconds is not None else number("IKG_QUERY_SECONDS", cls.seconds),
            memory_mb=int(number("IKG_QUERY_MEMORY_MB", cls.memory_mb)),
            rows=rows if rows is not None else int(number("IKG_QUERY_ROWS", cls.rows)),
        )


class QueryLimitError(InputError):
    """A person's query was stopped: it ran out of time or memory, or the query engine failed on it."""


def run_isolated(store: Store, form: str, query: str, limits: Limits, lang: str = "en") -> Any:
    """The answer of a read-only query (`form` SELECT, ASK, CONSTRUCT or DESCRIBE) run under `limits`:
    Rows, a bool or a Graph. Raises QueryLimitError (keys query.timeout, query.memory, query.crashed,
    query.busy) or the query's own InputError/StoreError."""
    if not _RUNNING.acquire(blocking=False):
        raise QueryLimitError.of("query.busy", lang)
    try:
        if store.kind in _FORKABLE and hasattr(os, "fork"):
            return _in_child(store, form, query, limits, lang)
        return _on_server(store, form, query, limits, lang)
    finally:
        _RUNNING.release()


def _execute(store: Store, form: str, query: str) -> Any:
    if form == "SELECT":
        return store.select(query)
    if form == "ASK":
        return store.ask(query)
    return store.construct(query)


def _on_server(store: Store, form: str, query: str, limits: Limits, lang: str) -> Any:
    """A server's store: the server's own limits apply, and the request waits at most `limits.seconds`
    where the store can say so (a shared Oxigraph store), instead of the general 60 s request time-out."""
    limited = getattr(store, "with_timeout", None)
    target = limited(limits.seconds) if callable(limited) else store
    started = time.monotonic()
    try:
        return _execute(target, form, query)
    except StoreError:
        if target is not store and time.monotonic() - started >= limits.seconds:
            raise QueryLimitError.of("query.timeout", lang, seconds=f"{limits.seconds:g}") from None
        raise
    finally:
        if target is not store:
            target.close()


def _in_child(store: Store, form: str, query: str, limits: Limits, lang: str) -> Any:
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(out_r)
        os.close(err_r)
        _child(store, form, query, limits, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    started = time.monotonic()
    output, errors, killed = _collect(pid, out_r, err_r, started + limits.seconds)
    _, status = os.waitpid(pid, 0)
    if killed:
        raise QueryLimitError.of("query.timeout", lang, seconds=f"{limits.seconds:g}")
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and output:
        return _answer(pickle.loads(output), limits, lang)
    message = errors.decode("utf-8", "replace")
    if "memory allocation" in message or "MemoryError" in message or "Cannot allocate" in message:
        raise QueryLimitError.of("query.memory", lang, mb=limits.memory_mb)
    raise QueryLimitError.of("query.crashed", lang)


def _collect(pid: int, out_r: int, err_r: int, deadline: float) -> tuple[bytes, bytes, bool]:
    """Read the child's answer and its error output until both close or the deadline passes.
    A selector (epoll), not select(): a long-running process may hold descriptors above 1024."""
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    killed = False
    with selectors.DefaultSelector() as selector:
        for fd in (out_r, err_r):
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            for key, _ in selector.select(left):
                data = os.read(key.fd, 1 << 16)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
    for fd in (out_r, err_r):
        os.close(fd)
    return b"".join(chunks[out_r]), b"".join(chunks[err_r])[-4096:], killed


def _child(store: Store, form: str, query: str, limits: Limits, out_w: int, err_w: int) -> None:
    status = 0
    try:
        faulthandler.disable()  # an engine abort is expected here: its message goes to err_w, no dump on the terminal
        os.dup2(err_w, 2)
        size = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
        cap = size + limits.memory_mb * _MB
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        try:
            payload = ("ok", _portable(_execute(store, form, query), limits.rows))
        except IkgError as exc:
            payload = ("error", (type(exc).__name__, str(exc), exc.key, exc.params))
        data = pickle.dumps(payload)
        view = memoryview(data)
        while view:
            written = os.write(out_w, view)
            view = view[written:]
    except MemoryError:
        os.write(2, b"MemoryError\n")
        status = 3
    except BaseException as exc:  # noqa: BLE001 - anything else ends the child with a sign of what
        os.write(2, f"{type(exc).__name__}: {exc}\n".encode("utf-8", "replace"))
        status = 4
    finally:
        os._exit(status)


def _portable(value: Any, rows: int) -> Any:
    """The answer in a form that pickles small: rows cut just past the limit (so the cut is seen)."""
    if isinstance(value, Rows):
        return ("rows", list(value.vars), value.rows[: rows + 1])
    if isinstance(value, Graph):
        return ("graph", list(value)[: rows + 1])
    return ("bool", bool(value))


def _answer(payload: tuple[str, Any], limits: Limits, lang: str) -> Any:
    status, value = payload
    if status == "error":
        name, message, key, params = value
        cls = StoreError if name == "StoreError" else InputError
        raise cls(message, key=key, **params)
    kind, *parts = value
    if kind == "rows":
        return Rows(parts[0], parts[1])
    if kind == "graph":
        graph = Graph()
        for triple in parts[0]:
            graph.add(triple)
        return graph
    return parts[0]
