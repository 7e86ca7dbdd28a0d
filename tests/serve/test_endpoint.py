"""The read-only SPARQL 1.1 Protocol endpoint, driven by clients that are not ours (SPARQLWrapper,
rdflib's SPARQLStore) and by plain HTTP: same rows as the embedded store, updates refused with the
store unchanged, limits, formats and CORS."""

from __future__ import annotations

import csv
import io
import json

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from graph.history import shipped
from graph.questions.catalogue import list_questions
from graph.questions.isolated import Limits
from graph.questions.running import bind_params
from graph.serve.server import make_server, serve_in_thread
from graph.store import OxigraphStore
from graph.store.base import PREFIX_HEADER, inject_values
from tests.store.test_shared_questions import params_of

SPARQL_QUESTIONS = [q for q in list_questions() if not q.computed_by]


@pytest.fixture(scope="module")
def embedded():
    store = OxigraphStore()
    shipped.fill_from_shipped(store)
    return store


def _term(binding: dict | None):
    """A SPARQL JSON term as an rdflib term."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return URIRef(binding["value"])
    lang, datatype = binding.get("xml:lang"), binding.get("datatype")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Literal(binding["value"], lang=lang, datatype=URIRef(datatype) if datatype else None)


def _row(terms: list, lists: list[bool]) -> tuple:
    """Comparable cells; a GROUP_CONCAT list as its sorted items (the order within is the engine's)."""
    return tuple(("; ".join(sorted(set(str(term).split("; ")))) if is_list else term.n3()) if term is not None
                 else "" for term, is_list in zip(terms, lists, strict=True))


@pytest.mark.parametrize("name", [q.name for q in SPARQL_QUESTIONS])
def test_sparqlwrapper_runs_every_named_question_with_the_embedded_rows(endpoint, embedded, name):
    question = next(q for q in SPARQL_QUESTIONS if q.name == name)
    bindings = bind_params(embedded, question, params_of(question), "en")
    expected = embedded.select(question.sparql, bindings)
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(PREFIX_HEADER + inject_values(question.sparql, bindings))
    client.setReturnFormat(JSON)
    doc = client.queryAndConvert()
    assert doc["head"]["vars"] == expected.vars
    lists = [v in question.lists for v in expected.vars]
    got = sorted(_row([_term(b.get(v)) for v in expected.vars], lists) for b in doc["results"]["bindings"])
    assert got == sorted(_row(list(row), lists) for row in expected.rows)


def test_rdflib_sparqlstore_asks_with_bound_values(endpoint, embedded):
    graph = Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat="json"))
    query = PREFIX_HEADER + "SELECT ?l WHERE { ?c a ikg:City ; rdfs:label ?l FILTER(lang(?l) = 'en') }"
    got = sorted(str(row[0]) for row in graph.query(query))
    expected = sorted(str(r[0]) for r in embedded.select(
        "SELECT ?l WHERE { ?c a ikg:City ; rdfs:label ?l FILTER(lang(?l) = 'en') }").rows)
    assert got == expected and "Darmstadt" in got


@pytest.mark.parametrize("request_kwargs", [
    {"data": {"update": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}},
    {"data": b"INSERT DATA { <urn:x> <urn:y> <urn:z> }", "headers": {"Content-Type": "application/sparql-update"}},
    {"data": {"query": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}},
    {"data": {"query": "DELETE WHERE { ?s ?p ?o }"}},
], ids=["update-field", "update-body", "update-as-query", "delete-as-query"])
def test_updates_are_refused_and_nothing_changes(endpoint, shared_store, request_kwargs):
    before, generation = shared_store.count(), shared_store.generation
    resp = requests.post(f"{endpoint}/sparql", timeout=10, **request_kwargs)
    assert resp.status_code == 403
    assert resp.text.strip() in (
        "This endpoint only answers queries; changes are made in the app or with ikg, which record history",
        "this is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here")
    assert (shared_store.count(), shared_store.generation) == (before, generation)


def test_refusals_are_said_in_norwegian_too(endpoint):
    resp = requests.post(f"{endpoint}/sparql", data={"update": "CLEAR ALL"}, headers={"Accept-Language": "nb-NO"},
                         timeout=10)
    assert resp.status_code == 403
    assert resp.text.strip() == ("Dette endepunktet svarer bare på spørringer; endringer gjøres i appen eller med "
                                 "ikg, som fører historikk")
    resp = requests.put(f"{endpoint}/ikg/trondheim/ntnu", data="x", timeout=10)
    assert resp.status_code == 405


def test_service_calls_are_refused(endpoint):
    resp = requests.get(f"{endpoint}/sparql", timeout=10, params={
        "query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    assert resp.status_code == 400
    assert resp.text.startswith("SERVICE is not allowed")


def test_an_answer_over_the_row_limit_is_refused_not_cut(endpoint):
    resp = requests.get(f"{endpoint}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=30)
    assert resp.status_code == 400
    assert resp.text.strip() == ("The answer has more than 5000 rows or triples; add LIMIT and OFFSET to fetch it "
                                 "in parts")
    paged = requests.get(f"{endpoint}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10 OFFSET 10"},
                         headers={"Accept": "text/csv"}, timeout=30)
    assert paged.status_code == 200 and len(list(csv.reader(io.StringIO(paged.text)))) == 11


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json", lambda text: json.loads(text)["results"]["bindings"][0]["l"]["value"]),
    ("application/sparql-results+xml", lambda text: "<sparql" in text and "Darmstadt" in text),
    ("text/csv", lambda text: text.splitlines()[:2] == ["l", "Darmstadt"]),
    ("text/tab-separated-values", lambda text: text.splitlines()[:2] == ["?l", '"Darmstadt"@en']),
])
def test_select_in_every_results_format(endpoint, accept, check):
    query = "SELECT ?l WHERE { ?c a ikg:City ; rdfs:label ?l FILTER(?l = 'Darmstadt'@en) }"
    resp = requests.get(f"{endpoint}/sparql", params={"query": query}, headers={"Accept": accept}, timeout=10)
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(accept)
    assert check(resp.text)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")
@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         ("application/n-triples", "nt")])
def test_construct_as_turtle_and_json_ld(endpoint, shared_store, accept, fmt):
    query = "CONSTRUCT { ?c a ikg:City } WHERE { ?c a ikg:City }"
    resp = requests.post(f"{endpoint}/sparql", data=query.encode(), timeout=10,
                         headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(accept)
    got = Graph().parse(data=resp.text, format=fmt)
    assert set(got) == set(shared_store.construct(query))


def test_ask_and_an_unacceptable_format(endpoint):
    ask = requests.get(f"{endpoint}/sparql", params={"query": "ASK { ?c a ikg:City }"}, timeout=10)
    assert ask.json() == {"head": {}, "boolean": True}
    refused = requests.get(f"{endpoint}/sparql", params={"query": "ASK { ?c a ikg:City }"},
                           headers={"Accept": "text/turtle"}, timeout=10)
    assert refused.status_code == 406
    assert refused.text.startswith("None of the requested formats suits a ASK query")


def test_no_cors_unless_configured(endpoint, shared_store):
    plain = requests.get(f"{endpoint}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://x.org"},
                         timeout=10)
    assert "Access-Control-Allow-Origin" not in plain.headers
    server = make_server(shared_store, cors=["https://tools.example.org"], limits=Limits(seconds=10, rows=10))
    serve_in_thread(server)
    try:
        allowed = requests.get(f"{server.url}/sparql", params={"query": "ASK {}"},
                               headers={"Origin": "https://tools.example.org"}, timeout=10)
        other = requests.get(f"{server.url}/sparql", params={"query": "ASK {}"},
                             headers={"Origin": "https://evil.example.org"}, timeout=10)
        preflight = requests.options(f"{server.url}/sparql", headers={"Origin": "https://tools.example.org"},
                                     timeout=10)
    finally:
        server.shutdown()
        server.server_close()
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://tools.example.org"
    assert "Access-Control-Allow-Origin" not in other.headers
    assert preflight.status_code == 204 and "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_a_query_past_the_time_limit_is_stopped():
    store = shipped.open_store("memory")
    server = make_server(store, limits=Limits(seconds=1, rows=10))
    serve_in_thread(server)
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        resp = requests.get(f"{server.url}/sparql", params={"query": slow}, timeout=30)
    finally:
        server.shutdown()
        server.server_close()
    assert resp.status_code == 503
    assert resp.text.strip() == "the query took longer than 1 s and was stopped; narrow it down or add LIMIT"


def test_several_clients_at_once_are_all_answered(endpoint):
    from concurrent.futures import ThreadPoolExecutor

    def one(_: int) -> int:
        return requests.get(f"{endpoint}/sparql", params={"query": "SELECT ?c WHERE { ?c a ikg:City }"},
                            timeout=30).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(one, range(12))) == [200] * 12
