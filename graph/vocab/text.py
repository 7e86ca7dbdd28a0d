"""Text from the data that reaches a terminal, a page or a comparison: control and bidi-override
characters made visible or refused, and a look-alike key so "International\u200b Forum" and
"International Forum" are seen as the same name.

>>> visible("Evil\x1b]0;pwned\x07 label")
'Evil\\\\x1b]0;pwned\\\\x07 label'
>>> visible("a\u202eb")
'a\\\\u202eb'
>>> lookalike_key("International\u200b  Forum") == lookalike_key("ＩＮＴＥＲＮＡＴＩＯＮＡＬ forum")
True
>>> unsafe_characters("Trondheim\u202e")
['U+202E']
"""

from __future__ import annotations

import re
import unicodedata

# Characters that change how text is shown rather than what it says.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HIDDEN = re.compile("[" + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH)) + "]")
_SPACES = re.compile(r"\s+")


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """The text with control, bidi and zero-width characters written as escapes, safe for a terminal."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    text = _CONTROL.sub(escape, text)
    text = _HIDDEN.sub(escape, text)
    if not keep_newlines:
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return text


def unsafe_characters(text: str) -> list[str]:
    """The code points (as U+XXXX) a name or label must not hold: controls, bidi overrides, zero-width."""
    found = []
    for char in text:
        if _CONTROL.match(char) or char in BIDI_CONTROLS or char in ZERO_WIDTH:
            label = f"U+{ord(char):04X}"
            if label not in found:
                found.append(label)
    return found


def lookalike_key(text: str) -> str:
    """A key equal for names a person cannot tell apart: NFKC-normalised, case-folded, hidden characters
    removed and runs of white space made one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _HIDDEN.sub("", text)
    return _SPACES.sub(" ", text).strip().casefold()
