"""Streamlit's own widget texts in the visitor's language, where Streamlit lets them be replaced.

Streamlit writes a few texts of its widgets in English only, in its browser code (no setting changes
them). Those a visitor meets on our pages are replaced here by the catalogue's text: the "Press Enter
to apply / submit form" line under a text field and the file uploader's button and size limit are
hidden by CSS and our own sentence is drawn in their place (a CSS `content`), as is the "No results" line
of a select box's search that matches nothing; a date field gets the language's date order through
`st.date_input(format=…)`. Labels and tooltips are written over in the browser (graph/ui/streamlit_words.py);
what neither reaches is listed in the README (the explorer section) and in `STREAMLIT_ENGLISH`, which the
browser tests hold the app to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import streamlit as st

from graph.edit.uploads import MB, size_text
from graph.i18n import t

# st.date_input's `format`: the day first in Norwegian (03.12.2026), ISO order in English.
DATE_FORMATS = {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"}

# Streamlit's English that stays in bokmål mode, written in its browser code where neither CSS here nor the
# script of graph/ui/streamlit_words.py reaches it. The browser tests allow these and no other; the README
# lists them. None is left, the date field's calendar included.
STREAMLIT_ENGLISH: tuple[str, ...] = ()

# A multiselect's search keeps the options whose name holds the text typed: Streamlit's default ("fuzzy") kept
# any name holding its letters in order, and offered to "select all matches", two of three of them unrelated
# («Ven» matched «Utvikling gjennom deltagelse i EU-prosjekter»)
CONTAINS: Final = "contains"

INSTRUCTIONS = '[data-testid="InputInstructions"]'
UPLOADER = '[data-testid="stFileUploaderDropzone"]'
# The line a select box's or a multiselect's list shows when the text typed matches nothing.
NO_RESULTS = tuple(f'[data-testid="{box}"] [role="listbox"][data-empty="true"] [role="option"] > span'
                   for box in ("stSelectboxVirtualDropdown", "stMultiSelectDropdown"))


def css_string(text: str) -> str:
    """Text as a CSS string literal that cannot end the string or the <style> element.

    >>> css_string('Trykk "Enter" </style>')
    '"Trykk \\\\22 Enter\\\\22  \\\\3C /style\\\\3E "'
    """
    out = []
    for c in text:
        out.append(f"\\{ord(c):X} " if c in '"\\<>' or ord(c) < 32 else c)
    return '"' + "".join(out) + '"'


def page_style(lang: str) -> None:
    """The rules for every page of this run: Enter lines and the uploader's button in `lang`; and on a touch
    screen, where a table's toolbar (show, download, search, full screen) is always shown above its top right
    corner, room for it there, or it covers the end of the heading or caption above the table. A toast shows
    its whole text: cut at three lines, it offered Streamlit's English "view more"."""
    rules = [
        f"{INSTRUCTIONS} > span {{ display: none; }}",
        f"{INSTRUCTIONS}::after {{ content: {css_string(t('widget.enter_apply', lang))}; }}",
        f'[data-testid="stForm"] {INSTRUCTIONS}::after {{ content: {css_string(t("widget.enter_submit", lang))}; }}',
        f'[data-testid="stTextArea"] {INSTRUCTIONS}::after '
        f"{{ content: {css_string(t('widget.ctrl_enter_apply', lang))}; }}",
        f'[data-testid="stForm"] [data-testid="stTextArea"] {INSTRUCTIONS}::after '
        f"{{ content: {css_string(t('widget.ctrl_enter_submit', lang))}; }}",
        f'{UPLOADER} button [data-testid="stMarkdownContainer"] {{ display: none; }}',
        # (only the button with words: a chosen file's remove cross and the + beside it have none)
        f'{UPLOADER} button:has([data-testid="stMarkdownContainer"])::after '
        f"{{ content: {css_string(t('widget.upload', lang))}; }}",
        f"{', '.join(NO_RESULTS)} {{ font-size: 0; }}",
        f"{', '.join(sel + '::after' for sel in NO_RESULTS)} "
        f"{{ content: {css_string(t('widget.no_results', lang))}; font-size: 0.875rem; }}",
        '@media (hover: none) { [data-testid="stDataFrame"] { margin-top: 2.75rem; } }',
        # a toast's whole text, without Streamlit's English "view more" under a text cut at three lines
        '[data-testid="stToastText"] { display: block !important; overflow: visible !important; }',
        '[data-testid="stToastViewButton"] { display: none; }',
    ]
    st.html("<style>\n" + "\n".join(rules) + "\n</style>")


def file_uploader(label: str, *, key: str, types: list[str], max_bytes: int, lang: str, **options: Any) -> Any:
    """st.file_uploader with its size limit and file types said in `lang` (Streamlit writes them in English)."""
    megabytes = max(1, -(-max_bytes // MB))
    limit = t("widget.upload_limit", lang, size=size_text(megabytes * MB, lang),
              types=", ".join(x.upper() for x in types))
    css_key = re.sub(r"[^\w-]", "-", key)  # Streamlit's class for a keyed widget: st-key-<key>
    box = f'.st-key-{css_key} [data-testid="stFileUploaderDropzoneInstructions"]'
    st.html(f"<style>\n{box} > * {{ display: none; }}\n{box}::after {{ content: {css_string(limit)}; }}\n</style>")
    return st.file_uploader(label, type=types, key=key, max_upload_size=megabytes, **options)


def date_input(label: str, *, lang: str, **options: Any) -> dt.date | None:
    """st.date_input showing the date as `lang` writes it (03.12.2026 in Norwegian)."""
    return st.date_input(label, format=DATE_FORMATS.get(lang, DATE_FORMATS["en"]), **options)
