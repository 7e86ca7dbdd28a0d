"""graph.answers.ask (SPARQL or registered computed questions), the questions' defaults, keyed errors,
typed read-only refusals, and the questions layer importing nothing above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from graph.answers import COMPUTED, COMPUTED_READS, ask
from graph.errors import InputError
from graph.questions.console import refusal, run_console
from graph.questions.library import get_question, list_questions
from graph.questions.names import KIND_CLASSES, resolve
from graph.questions.question import parse_text
from graph.questions.readonly import QueryRefusedError, QueryUnreadableError, check_read_only
from graph.questions.running import run
from graph.store.memory import MemoryStore
from graph.vocab.classes import actor_classes
from graph.vocab.namespaces import IKG
from tests.conftest import fixture_files
from tests.support import ROOT

EX = "https://example.org/ikg/"


@pytest.fixture(scope="module")
def memory() -> MemoryStore:
    store = MemoryStore()
    store.load(fixture_files())
    return store


def test_every_computed_question_is_registered():
    assert {q.computed_by for q in list_questions() if q.computed_by} == set(COMPUTED) == set(COMPUTED_READS)


def test_the_sparql_runner_does_not_answer_a_computed_question(memory):
    with pytest.raises(ValueError, match="graph.answers.ask"):
        run(memory, "path", {"from": "Innovation Agency", "to": "Farcity"})


def test_a_computed_question_takes_its_default_parameters(memory):
    """`max` defaults to 4 (path.rq); a chain of two steps is found with and without it."""
    params = {"from": "Innovation Agency", "to": "Farcity"}
    assert ask(memory, "path", params).rows == ask(memory, "path", {**params, "max": "4"}).rows
    assert ask(memory, "path", {**params, "max": "1"}).rows == []


def test_changes_defaults_to_the_two_newest_source_documents():
    store = MemoryStore()
    store.load(fixture_files())
    given = ask(store, "changes", {"older": "Program 2010", "newer": "Plan 2020"})
    assert ask(store, "changes", {}).rows == given.rows
    assert ask(store, "changes", {"newer": "Plan 2020"}).rows == given.rows
    store.apply(remove=[(URIRef(EX + "doc-old"), RDF.type, IKG.SourceDocument)])  # one source document left
    with pytest.raises(InputError) as caught:
        ask(store, "changes", {})
    assert caught.value.key == "question.no_replaced"
    assert str(caught.value) == (
        "changes needs --param older=… and --param newer=… (the graph has no two dated source documents to compare)"
    )


def test_the_defaults_header_names_a_known_filler():
    assert get_question("changes").defaults == "replaced-documents"
    with pytest.raises(ValueError, match="unknown Defaults 'guess'"):
        parse_text("x", "# Defaults: guess\nSELECT * WHERE { ?s ?p ?o }")


def test_an_actor_is_what_the_ontology_says(memory):
    assert KIND_CLASSES["actor"]() == actor_classes()
    assert str(resolve(memory, "actor", "Farcity")) == EX + "farcity"  # a City is an actor
    with pytest.raises(InputError) as caught:
        resolve(memory, "actor", "Network A")  # a network is not
    assert caught.value.key == "name.unknown"
    with pytest.raises(InputError, match=r"^no network called Network A; the graph has none yet$"):
        resolve(MemoryStore(), "network", "Network A")


def test_errors_carry_keys_and_speak_the_users_language(memory):
    with pytest.raises(InputError) as caught:
        ask(memory, "collaborators", {"actor": "Universitete"}, "nb")
    assert caught.value.key == "name.unknown_close"
    assert str(caught.value) == "ingen aktør heter Universitete; mente du Universitetet?"
    with pytest.raises(InputError) as caught:
        ask(memory, "members", {"netwrk": "Network A"}, "nb")
    assert caught.value.key == "param.unknown"
    assert caught.value.text("en") == "members has no parameter 'netwrk'; its parameters are: network"
    with pytest.raises(InputError) as caught:
        ask(memory, "twin-citys", {}, "nb")
    assert caught.value.key == "question.unknown_close"


@pytest.mark.parametrize("text, key", [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "console.update"),
    ("LOAD <http://example.org/data.ttl>", "console.update"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "console.service"),
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "console.from"),
])
def test_refusals_are_typed_and_keyed(text, key):
    with pytest.raises(QueryRefusedError) as caught:
        check_read_only(text)
    assert caught.value.key == key
    assert refusal(caught.value, "nb").key == key


def test_an_unreadable_query_is_reported_as_console_parse(memory):
    with pytest.raises(QueryUnreadableError) as caught:
        check_read_only("SELEKT ?x WHERE { ?x ?p ?o }")
    assert caught.value.key == "readonly.unparsable_at"
    assert caught.value.params["line"] == 1 and caught.value.params["col"] == 1
    with pytest.raises(InputError) as shown:
        run_console(memory, "SELEKT ?x WHERE { ?x ?p ?o }", lang="nb")
    assert shown.value.key == "console.parse_said"  # the reader's sentence says it could not be read: once
    assert str(shown.value).startswith("spørringen kunne ikke tolkes (linje 1, kolonne 1)")


def test_a_users_question_file_gets_the_consoles_refusals(memory, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("SELEKT ?x WHERE { ?x ?p ?o }", encoding="utf-8")
    with pytest.raises(InputError, match=r"^the query could not be parsed \(line 1, "):
        ask(memory, str(path))
    path.write_text("CLEAR ALL", encoding="utf-8")
    with pytest.raises(QueryRefusedError) as caught:
        ask(memory, str(path), {}, "nb")
    assert str(caught.value).startswith("dette er en endring")


UPPER_LAYERS = ("graph.analysis", "graph.answers", "graph.edit", "graph.render", "graph.cli", "graph.ui")


@pytest.mark.parametrize("path", sorted((ROOT / "graph" / "questions").glob("*.py")), ids=lambda p: p.name)
def test_questions_import_nothing_above_them(path: Path):
    """Counting imports inside functions: the questions layer sits below the analyses and graph.answers."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    assert [m for m in found if m.startswith(UPPER_LAYERS) or m == "streamlit"] == []
