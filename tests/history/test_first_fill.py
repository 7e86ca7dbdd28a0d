"""A first fill killed halfway is found and redone (issue 10, item 1): SIGKILL `ikg stats` on a new store folder
at random moments of the fill, then `ikg query twin-cities` must answer all 15 rows and the store must hold
exactly the triples of a clean fill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from graph.history.shipped import FILLING, FINGERPRINT
from graph.store.oxigraph import OxigraphStore
from tests.support import ROOT

RUNS = 20
TWIN_CITIES = 15


def ikg(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, **kwargs)


def count(folder) -> int:
    store = OxigraphStore(folder)
    try:
        return store.count()
    finally:
        store.close()


def twin_cities(folder) -> tuple[int, str]:
    done = ikg("query", "twin-cities", "--store", str(folder), "--format", "json")
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout)), done.stderr


def test_first_fill_killed_at_random_moments_is_redone(tmp_path):
    clean = tmp_path / "clean"
    start = time.perf_counter()
    assert ikg("stats", "--store", str(clean)).returncode == 0
    seconds = time.perf_counter() - start  # start-up and fill together: kills are spread over all of it
    full = count(clean)
    assert (clean / FINGERPRINT).exists() and not (clean / FILLING).exists()
    assert twin_cities(clean) == (TWIN_CITIES, "")

    rng = random.Random(10)
    cut_off = 0
    for run in range(RUNS):
        folder = tmp_path / f"run-{run}"
        proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "stats", "--store", str(folder)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * seconds)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        cut_off += (folder / FILLING).exists()
        rows, notice = twin_cities(folder)
        assert rows == TWIN_CITIES, (run, notice)
        assert notice.count("\n") <= 1  # at most the one-line notice of a refill
        assert not (folder / FILLING).exists()
        assert count(folder) == full, run
    assert cut_off > 0  # some kills really landed inside the fill
