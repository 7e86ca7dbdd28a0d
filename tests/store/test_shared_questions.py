"""Every named question on the shipped data gives the same rows through the Oxigraph server as on the
embedded store (the questions that need a parameter are asked with a value from the data)."""

from __future__ import annotations

import time

import pytest

from graph.answers import ask
from graph.history import shipped
from graph.questions.catalogue import list_questions
from graph.store import OxigraphStore
from tests.support.oxigraph_server import OxigraphServer

# A value from the shipped data for each parameter a question cannot do without.
VALUES = {"actor": "NTNU", "network": "EUniverCities", "from": "NTNU", "to": "Trondheim kommune",
          "city": "Darmstadt", "target_area": "1", "sdg": "13"}
TIMES: dict[str, list[float]] = {"embedded": [], "server": []}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    embedded = OxigraphStore()
    shipped.fill_from_shipped(embedded)
    with OxigraphServer(tmp_path_factory.mktemp("shared") / "store") as server:
        served = shipped.open_store(str(server.folder))  # found through the server and filled through it
        yield embedded, served
    print(f"\nquestion suite on the shipped data: embedded {sum(TIMES['embedded']):.2f} s, "
          f"server {sum(TIMES['server']):.2f} s ({len(TIMES['server'])} answers each)")


def params_of(question) -> dict[str, str]:
    return {p.name: VALUES[p.name] for p in question.params
            if not p.optional and p.default is None and not question.defaults and p.name in VALUES}


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("name", [q.name for q in list_questions()])
def test_same_rows_through_the_server(stores, name, lang):
    embedded, served = stores
    question = next(q for q in list_questions() if q.name == name)
    params = params_of(question)
    try:
        began = time.perf_counter()
        expected = ask(embedded, name, params, lang)
        TIMES["embedded"].append(time.perf_counter() - began)
    except Exception as exc:  # noqa: BLE001 - a question this data cannot answer must fail alike on both
        with pytest.raises(type(exc)):
            ask(served, name, params, lang)
        return
    began = time.perf_counter()
    got = ask(served, name, params, lang)
    TIMES["server"].append(time.perf_counter() - began)
    assert (got.columns, got.rows) == (expected.columns, expected.rows)
