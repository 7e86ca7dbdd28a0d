"""What Python's json module says is wrong with a text (in English, e.g. "Expecting ',' delimiter"), as
the catalogue key that says it in words in every language (graph/i18n/text_importing.py, parse.json.*)."""

from __future__ import annotations

# Python's json says what is wrong in English: each of its messages (by how it starts) as a catalogue key
_JSON_REASONS = (
    ("Expecting value", "parse.json.value"),
    ("Expecting property name", "parse.json.name"),
    ("Expecting ',' delimiter", "parse.json.comma"),
    ("Expecting ':' delimiter", "parse.json.colon"),
    ("Unterminated string", "parse.json.unclosed"),
    ("Invalid control character", "parse.json.control"),
    ("Invalid \\", "parse.json.escape"),
    ("Extra data", "parse.json.extra"),
)


def json_reason(message: str) -> str:
    """The catalogue key saying in words what Python's json message `message` means.

    >>> json_reason("Expecting ',' delimiter"), json_reason("something new")
    ('parse.json.comma', 'parse.json.other')
    """
    return next((key for start, key in _JSON_REASONS if message.startswith(start)), "parse.json.other")
