"""A real Oxigraph server (`oxigraph serve`, the project's own set-up installs it) over a throw-away store
folder on 127.0.0.1, started and stopped the way `ikg share` does; and the worker processes of the
concurrency tests (`python -m tests.support.oxigraph_server write|import|read …`).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graph.store import shared
from graph.store.base import Store

MARK = "https://example.org/concurrency/"


class OxigraphServer:
    """Start, use and stop one Oxigraph server over a folder of its own."""

    def __init__(self, folder: Path | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ikg-oxigraph-")) if folder is None else None
        self.folder = folder if folder is not None else self.root / "store"  # type: ignore[operator]
        self.info: shared.ServerInfo | None = None
        self.start_seconds = 0.0

    def start(self) -> OxigraphServer:
        began = time.monotonic()
        self.info, _ = shared.start(self.folder)
        self.start_seconds = time.monotonic() - began
        return self

    @property
    def url(self) -> str:
        assert self.info is not None
        return self.info.url

    def store(self, timeout: float = 60) -> shared.SharedStore:
        return shared.SharedStore(self.folder, self.url, timeout=timeout)

    def stop(self) -> None:
        shared.stop(self.folder)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- worker processes ------------------------------------------------------------------------------


def _write(folder: str, tag: str, count: int) -> dict:
    """`count` changes through graph.history.commit, each adding one labelled thing of its own."""
    from graph.history.changes import commit
    from graph.store import open_store

    store = open_store(folder)
    ids = []
    for i in range(count):
        thing = URIRef(f"{MARK}{tag}-{i}")
        change = commit(store, add=[(thing, RDFS.label, Literal(f"{tag} {i}", lang="en"))],
                        editor=f"writer {tag}", action="test-write")
        ids.append(change.id)
    return {"kind": store.kind, "changes": ids}


def _write_same(folder: str, count: int) -> dict:
    """Try to add the same `count` things as other processes do: only one of them may record each."""
    from graph.errors import InputError
    from graph.history.changes import commit
    from graph.store import open_store

    store = open_store(folder)
    added = refused = 0
    for i in range(count):
        thing = URIRef(f"{MARK}same-{i}")
        try:
            added += commit(store, add=[(thing, RDFS.label, Literal(f"same {i}", lang="en"))],
                            editor="same", action="test-same").added_count
        except InputError as exc:
            assert exc.key == "err.no_change", exc
            refused += 1
    return {"added": added, "refused": refused}


def _read(folder: str, seconds: float) -> dict:
    """What the app does between clicks: ask a named question whenever the generation moved."""
    from graph.questions.catalogue import run
    from graph.store import open_store

    store: Store = open_store(folder)
    seen: list[int] = []
    answers = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        generation = store.generation
        if not seen or generation != seen[-1]:
            seen.append(generation)
        run(store, "twin-cities", {}, "en")
        answers += 1
    return {"kind": store.kind, "generations": seen, "answers": answers}


def main(argv: list[str]) -> int:
    what, folder, *rest = argv
    if what == "write":
        result = _write(folder, rest[0], int(rest[1]))
    elif what == "same":
        result = _write_same(folder, int(rest[0]))
    else:
        result = _read(folder, float(rest[0]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
