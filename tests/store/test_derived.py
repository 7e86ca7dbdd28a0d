"""What is derived from the whole graph, kept beside a store folder (graph.store.derived): the next process
reads it instead of the graph while the store is unchanged, and never once the store has changed."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

import graph.analysis.network as analysis
import graph.questions.kept as kept
import graph.render.view as view
import graph.store.derived as derived
from graph.analysis import ties as network_ties
from graph.answers import ask
from graph.errors import StoreError
from graph.history import shipped
from graph.history.changes import commit
from graph.questions.library import get_question
from graph.questions.names import actor_choices
from graph.render.view import cache as view_cache
from graph.render.view.data import _read_network
from graph.store import OxigraphStore
from graph.store.memory import MemoryStore
from graph.store.stamp import Stamp
from graph.vocab.namespaces import IKG, ORG
from tests.support import ROOT
from tests.support.oxigraph_server import OxigraphServer

NEW = URIRef("https://example.org/ikg/derived-test-network")


def fresh(folder):
    """The folder opened as a new process would: nothing of an earlier store object in memory (the one
    before it closed with `let_go`)."""
    view_cache.data_cache.clear()
    network_ties._memo.clear()
    analysis._cache.clear()
    return OxigraphStore(folder)


def let_go() -> None:
    """After `store.close(); del store`: Oxigraph lets go of the folder once the last reference is gone."""
    view_cache.data_cache.clear()
    network_ties._memo.clear()
    analysis._cache.clear()
    gc.collect()


def no_queries(store, monkeypatch):
    """Any read of the graph fails the test: what is asked for must come from the kept files."""

    def refuse(*args, **kwargs):
        raise AssertionError("the graph was read")

    monkeypatch.setattr(store, "select_text", refuse)
    monkeypatch.setattr(store, "select", refuse)


def new_network(store, name: str = "Derived test network") -> None:
    home = store.select("SELECT ?h WHERE { ?d ikg:homeActor ?h }").rows[0][0]
    m = URIRef(str(NEW) + "-membership")
    store.apply(add=[(NEW, RDF.type, IKG.Network), (NEW, RDFS.label, Literal(name, lang="en")),
                     (NEW, RDFS.label, Literal(name, lang="nb")),
                     (m, RDF.type, ORG.Membership), (m, ORG.member, home), (m, ORG.organization, NEW)])


@pytest.fixture
def folder(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    shipped.fill_from_shipped(store)
    store.close()
    del store
    let_go()
    return tmp_path / "store"


def test_the_next_process_reads_the_network_from_the_kept_files_and_gets_the_same(folder, monkeypatch):
    first = fresh(folder)
    built = {lang: view.network_data(first, lang) for lang in ("en", "nb")}
    choices = actor_choices(first, "nb")
    kept = sorted(p.name for p in (folder.parent / "store.derived").glob("*.json"))
    assert kept == ["actor-choices-nb.json", "attrs-sdg.json", "attrs-status.json", "attrs-ta.json",
                    "attrs-type.json", "cites.json", "classes.json", "names-en.json",
                    "names-nb.json", "network-en.json", "network-nb.json", "periods.json", "ties.json"]
    first.close()
    del first
    let_go()

    second = fresh(folder)
    expected = {lang: _read_network(second, lang) for lang in ("en", "nb")}  # read from the graph, here
    expected_ties = network_ties._read_ties(second)
    view_cache.data_cache.clear()
    network_ties._memo.clear()
    no_queries(second, monkeypatch)
    for lang in ("en", "nb"):
        assert view.network_data(second, lang) == expected[lang] == built[lang]
    assert network_ties.ties(second) == expected_ties
    assert actor_choices(second, "nb") == choices
    assert len(expected["en"].nodes) > 100 and len(expected_ties) > 100


def test_a_write_makes_every_kept_answer_out_of_date(folder):
    first = fresh(folder)
    stamp = first.stamp
    assert NEW not in {n for n in view.network_data(first, "en").nodes}
    new_network(first)
    assert first.stamp not in (None, stamp)
    assert str(NEW) in view.network_data(first, "en").nodes  # this process: its generation moved
    first.close()
    del first
    let_go()

    second = fresh(folder)
    assert view.network_data(second, "en").nodes[str(NEW)].label == "Derived test network"


def test_a_write_in_another_process_is_seen(folder):
    first = fresh(folder)
    view.network_data(first, "en")  # kept at the current stamp
    first.close()
    del first
    let_go()
    code = ("import sys; sys.path.insert(0, '.'); from graph.history import shipped; "
            "from tests.store.test_derived import new_network; "
            f"s = shipped.open_store({str(folder)!r}, fill=False); new_network(s, 'Written elsewhere'); s.close()")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    second = fresh(folder)
    assert view.network_data(second, "en").nodes[str(NEW)].label == "Written elsewhere"


def test_a_write_cut_off_leaves_nothing_used_or_kept_until_the_store_is_opened_again(folder, monkeypatch):
    store = fresh(folder)
    view.network_data(store, "en")
    store.stamp_file.writing()  # as a process killed in the middle of a write leaves it
    assert store.stamp is None
    view_cache.data_cache.clear()
    network_ties._memo.clear()
    new_network(store)  # (the write that was under way)
    before = {p.name: p.stat().st_mtime_ns for p in (folder.parent / "store.derived").iterdir()}
    store.stamp_file.writing()
    assert str(NEW) in view.network_data(store, "nb").nodes  # read from the graph, not the kept file
    after = {p.name: p.stat().st_mtime_ns for p in (folder.parent / "store.derived").iterdir()}
    assert after == before  # and nothing kept
    store.close()
    del store
    let_go()

    reopened = fresh(folder)  # embedded: this process alone has the folder, so it stamps it anew
    assert reopened.stamp is not None
    assert str(NEW) in view.network_data(reopened, "en").nodes


def test_a_failed_write_still_replaces_the_stamp(folder):
    store = fresh(folder)
    stamp = store.stamp
    with pytest.raises(StoreError):
        with store.writing():
            raise StoreError("the disk is full")
    assert store.stamp not in (None, stamp)


def test_a_damaged_or_foreign_file_is_read_past(folder):
    store = fresh(folder)
    expected = view.network_data(store, "en")
    kept = folder.parent / "store.derived" / "network-en.json"
    for damage in ("{not json", json.dumps({"stamp": store.stamp}), json.dumps([1, 2]),
                   json.dumps({"stamp": store.stamp, "format": derived.FORMAT, "program": derived.fingerprint(),
                               "value": {"nodes": "x"}})):
        kept.write_text(damage, encoding="utf-8")
        view_cache.data_cache.clear()
        assert view.network_data(store, "en") == expected
        assert json.loads(kept.read_text(encoding="utf-8"))["stamp"] == store.stamp  # written again, whole


def test_another_program_reads_the_graph_again(folder, monkeypatch):
    store = fresh(folder)
    view.network_data(store, "en")
    view_cache.data_cache.clear()
    monkeypatch.setattr(derived, "fingerprint", lambda: "another program")
    calls = []
    real = store.select_text
    monkeypatch.setattr(store, "select_text", lambda *a, **k: calls.append(1) or real(*a, **k))
    network_ties._memo.clear()
    view.network_data(store, "en")
    assert calls  # read from the graph


def test_stores_without_a_folder_keep_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for store in (shipped.open_store("memory"), OxigraphStore()):
        if isinstance(store, OxigraphStore):
            shipped.fill_from_shipped(store)
        assert store.stamp is None and store.derived_folder is None
        assert view.network_data(store, "en").nodes
    assert list(tmp_path.iterdir()) == []
    assert MemoryStore().stamp is None


def test_the_shared_store_is_stamped_by_every_process_that_writes_through_the_server(tmp_path):
    with OxigraphServer(tmp_path / "store") as server:
        app = shipped.open_store(str(server.folder))  # the app, through the server
        assert app.kind == "oxigraph-server"
        view.network_data(app, "en")
        kept = tmp_path / "store.derived" / "network-en.json"
        assert json.loads(kept.read_text(encoding="utf-8"))["stamp"] == app.stamp
        other = server.store()  # another process's connection
        new_network(other, "Through the server")
        assert json.loads(kept.read_text(encoding="utf-8"))["stamp"] != app.stamp
        view_cache.data_cache.clear()
        network_ties._memo.clear()
        assert view.network_data(app, "en").nodes[str(NEW)].label == "Through the server"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_ikg_load_keeps_the_network_ready_for_the_app(tmp_path, capsys, monkeypatch, lang):
    from graph.cli.main import main
    from graph.history.shipped import shipped_files
    from graph.questions.library import list_questions
    from graph.store import _open_folders

    folder = tmp_path / "store"
    code = main(["--store", str(folder), "load", *map(str, shipped_files()), "--lang", lang])
    out, err = capsys.readouterr()
    assert code == 0, err
    kept = folder.parent / "store.derived"
    prepared = {"en": r"read the network and the named questions' answers and kept them ready for the app, "
                      r"the analyses and ikg query in [\d.]+ s \(in (.*)\)",
                "nb": r"nettverket og svarene på de navngitte spørsmålene lest og lagt klart for appen, "
                      r"analysene og ikg query på [\d,]+ s \(i (.*)\)"}[lang]
    found = re.fullmatch(prepared, out.splitlines()[-1])
    assert found and found.group(1) == str(kept)
    # on stderr, a bar that fills as the answers and the network are kept: each of them once, the last full
    bars = re.findall(r"\r  (keeping ready|legger klart) \[(#*) *\] (\d+)/(\d+) [\d.,]+ s", err)
    assert {bar[0] for bar in bars} == {{"en": "keeping ready", "nb": "legger klart"}[lang]}
    assert [int(bar[2]) for bar in bars] == list(range(1, len(bars) + 1))
    assert {int(bar[3]) for bar in bars} == {len(bars)}
    assert len(bars[-1][1]) == 30 and err.endswith(" s\n")
    needing_none = [q for q in list_questions() if all(p.optional for p in q.params)]
    assert len(bars) == 2 * len(needing_none) + 2  # each in nb and en, and the network in each
    _open_folders.pop(folder.resolve()).close()
    let_go()
    store = fresh(folder)
    expected = _read_network(store, "nb")
    view_cache.data_cache.clear()
    network_ties._memo.clear()
    no_queries(store, monkeypatch)
    assert view.network_data(store, "nb") == expected
    assert [iri for iri, _ in actor_choices(store, "en")]  # kept too


def test_ikg_load_into_memory_keeps_nothing(tmp_path, capsys, monkeypatch):
    from graph.cli.main import main

    monkeypatch.chdir(tmp_path)
    code = main(["--store", "memory", "load", str(ROOT / "ontology" / "ikg.ttl")])
    out, _ = capsys.readouterr()
    assert code == 0 and "kept it ready" not in out and list(tmp_path.iterdir()) == []


def test_betweenness_is_kept_and_the_next_process_computes_nothing(folder, monkeypatch):
    first = fresh(folder)
    values, sampled = analysis.betweenness(first)
    first.close()
    del first
    let_go()

    second = fresh(folder)
    no_queries(second, monkeypatch)
    monkeypatch.setattr(analysis, "brandes", lambda *a, **k: pytest.fail("computed again"))
    assert analysis.betweenness(second) == (values, sampled)
    assert len(values) > 100 and sampled is None and max(values.values()) > 0


def test_a_stamp_that_cannot_be_written_refuses_the_write_and_changes_nothing(folder, monkeypatch):
    store = fresh(folder)
    before = store.count()

    def full(self, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Stamp, "_put", full)
    with pytest.raises(StoreError) as caught:
        new_network(store)
    assert str(caught.value) == (f"The change is not saved: cannot write {folder.parent / 'store.stamp'} (No space "
                                 "left on device). The folder the store is in must be writable; nothing was changed.")
    assert caught.value.text("nb").startswith("Endringen er ikke lagret: kan ikke skrive ")
    assert store.count() == before and str(NEW) not in view.network_data(store, "en").nodes


def test_two_threads_asking_for_the_same_build_it_once_and_get_the_same(folder):
    import threading
    import time

    store = fresh(folder)
    built: list[int] = []

    def build() -> list[int]:
        built.append(1)
        time.sleep(0.3)  # long enough for the second thread to arrive while the first builds
        return [1, 2, 3]

    got: list[list[int]] = []
    threads = [threading.Thread(target=lambda: got.append(derived.persisted(store, "once", build, list, list)))
               for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert built == [1] and got == [[1, 2, 3], [1, 2, 3]]


def reopened(folder, monkeypatch, method: str) -> tuple[OxigraphStore, list[str]]:
    """The folder opened again as the next process would, once the caller has closed and dropped its
    store, with every query its `method` ("select", "select_text") is asked noted."""
    let_go()
    store = fresh(folder)
    asked: list[str] = []
    real = getattr(store, method)
    monkeypatch.setattr(store, method, lambda query, *a, **k: asked.append(query) or real(query, *a, **k))
    return store, asked


def texts(name: str, store) -> set[str]:
    return {get_question(name, "en").text_for(store.dialect)}


def test_an_answer_a_write_did_not_touch_is_carried_over_by_the_next_process_without_a_keeper(folder, monkeypatch):
    monkeypatch.setattr(kept, "KEEP_AFTER_S", 0.0)
    first = fresh(folder)
    before = {name: ask(first, name, {}, "en") for name in ("unowned-networks", "networks")}
    membership = first.select("SELECT ?m WHERE { ?d ikg:homeActor ?h . ?m org:member ?h ; org:organization ?n }"
                              " ORDER BY ?m LIMIT 1").rows[0][0]
    commit(first, add=[(membership, IKG.status, IKG.Ended)], remove=[], editor="Kari", action="edit")
    stamp = first.stamp
    first.close()
    del first
    second, asked = reopened(folder, monkeypatch, "select")
    # unowned-networks reads no status: its answer is the one kept before the change, read from its file
    assert ask(second, "unowned-networks", {}, "en") == before["unowned-networks"]
    assert asked and not set(asked) & texts("unowned-networks", second)  # only the data's languages were read
    kept_file = next((folder.parent / "store.derived" / "answers").glob("unowned-networks-*.json"))
    assert json.loads(kept_file.read_text())["stamp"] == stamp
    # networks reads the status of the home city's memberships: asked of the graph again
    after = ask(second, "networks", {}, "en")
    assert set(asked) & texts("networks", second)
    monkeypatch.setattr(kept, "ENABLED", False)
    assert after == ask(second, "networks", {}, "en")
    assert ask(second, "unowned-networks", {}, "en") == before["unowned-networks"]


def test_the_actor_list_is_carried_over_a_change_of_no_actor_s_name_and_built_after_an_actor_s(folder, monkeypatch):
    first = fresh(folder)
    before = actor_choices(first, "en")
    net = first.select("SELECT ?n WHERE { ?n a ikg:Network FILTER NOT EXISTS { ?n a ?t FILTER(?t != ikg:Network) } }"
                       " ORDER BY ?n LIMIT 1").rows[0][0]  # a network only, no actor
    commit(first, add=[(net, RDFS.label, Literal("A network renamed", lang="en"))], editor="Kari", action="edit")
    first.close()
    del first
    second, asked = reopened(folder, monkeypatch, "select_text")
    assert actor_choices(second, "en") == before  # a network's name: the list read from its file
    assert not [q for q in asked if "rdfs:label" in q]
    actor, name = before[0]
    commit(second, add=[(URIRef(actor), RDFS.label, Literal("Zz renamed actor", lang="en"))],
           remove=[(URIRef(actor), RDFS.label, Literal(name, lang="en"))], editor="Kari", action="edit")
    after = actor_choices(second, "en")  # an actor's name: built anew
    assert (actor, "Zz renamed actor") in after and (actor, name) not in after
    assert [q for q in asked if "rdfs:label" in q]
