"""The write lock of a shared store holds across processes, and is let go when its holder dies."""

from __future__ import annotations

import subprocess
import sys
import time

from graph.store.locking import Counter, FileLock

HOLD = """
import sys, time
from graph.store.locking import FileLock
lock = FileLock(sys.argv[1]); lock.acquire(); print("held", flush=True); time.sleep(float(sys.argv[2]))
"""


def test_another_process_waits_for_the_lock(tmp_path):
    path = tmp_path / "store.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "1.0"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    began = time.monotonic()
    with FileLock(path):
        waited = time.monotonic() - began
    holder.wait(timeout=10)
    assert waited > 0.5


def test_a_killed_holder_leaves_the_lock_free(tmp_path):
    path = tmp_path / "store.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "60"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait(timeout=10)
    began = time.monotonic()
    with FileLock(path):
        assert time.monotonic() - began < 2


def test_the_counter_counts_from_nothing(tmp_path):
    counter = Counter(tmp_path / "store.generation")
    assert counter.value == 0
    counter.set(41)
    counter.set(counter.value + 1)
    assert counter.value == 42 and (tmp_path / "store.generation").read_text() == "42\n"
