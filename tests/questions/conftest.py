"""The question suite on a fourth backend: the store folder shared through Oxigraph's own server
(`ikg share`), beside memory, embedded Oxigraph and Virtuoso (tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.conftest import BACKENDS, cached_store, fixture_files
from tests.support.oxigraph_server import OxigraphServer

SERVER = "oxigraph-server"


@pytest.fixture(scope="session")
def oxigraph_fixture_server():
    """An Oxigraph server over a folder holding the small fixture graph, for the whole session."""
    with OxigraphServer() as server:
        server.store().load(fixture_files())
        yield server


@pytest.fixture(params=[*BACKENDS, SERVER])
def fixture_store(request):
    """The small hand-made graph on each backend, the Oxigraph server among them."""
    if request.param == SERVER:
        return request.getfixturevalue("oxigraph_fixture_server").store()
    return cached_store(request.param, fixture_files(), request, "fixture")
