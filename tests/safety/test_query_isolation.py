"""Issue 10 items 3-5 replayed: people's queries (the app's console and `ikg query FILE.rq`) are checked on
the text the engine runs (no SERVICE hidden behind a \\u escape reaches a listener on 127.0.0.1), and run
isolated: the panicking query and the memory query end with a message, the caller lives on, and a
runaway frees its place for the next query at its time limit."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from graph.cli.main import main
from graph.errors import InputError
from graph.history.shipped import open_store
from graph.i18n import t
from graph.questions.console import run_console
from graph.questions.readonly import check_read_only
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

SERVICE_EN = "SERVICE is not allowed: queries run only on this graph, never on other servers"
PANIC = "SELECT ?a WHERE { ?a (<urn:p>|!<urn:p>)* ?b } ORDER BY ?a"
MEMORY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
STOPPED = {"query.crashed", "query.memory", "query.timeout"}
SECONDS = 2


def attack(port: int) -> str:
    """The query of issue 10 item 3: rdflib reads the SERVICE inside a string, Oxigraph runs it."""
    return (
        "SELECT * WHERE {\n"
        '# \\u000A BIND("""\n'
        f"SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }}\n"
        '# """ AS ?h)\n'
        "}\n"
    )


class Listener:
    """A real socket on 127.0.0.1 that counts every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> int:
        time.sleep(0.3)  # a late connection would still be counted
        self.stop.set()
        self.thread.join(2)
        self.sock.close()
        return self.connections


@pytest.fixture
def listener():
    watched = Listener()
    yield watched
    watched.close()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    return open_store(str(tmp_path_factory.mktemp("isolation") / "s"))


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_hidden_service_is_refused_by_the_console(listener, kind, lang):
    store = MemoryStore() if kind == "memory" else OxigraphStore()
    store.load(fixture_files())
    before = store.count()
    text = attack(listener.port)
    assert check_read_only(text) == "SELECT"  # the attack: the old check, on the raw text, let it through
    with pytest.raises(InputError) as err:
        run_console(store, text, row_limit=10, time_limit_s=SECONDS, lang=lang)
    assert err.value.key == "console.service"
    assert str(err.value) == t("console.service", lang)
    if lang == "en":
        assert str(err.value) == SERVICE_EN
    assert str(listener.port) not in str(err.value)
    assert store.count() == before
    assert listener.close() == 0


@pytest.mark.parametrize("store_setting", ["memory", "folder"])
def test_hidden_service_is_refused_by_ikg_query_file(listener, tmp_path, capsys, store_setting):
    path = tmp_path / "attack.rq"
    path.write_text(attack(listener.port), encoding="utf-8")
    setting = "memory" if store_setting == "memory" else str(tmp_path / "store")
    code = main(["query", str(path), "--store", setting])
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()  # a new folder is first noted as made ("ikg: note: … did not exist, …")
    assert lines[-1] == f"ikg: {SERVICE_EN}" and all(x.startswith("ikg: note: ") for x in lines[:-1])
    assert str(listener.port) not in out + err
    assert listener.close() == 0


def stopped(store, text: str, lang: str) -> InputError:
    with pytest.raises(InputError) as err:
        run_console(store, text, row_limit=100, time_limit_s=SECONDS, lang=lang)
    exc = err.value
    assert exc.key in STOPPED, (exc.key, str(exc))
    assert str(exc) == t(exc.key, lang, **exc.params)
    return exc


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("query", [PANIC, MEMORY], ids=["panic", "memory"])
def test_panic_and_memory_queries_end_with_a_message(shipped, monkeypatch, query, lang):
    monkeypatch.setenv("IKG_QUERY_MEMORY_MB", "300")
    before = shipped.count()
    start = time.monotonic()
    stopped(shipped, query, lang)
    assert time.monotonic() - start < SECONDS + 2
    # the caller lives on and the same store answers right away
    start = time.monotonic()
    result = run_console(shipped, "ASK { ?x a ikg:Network }", time_limit_s=SECONDS, lang=lang)
    assert result.value is True
    assert time.monotonic() - start < 2
    assert shipped.count() == before


def test_two_runaways_do_not_block_the_next_query(shipped, monkeypatch):
    monkeypatch.setenv("IKG_QUERY_MEMORY_MB", "300")
    errors: list[InputError] = []

    def runaway(text: str) -> None:
        try:
            run_console(shipped, text, row_limit=100, time_limit_s=SECONDS, lang="nb")
        except InputError as exc:
            errors.append(exc)

    started = time.monotonic()
    workers = [threading.Thread(target=runaway, args=(q,)) for q in (PANIC, MEMORY)]
    for w in workers:
        w.start()
    time.sleep(0.2)
    answer = None
    while answer is None and time.monotonic() - started < SECONDS + 5:
        try:
            answer = run_console(shipped, "SELECT ?x WHERE { ?x a ikg:Network } LIMIT 3", time_limit_s=SECONDS)
        except InputError as exc:
            assert exc.key == "console.busy"  # only while both runaways still hold their places
            time.sleep(0.05)
    assert answer is not None and len(answer.table.rows) == 3
    assert time.monotonic() - started < SECONDS + 2
    for w in workers:
        w.join(SECONDS + 5)
    assert len(errors) == 2 and {e.key for e in errors} <= STOPPED


@pytest.mark.parametrize("query", [PANIC, MEMORY], ids=["panic", "memory"])
def test_ikg_query_file_has_the_same_limits(tmp_path_factory, tmp_path, capsys, monkeypatch, query):
    monkeypatch.setenv("IKG_QUERY_SECONDS", str(SECONDS))
    monkeypatch.setenv("IKG_QUERY_MEMORY_MB", "300")
    path = tmp_path / "runaway.rq"
    path.write_text(query + "\n", encoding="utf-8")
    folder = cli_folder(tmp_path_factory)
    assert main(["query", "twin-cities", "--store", folder]) == 0  # filled (first run) and answering
    capsys.readouterr()
    start = time.monotonic()
    code = main(["query", str(path), "--store", folder, "--lang", "nb"])
    _, err = capsys.readouterr()
    assert code == 1
    assert time.monotonic() - start < SECONDS + 3
    assert err.strip() in {f"ikg: {t(key, 'nb', seconds=f'{SECONDS:g}', mb=300)}" for key in STOPPED}, err
    # the command's process is this one: it lives on
    assert main(["query", "twin-cities", "--store", folder]) == 0


_CLI_FOLDER: list[str] = []


def cli_folder(factory) -> str:
    """One filled store folder for the CLI runs (opened by each `main` call, like a command)."""
    if not _CLI_FOLDER:
        folder = Path(factory.mktemp("cli")) / "store"
        _CLI_FOLDER.append(str(folder))
    return _CLI_FOLDER[0]
