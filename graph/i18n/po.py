"""A further language's catalogue file to fill in: a gettext .po file holding every text key as its msgid,
the English and bokmål texts as comments, and the translations found in an earlier version of the file.
Translators open it in any .po editor (Poedit, Weblate, Lokalize) or a text editor.

>>> data = template_bytes("sv", {"rq.twin-cities": "Which twin-city agreements …?"})
>>> b'msgid "page.review"' in data, b'#. en: Membership review' in data, b'msgid "rq.twin-cities"' in data
(True, True, True)
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from graph.i18n import TEXT, po_line_error

HEADER = """\
# The texts of ikg (app and command line) in one further language.
# Each msgid is a text's key; the comments above it give the English and the bokmål text. Write the
# translation in msgstr, keeping every {placeholder}; an msgstr left empty shows in English.
# Written by `ikg catalogue`; run it again on this file to add the texts that came since."""


def existing_translations(path: Path) -> dict[str, str]:
    """The translations a catalogue file already holds (none when there is no file); ValueError for a
    line Babel's reader would take half."""
    if not path.is_file():
        return {}
    data = path.read_bytes()
    wrong = po_line_error(data.decode("utf-8"))
    if wrong:
        raise ValueError(wrong)
    catalog = read_po(io.BytesIO(data))
    return {str(m.id): m.string for m in catalog if m.id and isinstance(m.string, str) and m.string}


def template_bytes(code: str, questions: Mapping[str, str], kept: Mapping[str, str] | None = None) -> bytes:
    """The .po file for language `code`: every key of the catalogues and `questions` (rq.<name>: English),
    with the translations in `kept`."""
    kept = kept or {}
    catalog = Catalog(locale=code, project="ikg", fuzzy=False, header_comment=HEADER)
    for key, english in [*sorted(TEXT["en"].items()), *sorted(questions.items())]:
        comments = [f"en: {english}"]
        if key in TEXT["nb"]:
            comments.append(f"nb: {TEXT['nb'][key]}")
        catalog.add(key, kept.get(key, ""), auto_comments=comments)
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()
