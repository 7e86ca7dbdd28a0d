"""Named questions' answers kept beside a store folder (graph.questions.kept): the next process answers from
the file with the graph untouched, the same table, raw rows and all; any write puts every kept answer out
of date; quick answers, a person's own files and stores without a folder keep nothing."""

from __future__ import annotations

import datetime
import re

import pytest

import graph.questions.kept as kept
import graph.store.derived as derived
from graph.analysis.review_items import review_rows
from graph.answers import ask
from graph.questions.library import get_question
from graph.store.memory import MemoryStore
from tests.store.test_derived import folder, fresh, let_go, new_network  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("keep_every_answer")


@pytest.fixture
def keep_every_answer(monkeypatch):
    """The shipped graph answers every question in milliseconds: keep even those."""
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)


def questions_asked(store, monkeypatch) -> list[str]:
    """The named questions whose own query reaches the store from now on (a list that fills as they do)."""
    texts = {get_question(n, "en").text_for(store.dialect): n for n in ("twin-cities", "review", "collaborators")}
    asked: list[str] = []
    select = store.select

    def spy(query, bindings=None):
        if query in texts:
            asked.append(texts[query])
        return select(query, bindings)

    monkeypatch.setattr(store, "select", spy)
    return asked


def shelf(store_folder):
    return sorted(p.name for p in (store_folder.parent / "store.derived" / "answers").glob("*.json"))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_next_process_answers_from_the_kept_file_with_the_same_table(folder, monkeypatch, lang):  # noqa: F811
    store = fresh(folder)
    asked = ask(store, "twin-cities", {}, lang)
    review = review_rows(store, lang)
    path = ask(store, "path", {"from": "NTNU", "to": "Graz"}, lang)
    assert len(asked.rows) >= 13 and len(review.rows) >= 30 and path.rows
    assert [n for n in shelf(folder) if n.startswith(("twin-cities-", "review-", "path-"))] != []

    store.close()
    del store  # the last reference: Oxigraph lets go of the folder
    let_go()
    store = fresh(folder)
    asked_of_graph = questions_asked(store, monkeypatch)
    again = ask(store, "twin-cities", {}, lang)
    assert (again.columns, again.rows) == (asked.columns, asked.rows)
    assert again.raw == asked.raw  # the terms themselves: IRIs, language tags, datatypes
    assert review_rows(store, lang) == review  # built from the raw rows (the item's IRI first)
    assert asked_of_graph == []  # only the data's languages were read, to know which labels to pick


def test_the_path_question_is_kept_per_pair_of_names(folder):  # noqa: F811
    store = fresh(folder)
    one = ask(store, "path", {"from": "NTNU", "to": "Graz"}, "en")
    other = ask(store, "path", {"from": "SINTEF", "to": "Graz"}, "en")
    assert one.rows != other.rows
    assert len([n for n in shelf(folder) if n.startswith("path-")]) == 2
    store.close()
    del store  # the last reference: Oxigraph lets go of the folder
    let_go()
    store = fresh(folder)
    assert ask(store, "path", {"from": "SINTEF", "to": "Graz"}, "en").rows == other.rows


def test_a_write_puts_every_kept_answer_out_of_date_and_the_next_save_clears_them(folder):  # noqa: F811
    store = fresh(folder)
    before = ask(store, "networks", {}, "en")
    ask(store, "twin-cities", {}, "en")
    assert len(shelf(folder)) == 2
    new_network(store, "Kept answers network")
    after = ask(store, "networks", {}, "en")
    assert [r for r in after.rows if r[0] == "Kept answers network"]
    assert len(after.rows) == len(before.rows) + 1
    # saved at the new stamp; the twin-cities answer saved before the write is gone with it
    assert [n for n in shelf(folder) if n.startswith("networks-")] and not [
        n for n in shelf(folder) if n.startswith("twin-cities-")]
    store.close()
    del store  # the last reference: Oxigraph lets go of the folder
    let_go()
    store = fresh(folder)
    assert ask(store, "networks", {}, "en").rows == after.rows


def test_quick_answers_are_not_kept(folder, monkeypatch):  # noqa: F811
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 60.0)
    store = fresh(folder)
    ask(store, "twin-cities", {}, "en")
    assert shelf(folder) == []
    assert list((folder.parent / "store.derived").rglob("*.lock")) == []  # nor the lock it was built under


def test_a_persons_own_query_file_is_never_kept(folder, tmp_path):  # noqa: F811
    own = tmp_path / "mine.rq"
    own.write_text("SELECT ?n WHERE { ?x a ikg:Network ; rdfs:label ?n }\n", encoding="utf-8")
    store = fresh(folder)
    assert ask(store, str(own), {}, "en").rows
    assert shelf(folder) == []


def test_a_store_in_memory_keeps_nothing(tmp_path, monkeypatch):
    from graph.history.shipped import open_store

    monkeypatch.chdir(tmp_path)
    store = open_store("memory")
    assert isinstance(store, MemoryStore)
    assert ask(store, "twin-cities", {}, "en").rows
    assert list(tmp_path.iterdir()) == []


def test_an_answer_that_reads_today_is_kept_for_today_only(monkeypatch):
    def on(day: datetime.date) -> tuple[str, str]:
        class Today(datetime.date):
            @classmethod
            def today(cls):
                return day

        monkeypatch.setattr(kept.datetime, "date", Today)
        return (kept.key(get_question("inactive-twin-cities", "en"), {}, "en"),
                kept.key(get_question("twin-cities", "en"), {}, "en"))

    (inactive_1, twins_1), (inactive_2, twins_2) = on(datetime.date(2026, 12, 31)), on(datetime.date(2027, 1, 1))
    assert inactive_1 != inactive_2 and twins_1 == twins_2
    assert re.fullmatch(r"inactive-twin-cities-[0-9a-f]{24}", inactive_1)


def test_the_language_and_each_value_make_their_own_answer():
    from rdflib import Literal

    q = get_question("inactive-twin-cities", "en")
    keys = {kept.key(q, {}, "en"), kept.key(q, {}, "nb"), kept.key(q, {"since": Literal(2019)}, "en"),
            kept.key(q, {"since": Literal(2020)}, "en")}
    assert len(keys) == 4


def test_the_oldest_answers_go_when_the_shelf_is_full(folder, monkeypatch):  # noqa: F811
    store = fresh(folder)
    ask(store, "twin-cities", {}, "en")
    (first,) = shelf(folder)
    size = (folder.parent / "store.derived" / "answers" / first).stat().st_size
    monkeypatch.setattr(derived, "SHELF_BYTES", size + 10)
    ask(store, "networks", {}, "en")
    assert [n for n in shelf(folder) if n.startswith("networks-")] and first not in shelf(folder)


def test_a_damaged_kept_answer_is_read_past(folder):  # noqa: F811
    store = fresh(folder)
    asked = ask(store, "twin-cities", {}, "en")
    (name,) = shelf(folder)
    (folder.parent / "store.derived" / "answers" / name).write_text('{"stamp": 1, "value": [', encoding="utf-8")
    store.close()
    del store  # the last reference: Oxigraph lets go of the folder
    let_go()
    store = fresh(folder)
    assert ask(store, "twin-cities", {}, "en").rows == asked.rows


def test_ikg_load_keeps_the_answer_of_every_question_that_needs_no_value(tmp_path, capsys, monkeypatch):
    from graph.cli.main import main
    from graph.history.shipped import shipped_files
    from graph.questions.library import list_questions
    from graph.store import _open_folders

    loaded = tmp_path / "store"
    assert main(["--store", str(loaded), "load", *map(str, shipped_files()), "--lang", "nb"]) == 0
    capsys.readouterr()
    needing_none = [q.name for q in list_questions() if all(p.optional for p in q.params)]
    assert "twin-cities" in needing_none and "path" not in needing_none
    kept_names = [n.rsplit("-", 1)[0] for n in shelf(loaded)]
    assert sorted(kept_names) == sorted(needing_none * 2)  # in bokmål and English
    _open_folders.pop(loaded.resolve()).close()
    let_go()
    store = fresh(loaded)
    asked_of_graph = questions_asked(store, monkeypatch)
    assert ask(store, "twin-cities", {}, "en").rows and asked_of_graph == []


def test_a_graph_of_several_home_cities_keeps_collaborators_for_the_one_the_page_opens_on(folder, monkeypatch):  # noqa: F811
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from graph.questions.names import resolve
    from graph.render.ready import prepare
    from graph.vocab.namespaces import IKG

    store = fresh(folder)
    ntnu = resolve(store, "actor", "NTNU")
    other = URIRef("https://example.org/other-city-dataset")
    store.apply(add=[(other, RDF.type, IKG.Dataset), (other, IKG.homeActor, ntnu)])
    homes = sorted(str(h) for (h,) in store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows)
    assert len(homes) == 2 and homes[0] == str(ntnu)  # first by IRI, as the network's data picks it
    assert prepare(store, ["en"])
    asked_of_graph = questions_asked(store, monkeypatch)
    ask(store, "collaborators", {"actor": homes[0]}, "en")
    assert asked_of_graph == []
