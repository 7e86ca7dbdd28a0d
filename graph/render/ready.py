"""What is kept ready beside a store folder for the app, the analyses and `ikg query` (graph.store.derived):
the network's data and the named questions' answers, made after a bulk load (`ikg load`) and, in the app,
at start and again after every change (graph.store.keeper)."""

from __future__ import annotations

from collections.abc import Iterable

from graph import answers
from graph.render.view import data as view_data
from graph.store.base import Store
from graph.store.keeper import Keeper
from graph.store.keeper import keep_current as keeper_for


def prepare(store: Store, langs: Iterable[str]) -> bool:
    """Read now, and keep, what a person meets first: the named questions that need no value (with the
    home actor for a question about one actor) and the network's data, in each language. The network
    comes last, so a keeper builds it first after a change (it builds the most recently used first).
    False on a store that keeps nothing (in memory, on a SPARQL server)."""
    langs = tuple(langs)
    if store.derived_folder is None or store.stamp is None:
        return False
    answers.prepare(store, langs)
    return view_data.prepare(store, langs)


def keep_current(store: Store, langs: Iterable[str]) -> Keeper | None:
    """Keep the store's answers current in this process from now on: ready soon after the start (in the
    background), and built anew after every change (graph.store.keeper). None on a store that keeps
    nothing."""
    langs = tuple(langs)
    return keeper_for(store, lambda s: prepare(s, langs))
