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

import difflib
import math
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


def closest(value: str, names: list[str], cutoff: float = 0.6) -> str | None:
    """The name most like `value`, if like enough, for "did you mean …?". Word by word, each word weighed by
    how rare it is among the names (a word many names share, "kommune" or "network", counts little); each word
    asked for must be in the name, near enough, so «Oslo kommunee» suggests nothing, not «Wrochlaw kommune».

    >>> names = ["Trondheim kommune", "Wrochlaw kommune", "Bergen kommune", "Graz kommune", "NTNU", "Stavanger"]
    >>> closest("Trondhiem kommune", names), closest("Oslo kommunee", names), closest("ntnu", names)
    ('Trondheim kommune', None, 'NTNU')
    >>> closest("Stavanger kommune", names), closest("Bergen kommunee", names)
    ('Stavanger', 'Bergen kommune')

    """
    words = {name: lookalike_key(name).split() for name in names}
    counts: dict[str, int] = {}
    for split in words.values():
        for word in set(split):
            counts[word] = counts.get(word, 0) + 1
    rare = math.log(1 + len(words))
    common = max(3, len(words) // 40)  # a word this many names use may be left out ("kommune", "network")

    def weight(word: str) -> float:
        return (math.log(1 + len(words) / counts[word]) if word in counts else rare) ** 2

    def covered(these: list[str], those: list[str]) -> float:
        """How well the words of `these` are found among `those`, the rarer words counting more."""
        total = found = 0.0
        for word in these:
            sim, like = max(((difflib.SequenceMatcher(None, word, other).ratio(), other) for other in those),
                            default=(0.0, ""))
            w = weight(like) if sim >= 0.8 else weight(word)  # a misspelt common word weighs as that word
            total, found = total + w, found + w * sim
        return found / total if total else 0.0

    def fits(split: list[str]) -> bool:
        """Each word asked for is in the name, near enough, unless many names use it."""
        return all(counts.get(word, 0) >= common or any(difflib.SequenceMatcher(None, word, other).ratio() >= 0.7
                                                    for other in split) for word in wanted)

    wanted = lookalike_key(value).split()
    scored = [((2 * covered(wanted, split) + covered(split, wanted)) / 3, name)
              for name, split in words.items() if fits(split)]
    best = max(scored, default=(0.0, ""), key=lambda pair: pair[0])
    return best[1] if best[0] >= cutoff else None
