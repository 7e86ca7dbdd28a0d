"""The SPARQL console behind the app's SPARQL page: read-only queries with a time limit and a row limit.

Only SELECT, ASK, CONSTRUCT and DESCRIBE run (graph.questions.readonly); updates, LOAD and
SERVICE are refused. A query runs in a worker thread; after the time limit the caller stops waiting
and gets a message instead of a hang. On rdflib's in-memory store the worker is then interrupted
(the evaluation is Python code); an Oxigraph or remote query cannot be interrupted from Python, so it
may finish in the background: that is why a LIMIT of row_limit + 1 is appended to queries without
one, and why at most MAX_RUNNING console queries may run at once.

>>> from graph.history.shipped import open_store
>>> result = run_console(open_store("memory"), "SELECT ?x WHERE { ?x a ikg:TargetArea }", row_limit=2)
>>> len(result.table.rows), result.truncated
(2, True)
"""

from __future__ import annotations

import ctypes
import threading
import time
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.i18n import number, t
from graph.questions.question import Question
from graph.questions.readonly import QueryRefusedError, QueryUnreadableError, check_read_only
from graph.questions.table import Table, display
from graph.store.base import Rows, Store, inject_values
from graph.vocab.namespaces import PREFIXES

MAX_RUNNING = 2  # console queries allowed at once, counting those still finishing in the background
_running: list[threading.Thread] = []
_running_lock = threading.Lock()


class QueryStoppedError(Exception):
    """Raised inside a worker thread to stop a query that ran past the time limit."""


@dataclass
class ConsoleResult:
    """What a console query gave: a table (SELECT, or the triples of CONSTRUCT/DESCRIBE), a yes/no
    (ASK) or a graph, whether rows were cut at the row limit, and how long it took."""

    form: str
    table: Table | None = None
    answer: bool | None = None
    graph: Graph | None = None
    truncated: bool = False
    row_limit: int = 0
    seconds: float = 0.0

    @property
    def value(self) -> Table | bool | Graph | None:
        if self.form == "ASK":
            return bool(self.answer)
        if self.form == "SELECT":
            return self.table
        return self.graph

    def notice(self, lang: str = "en") -> str:
        """The row-limit message, or an empty string when every row is shown."""
        return t("console.truncated", lang, n=number(self.row_limit, lang)) if self.truncated else ""


def refusal(exc: InputError, lang: str = "en") -> InputError:
    """The error to show for a refused or unparsable query, in the user's language: a refusal as it is
    (its key is the sentence people read), anything unreadable as console.parse with the parser's detail."""
    if isinstance(exc, QueryRefusedError) and exc.key:
        return QueryRefusedError.of(exc.key, lang, **exc.params)
    detail = exc.text(lang) if isinstance(exc, QueryUnreadableError) else str(exc)
    return InputError.of("console.parse", lang, detail=detail)


def check_query(text: str, lang: str = "en") -> str:
    """The form of a person's query (SELECT, ASK, CONSTRUCT, DESCRIBE), or the refusal to show them."""
    try:
        return check_read_only(text, lang)
    except InputError as exc:
        raise refusal(exc, lang) from None


def run_console(
    store: Store, text: str, row_limit: int = 1000, time_limit_s: float = 10, lang: str = "en"
) -> ConsoleResult:
    """Run a user's query read-only; raise InputError with a message for people when it may not run
    or when it ran past the time limit."""
    if not text.strip():
        raise InputError.of("console.empty", lang)
    form = check_query(text, lang)
    query = _capped(text, form, row_limit)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = _execute(store, form, query)
        except QueryStoppedError:
            pass
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        outcome["done"] = True

    worker = threading.Thread(target=work, name="ikg-console", daemon=True)
    with _running_lock:
        _running[:] = [w for w in _running if w.is_alive()]
        if len(_running) >= MAX_RUNNING:
            raise InputError.of("console.busy", lang)
        _running.append(worker)
    start = time.perf_counter()
    worker.start()
    worker.join(time_limit_s)
    seconds = time.perf_counter() - start
    if not outcome.get("done"):
        _interrupt(worker)
        raise InputError.of("console.timeout", lang, seconds=f"{time_limit_s:g}")
    if "error" in outcome:
        exc = outcome["error"]
        if isinstance(exc, InputError):
            raise InputError.of("console.failed", lang, detail=str(exc)) from None
        raise InputError.of("console.failed", lang, detail=f"{type(exc).__name__}: {exc}") from None
    return _result(form, outcome["value"], row_limit, seconds)


def _capped(text: str, form: str, row_limit: int) -> str:
    """Append LIMIT row_limit+1 when the query has none at its end (checked by parsing the result)."""
    if form == "ASK":
        return text
    candidate = f"{text}\nLIMIT {row_limit + 1}"
    try:
        check_read_only(candidate)
    except InputError:  # it already ends with LIMIT, OFFSET or VALUES: keep it, cut rows afterwards
        return text
    return candidate


def _execute(store: Store, form: str, query: str) -> Rows | bool | Graph:
    if form == "SELECT":
        return store.select(query)
    if form == "ASK":
        return store.ask(query)
    return store.construct(query)


def _interrupt(worker: threading.Thread) -> None:
    """Ask the worker thread to stop: works while it runs Python code (rdflib), not inside Oxigraph."""
    if worker.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(QueryStoppedError))


def _result(form: str, value: Any, row_limit: int, seconds: float) -> ConsoleResult:
    if form == "ASK":
        return ConsoleResult(form, answer=bool(value), seconds=seconds)
    if form == "SELECT":
        rows = [[cell(term) for term in row] for row in value.rows[:row_limit]]
        return ConsoleResult(
            form, table=Table(list(value.vars), rows), truncated=len(value.rows) > row_limit,
            row_limit=row_limit, seconds=seconds,
        )
    triples = sorted(value, key=lambda tr: tuple(str(x) for x in tr))
    rows = [[cell(s), cell(p), cell(o)] for s, p, o in triples[:row_limit]]
    return ConsoleResult(
        form, table=Table(["subject", "predicate", "object"], rows), graph=value,
        truncated=len(triples) > row_limit, row_limit=row_limit, seconds=seconds,
    )


def cell(term: Node | None) -> str:
    """A term as text: IRIs shortened with our prefixes, literals as display() writes them.

    >>> cell(URIRef("https://w3id.org/ikg/ontology#Network"))
    'ikg:Network'
    """
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and all(c.isalnum() or c in "-_." for c in iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return iri
    if isinstance(term, Literal):
        return display(term)  # the value as stored: no translation of words in a user's own query
    return "" if term is None else str(term)


def example_text(q: Question, lang: str) -> str:
    """A named question as runnable text: its language and default parameter values bound by VALUES."""
    bindings: dict[str, Node] = {"lang": Literal(lang)}
    for p in q.params:
        if p.default is not None and p.kind in ("year", "int"):
            bindings[p.name] = Literal(int(p.default), datatype=XSD.integer)
    return inject_values(q.sparql, bindings)
