"""`ikg serve` over the shipped data shared through a real Oxigraph server, for the module's tests."""

from __future__ import annotations

import pytest

from graph.history import shipped
from graph.questions.isolated import Limits
from graph.serve.server import make_server, serve_in_thread
from tests.support.oxigraph_server import OxigraphServer


@pytest.fixture(scope="package")
def shared_store(tmp_path_factory):
    """The shipped data in a store folder shared through Oxigraph's server (filled through it)."""
    with OxigraphServer(tmp_path_factory.mktemp("serve") / "store") as server:
        yield shipped.open_store(str(server.folder))


@pytest.fixture(scope="package")
def endpoint(shared_store):
    """Our server (endpoint and IRI pages) over the shared store; its URL."""
    server = make_server(shared_store, limits=Limits(seconds=20, rows=5000))
    serve_in_thread(server)
    yield server.url
    server.shutdown()
    server.server_close()
