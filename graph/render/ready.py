"""What is kept ready beside a store folder for the app, the analyses and `ikg query` (graph.store.derived):
the network's data and the named questions' answers, made after a bulk load (`ikg load`) and, in the app,
at start and again after every change (graph.store.keeper)."""

from __future__ import annotations

import concurrent.futures
import functools
import os
from collections.abc import Callable, Iterable

from graph import answers
from graph.render.view import data as view_data
from graph.store.base import Store
from graph.store.keeper import Keeper
from graph.store.keeper import keep_current as keeper_for


def prepare(store: Store, langs: Iterable[str], workers: int = 1,
            progress: Callable[[int, int], None] | None = None) -> bool:
    """Read now, and keep, what a person meets first: the named questions that need no value (with the
    home actor for a question about one actor, graph.answers.first_asks) and the network's data, in each
    language; `progress(done, of)` after each. One at a time, the network last, so a keeper builds it
    first after a change (it builds the most recently used first); with `workers` > 1 (`ikg load`, which
    nobody waits on but the person who ran it), that many at once, the network's reading (in Python)
    first, beside the questions (in the query engine, outside Python's lock). False on a store that
    keeps nothing (in memory, on a SPARQL server)."""
    langs = tuple(langs)
    if store.derived_folder is None or store.stamp is None:
        return False
    network = [functools.partial(view_data.ahead, store, lang) for lang in langs]
    jobs: list[Callable[[], object]] = [*answers.first_asks(store, langs), *network]
    done = 0

    def one_done() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(jobs))

    if workers <= 1:
        for job in jobs:
            job()
            one_done()
        return True
    with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="ikg-ready") as pool:
        futures = [pool.submit(job) for job in network + jobs[:len(jobs) - len(network)]]
        for future in concurrent.futures.as_completed(futures):
            future.result()  # a failure is the caller's, as when one at a time
            one_done()
    return True


def load_workers() -> int:
    """How many answers `ikg load` keeps ready at once: one per core, at most 4.

    >>> 1 <= load_workers() <= 4
    True
    """
    return max(1, min(4, os.cpu_count() or 1))


def keep_current(store: Store, langs: Iterable[str]) -> Keeper | None:
    """Keep the store's answers current in this process from now on: ready soon after the start (in the
    background), and built anew after every change (graph.store.keeper). None on a store that keeps
    nothing."""
    langs = tuple(langs)
    return keeper_for(store, lambda s: prepare(s, langs))
