"""One store folder, many processes: Oxigraph's server over the folder (`ikg share`), found by every
`ikg` command, with writes all-or-nothing, serialised across processes and seen by the app's next run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from graph.errors import StoreError
from graph.history import shipped
from graph.history.changes import changes, commit
from graph.store import OxigraphStore, open_store, shared
from tests.support import ROOT
from tests.support.oxigraph_server import MARK, OxigraphServer

IKG = [sys.executable, "-m", "graph.cli"]


def ikg(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "IKG_STORE": str(store)}
    return subprocess.run([*IKG, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def network_names(store) -> set[str]:
    rows = store.select('SELECT ?l WHERE { ?n a ikg:Network ; rdfs:label ?l FILTER(lang(?l) = "en") }').rows
    return {str(row[0]) for row in rows}


def csv_of_networks(path: Path, tag: str, n: int) -> Path:
    rows = [f"Network {tag} {i},Nettverk {tag} {i},1,Active,\"E-mail from the EU office, 3 March 2026\""
            for i in range(n)]
    path.write_text("Name in English,Name in Norwegian,Target areas,Status,Other source\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def server(tmp_path):
    with OxigraphServer(tmp_path / "store") as running:
        yield running


def test_commands_work_while_the_app_holds_the_store_and_the_app_sees_their_change(server, tmp_path):
    app_store = shipped.open_store(str(server.folder))  # what the app opens: found through the server, filled
    assert app_store.kind == "oxigraph-server" and app_store.count() > 8000
    before = app_store.generation
    networks = network_names(app_store)

    asked = ikg("query", "twin-cities", "--format", "csv", store=server.folder)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.splitlines()[0] == "city,country,since,agreement,status,source"

    imported = ikg("import", str(csv_of_networks(tmp_path / "n.csv", "Shared", 2)), "--editor", "Kari",
                   store=server.folder)
    assert imported.returncode == 0, imported.stderr
    assert "Saved as change" in imported.stdout

    assert app_store.generation > before  # the app's cache key moved: its next run asks again
    now = network_names(app_store)
    assert now - networks == {"Network Shared 0", "Network Shared 1"}
    assert changes(app_store, limit=1)[0].editor == "Kari"


def test_one_update_request_is_one_transaction(server):
    store = server.store()
    good = "<https://example.org/a> <https://example.org/p> <https://example.org/b>"
    with pytest.raises(StoreError, match="already exists"):
        store._update(f"INSERT DATA {{ {good} }} ; CREATE GRAPH <urn:g> ; CREATE GRAPH <urn:g>")
    assert store.count() == 0  # the INSERT before the failing operation was not kept


def test_a_change_larger_than_a_virtuoso_request_is_still_one_request(server, monkeypatch):
    store = server.store()
    sent: list[str] = []
    real = store._update
    monkeypatch.setattr(store, "_update", lambda text: (sent.append(text), real(text)))
    thing = URIRef("https://example.org/t")
    store.apply(add=[(thing, RDFS.label, Literal(f"label {i}")) for i in range(30_000)])
    assert len(sent) == 1 and store.count() == 30_000


def test_every_process_sees_the_generation_of_the_others(server):
    mine, theirs = server.store(), server.store()
    start = mine.generation
    theirs.apply(add=[(URIRef("https://example.org/x"), RDFS.label, Literal("x"))])
    assert mine.generation == start + 1


def test_concurrent_writers_and_a_reader_lose_nothing(server, tmp_path):
    """The app (writing in a thread here), two CLI imports and two writer processes at once, while a
    third kind of process reads: every change is recorded and every thing written is there."""
    app_store = shipped.open_store(str(server.folder))
    commits_each, imports_each = 8, 2
    workers = [subprocess.Popen([sys.executable, "-m", "tests.support.oxigraph_server", "write",
                                 str(server.folder), tag, str(commits_each)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for tag in ("w1", "w2")]
    reader = subprocess.Popen([sys.executable, "-m", "tests.support.oxigraph_server", "read", str(server.folder), "8"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    env = {**os.environ, "IKG_STORE": str(server.folder)}
    imports = [subprocess.Popen([*IKG, "import", str(csv_of_networks(tmp_path / f"{tag}.csv", tag, imports_each)),
                                 "--editor", tag], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for tag in ("cli1", "cli2")]

    def app_writes() -> None:
        for i in range(commits_each):
            commit(app_store, add=[(URIRef(f"{MARK}app-{i}"), RDFS.label, Literal(f"app {i}", lang="en"))],
                   editor="app", action="test-write")

    app = threading.Thread(target=app_writes)
    began = time.monotonic()
    app.start()
    outputs = [p.communicate(timeout=180) for p in (*workers, *imports, reader)]
    app.join(timeout=180)
    seconds = time.monotonic() - began
    for p, (_out, err) in zip((*workers, *imports, reader), outputs, strict=True):
        assert p.returncode == 0, err
    written = [json.loads(out) for out, _ in outputs[:2]]
    assert all(w["kind"] == "oxigraph-server" for w in written)

    recorded = changes(app_store)
    expected_writes = 3 * commits_each + 2  # two writer processes and the app; two imports
    assert len(recorded) == expected_writes, f"{len(recorded)} changes recorded for {expected_writes} writes"
    ids = {c.id for c in recorded}
    assert all(i in ids for w in written for i in w["changes"])
    mine = f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), '{MARK}')) }}"
    assert app_store.select(mine).rows[0][0].toPython() == 3 * commits_each
    networks = network_names(app_store)
    assert {f"Network {tag} {i}" for tag in ("cli1", "cli2") for i in range(imports_each)} <= networks
    read = json.loads(outputs[-1][0])
    assert read["generations"] == sorted(read["generations"]) and read["answers"] > 0
    print(f"\n{expected_writes} writes from 5 writers + 1 reader ({read['answers']} answers) in {seconds:.1f} s, "
          f"0 lost")


def test_the_same_change_from_three_processes_is_recorded_once(server):
    """Read-then-write is serialised across processes: each thing is added by exactly one change."""
    count = 10
    procs = [subprocess.Popen([sys.executable, "-m", "tests.support.oxigraph_server", "same", str(server.folder),
                               str(count)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    assert sum(r["added"] for r in results) == count
    assert sum(r["refused"] for r in results) == 2 * count
    assert len(changes(server.store())) == count


def test_a_folder_held_by_an_embedded_command_is_not_shared(tmp_path):
    folder = tmp_path / "store"
    held = OxigraphStore(folder)
    try:
        with pytest.raises(StoreError, match=r"could not start over .*: another program \(the app started without "
                                             r"sharing, or an ikg command\) is using the folder now; wait for it"):
            shared.start(folder)
    finally:
        del held
    assert not shared.sidecar(folder, ".server").exists()


def test_a_stale_server_note_is_ignored_and_the_folder_opened_embedded(tmp_path):
    folder = tmp_path / "store"
    shared.sidecar(folder, ".server").write_text(json.dumps({"url": "http://127.0.0.1:9", "pid": 999_999}))
    assert isinstance(open_store(str(folder)), OxigraphStore)


def test_ikg_share_starts_reports_and_stops(tmp_path):
    folder = tmp_path / "store"
    started = ikg("share", "start", store=folder)
    try:
        assert started.returncode == 0, started.stderr
        assert started.stdout.startswith(f"The Oxigraph server now shares {folder} (")
        status = ikg("share", "status", "--lang", "nb", store=folder)
        assert status.returncode == 0 and status.stdout.startswith(f"Oxigraph-tjeneren for {folder} kjører på http://127.0.0.1:")
    finally:
        stopped = ikg("share", "stop", store=folder)
    assert stopped.stdout.strip() == (f"Stopped the Oxigraph server of {folder}; "
                                      "ikg commands open the folder directly again.")
    assert ikg("share", "status", store=folder).returncode == 3
    assert isinstance(open_store(str(folder)), OxigraphStore)  # embedded again


def test_share_refuses_a_store_that_is_not_a_folder():
    refused = subprocess.run([*IKG, "share", "start", "--store", "memory", "--lang", "nb"], cwd=ROOT,
                             capture_output=True, text=True)
    assert refused.returncode == 1
    assert refused.stderr.strip() == ("ikg: memory er ikke en lagringsmappe: bare en Oxigraph-mappe kan deles "
                                      "gjennom en tjener (bruk --store MAPPE)")


def test_a_persons_query_on_the_shared_store_stops_at_its_own_time_limit(server):
    from graph.questions.isolated import Limits, QueryLimitError, run_isolated
    store = shipped.open_store(str(server.folder))
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryLimitError) as caught:
        run_isolated(store, "SELECT", endless, Limits(seconds=1.5, rows=100, memory_mb=512), "en")
    assert time.monotonic() - started < 10  # not the 60 s request time-out
    assert str(caught.value).startswith("the query took longer than 1.5 s and was stopped")
    assert store.count() > 8000  # the store still answers afterwards
