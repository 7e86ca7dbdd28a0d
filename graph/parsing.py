"""Read RDF files for people: any syntax error or malformed value becomes one InputError line,
"FILE:LINE:COL: what is wrong", never a traceback; nothing is ever fetched from the network."""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import XSD

from graph.errors import InputError

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


def parse_rdf(path: str | os.PathLike, format: str | None = None) -> Graph:
    """Parse one RDF file; the format comes from the suffix unless given.

    >>> parse_rdf("tests/fixtures/missing.ttl")
    Traceback (most recent call last):
    graph.errors.InputError: tests/fixtures/missing.ttl: no such file; check the name and folder
    """
    name = os.fspath(path)
    path = Path(path)
    fmt = format or _format_of(path, name)
    text = _read_text(path, name)
    graph = _parse_text(text, fmt, name, base=path.resolve().as_uri())
    _check_literals(graph, text, name)
    return graph


def parse_many(paths: Iterable[str | os.PathLike]) -> Graph:
    """Parse several files into one graph (blank nodes stay distinct per file).

    >>> len(parse_many(["tests/fixtures/small.ttl"])) > 100
    True
    """
    merged = Graph()
    for path in paths:
        merged += parse_rdf(path)
    return merged


def _format_of(path: Path, name: str) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{name}: unknown file type '{path.suffix}'; use one of {known}") from None


def _read_text(path: Path, name: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the name and folder") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file; name an RDF file in it") from None
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror})") from None
    if b"\x00" in data:
        # NUL never occurs in RDF text; it means a binary file (image, zip, PDF...).
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(f"{name}:{line}: this is a binary file, not RDF text; give a .ttl, .nt or .jsonld file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{name}:{line}:{col}: not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


@contextlib.contextmanager
def _quiet_rdflib():
    # rdflib logs a full traceback for every ill-typed literal; we report those ourselves.
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _parse_text(text: str, fmt: str, name: str, base: str) -> Graph:
    if fmt == "json-ld":
        _check_json_ld(text, name)
    target = Dataset() if fmt in _QUAD_FORMATS else Graph()
    try:
        with _quiet_rdflib():
            target.parse(data=text, format=fmt, publicID=base)
    except Exception as error:  # noqa: BLE001 - any parser failure is the user's file, told in words
        raise InputError(_explain_syntax_error(error, text, fmt, name)) from None
    if fmt not in _QUAD_FORMATS:
        return target
    graph = Graph()
    for s, p, o, _ in target.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _explain_syntax_error(error: Exception, text: str, fmt: str, name: str) -> str:
    why = getattr(error, "_why", None)
    index = getattr(error, "_i", None)
    if why is None or index is None:
        if fmt in ("nt", "nquads"):
            return _explain_line_error(text, fmt, name)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return f"{name}: cannot be read as {fmt}: {first_line}"
    if why.startswith("unterminated string"):
        # The parser stops at the end of the file; the useful place is where the string opens.
        opening = max(text.rfind('"""', 0, index), text.rfind("'''", 0, index))
        line, col = _position(text, opening if opening >= 0 else index)
        return f"{name}:{line}:{col}: this string is never closed; add the closing quotes"
    if not text[index:].strip() and not why.startswith("newline found"):
        line, col = _position(text, len(text.rstrip()))
        return (
            f"{name}:{line}:{col}: unexpected end of file: the last statement is not finished; "
            "is the file cut short, or a '.', ']', ')' or closing quote missing?"
        )
    line, col = _position(text, index)
    return f"{name}:{line}:{col}: {_plain_words(why)}"


def _plain_words(why: str) -> str:
    unbound = re.match(r'Prefix "(.*?):" not bound', why)
    if unbound:
        prefix = unbound.group(1)
        return f"unknown prefix '{prefix}:' — declare it with @prefix {prefix}: <…> ."
    if why.startswith("expected '.'"):
        return "expected '.' to end the statement here; is a '.', ';' or ',' missing before this?"
    if why.startswith("newline found in string"):
        return 'a string has no closing quote on its line; close it with ", or use """ for text over several lines'
    return f"syntax error: {why}"


def _explain_line_error(text: str, fmt: str, name: str) -> str:
    # The N-Triples/N-Quads parser does not say where; the formats are line-based, so find the line.
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            with _quiet_rdflib():
                (Dataset() if fmt == "nquads" else Graph()).parse(data=line, format=fmt)
        except Exception:  # noqa: BLE001 - we only need to know which line fails
            return f"{name}:{number}: not a valid {_LINE_FORMATS[fmt]} line; write <subject> <predicate> object ."
    return f"{name}: cannot be read as {fmt}"


def _check_json_ld(text: str, name: str) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{name}:{error.lineno}:{error.colno}: not valid JSON ({error.msg})") from None
    for reference in _remote_contexts(document):
        line, _ = _position(text, max(text.find(json.dumps(reference)), 0))
        raise InputError(
            f"{name}:{line}: the @context '{reference}' would be fetched from elsewhere; "
            "put the context in the file as a JSON object instead"
        )


def _remote_contexts(node) -> Iterable[str]:
    # Any string context (URL or relative file) makes the JSON-LD processor load a document.
    if isinstance(node, list):
        for item in node:
            yield from _remote_contexts(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        yield item
            yield from _remote_contexts(value)


# --- literals whose text does not fit their datatype ----------------------------------------------
# rdflib accepts "19x6"^^xsd:gYear without complaint, so we check the common types ourselves.

_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_LEXICAL = {
    XSD.gYear: (rf"-?\d{{4,}}{_TZ}", "is not a valid year (xsd:gYear); write four digits, e.g. 1996"),
    XSD.gYearMonth: (rf"-?\d{{4,}}-(0[1-9]|1[0-2]){_TZ}", "is not a valid month (xsd:gYearMonth); write e.g. 2012-05"),
    XSD.date: (
        rf"-?\d{{4,}}-\d{{2}}-\d{{2}}{_TZ}",
        "is not a valid date (xsd:date); write year-month-day, e.g. 2012-05-03",
    ),
    XSD.decimal: (
        r"[+-]?(\d+(\.\d*)?|\.\d+)",
        "is not a valid decimal number (xsd:decimal); write digits with a point, e.g. 63.43",
    ),
    XSD.integer: (r"[+-]?\d+", "is not a whole number (xsd:integer); write digits only, e.g. 3"),
    XSD.double: (
        r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)",
        "is not a valid number (xsd:double); write e.g. 49984.0",
    ),
    XSD.boolean: (r"true|false|1|0", "is not a valid truth value (xsd:boolean); write true or false"),
}


def _lexical_problem(literal: Literal) -> str | None:
    rule = _LEXICAL.get(literal.datatype)
    lexical = str(literal).strip()
    if rule:
        pattern, advice = rule
        if not re.fullmatch(pattern, lexical) or not _real_date(literal.datatype, lexical):
            return advice
        return None
    if getattr(literal, "ill_typed", None):
        return f"is not a valid value of its type <{literal.datatype}>"
    return None


def _real_date(datatype, lexical: str) -> bool:
    # The pattern lets 2012-13-45 through; the calendar does not.
    if datatype != XSD.date or lexical.startswith("-"):
        return True
    try:
        datetime.date.fromisoformat(lexical[:10])
    except ValueError:
        return False
    return True


def _line_of(text: str, lexical: str) -> int | None:
    found = re.search(r"[\"']" + re.escape(lexical) + r"[\"']", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _check_literals(graph: Graph, text: str, name: str) -> None:
    bad = []
    for literal in set(graph.objects()):
        if isinstance(literal, Literal) and literal.datatype is not None:
            advice = _lexical_problem(literal)
            if advice:
                bad.append((_line_of(text, str(literal)) or 0, str(literal), advice))
    if not bad:
        return
    line, lexical, advice = min(bad)
    where = f"{name}:{line}" if line else name
    more = f" (and {len(bad) - 1} more such values)" if len(bad) > 1 else ""
    raise InputError(f"{where}: '{lexical}' {advice}{more}")
