"""Faults of the machine explained (issue 10, item 11): a damaged store, a full disk and a store locked by
another process each get a message saying what happened and what to do, in both languages, never a
traceback. The store faults are real: a store folder damaged on disk, a lock held by another process."""

from __future__ import annotations

import errno
import subprocess
import sys
import time

import pytest

from graph.errors import IkgError
from graph.history.shipped import open_store
from graph.store.faults import explain_fault


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults") / "store"
    # filled by another process, so that this one holds no lock on it
    subprocess.run([sys.executable, "-m", "graph.cli", "--store", str(folder), "stats"], check=True,
                   capture_output=True)
    return folder


def opening_error(folder) -> BaseException:
    try:
        store = open_store(str(folder))
        store.count()
    except Exception as exc:  # noqa: BLE001 - whatever the store raises is what a user would meet
        return exc
    raise AssertionError("the store opened")


def test_a_damaged_store_names_the_backup_to_restore(filled, tmp_path):
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", str(filled), str(damaged)], check=True)
    (damaged / "CURRENT").write_text("garbage\n")
    error = opening_error(damaged)
    assert explain_fault(error, "en", str(damaged)) == (
        f"The store in {damaged} is damaged (Corruption: CURRENT file corrupted). Nothing more was read or written. "
        f"Move the folder aside (e.g. `mv {damaged} {damaged}.damaged`) and load the latest backup into a new one: "
        f"`ikg --store {damaged} restore FILE` (made with `ikg backup FILE`), or rebuild the store from the shipped "
        f"data with `ikg --store {damaged} reset --from-data` (edits made since then are lost).")
    assert explain_fault(error, "nb", str(damaged)).startswith(
        f"Grafen i {damaged} er skadet (Corruption: CURRENT file corrupted). Ingenting mer ble lest eller skrevet.")


def test_a_damaged_table_file_names_its_folder(filled, tmp_path):
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", str(filled), str(damaged)], check=True)
    for table in damaged.glob("*.sst"):
        table.write_bytes(b"")
    message = explain_fault(opening_error(damaged), "en", "elsewhere")
    assert message.startswith(f"The store in {damaged} is damaged (Corruption: ")
    assert f"`mv {damaged} {damaged}.damaged`" in message


def test_a_full_disk():
    error = OSError(errno.ENOSPC, "No space left on device")
    assert explain_fault(error, "nb", "/srv/ikg") == (
        "Disken er full ([Errno 28] No space left on device): ingenting ble lagret. Frigjør plass på disken der "
        "/srv/ikg ligger, og prøv igjen; grafen beholder det som var lagret før.")


def test_a_store_locked_by_another_process_names_it(filled):
    holder = subprocess.Popen([sys.executable, "-c", "import pyoxigraph, sys, time; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(filled)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.perf_counter()
        with pytest.raises(IkgError) as caught:
            open_store(str(filled))
        assert time.perf_counter() - started < 10
        message = explain_fault(caught.value, "en")
        assert message.startswith(f"The store in {filled} is in use by another process, process {holder.pid} (")
        assert message.endswith("), which holds its lock: close it (or wait until it is done) and try again, or use "
                                "another --store.")
        assert "pyoxigraph" in message
        assert f"prosess {holder.pid} (" in explain_fault(caught.value, "nb")
    finally:
        holder.kill()
        holder.wait()


def test_other_errors_are_not_faults():
    assert explain_fault(ValueError("x"), "en") is None
    assert explain_fault(IkgError("a wrong date"), "nb") is None


def test_the_cli_explains_a_damaged_store_without_a_traceback(filled, tmp_path):
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", str(filled), str(damaged)], check=True)
    (damaged / "CURRENT").write_text("garbage\n")

    def data_files():  # the store's data (RocksDB writes its own LOG files on every open)
        return sorted((p.name, p.read_bytes()) for p in damaged.iterdir()
                      if p.is_file() and not p.name.startswith("LOG"))

    before = data_files()
    done = subprocess.run([sys.executable, "-m", "graph.cli", "--store", str(damaged), "--lang", "nb", "stats"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"ikg: Grafen i {damaged} er skadet (Corruption: CURRENT file corrupted).")
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert data_files() == before  # nothing touched


def test_the_app_explains_a_damaged_store(filled, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.ui.test_app import APP, plain, reset_caches
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", str(filled), str(damaged)], check=True)
    (damaged / "CURRENT").write_text("garbage\n")
    monkeypatch.setenv("IKG_STORE", str(damaged))
    reset_caches()
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        shown = [plain(e.value) for e in at.error]  # the app opens in bokmål
        assert len(shown) == 1 and shown[0].startswith(
            f"Grafen i {damaged} er skadet (Corruption: CURRENT file corrupted). Ingenting mer ble lest eller skrevet.")
        assert f"`ikg --store {damaged} restore FIL`" in shown[0]
        assert not at.exception and "Traceback" not in shown[0]
    finally:
        reset_caches()
