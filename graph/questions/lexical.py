"""The text of a person's query as every engine will read it, so the read-only check and the engine agree.

SPARQL processes the codepoint escapes \\uXXXX and \\UXXXXXXXX before parsing (SPARQL 1.1 §19.2), but
engines differ in where they apply them: rdflib everywhere, Oxigraph not inside comments. A query can
hide a SERVICE call in that difference. So escapes are expanded once, here, and the expanded text is
what is checked AND what is run. Calls to other servers are also refused by a plain lexical look that
no parser reading can talk its way around.

>>> expand_escapes(r'SELECT * WHERE { BIND("\\u0041" AS ?x) }')
'SELECT * WHERE { BIND("A" AS ?x) }'
>>> names_a_remote_call('SELECT * { # \\n SERVICE <http://127.0.0.1:8999/x> { ?s ?p ?o } }')
True
>>> names_a_remote_call('SELECT ?l WHERE { ?x rdfs:label ?l FILTER(CONTAINS(?l, "Foreign Service")) }')
False
"""

from __future__ import annotations

import re

from graph.errors import InputError

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# SERVICE or LOAD followed by what they call: an IRI, a prefixed name or a variable (SILENT between).
_REMOTE = re.compile(
    r"\b(?:SERVICE|LOAD)\s+(?:SILENT\s+)?(?:<|\?|\$|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE
)


def expand_escapes(text: str, lang: str = "en") -> str:
    """The text with every \\u and \\U escape replaced by its character (an invalid one is refused)."""

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise InputError.of("console.bad_escape", lang, escape=match.group(0))
        return chr(code)

    return _ESCAPE.sub(character, text)


def names_a_remote_call(text: str) -> bool:
    """True when the text, anywhere (comments and strings included), reads like SERVICE or LOAD of a
    target. Stricter than a parser on purpose: a query never needs those words in that shape."""
    return bool(_REMOTE.search(text))
