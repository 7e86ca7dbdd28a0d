"""Shared fixtures: the same tests run on every store backend (memory, Oxigraph, Virtuoso)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from graph.history.shipped import shipped_files
from graph.store.base import Store
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore

# Times of changes are shown in the machine's zone unless IKG_TIMEZONE names one: the tests' expected texts are
# in UTC on every machine (the app and the CLI they start inherit it); tests of other zones set their own
os.environ.setdefault("IKG_TIMEZONE", "UTC")

TESTS = Path(__file__).resolve().parent
FIXTURE = TESTS / "fixtures" / "small.ttl"
BACKENDS = ["memory", "oxigraph", "virtuoso"]


def fixture_files() -> list[Path]:
    return shipped_files(include_data=False) + [FIXTURE]


@pytest.fixture(scope="session")
def virtuoso():
    """A real Virtuoso server on 127.0.0.1, started once for the session (see tests/virtuoso_server.py)."""
    from tests.support.virtuoso import VirtuosoServer

    if not VirtuosoServer.available():
        if os.environ.get("IKG_SKIP_VIRTUOSO") == "1":
            pytest.skip("Virtuoso is not installed and IKG_SKIP_VIRTUOSO=1 was set")
        pytest.fail("virtuoso-t is not installed: run ./scripts/test (it installs virtuoso-opensource) "
                    "or set IKG_SKIP_VIRTUOSO=1 to skip the Virtuoso backend")
    server = VirtuosoServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def release_folders():
    """Close the store folders a test opened and no longer holds. The CLI keeps each folder it opens
    for the life of its process (one RocksDB per folder, about 15 files); hundreds of in-process CLI
    runs would otherwise hold thousands of descriptors by the end of the suite."""
    from graph import store as stores

    before = set(stores._open_folders)
    yield
    for path in set(stores._open_folders) - before:
        folder = stores._open_folders[path]
        if sys.getrefcount(folder) <= 3:  # the table, `folder` and getrefcount's argument: nobody else
            del stores._open_folders[path]
            folder.close()
        del folder


def make_store(backend: str, files: list[Path], request, name: str) -> Store:
    if backend == "memory":
        store: Store = MemoryStore()
    elif backend == "oxigraph":
        store = OxigraphStore()
    else:
        server = request.getfixturevalue("virtuoso")
        store = server.store(graph=f"urn:ikg:test:{name}")
        store.clear()
    store.load(files)
    return store


_cache: dict[tuple[str, str], Store] = {}


def cached_store(backend: str, files: list[Path], request, name: str) -> Store:
    """One read-only store per backend and dataset for the session (tests that write make their own)."""
    key = (backend, name)
    if key not in _cache:
        _cache[key] = make_store(backend, files, request, name)
    return _cache[key]


@pytest.fixture(params=BACKENDS)
def fixture_store(request) -> Store:
    """The small hand-made graph (tests/fixtures/small.ttl) on each backend."""
    return cached_store(request.param, fixture_files(), request, "fixture")


@pytest.fixture(params=BACKENDS)
def shipped_store(request) -> Store:
    """The shipped ontology and data on each backend."""
    return cached_store(request.param, shipped_files(), request, "shipped")


@pytest.fixture
def memory_shipped() -> Store:
    return cached_store("memory", shipped_files(), None, "shipped")


_shipped_triples: list = []


def _shipped_graph_triples() -> list:
    """The shipped files as parsed and skolemised once for the session (copied into each writable store)."""
    if not _shipped_triples:
        _shipped_triples.extend(cached_store("memory", shipped_files(), None, "shipped").graph())
    return _shipped_triples


@pytest.fixture(params=BACKENDS)
def writable_store(request) -> Store:
    """A fresh store holding the shipped ontology and data, on each backend, for tests that write.

    Never write into `fixture_store` / `shipped_store`: they are shared by the whole session.
    """
    triples = _shipped_graph_triples()
    if request.param == "memory":
        store: Store = MemoryStore()
    elif request.param == "oxigraph":
        store = OxigraphStore()
    else:
        server = request.getfixturevalue("virtuoso")
        store = server.store(graph=f"urn:ikg:test:writable:{request.node.name}")
        store.clear()
    store.apply(add=triples)
    yield store
    if request.param == "virtuoso":
        store.clear()
