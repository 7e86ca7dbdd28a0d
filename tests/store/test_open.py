"""Opening stores: the factory in graph.store picks the backend and never imports above the store layer;
graph.history.shipped.open_store fills a new store from the shipped files."""

from __future__ import annotations

import subprocess
import sys

from graph.history import shipped
from graph.store import MemoryStore, OxigraphStore, open_store
from tests.support import ROOT


def test_the_store_layer_imports_nothing_above_it():
    code = ("import sys, graph.store, graph.store.base, graph.store.sparql; "
            "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('graph.')}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert set(eval(out)) <= {"config", "errors", "gc_pause", "i18n", "vocab", "rdf", "store"}, out


def test_memory_is_empty_unless_filled():
    filled = []
    assert open_store("memory").count() == 0
    store = open_store("memory", fill=filled.append)
    assert isinstance(store, MemoryStore) and filled == [store]


def test_a_folder_is_filled_once_and_opened_once_per_process(tmp_path):
    filled = []

    def fill(store):
        filled.append(store)
        store.load(shipped.shipped_files(include_data=False))

    first = open_store(str(tmp_path / "s"), fill=fill)
    again = open_store(f"oxigraph:{tmp_path / 's'}", fill=fill)
    assert isinstance(first, OxigraphStore) and first is again and filled == [first] and first.count() > 0


def test_shipped_open_store_fills_and_notes_the_fingerprint(tmp_path):
    assert shipped.open_store("memory").ask("ASK { ?home a ikg:City }")
    assert shipped.open_store("memory", fill=False).count() == 0
    store = shipped.open_store(str(tmp_path / "s"))
    assert store.ask("ASK { ?home a ikg:City }") and not shipped.is_stale(store)
    (tmp_path / "s" / shipped.FINGERPRINT).write_text("something else\n", encoding="utf-8")
    assert shipped.is_stale(store)



def test_a_folder_keeps_only_the_engines_ten_newest_old_logs(tmp_path):
    """The engine under Oxigraph writes a new log each time a folder is opened and keeps the last as
    LOG.old.<time>, about 140 KB, never removed: one more with every `ikg` command (114 seen after an afternoon).
    Opening a folder now leaves the ten newest; the store's data is untouched."""
    import gc
    import os

    from rdflib import Literal, URIRef

    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    store.apply(add=[(URIRef("https://example.org/a"), URIRef("https://example.org/b"), Literal("c"))])
    del store
    gc.collect()  # the folder is free again
    for i in range(25):  # older and older
        old = folder / f"LOG.old.{1700000000000000 + i}"
        old.write_text("engine notes")
        os.utime(old, (1_700_000_000 + i, 1_700_000_000 + i))
    reopened = OxigraphStore(folder)
    left = sorted(p.name for p in folder.glob("LOG.old.*"))
    assert len(left) == 10 and reopened.count() == 1
    # the newest kept: nine of those made here, and the one the engine made as the folder was opened again
    assert left[:9] == [f"LOG.old.{1700000000000000 + i}" for i in range(16, 25)] and left[9] > left[8]
