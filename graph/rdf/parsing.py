"""Read RDF files for people: any syntax error or malformed value becomes one InputError line,
"FILE:LINE:COL: what is wrong", never a traceback; nothing is ever fetched from the network.

Messages are in Norwegian (bokmål) or English (`lang`); their texts live in graph/i18n/text_importing.py.
Two layers keep the network out: JSON-LD whose @context or @import names a document (a URL or a
file) is refused before rdflib sees it, and while rdflib parses, this thread may not open a socket
or a URL at all (`offline()`, a Python audit hook), so no parser can fetch anything.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import InputError
from graph.i18n import t
from graph.rdf.json_reasons import json_reason

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
}
_QUAD_FORMATS = {"trig", "nquads"}
_LINE_FORMATS = {"nt": "N-Triples", "nquads": "N-Quads"}


class ParseError(InputError):
    """A file that cannot be read as RDF, with where (`line`, `column`, either may be None) and what.

    `str()` is the one line people see: "FILE:LINE:COL: what is wrong and how to fix it".
    `detail` is the same without the place.
    """

    def __init__(self, name: str, detail: str, line: int | None = None, column: int | None = None):
        self.name, self.detail, self.line, self.column = name, detail, line, column
        where = name
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {detail}")


def parse_rdf(path: str | os.PathLike, format: str | None = None, *, lang: str = "en") -> Graph:
    """Parse one RDF file; the format comes from the suffix unless given.

    >>> parse_rdf("tests/fixtures/missing.ttl")
    Traceback (most recent call last):
    graph.rdf.parsing.ParseError: tests/fixtures/missing.ttl: no such file; check the name and folder
    """
    name = os.fspath(path)
    path = Path(path)
    fmt = format or _format_of(path, name, lang)
    text = decode_text(read_bytes(path, name, lang), name, lang)
    graph = parse_text(text, fmt, name, base=path.resolve().as_uri(), lang=lang)
    check_literals(graph, text, name, lang=lang)
    return graph


def parse_file(path: str | os.PathLike, lang: str = "en") -> Graph:
    """Parse one RDF file as the stores load it (format from the suffix, messages in `lang`)."""
    return parse_rdf(path, lang=lang)


def parse_many(paths: Iterable[str | os.PathLike], *, lang: str = "en") -> Graph:
    """Parse several files into one graph (blank nodes stay distinct per file).

    >>> len(parse_many(["tests/fixtures/small.ttl"])) > 100
    True
    """
    merged = Graph()
    for path in paths:
        merged += parse_rdf(path, lang=lang)
    return merged


def file_format(path: str | os.PathLike, lang: str = "en") -> str:
    """The RDF format a file is read as, from its suffix; ParseError for a folder or an unknown suffix.

    >>> file_format("data/actors.ttl")
    'turtle'
    """
    return _format_of(Path(path), os.fspath(path), lang)


def _format_of(path: Path, name: str, lang: str) -> str:
    known = ", ".join(sorted(FORMATS))
    if path.is_dir():
        raise ParseError(name, t("parse.folder", lang, known=known))
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ParseError(name, t("parse.unknown_type", lang, suffix=path.suffix, known=known)) from None


def read_bytes(path: Path, name: str, lang: str = "en") -> bytes:
    """The bytes of a file, or ParseError saying in words why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ParseError(name, t("parse.no_file", lang)) from None
    except IsADirectoryError:
        raise ParseError(name, t("parse.folder", lang, known=", ".join(sorted(FORMATS)))) from None
    except PermissionError:
        raise ParseError(name, t("parse.permission", lang)) from None
    except OSError as error:
        raise ParseError(name, t("parse.unreadable", lang, why=error.strerror)) from None


def decode_text(data: bytes, name: str, lang: str = "en") -> str:
    """The bytes of a text file as text; ParseError when they are binary or not UTF-8.

    >>> decode_text("Tromsø".encode("latin-1"), "x.ttl")
    Traceback (most recent call last):
    graph.rdf.parsing.ParseError: x.ttl:1:6: not UTF-8 text (byte 0xf8); save the file as UTF-8
    """
    if b"\x00" in data:
        # NUL never occurs in RDF text; it means a binary file (image, zip, PDF...).
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError(name, t("parse.binary", lang), line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ParseError(name, t("parse.not_utf8", lang, byte=f"{data[error.start]:02x}"), line, col) from None
    return text.removeprefix("\ufeff")


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's log of ill-typed literals while inside."""
    # rdflib logs a full traceback for every ill-typed literal; we report those ourselves.
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


# --- no network while parsing ---------------------------------------------------------------------

_NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.connect_ex", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect", "ftplib.connect",
})
_offline_state = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False


class NetworkRefusedError(Exception):
    """Raised inside a parser that tried to reach the network while `offline()` was in force."""


def _depth() -> int:
    depth: int = getattr(_offline_state, "depth", 0)
    return depth


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event in _NETWORK_EVENTS and _depth():
        target = args[0] if event in ("urllib.Request", "socket.getaddrinfo", "socket.gethostbyname") else None
        if event in ("socket.connect", "socket.connect_ex", "http.client.connect") and len(args) > 1:
            target = args[1]
        _offline_state.refused = str(target) if target is not None else event
        raise NetworkRefusedError(f"network access refused while reading a file ({event}: {target})")


@contextlib.contextmanager
def offline() -> Iterator[None]:
    """While inside, this thread cannot open a socket or a URL: any attempt raises NetworkRefusedError.

    Other threads are not affected (the app keeps talking to a SPARQL server while a file is read).
    """
    global _hook_installed
    if not _hook_installed:
        with _hook_lock:
            if not _hook_installed:
                sys.addaudithook(_audit)  # cannot be removed again; inactive outside offline()
                _hook_installed = True
    _offline_state.depth = _depth() + 1
    try:
        yield
    finally:
        _offline_state.depth -= 1


def parse_text(text: str, fmt: str, name: str, *, base: str | None = None, lang: str = "en") -> Graph:
    """Parse RDF text (format `turtle`, `nt`, `json-ld`, `trig` or `nquads`) into one graph, offline.

    Raises ParseError with the line and column of the first syntax error and how to fix it.
    """
    if fmt == "json-ld":
        _check_json_ld(text, name, lang)
    target = Dataset() if fmt in _QUAD_FORMATS else Graph()
    _offline_state.refused = None
    try:
        with quiet_rdflib(), offline():
            target.parse(data=text, format=fmt, publicID=base or "urn:ikg:upload:")
    except Exception as error:  # noqa: BLE001 - any parser failure is the user's file, told in words
        refused = getattr(_offline_state, "refused", None)
        if refused:
            raise ParseError(name, t("parse.offline", lang, url=refused)) from None
        raise _explain_syntax_error(error, text, fmt, name, lang) from None
    if fmt not in _QUAD_FORMATS:
        return target
    graph = Graph()
    for s, p, o, _ in cast(Dataset, target).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (both from 1) of a character index in a text."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _explain_syntax_error(error: Exception, text: str, fmt: str, name: str, lang: str) -> ParseError:
    why = getattr(error, "_why", None)
    index = getattr(error, "_i", None)
    if why is None or index is None:
        if fmt in ("nt", "nquads"):
            return _explain_line_error(text, fmt, name, lang)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return ParseError(name, t("parse.cannot_read", lang, fmt=fmt, detail=first_line))
    if why.startswith("unterminated string"):
        # The parser stops at the end of the file; the useful place is where the string opens.
        opening = max(text.rfind('"""', 0, index), text.rfind("'''", 0, index))
        line, col = position(text, opening if opening >= 0 else index)
        return ParseError(name, t("parse.unterminated", lang), line, col)
    if not text[index:].strip() and not why.startswith("newline found"):
        line, col = position(text, len(text.rstrip()))
        return ParseError(name, t("parse.eof", lang), line, col)
    line, col = position(text, index)
    return ParseError(name, _plain_words(why, lang), line, col)


def _plain_words(why: str, lang: str) -> str:
    unbound = re.match(r'Prefix "(.*?):" not bound', why)
    if unbound:
        return t("parse.unknown_prefix", lang, prefix=unbound.group(1))
    if why.startswith("expected '.'"):
        return t("parse.expected_dot", lang)
    if why.startswith("newline found in string"):
        return t("parse.newline_in_string", lang)
    return t("parse.syntax", lang, why=why)


def _explain_line_error(text: str, fmt: str, name: str, lang: str) -> ParseError:
    # The N-Triples/N-Quads parser does not say where; the formats are line-based, so find the line.
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            with quiet_rdflib(), offline():
                (Dataset() if fmt == "nquads" else Graph()).parse(data=line, format=fmt)
        except Exception:  # noqa: BLE001 - we only need to know which line fails
            return ParseError(name, t("parse.bad_line", lang, fmt=_LINE_FORMATS[fmt]), number)
    return ParseError(name, t("parse.cannot_read_plain", lang, fmt=fmt))


def _check_json_ld(text: str, name: str, lang: str) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        why = t(json_reason(error.msg), lang)
        raise ParseError(name, t("parse.not_json", lang, why=why), error.lineno, error.colno) from None
    except RecursionError:
        raise ParseError(name, t("parse.too_deep", lang)) from None
    for key, reference in remote_contexts(document):
        line, _ = position(text, max(text.find(json.dumps(reference)), 0))
        raise ParseError(name, t("parse.remote_context", lang, what=key, ref=reference), line)


def remote_contexts(node: object) -> Iterable[tuple[str, str]]:
    """Every (key, reference) where a JSON-LD document names a context to load: `@context` or `@import`
    with a string (a URL or a relative file name), at any depth, inside lists too."""
    # Any string context makes the JSON-LD processor load a document.
    if isinstance(node, list):
        for item in node:
            yield from remote_contexts(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        yield key, item
            yield from remote_contexts(value)


# --- literals whose text does not fit their datatype ----------------------------------------------
# rdflib accepts "19x6"^^xsd:gYear without complaint, so we check the common types ourselves.

_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_LEXICAL = {
    XSD.gYear: (rf"-?\d{{4,}}{_TZ}", "parse.lit.gyear"),
    XSD.gYearMonth: (rf"-?\d{{4,}}-(0[1-9]|1[0-2]){_TZ}", "parse.lit.gyearmonth"),
    XSD.date: (rf"-?\d{{4,}}-\d{{2}}-\d{{2}}{_TZ}", "parse.lit.date"),
    XSD.decimal: (r"[+-]?(\d+(\.\d*)?|\.\d+)", "parse.lit.decimal"),
    XSD.integer: (r"[+-]?\d+", "parse.lit.integer"),
    XSD.double: (r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)", "parse.lit.double"),
    XSD.boolean: (r"true|false|1|0", "parse.lit.boolean"),
}


@dataclass(frozen=True, order=True)
class LiteralProblem:
    """A literal whose text does not fit its datatype, where it is in the file (0 when not found)."""

    line: int
    column: int
    lexical: str
    advice: str  # what is wrong with it and how to write it, in the language asked for

    @property
    def message(self) -> str:
        return f"'{self.lexical}' {self.advice}"


def _lexical_problem(literal: Literal, lang: str) -> str | None:
    rule = _LEXICAL.get(literal.datatype) if literal.datatype is not None else None
    lexical = str(literal).strip()
    if rule:
        pattern, key = rule
        if not re.fullmatch(pattern, lexical) or not _real_date(literal.datatype, lexical):
            return t(key, lang)
        return None
    if getattr(literal, "ill_typed", None):
        return t("parse.lit.ill_typed", lang, datatype=literal.datatype)
    return None


def _real_date(datatype: URIRef | None, lexical: str) -> bool:
    # The pattern lets 2012-13-45 through; the calendar does not.
    if datatype != XSD.date or lexical.startswith("-"):
        return True
    try:
        datetime.date.fromisoformat(lexical[:10])
    except ValueError:
        return False
    return True


def _place_of(text: str, lexical: str) -> tuple[int, int]:
    found = re.search(r"[\"']" + re.escape(lexical) + r"[\"']", text)
    return position(text, found.start()) if found else (0, 0)


def literal_problems(graph: Graph, text: str, lang: str = "en") -> list[LiteralProblem]:
    """Every literal of a common XSD type whose text is not a valid value (e.g. "2019-02-31"^^xsd:date),
    sorted by where it is in the file."""
    bad = []
    for literal in set(graph.objects()):
        if isinstance(literal, Literal) and literal.datatype is not None:
            advice = _lexical_problem(literal, lang)
            if advice:
                line, col = _place_of(text, str(literal))
                bad.append(LiteralProblem(line, col, str(literal), advice))
    return sorted(bad)


def check_literals(graph: Graph, text: str, name: str, *, lang: str = "en") -> None:
    """Raise ParseError naming the first ill-formed literal (and how many more there are)."""
    bad = literal_problems(graph, text, lang)
    if not bad:
        return
    first = bad[0]
    more = t("parse.lit.more", lang, n=len(bad) - 1) if len(bad) > 1 else ""
    raise ParseError(name, first.message + more, first.line or None)
