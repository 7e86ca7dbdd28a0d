"""N-Triples text: terms and triples written one a line (as the history and backups keep them), read
back, and big N-Triples files cut into chunks of lines with their blank nodes made IRIs.

>>> from rdflib import URIRef
>>> text = to_ntriples([(URIRef("urn:x"), URIRef("urn:p"), Literal('two\\nlines "quoted"', lang="en"))])
>>> print(text, end="")
<urn:x> <urn:p> "two\\nlines \\"quoted\\""@en .
>>> len(from_ntriples(text))
1
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import InputError
from graph.i18n import t
from graph.rdf.skolem import GENID_BASE

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def nt(term: Node) -> str:
    """One term in N-Triples syntax."""
    if isinstance(term, Literal):
        text = '"' + "".join(_ESCAPES.get(c, c) for c in str(term)) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return str(term.n3())


def to_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """N-Triples text, one triple a line (newlines inside literals escaped, as N-Triples requires)."""
    return "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples)


def from_ntriples(text: str) -> Graph:
    """The graph of an N-Triples text ('' gives an empty graph)."""
    g = Graph()
    if text.strip():
        g.parse(data=text, format="nt")
    return g


def line_chunks(path: Path, size: int, lang: str = "en") -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) of an N-Triples file, unparsed, `size` lines at a time; blank nodes
    become skolem IRIs unique to this reading, comments and empty lines are left out. A file that cannot
    be read is said so in `lang`."""
    prefix = f"{GENID_BASE}{uuid.uuid4().hex}-"
    lines: list[str] = []
    first = 1
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if not lines:
                    first = number
                lines.append(skolemise_line(line, prefix) if "_:" in line else line)
                if len(lines) >= size:
                    yield first, lines
                    lines = []
    except FileNotFoundError:
        raise InputError(f"{path}: {t('parse.no_file', lang)}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: {t('parse.not_utf8', lang, byte=f'{exc.object[exc.start]:02x}')}") from None
    except PermissionError:
        raise InputError(f"{path}: {t('parse.permission', lang)}") from None
    except OSError as exc:
        raise InputError(f"{path}: {t('parse.unreadable', lang, why=exc.strerror)}") from None
    if lines:
        yield first, lines


BLANK_OBJECT = re.compile(r"^_:([^\s\"<>]+?)\s*\.\s*(?:#.*)?$")


def skolemise_line(line: str, prefix: str) -> str:
    """Blank node subjects and objects of one N-Triples line as IRIs; a '_:' inside a literal is left alone.

    >>> skolemise_line('_:a <urn:p> "_:b" .', "urn:g-")
    '<urn:g-a> <urn:p> "_:b" .'
    >>> skolemise_line("<urn:x> <urn:p> _:b .", "urn:g-")
    '<urn:x> <urn:p> <urn:g-b> .'
    >>> skolemise_line("<urn:x> <urn:p> _:b . # a comment after the triple", "urn:g-")
    '<urn:x> <urn:p> <urn:g-b> .'
    """
    parts = line.split(None, 2)
    if len(parts) < 3:
        return line
    subject, predicate, rest = parts
    if subject.startswith("_:"):
        subject = f"<{prefix}{subject[2:]}>"
    m = BLANK_OBJECT.match(rest)
    if m:
        rest = f"<{prefix}{m.group(1)}> ."
    return f"{subject} {predicate} {rest}"


# Both start with a literal, so the engine jumps from one '_:' to the next instead of trying every
# position (half the time of a '^'-anchored pattern at 1M triples); lines they leave (indented, a tab
# or a comment before the end) go through skolemise_line.
_BLANK_SUBJECT = re.compile(rb'\n_:([^\s"<>]+)')
_BLANK_OBJECT_AT_END = re.compile(rb'_:([^\s"<>.]+(?:\.[^\s"<>.]+)*)( ?\.\r?\n)')


def skolemise_chunk(chunk: bytes, prefix: str) -> bytes:
    """skolemise_line for a block of whole N-Triples lines, as bytes, fast (two regular expressions in C).
    Should '_:' remain (a comment after the triple, or '_:' inside a literal, which stays), the lines
    that hold it go through skolemise_line.

    >>> skolemise_chunk(b'_:a <urn:p> _:b .\\n<urn:x> <urn:p> "_:c" .\\n<urn:y> <urn:p> _:d . # note\\n', "urn:g-")
    b'<urn:g-a> <urn:p> <urn:g-b> .\\n<urn:x> <urn:p> "_:c" .\\n<urn:y> <urn:p> <urn:g-d> .\\n'
    """
    if b"_:" not in chunk:
        return chunk
    iri = b"<" + prefix.encode()
    ends = not chunk.endswith(b"\n")
    chunk = _BLANK_SUBJECT.sub(b"\n" + iri + rb"\1>", b"\n" + chunk + (b"\n" if ends else b""))
    chunk = _BLANK_OBJECT_AT_END.sub(iri + rb"\1>\2", chunk)[1:]
    if ends:
        chunk = chunk[:-1]
    if b"_:" not in chunk:
        return chunk
    def one(line: bytes) -> bytes:
        return skolemise_line(line.decode("utf-8", "surrogateescape"), prefix).encode("utf-8", "surrogateescape")

    return b"\n".join(one(line) if b"_:" in line else line for line in chunk.split(b"\n"))
