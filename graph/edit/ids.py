"""What an identifier or a web address typed into a form may look like (skolem IRIs: graph.rdf.skolem).

>>> bool(SLUG.match("network-icorn")), bool(SLUG.match("Network ICORN"))
(True, False)
>>> valid_web_address("https://example.org/a b"), valid_web_address("https://example.org/ab")
(False, True)
"""

from __future__ import annotations

import re

from graph.store.base import is_iri

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s<>\"{}|\\^`/?#]+(?:[/?#][^\s<>\"{}|\\^`]*)?$", re.IGNORECASE)
URL_FORBIDDEN = set(' <>"{}|\\^`') | {chr(c) for c in range(0x20)} | {"\x7f"}


def web_address_chars_ok(text: str) -> bool:
    """No space, control character or <>"{}|\\^` anywhere in the text."""
    return not any(c in URL_FORBIDDEN for c in text)


def valid_web_address(text: str) -> bool:
    """An http(s) address every backend can hold as an IRI."""
    return bool(URL.match(text)) and web_address_chars_ok(text) and is_iri(text)
