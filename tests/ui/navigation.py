"""What the app put in Streamlit's navigation on its last run, for AppTest (which has no view of the menu).

`recording()` wraps `st.navigation` while a test runs: each call records the menu's sections with the
titles of their visible pages, and the title of the page the run showed. Pages are opened as a person
would by their address (`AppTest.switch_page` with the page's script, see `goto`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.ui.app import PAGES
from tests.support import ROOT

SCRIPTS = {p.name: str(p.path.relative_to(ROOT)) for p in PAGES}  # relative to app.py, as AppTest wants


@dataclass
class Menu:
    sections: dict[str, list[str]] = field(default_factory=dict)  # heading -> titles of the visible pages
    page: str = ""  # the title of the page shown

    @property
    def heading(self) -> str:
        [heading] = self.sections
        return heading

    @property
    def titles(self) -> list[str]:
        return [title for titles in self.sections.values() for title in titles]


LAST = Menu()


@contextmanager
def recording() -> Iterator[Menu]:
    original = st.navigation

    def navigation(pages, **kwargs):  # type: ignore[no-untyped-def]
        chosen = original(pages, **kwargs)
        LAST.sections = {heading: [p.title for p in section if p.visibility == "visible"]
                         for heading, section in pages.items()}
        LAST.page = chosen.title
        return chosen

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(st, "navigation", navigation)
        yield LAST
    LAST.sections, LAST.page = {}, ""


def menu() -> Menu:
    """The navigation of the app's last run."""
    return LAST


def goto(at: AppTest, page: str) -> AppTest:
    """Open a page by its address, as a click in the menu does; a page not in the menu raises ValueError."""
    return at.switch_page(SCRIPTS[page]).run()
