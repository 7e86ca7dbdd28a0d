"""Kept answers made current again after each change, in the background of a long-running process (the
app), so the first person to look after an edit reads a kept answer instead of waiting for the graph.

Every write replaces the store's stamp (graph.store.derived), and with it every kept answer. A Keeper
watches the stamp of one store folder: once it has changed and then stayed the same for QUIET_S (a run of
edits, or an import of many rows, is built for once), it builds anew what this process remembered using
(graph.store.derived.remember), the most recently used first, and saves each at the new stamp. It sees
every process's change: an `ikg import` through the shared store's server as well as the app's own
forms. When the stamp changes again during a round, the round stops and waits for the next quiet.

It builds default_workers() answers at once (IKG_KEEPER_WORKERS): the query engine leaves Python while it
works, so two builds take two cores (a round at 1M triples: 58 s with one, 38 s with two). On a machine
of fewer than 4 cores it builds one at a time, leaving the other to the pages: with two on 2 cores, the
pages opened during a round at 1M took 43 s together instead of 39 s.

An answer that says what it reads (a named question's, graph.questions.reads) is not built anew when
no write since it was kept touched any of that: it is carried over to the new stamp first, in
milliseconds (graph.store.derived.carry). One its caller holds in memory (the network's data and its
betweenness) is then read in again once the rest is built, so the next page finds it there (at 1M triples,
reading the network from its file takes 0.4-0.7 s per language).

A page asking for an answer the Keeper is building waits for it and reads it (one build per file), so
the work is never done twice; so does another process (graph.store.derived takes a lock file per answer).
An answer another process is building (the keeper of a second app on the shared store) is put last in
the round, and by then is read from its file: two apps share the work of a round instead of doubling
it. What fails in a round is logged and passed over: a person asking for it meets the error as before.
"""

from __future__ import annotations

import collections
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from graph import config
from graph.store.base import Store
from graph.store.derived import building_again, building_elsewhere, carry, remembered, unwatch, watch

log = logging.getLogger(__name__)

QUIET_S = 2.0  # how long the stamp must stay the same after a change before building anew
POLL_S = 0.5  # how often the stamp file (about 33 bytes) is read


def default_workers() -> int:
    """How many answers a keeper builds at once: IKG_KEEPER_WORKERS, else 2 on a machine of 4 cores or
    more and 1 below (the query engine runs on a core of its own; the app's pages need the rest).

    >>> os.environ["IKG_KEEPER_WORKERS"] = "3"; default_workers()
    3
    >>> os.environ["IKG_KEEPER_WORKERS"] = "many"; default_workers() == (2 if (os.cpu_count() or 1) >= 4 else 1)
    True
    >>> del os.environ["IKG_KEEPER_WORKERS"]
    """
    setting = config.env("IKG_KEEPER_WORKERS")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return 2 if (os.cpu_count() or 1) >= 4 else 1


_keepers: dict[Path, Keeper] = {}
_keepers_lock = threading.Lock()


class Keeper(threading.Thread):
    """The thread keeping one store folder's answers current (start it with keep_current)."""

    def __init__(self, store: Store, first: Callable[[Store], object] | None, quiet: float, poll: float,
                 workers: int | None = None) -> None:
        super().__init__(name="ikg-keeper", daemon=True)
        self.store = store
        self.folder: Path = store.derived_folder  # type: ignore[assignment]
        self.first = first
        self.quiet = quiet
        self.poll = poll
        self.workers = max(1, workers) if workers is not None else default_workers()
        self.stopping = threading.Event()
        self.rounds = 0  # rounds finished (every remembered answer built at one stamp)
        self.carried: list[str] = []  # the answers the last round carried over unread
        self.idle = threading.Event()  # set while waiting for a change, cleared while building

    def run(self) -> None:
        last = self.store.stamp
        if self.first is not None:
            if self.stopping.wait(self.quiet):  # the process's own start first (a test's app is often gone by then)
                return
            self._step("first", self.first)
        self.idle.set()
        while not self.stopping.wait(self.poll):
            now = self.store.stamp
            if now is None or now == last:
                continue
            if self.stopping.wait(self.quiet):
                return
            if self.store.stamp != now:  # still changing: wait for it to settle
                continue
            last = now
            self.idle.clear()
            try:
                if self.round(now):
                    self.rounds += 1
            finally:
                self.idle.set()

    def round(self, stamp: str) -> bool:
        """Carry over to `stamp` every remembered answer the change did not touch, then build the others
        anew, the most recently used first, `workers` at a time; False when the stamp changed (or the
        keeper was stopped) before the end."""
        later, held = [], []
        self.carried = []
        for name, again, reads, in_memory in remembered(self.folder):  # first what the change left: quick
            if self._passed(stamp):
                return False
            if reads is not None and carry(self.store, name, reads):
                self.carried.append(name)
                if in_memory:  # read in again once the rest is built, so a page finds it in memory
                    held.append((name, again))
            else:
                later.append((name, again))
        todo = collections.deque(later + held)
        deferred: set[str] = set()
        taking = threading.Lock()
        stopped = threading.Event()

        def work() -> None:
            with building_again():
                while True:
                    if self._passed(stamp):
                        stopped.set()
                        return
                    with taking:
                        if not todo:
                            return
                        name, again = todo.popleft()
                        if name not in deferred and building_elsewhere(self.folder, name):
                            deferred.add(name)  # another process builds it: first the rest, then read it
                            todo.append((name, again))
                            continue
                    self._step(name, again)

        helpers = [threading.Thread(target=work, name="ikg-keeper-helper", daemon=True)
                   for _ in range(self.workers - 1)]
        for helper in helpers:
            helper.start()
        work()
        for helper in helpers:
            helper.join()
        return not stopped.is_set()

    def _passed(self, stamp: str) -> bool:
        """The round for `stamp` is over: the store changed again, or the keeper is stopping."""
        return self.stopping.is_set() or self.store.stamp != stamp

    def _step(self, name: str, build: Callable[[Store], object]) -> None:
        try:
            build(self.store)
        except Exception:  # a person asking for it meets the error; the other answers are still built
            log.warning("keeping %s current in %s failed", name, self.folder, exc_info=True)

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the answer being built (waiting up to `timeout` s for it), and forget what was
        remembered for the folder unless another keeper has taken it over."""
        self.stopping.set()
        with _keepers_lock:
            if _keepers.get(self.folder) is self:
                del _keepers[self.folder]
                unwatch(self.folder)
        if self is not threading.current_thread():
            self.join(timeout)


def keep_current(store: Store, first: Callable[[Store], object] | None = None, *, quiet: float = QUIET_S,
                 poll: float = POLL_S, workers: int | None = None) -> Keeper | None:
    """Start the keeper of the store's folder in this process (once per folder and store; a keeper of an
    earlier store of the folder is stopped), which first runs `first(store)` after `quiet` s (what to keep
    ready at start, in the background), and builds `workers` answers at once after a change (default:
    default_workers()). None on a store that keeps nothing (in memory, on a SPARQL server)."""
    folder = store.derived_folder
    if folder is None:
        return None
    with _keepers_lock:
        keeper = _keepers.get(folder)
        if keeper is not None and keeper.store is store and keeper.is_alive():
            return keeper
        if keeper is not None:
            keeper.stopping.set()
        keeper = _keepers[folder] = Keeper(store, first, quiet, poll, workers)
        watch(folder)
        keeper.start()
        return keeper


def stop_keeping(store: Store, timeout: float | None = None) -> None:
    """Stop the keeper of this store, if one runs (the app closing its store): it then holds it no more."""
    with _keepers_lock:
        keeper = _keepers.get(store.derived_folder) if store.derived_folder is not None else None
    if keeper is not None and keeper.store is store:
        keeper.stop(timeout)
