"""Kept answers made current again after each change (graph.store.keeper): after a recorded change the
next process reads the new answer from its file without asking the graph; a run of changes is built for
once; a change during a round stops it and the newest stamp is built for; the most recently used comes
first; a failing answer is passed over; a store without a folder has no keeper; what a change did not
touch is carried over, and every kept answer is then the graph's; an answer another process is building
is read from its file, not built a second time."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

import graph.questions.kept as kept
import graph.store.derived as derived
from graph.answers import ask
from graph.edit.assessments import save_assessment
from graph.history.changes import commit
from graph.questions.library import list_questions
from graph.render import ready
from graph.store.keeper import keep_current, stop_keeping
from graph.store.memory import MemoryStore
from graph.store.stamp import Stamp
from graph.vocab.namespaces import IKG
from tests.conftest import fixture_files
from tests.questions.test_kept import keep_every_answer  # noqa: F401 - the fixture
from tests.store.test_derived import folder, fresh, let_go  # noqa: F401 - the fixture
from tests.support import ROOT

QUICK = {"quiet": 0.2, "poll": 0.02}


@pytest.fixture
def keepers():
    """Keepers started in a test, stopped after it (each holds its store)."""
    started = []
    yield started
    for keeper in started:
        keeper.stop(10)


def started(keepers, store, first=None, workers=1):
    keeper = keep_current(store, first, workers=workers, **QUICK)
    keepers.append(keeper)
    return keeper


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the keeper did not get there in time"
        time.sleep(0.02)


def saved_stamp(path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["stamp"]
    except (OSError, ValueError):
        return None


def counting(name: str, built: list[str], value=1, then=None):
    """What a caller of persisted does: its answer built (counted), kept, and remembered."""

    def build():
        built.append(name)
        if then is not None:
            then()
        return value

    def again(s):
        return derived.persisted(s, name, build, lambda v: v, lambda v: v, again=again)

    return again


GRAZ = URIRef("https://w3id.org/ikg/trondheim/graz")


@pytest.mark.usefixtures("keep_every_answer")
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_after_a_recorded_change_the_next_process_reads_the_new_answer_kept_anew(folder, keepers, monkeypatch,  # noqa: F811
                                                                                   lang):
    store = fresh(folder)
    keeper = started(keepers, store)
    before = ask(store, "twin-cities", {}, lang)
    old = next(r for r in before.dicts() if r["city"] == "Graz")
    commit(store, add=[(GRAZ, RDFS.label, Literal("Graz an der Mur", lang=lang))],
           remove=[(GRAZ, RDFS.label, Literal("Graz", lang=lang))], editor="Kari", action="edit", lang=lang)
    wait_for(lambda k=keeper: k.rounds == 1)
    keeper.stop(10)
    store.close()
    del store, keeper
    keepers.clear()
    let_go()

    store = fresh(folder)
    select = store.select
    asked: list[str] = []
    monkeypatch.setattr(store, "select", lambda q, b=None: asked.append(q) or select(q, b))
    after = ask(store, "twin-cities", {}, lang)
    assert {r["city"] for r in after.dicts()} == {r["city"] for r in before.dicts()} - {"Graz"} | {"Graz an der Mur"}
    assert next(r for r in after.dicts() if r["city"] == "Graz an der Mur")["country"] == old["country"]
    assert not [q for q in asked if "twinTown" in q or "TwinCity" in q]  # the question itself was not asked


def test_a_run_of_changes_is_built_for_once_after_it_settles(folder, keepers):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    keeper = started(keepers, store)
    counting("one", built)(store)
    for i in range(4):  # closer together than the quiet time
        store.apply(add=[(URIRef(f"https://example.org/x{i}"), RDFS.label, Literal(f"x{i}"))])
        time.sleep(0.05)
    wait_for(lambda: keeper.rounds == 1)
    time.sleep(0.5)
    assert built == ["one", "one"] and keeper.rounds == 1
    assert saved_stamp(store.derived_folder / "one.json") == store.stamp


def test_a_change_during_a_round_stops_it_and_the_newest_stamp_is_built_for(folder, keepers):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    writes = iter(range(1))

    def write_once():
        for i in writes:  # the first build anew writes (as another process would, while it is being built)
            store.apply(add=[(URIRef(f"https://example.org/during{i}"), RDFS.label, Literal("during"))])

    keeper = started(keepers, store)
    counting("last", built)(store)  # used first: built anew last
    counting("writes", built)(store)
    built.clear()
    derived.remember(store.derived_folder, "writes", counting("writes", built, then=write_once))
    store.apply(add=[(URIRef("https://example.org/first"), RDFS.label, Literal("first"))])
    wait_for(lambda: keeper.rounds == 1)
    # round 1 stopped after "writes" (the stamp changed under it); round 2, at the newest stamp, built both
    assert built == ["writes", "writes", "last"]
    assert saved_stamp(store.derived_folder / "last.json") == store.stamp
    assert saved_stamp(store.derived_folder / "writes.json") == store.stamp


def test_the_most_recently_used_is_built_first_and_a_failure_is_passed_over(folder, keepers, caplog):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    keeper = started(keepers, store)
    for name in ("old", "middle", "new"):
        counting(name, built)(store)
    counting("old", built)(store)  # used again: now the most recent
    derived.remember(store.derived_folder, "broken", lambda s: 1 / 0)
    built.clear()
    with caplog.at_level(logging.WARNING, logger="graph.store.keeper"):
        store.apply(add=[(URIRef("https://example.org/y"), RDFS.label, Literal("y"))])
        wait_for(lambda: keeper.rounds == 1)
    assert built == ["old", "new", "middle"]
    assert "keeping broken current" in caplog.text and "ZeroDivisionError" in caplog.text
    keeper.idle.wait(5)
    assert [name for name, *_ in derived.remembered(store.derived_folder)][:4] == ["broken", "old", "new", "middle"]


def test_two_workers_build_two_answers_at_once_and_every_answer_once(folder, keepers):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    both = threading.Barrier(2, timeout=10)  # passed only when two builds run at the same time
    keeper = started(keepers, store, workers=2)
    for name in ("c", "b", "a"):
        counting(name, built)(store)
    for name in ("b", "a"):
        derived.remember(store.derived_folder, name, counting(name, built, then=both.wait))
    built.clear()
    store.apply(add=[(URIRef("https://example.org/z"), RDFS.label, Literal("z"))])
    wait_for(lambda: keeper.rounds == 1)
    assert sorted(built) == ["a", "b", "c"] and not both.broken
    assert built.index("c") == 2  # the least recently used last
    assert all(saved_stamp(store.derived_folder / f"{name}.json") == store.stamp for name in "abc")


def test_one_worker_builds_one_answer_at_a_time(folder, keepers, caplog):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    both = threading.Barrier(2, timeout=0.5)
    keeper = started(keepers, store, workers=1)
    for name in ("b", "a"):
        derived.remember(store.derived_folder, name, counting(name, built, then=both.wait))
    with caplog.at_level(logging.WARNING, logger="graph.store.keeper"):
        store.apply(add=[(URIRef("https://example.org/z"), RDFS.label, Literal("z"))])
        wait_for(lambda: keeper.rounds == 1)
    assert both.broken and "BrokenBarrierError" in caplog.text


@pytest.mark.usefixtures("keep_every_answer")
def test_the_app_keeper_first_keeps_ready_what_a_person_meets_first(folder, keepers):  # noqa: F811
    store = fresh(folder)
    keeper = ready.keep_current(store, ("nb", "en"))
    keepers.append(keeper)
    wait_for(keeper.idle.is_set)
    stamp = store.stamp
    names = {p.name.rsplit("-", 1)[0] for p in (store.derived_folder / "answers").glob("*.json")
             if saved_stamp(p) == stamp}
    assert {"twin-cities", "networks", "collaborators", "changes", "coverage-matrix"} <= names
    assert all(saved_stamp(store.derived_folder / f"network-{lang}.json") == stamp for lang in ("nb", "en"))
    assert ready.keep_current(store, ("nb", "en")) is keeper  # one per folder


def test_a_store_let_go_of_is_no_longer_held_by_its_keeper_and_the_folder_opens_again(folder, keepers):  # noqa: F811
    store = fresh(folder)
    keeper = started(keepers, store)
    counting("one", [])(store)
    stop_keeping(store, timeout=10)  # what the app does when its cache lets go of the store
    assert not keeper.is_alive() and derived.remembered(store.derived_folder) == []
    store.close()
    del store, keeper
    keepers.clear()
    let_go()
    again = fresh(folder)  # Oxigraph's lock on the folder is free: nothing holds the old store
    assert again.count() > 0


def stamped_memory(path):
    """A store in memory with a stamp beside the folder `path`, as a folder store has (two can share one)."""
    store = MemoryStore()
    store.stamp_file = Stamp(path)
    store.stamp_file.written()
    return store


def test_a_new_store_of_the_folder_gets_a_keeper_of_its_own_and_the_old_one_stops(tmp_path, keepers):
    old = stamped_memory(tmp_path / "a")
    first = started(keepers, old)
    assert started(keepers, old) is first  # once per store
    new = stamped_memory(tmp_path / "a")
    built: list[str] = []
    second = started(keepers, new)
    assert second is not first and second.store is new
    first.join(5)
    assert not first.is_alive()
    counting("one", built)(new)  # still remembered: the new keeper watches the folder
    new.apply(add=[(URIRef("https://example.org/z"), RDFS.label, Literal("z"))])
    wait_for(lambda: second.rounds == 1)
    assert built == ["one", "one"]


def test_a_store_without_a_folder_has_no_keeper():
    assert keep_current(MemoryStore()) is None


def _review(store, item: str) -> None:
    """An assessment saved as the Review page saves it: in a review round it opens (labelled), with
    target-area scores."""
    areas = sorted(n for (n,) in store.select_text("SELECT ?n WHERE { ?a a ikg:TargetArea ; skos:notation ?n }"))
    save_assessment(store, item, "Review 2026", {areas[0]: 2, areas[1]: 1}, "Useful", "Fair", "keep", "",
                    "Kari", dt.date(2026, 12, 5))


def _edits(store) -> dict[str, tuple[list, list] | Callable[[], None]]:
    """One edit of each kind a person makes in the app, on the shipped data: (added, removed), or made."""
    net = store.select("SELECT ?n WHERE { ?n a ikg:Network ; ikg:status ikg:Active } ORDER BY ?n LIMIT 1").rows[0][0]
    actor = store.select("SELECT ?a WHERE { ?m org:member ?a } ORDER BY ?a LIMIT 1").rows[0][0]
    assessment, membership = URIRef("https://example.org/test/assessment"), URIRef("https://example.org/test/m")
    return {
        "a network's status": ([(net, IKG.status, IKG.Ended)], [(net, IKG.status, IKG.Active)]),
        "an assessment": ([(assessment, RDF.type, IKG.Assessment), (assessment, IKG.assesses, net),
                           (assessment, IKG.effectSeen, Literal("Useful contacts", lang="en")),
                           (assessment, IKG.recommendation, IKG.Keep)], []),
        "a label": ([(GRAZ, RDFS.label, Literal("Graz an der Mur", lang="en"))],
                    [(GRAZ, RDFS.label, Literal("Graz", lang="en"))]),
        "a membership": ([(membership, RDF.type, ORG.Membership), (membership, ORG.member, actor),
                          (membership, ORG.organization, net)], []),
        "a review with scores": lambda: _review(store, str(membership)),
    }


@pytest.mark.usefixtures("keep_every_answer")
def test_after_each_kind_of_edit_every_kept_answer_is_the_graph_s_whether_carried_over_or_built(
        folder, keepers, monkeypatch):  # noqa: F811
    store = fresh(folder)
    keeper = started(keepers, store)
    edits = _edits(store)
    net = str(edits["a network's status"][0][0][0])
    params = {q.name: {"network": net} if q.name == "members" else {} for q in list_questions()
              if not q.computed_by and (q.name == "members" or all(p.optional for p in q.params))}
    names = set(params)
    assert len(names) >= 19

    def every() -> dict[tuple[str, str], tuple]:
        out = {}
        for name in sorted(names):
            for lang in ("nb", "en"):
                table = ask(store, name, params[name], lang)
                out[name, lang] = (table.columns, table.rows)
        return out

    every()  # asked, kept and remembered
    carried: dict[str, set[str]] = {}
    for i, (what, edit) in enumerate(edits.items()):
        if callable(edit):
            edit()
        else:
            commit(store, add=edit[0], remove=edit[1], editor="Kari", action="edit")
        wait_for(lambda n=i + 1: keeper.rounds == n)
        carried[what] = {name.removeprefix("answers/").rsplit("-", 1)[0] for name in keeper.carried}
        from_files = every()
        monkeypatch.setattr(kept, "ENABLED", False)
        assert from_files == every(), what
        monkeypatch.setattr(kept, "ENABLED", True)
    # what the edit cannot have changed was carried over; what it touched was built anew. Every change adds
    # its record, typed ikg:Change: questions reading things of any type leave it out by name, so they too
    # are carried over a change that touched nothing else of theirs (counts counts the records: built anew).
    # A question reading a predicate of things of one kind only (a network's label, a membership's status)
    # is carried over a change of that predicate of other things (a city's label, a network's status).
    status, assessment, label = carried["a network's status"], carried["an assessment"], carried["a label"]
    assert {"overlapping-networks", "coverage-sdgs", "unowned-networks", "collaborators", "changes",
            "coverage-matrix", "networks", "review"} <= status  # they read memberships' statuses, not networks'
    assert "counts" not in status and "ties" in status  # a tie's status: a membership's, not a network's
    assert {"review", "networks", "places", "twin-cities", "inactive-twin-cities", "collaborators", "ties",
            "members", "changes", "coverage-matrix"} <= assessment
    assert "counts" not in assessment
    assert {"networks", "review", "coverage-target-areas", "overlapping-networks"} <= label  # Graz: a city
    assert not {"places", "twin-cities", "inactive-twin-cities", "collaborators", "ties"} & label
    assert "twin-cities" in carried["a membership"] and "overlapping-networks" not in carried["a membership"]
    # a review opening its round (labelled, with a status) and scoring target areas: what shows networks,
    # memberships, ties, who works with whom and what changed between documents is carried over; what
    # counts records is built anew
    review = carried["a review with scores"]
    assert {"collaborators", "networks", "review", "inactive-twin-cities", "overlapping-networks", "changes",
            "coverage-matrix", "coverage-target-areas", "thin-target-areas", "places", "twin-cities",
            "members", "ties"} <= review
    assert "counts" not in review


def test_a_write_not_noted_is_never_carried_over(folder, keepers):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    keeper = started(keepers, store)
    counting("untouched", built)(store)
    derived.remember(store.derived_folder, "untouched", counting("untouched", built), frozenset({"x:never"}))
    store.apply(add=[(URIRef("https://example.org/a"), RDFS.label, Literal("a"))])
    wait_for(lambda: keeper.rounds == 1)
    assert keeper.carried == ["untouched"] and built == ["untouched"]
    store.apply(add=[(URIRef("https://example.org/b"), RDFS.label, Literal("b"))])
    store.stamp_file.log.unlink()  # that write's note lost (the log cut): the chain of writes is unknown
    store.apply(add=[(URIRef("https://example.org/c"), RDFS.label, Literal("c"))])
    wait_for(lambda: keeper.rounds == 2)
    assert keeper.carried == [] and built == ["untouched", "untouched"]
    store.load([fixture_files()[0]])  # a load notes no triples: anything may have changed
    wait_for(lambda: keeper.rounds == 3)
    assert keeper.carried == [] and built == ["untouched"] * 3
    assert saved_stamp(store.derived_folder / "untouched.json") == store.stamp


OTHER_PROCESS = """
import fcntl, sys, time
from pathlib import Path
from graph.store.derived import _head
from graph.store.stamp import Stamp
store, answer = Path(sys.argv[1]), Path(sys.argv[2])
answer.parent.mkdir(parents=True, exist_ok=True)
with open(str(answer) + ".lock", "a") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)  # as graph.store.derived does while it builds the answer
    print("building", flush=True)
    time.sleep(float(sys.argv[3]))
    answer.write_text(_head(Stamp(store).read()) + '"value":7}', encoding="utf-8")
"""


def building_in_another_process(store_folder, name: str, seconds: float) -> subprocess.Popen:
    """Another process (the keeper of a second app on the shared store) building `name`; returns once it
    holds the answer's lock, and saves 7 as the answer at the stamp of the moment after `seconds`."""
    answer = store_folder.parent / "store.derived" / f"{name}.json"
    other = subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, str(store_folder), str(answer), str(seconds)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert other.stdout.readline().strip() == "building"
    return other


def test_an_answer_another_process_is_building_is_read_from_its_file_not_built_again(folder, keepers):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    keeper = started(keepers, store)
    one = folder.parent / "store.derived" / "one.json"
    one_when_two_was_built: list[str | None] = []
    counting("two", built, then=lambda: one_when_two_was_built.append(saved_stamp(one)))(store)
    counting("one", built)(store)  # the most recently used: first in a round
    built.clear()
    before = store.stamp
    other = building_in_another_process(folder, "one", 2.0)
    store.apply(add=[(URIRef("https://example.org/z"), RDFS.label, Literal("z"))])
    wait_for(lambda: keeper.rounds == 1)
    other.wait(10)
    # the keeper built the other answer while the other process was still building its first, then read that
    assert built == ["two"] and one_when_two_was_built == [None, before]  # None: when it was first asked
    assert counting("one", built)(store) == 7 and built == ["two"]
    assert saved_stamp(folder.parent / "store.derived" / "one.json") == store.stamp


def test_a_page_asking_for_what_another_process_is_building_waits_and_reads_it(folder):  # noqa: F811
    store = fresh(folder)
    built: list[str] = []
    store.apply(add=[(URIRef("https://example.org/z"), RDFS.label, Literal("z"))])
    other = building_in_another_process(folder, "answer", 1.0)
    started_at = time.monotonic()
    assert counting("answer", built)(store) == 7
    assert built == [] and time.monotonic() - started_at > 0.5
    other.wait(10)
