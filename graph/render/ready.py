"""What is kept ready beside a store folder for the app, the analyses and `ikg query` (graph.store.derived):
the network's data and the named questions' answers, made after a bulk load (`ikg load`) and, in the app,
at start and again after every change (graph.store.keeper)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from graph import answers
from graph.render.view import data as view_data
from graph.store.base import Store
from graph.store.keeper import Keeper
from graph.store.keeper import keep_current as keeper_for


def prepare(store: Store, langs: Iterable[str], progress: Callable[[int, int], None] | None = None) -> bool:
    """Read now, and keep, what a person meets first: the named questions that need no value (with the
    home actor for a question about one actor, graph.answers.first_asks) and the network's data, in each
    language, one at a time; `progress(done, of)` after each. The network comes last, so a keeper builds
    it first after a change (it builds the most recently used first). Two at once were slower below 1M
    triples (the shipped data: 8.4 s against 4.5 s; 100k: 10.2-10.8 s against 8.8 s, the threads taking
    turns at Python's lock) and quicker only at 1M (35.4 s against 45.9 s). False on a store that keeps
    nothing (in memory, on a SPARQL server)."""
    langs = tuple(langs)
    if store.derived_folder is None or store.stamp is None:
        return False
    jobs: list[Callable[[], object]] = [*answers.first_asks(store, langs),
                                        *(functools.partial(view_data.ahead, store, lang) for lang in langs)]
    for done, job in enumerate(jobs, 1):
        job()
        if progress is not None:
            progress(done, len(jobs))
    return True


def keep_current(store: Store, langs: Iterable[str]) -> Keeper | None:
    """Keep the store's answers current in this process from now on: ready soon after the start (in the
    background), and built anew after every change (graph.store.keeper). None on a store that keeps
    nothing."""
    langs = tuple(langs)
    return keeper_for(store, lambda s: prepare(s, langs))
