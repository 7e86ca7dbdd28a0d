"""What "no English in bokmål mode" means for the tests: the app's own English sentences (from the
catalogues) and a few English words that no Norwegian text of ours holds, looked for in what a person sees."""

from __future__ import annotations

import re


def english_sentences() -> set[str]:
    """Every English catalogue text of three or more words (up to its first placeholder) that bokmål says
    differently: if one of these shows in bokmål mode, a text was not translated or was looked up in English."""
    from graph.i18n import TEXT

    out = set()
    for key, en in TEXT["en"].items():
        nb = TEXT["nb"].get(key, "")
        first = re.split(r"\{[^}]*\}", en)[0].strip(" :(")
        if en != nb and len(first.split()) >= 3 and first not in nb:
            out.add(first)
    return out


# English words a message of ours would use and bokmål never does (data labels in bokmål mode are Norwegian)
ENGLISH_WORDS = ("the", "and", "could", "found", "wrote", "nothing", "changed", "please", "press", "enter to",
                 "triples", "rows", "file", "error", "password", "again")


def english_in(text: str) -> list[str]:
    """The English sentences and words found in `text` (empty when it is all bokmål)."""
    found = sorted(s for s in english_sentences() if s in text)
    found += [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w/.-]){w}(?![\w/.-])", text, re.I)]
    return found
