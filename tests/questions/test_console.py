"""The SPARQL console: read-only, a row limit and a time limit, with messages for people."""

from __future__ import annotations

import time

import pytest
from rdflib import RDF, Graph, Literal, URIRef

import graph.questions.console as console
import graph.questions.isolated as isolated
from graph.errors import InputError
from graph.questions.table import Table
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

UPDATE_EN = "this is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here"
NO_QUERY_EN = ("the query could not be read: there is no query here, only prefixes or comments; write a SELECT, ASK, "
               "CONSTRUCT or DESCRIBE query")
SERVICE_EN = "SERVICE is not allowed: queries run only on this graph, never on other servers"


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store(request):
    s = MemoryStore() if request.param == "memory" else OxigraphStore()
    s.load(fixture_files())
    return s


@pytest.mark.parametrize(
    "text, message",
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }", UPDATE_EN),
        ("DELETE WHERE { ?s ?p ?o }", UPDATE_EN),
        ("LOAD <http://example.org/data.ttl>", UPDATE_EN),
        ("CLEAR DEFAULT", UPDATE_EN),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", SERVICE_EN),
        ("ASK { OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }", SERVICE_EN),
        ("# only a comment\n", NO_QUERY_EN),  # (which parses as an empty update, but it is no update)
        ("# the members\nPREFIX x: <http://example.org/>\n", NO_QUERY_EN),
    ],
)
def test_refusals_have_clear_messages(store, text, message):
    before = store.count()
    with pytest.raises(InputError) as err:
        console.run_console(store, text)
    assert str(err.value) == message
    assert store.count() == before


@pytest.mark.parametrize("text", ["", "\n# nothing\n"])
def test_an_empty_query_file_is_said_to_hold_no_query(text):  # as `ikg query FILE.rq` checks one
    with pytest.raises(InputError, match=r"^spørringen kunne ikke leses: her står ingen spørring, bare prefikser "):
        console.check_query(text, "nb")


def test_refusals_in_norwegian(store):
    with pytest.raises(InputError, match="^dette er en endring; bare SELECT-"):
        console.run_console(store, "INSERT DATA { <a:b> <a:c> <a:d> }", lang="nb")
    with pytest.raises(InputError, match="^SERVICE er ikke tillatt"):
        console.run_console(store, "SELECT * WHERE { SERVICE <http://x.org/> { ?s ?p ?o } }", lang="nb")


def test_parse_error_and_empty_text(store):
    with pytest.raises(InputError, match=r"^the query could not be parsed \(line 1, column 1\): check the writing"):
        console.run_console(store, "SELEKT ?x WHERE { ?x ?p ?o }")
    with pytest.raises(InputError, match="^write a query first$"):
        console.run_console(store, "   ")


def test_select_gives_a_table_with_prefixed_iris(store):
    result = console.run_console(store, "SELECT ?ta ?n WHERE { ?ta a ikg:TargetArea ; skos:notation ?n } ORDER BY ?n")
    assert result.form == "SELECT"
    assert isinstance(result.value, Table)
    assert result.table.columns == ["ta", "n"]
    assert result.table.rows == [
        ["https://example.org/ikg/ta1", "1"], ["https://example.org/ikg/ta2", "2"], ["https://example.org/ikg/ta3", "3"]
    ]
    assert not result.truncated and result.notice("en") == ""


def test_ask_and_construct(store):
    assert console.run_console(store, "ASK { ?x a ikg:Network }").value is True
    assert console.run_console(store, "ASK { ?x a ikg:Delegation ; ikg:partOf ikg:Nothing }").value is False
    result = console.run_console(store, "CONSTRUCT { ?x a ikg:Network } WHERE { ?x a ikg:Network }")
    assert isinstance(result.value, Graph)
    network = URIRef("https://w3id.org/ikg/ontology#Network")
    assert set(result.value) == {
        (URIRef("https://example.org/ikg/net-a"), RDF.type, network),
        (URIRef("https://example.org/ikg/net-b"), RDF.type, network),
    }
    assert result.table.rows[0] == ["https://example.org/ikg/net-a", "rdf:type", "ikg:Network"]


def test_describe_runs(store):
    result = console.run_console(store, "DESCRIBE <https://example.org/ikg/net-a>")
    assert result.form == "DESCRIBE"


def test_row_limit(store):
    result = console.run_console(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", row_limit=5)
    assert len(result.table.rows) == 5
    assert result.truncated
    assert result.notice("en") == "showing the first 5 rows"
    big = console.run_console(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(big.table.rows) == 1000
    assert big.notice("en") == "showing the first 1,000 rows"
    assert big.notice("nb") == "viser de første 1\u00a0000 radene"  # Norwegian groups with a no-break space


def test_row_limit_when_the_query_has_its_own_limit(store):
    result = console.run_console(store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 50", row_limit=10)
    assert len(result.table.rows) == 10 and result.truncated
    exact = console.run_console(store, "SELECT ?s WHERE { ?s a ikg:Network } LIMIT 50", row_limit=2)
    assert len(exact.table.rows) == 2 and not exact.truncated


def test_user_prefixes_and_comments_are_kept(store):
    text = "PREFIX ex: <https://example.org/ikg/>\nSELECT ?l WHERE { ex:net-a rdfs:label ?l } # trailing comment"
    result = console.run_console(store, text)
    assert sorted(r[0] for r in result.table.rows) == ["Nettverk A", "Network A"]


def triples(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i)))
    return g


def slow_store() -> MemoryStore:
    return MemoryStore(triples(400))


def test_time_limit_stops_a_runaway_query():
    store = slow_store()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 64 million rows
    start = time.perf_counter()
    with pytest.raises(InputError) as err:
        console.run_console(store, query, time_limit_s=0.3)
    assert time.perf_counter() - start < 2
    assert str(err.value) == "the query took longer than 0.3 s and was stopped; narrow it down or add LIMIT"
    # the worker is killed at the limit, so it does not go on in the background: every slot is free again
    assert isolated._RUNNING.acquire(blocking=False) and isolated._RUNNING.acquire(blocking=False)
    isolated._RUNNING.release()
    isolated._RUNNING.release()


def test_time_limit_message_with_the_default():
    assert console.t("console.timeout", "en", seconds="10") == (
        "the query took longer than 10 s and was stopped; narrow it down or add LIMIT"
    )


def test_time_limit_on_oxigraph_returns_control():
    store = OxigraphStore()
    store.apply(add=triples(200))
    # 8 million rows: about a second, which Oxigraph finishes in the background after we stop waiting
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    start = time.perf_counter()
    with pytest.raises(InputError, match="took longer than 0.3 s"):
        console.run_console(store, query, time_limit_s=0.3)
    assert time.perf_counter() - start < 2


def test_too_many_running_queries_are_refused(monkeypatch):
    import threading

    full = threading.BoundedSemaphore(1)
    full.acquire()  # as if the allowed queries were all running
    monkeypatch.setattr(isolated, "_RUNNING", full)
    with pytest.raises(InputError, match="^an earlier query is still finishing"):
        console.run_console(slow_store(), "ASK { ?s ?p ?o }")


def test_example_text_binds_language_and_default_year():
    import graph.questions.console as console
    from graph.questions.library import get_question

    text = console.example_text(get_question("inactive-twin-cities"), "nb")
    assert ('WHERE { VALUES (?lang ?dlang ?since) { ("nb" "nb" "2010"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
            in text)
    text = console.example_text(get_question("inactive-twin-cities"), "nb", "sv")  # a Swedish city's data labels
    assert 'VALUES (?lang ?dlang ?since) { ("nb" "sv" "2010"' in text


def test_an_example_is_described_in_the_readers_language_only():
    import graph.questions.console as console
    from graph.questions.library import get_question

    question = get_question("members")
    nb, en = (console.example_text(question, lang).splitlines() for lang in ("nb", "en"))
    assert [line.split(":")[0] for line in nb if line.startswith(("# Question", "# Spørsmål", "# Param"))] == [
        "# Spørsmål", "# Param-nb"]
    assert [line.split(":")[0] for line in en if line.startswith(("# Question", "# Spørsmål", "# Param"))] == [
        "# Question", "# Param"]


def test_an_example_in_bokmal_has_no_english_notes_and_runs_as_the_english_one():
    import graph.questions.console as console
    from graph.questions.library import list_questions
    from graph.questions.question import HEADER

    noted = 0
    for q in list_questions():
        if q.computed_by:
            continue
        nb, en = console.example_text(q, "nb"), console.example_text(q, "en")
        comments = [line.strip() for line in nb.splitlines() if line.strip().startswith("#") or " # " in line]
        assert all(HEADER.match(c) for c in comments), (q.name, comments)
        noted += nb.count("\n") < en.count("\n")
        code = [line.split(" # ")[0].rstrip() if " # " in line else line
                for line in en.splitlines() if not line.lstrip().startswith("#")]
        assert [line for line in nb.splitlines() if not line.lstrip().startswith("#")] == [
            line.replace('"en"', '"nb"') for line in code], q.name  # the same query, bar the notes and language
    assert noted >= 5  # the notes the English example keeps (in members, networks, places, ties …)
