"""What a kept answer reads is found out once (parsing its SPARQL) and written into its file: the next process
carries it over a change without parsing anything (graph.store.derived)."""

from __future__ import annotations

import json

import pytest
from rdflib import RDFS, Literal

import graph.answers as answers
import graph.questions.kept as kept
import graph.render.ready as ready
import graph.store.derived as derived
from graph.answers import ask
from graph.history.changes import commit
from graph.questions.library import get_question
from graph.questions.reads import question_reads
from graph.vocab.namespaces import IKG
from tests.store.test_derived import folder, fresh, let_go, new_network, texts  # noqa: F401 - the fixture

QUESTION = "unowned-networks"  # reads no status; reads every network


def kept_file(path):
    return next((path.parent / "store.derived" / "answers").glob(f"{QUESTION}-*.json"))


def said_in_file(path) -> list[str] | None:
    return json.loads(kept_file(path).read_text(encoding="utf-8")).get("reads")


def a_status_change(store) -> None:
    """A membership's status: touches nothing the question reads."""
    membership = store.select("SELECT ?m WHERE { ?d ikg:homeActor ?h . ?m org:member ?h ; org:organization ?n }"
                              " ORDER BY ?m LIMIT 1").rows[0][0]
    was = store.select("SELECT ?s WHERE { ?m ikg:status ?s }", {"m": membership}).rows
    commit(store, add=[(membership, IKG.status, IKG.Ended if was != [(IKG.Ended,)] else IKG.Active)],
           remove=[(membership, IKG.status, s) for (s,) in was], editor="Kari", action="edit")


def next_process(path, monkeypatch, parses: list[str]):
    """The folder opened again as a new process would (the caller's store closed and dropped): nothing
    found out in memory, every parse of a question's SPARQL noted."""
    let_go()
    monkeypatch.setattr(derived, "_said", {})
    question_reads.cache_clear()
    monkeypatch.setattr(kept, "question_reads", lambda t: parses.append(t[0]) or question_reads(t))
    return fresh(path)


@pytest.mark.parametrize("carried_first", [True, False])
def test_what_an_answer_reads_is_parsed_once_and_the_next_process_reads_it_from_the_file(folder, monkeypatch,  # noqa: F811
                                                                                         carried_first):
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)
    parses: list[str] = []
    store = next_process(folder, monkeypatch, parses)
    before = ask(store, QUESTION, {}, "en")
    assert parses == [] and said_in_file(folder) is None  # asking parses nothing: found out when needed
    if carried_first:
        a_status_change(store)
        assert ask(store, QUESTION, {}, "en") == before  # carried over: parsed once, now in its file
    else:
        new_network(store)
        before = ask(store, QUESTION, {}, "en")  # built anew: parsed once, now in its file
    text = get_question(QUESTION, "en").sparql
    assert parses == [text]
    assert said_in_file(folder) == sorted(question_reads((text, *get_question(QUESTION, "en").variants.values())))
    assert ask(store, QUESTION, {}, "en") == before and parses == [text]

    later: list[str] = []
    store.close()
    del store
    store = next_process(folder, monkeypatch, later)
    a_status_change(store)
    asked: list[str] = []
    real = store.select
    monkeypatch.setattr(store, "select", lambda q, *a, **k: asked.append(q) or real(q, *a, **k))
    assert ask(store, QUESTION, {}, "en") == before and later == []  # carried over, nothing parsed
    assert not set(asked) & texts(QUESTION, store)
    stamp = json.loads(kept_file(folder).read_text(encoding="utf-8"))["stamp"]
    assert stamp == store.stamp and said_in_file(folder) is not None

    new_network(store, "A network of the next process")  # touches what it reads: asked of the graph again
    after = ask(store, QUESTION, {}, "en")
    assert set(asked) & texts(QUESTION, store) and later == []  # what it reads came from the file
    assert len(after.rows) == len(before.rows) + 1  # the new network has no owner
    monkeypatch.setattr(kept, "ENABLED", False)
    assert after == ask(store, QUESTION, {}, "en")
    assert said_in_file(folder) is not None  # and the answer built anew keeps it in its file
    store.close()


def test_what_a_load_keeps_ready_says_what_it_reads_so_the_first_change_parses_nothing(folder, monkeypatch):  # noqa: F811
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)
    store = next_process(folder, monkeypatch, [])
    assert ready.prepare(store, ("en", "nb"))  # as `ikg load` does, and the app at its start
    files = sorted((folder.parent / "store.derived").rglob("*.json"))
    said = {f.relative_to(folder.parent / "store.derived").as_posix(): json.loads(f.read_text(encoding="utf-8"))
            for f in files}
    assert len(said) > 40
    assert [name for name, saved in said.items() if saved.get("reads") is None] == []
    store.close()
    del store
    parses: list[str] = []
    store = next_process(folder, monkeypatch, parses)
    a_status_change(store)
    assert ask(store, QUESTION, {}, "en") is not None
    assert parses == []
    store.close()


def test_the_path_answer_is_carried_over_a_status_change_and_built_anew_after_a_name_on_its_chains_changes(
        folder, monkeypatch):  # noqa: F811
    """`path` is computed in Python (graph.answers.COMPUTED): its kept answer says it reads the ties, the
    kinds and the names, so a network's status set leaves it, and a new name of a city on its chains does not."""
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)
    store = next_process(folder, monkeypatch, [])
    computed: list[str] = []
    real = answers.COMPUTED["shortest_chains"]
    monkeypatch.setitem(answers.COMPUTED, "shortest_chains", lambda *a: computed.append("path") or real(*a))
    params = {"from": "NTNU", "to": "Graz"}
    before = ask(store, "path", params, "en")
    assert computed == ["path"] and len(before.rows) > 1
    network = store.select("SELECT ?n WHERE { ?n a ikg:Network } ORDER BY ?n LIMIT 1").rows[0][0]
    commit(store, add=[(network, IKG.status, IKG.Ended)], editor="Kari", action="edit")
    assert ask(store, "path", params, "en") == before and computed == ["path"]  # carried over

    graz = store.select("SELECT ?c WHERE { ?c a ikg:City ; rdfs:label 'Graz'@en }").rows[0][0]
    commit(store, remove=[(graz, RDFS.label, Literal("Graz", lang="en"))],
           add=[(graz, RDFS.label, Literal("Graz, Austria", lang="en"))], editor="Kari", action="edit")
    after = ask(store, "path", params, "en")
    assert computed == ["path", "path"]
    assert [row[1] for row in after.rows] == [row[1].replace("→ Graz", "→ Graz, Austria") for row in before.rows]
    store.close()
