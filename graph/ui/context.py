"""What every page works with: the open store, the key of its cached answers, the language and the editor."""

from __future__ import annotations

from dataclasses import dataclass

import graph.store.base as gstore
from graph.ui import cache, login, state


@dataclass(frozen=True)
class PageContext:
    store: gstore.Store
    key: cache.Key
    lang: str
    editor: str | None  # the logged-in editor's name; None for a visitor


def current() -> PageContext:
    """The context of this run (the frame has opened the store and drawn the language radio before)."""
    opened = cache.opened()
    return PageContext(opened.store, opened.key, state.lang(), login.current_editor())
