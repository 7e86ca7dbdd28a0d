"""The read-only SPARQL 1.1 Protocol endpoint: a query from GET ?query=, a form POST or a
`application/sparql-query` body; checked like the console's (queries only, no SERVICE or FROM), run
under the time and row limits of a person's own query, and answered in the format the client asks for.

>>> negotiate("SELECT", "text/csv;q=0.9, application/sparql-results+xml")
'application/sparql-results+xml'
>>> negotiate("CONSTRUCT", "*/*")
'text/turtle'
>>> negotiate("ASK", "image/png") is None
True
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.query import Result

from graph.errors import IkgError, InputError
from graph.questions.console import capped, checked, run_limited
from graph.questions.isolated import Limits, QueryLimitError
from graph.store.base import Rows, Store
from graph.vocab.namespaces import bind_prefixes

MAX_QUERY_BYTES = 256 * 1024
SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
ASK_TYPES = {k: v for k, v in SELECT_TYPES.items() if v in ("json", "xml")}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
               "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type, body and headers of our own."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


class EndpointError(InputError):
    """A request the endpoint refuses, with the HTTP status to answer with."""

    status = 400


def types_for(form: str) -> dict[str, str]:
    if form == "ASK":
        return ASK_TYPES
    if form in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_TYPES
    return SELECT_TYPES


def accepted(header: str) -> list[tuple[str, float]]:
    """The media types of an Accept header, best first (ties keep their order).

    >>> accepted("text/csv;q=0.5, application/json")
    [('application/json', 1.0), ('text/csv', 0.5)]
    """
    out = []
    for index, part in enumerate((header or "*/*").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in pieces[1:]:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if pieces[0]:
            out.append((pieces[0].lower(), q, index))
    out.sort(key=lambda item: (-item[1], item[2]))
    return [(media, q) for media, q, _ in out if q > 0]


def negotiate(form: str, header: str, wanted: str = "") -> str | None:
    """The content type to answer `form` with, from a `format=` parameter or the Accept header."""
    offered = types_for(form)
    if wanted:
        media = SHORT_NAMES.get(wanted.lower(), wanted.lower())
        return media if media in offered else None
    default = next(iter(offered))
    for media, _q in accepted(header):
        if media in offered:
            return media
        if media in ("*/*", "application/*") or (media == "text/*" and default.startswith("text/")):
            return default
    return None


def query_of(method: str, content_type: str, body: bytes, query_string: str, lang: str) -> tuple[str, str]:
    """The query text and the `format` parameter of a request; updates and malformed requests refused."""
    params = parse_qs(query_string, keep_blank_values=True)
    kind = (content_type or "").split(";")[0].strip().lower()
    if method == "POST":
        if len(body) > MAX_QUERY_BYTES:
            raise _error(413, "endpoint.too_large", lang, kb=MAX_QUERY_BYTES // 1024)
        if kind == "application/sparql-update":
            raise _error(403, "endpoint.no_updates", lang)
        if kind == "application/sparql-query":
            text = body.decode("utf-8", "replace")
            return text, params.get("format", [""])[0]
        if kind == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)}
        else:
            raise _error(415, "endpoint.content_type", lang, type=kind or "-")
    if "update" in params:
        raise _error(403, "endpoint.no_updates", lang)
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise _error(400, "endpoint.no_query", lang)
    return queries[0], params.get("format", [""])[0]


def answer_query(store: Store, text: str, accept: str, wanted: str, limits: Limits, lang: str) -> Answer:
    """Check, run and serialise one query."""
    try:
        expanded, form = checked(text, lang)
    except InputError as exc:
        status = 403 if exc.key == "console.update" else 400
        raise _error(status, exc.key or "console.parse", lang, **exc.params) from None
    media = negotiate(form, accept, wanted)
    if media is None:
        raise _error(406, "endpoint.not_acceptable", lang, form=form, types=", ".join(types_for(form)))
    started = time.perf_counter()
    try:
        value = _run(store, form, capped(expanded, form, limits.rows), limits, lang)
    except QueryLimitError as exc:
        raise _error(503, exc.key or "query.timeout", lang, **exc.params) from None
    except InputError as exc:  # on a server the request's time-out is the time limit
        if time.perf_counter() - started >= limits.seconds * 0.95:
            raise _error(503, "query.timeout", lang, seconds=f"{limits.seconds:g}") from None
        raise _error(400, exc.key or "console.failed", lang, **exc.params) from None
    size = len(value) if isinstance(value, Rows | Graph) else 0
    if size > limits.rows:
        raise _error(400, "endpoint.too_many_rows", lang, rows=limits.rows)
    body = serialise(form, value, media)
    seconds = f"{time.perf_counter() - started:.3f}"
    return Answer(200, f"{media}; charset=utf-8", body, (("X-IKG-Query-Seconds", seconds),))


def _run(store: Store, form: str, query: str, limits: Limits, lang: str) -> Any:
    """An embedded store runs the query in a child killed at the limit (two at a time, as the console's);
    a server runs it itself, stopped by the request's time-out, so clients are not turned away as busy."""
    if store.kind in ("memory", "oxigraph"):
        return run_limited(store, form, query, limits, lang)
    try:
        if form == "SELECT":
            return store.select(query)
        return store.ask(query) if form == "ASK" else store.construct(query)
    except IkgError as exc:
        raise InputError.of("console.failed", lang, detail=str(exc)) from None


def serialise(form: str, value: Any, media: str) -> bytes:
    """The answer in `media`."""
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = bind_prefixes(Graph())
        for triple in value:
            graph.add(triple)
        data = graph.serialize(format=GRAPH_TYPES[media], encoding="utf-8")
        return data if isinstance(data, bytes) else str(data).encode("utf-8")
    fmt = types_for(form)[media]
    if form == "ASK":
        result = Result("ASK")
        result.askAnswer = bool(value)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(value)}).encode("utf-8")
        return _bytes(result.serialize(format=fmt))
    rows: Rows = value
    if fmt == "tsv":
        return _tsv(rows)
    result = Result("SELECT")
    result.vars = [Variable(v) for v in rows.vars]
    result.bindings = [{Variable(v): term for v, term in zip(rows.vars, row, strict=True)  # type: ignore[misc]
                        if term is not None} for row in rows.rows]
    return _bytes(result.serialize(format=fmt))


def _tsv(rows: Rows) -> bytes:
    """SPARQL 1.1 TSV results: variables with `?`, terms in their Turtle/N-Triples form."""
    def term(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, URIRef | Literal):
            return value.n3().replace("\t", "\\t")
        return f"_:{value}"

    lines = ["\t".join(f"?{v}" for v in rows.vars)]
    lines += ["\t".join(term(value) for value in row) for row in rows.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _bytes(data: object) -> bytes:
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


def _error(status: int, key: str, lang: str, **params: Any) -> EndpointError:
    error = EndpointError.of(key, lang, **params)
    error.status = status
    return error
