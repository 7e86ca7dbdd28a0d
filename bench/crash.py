"""Crash test: kill a writer with SIGKILL at random moments during a save, many times.

    python bench/crash.py [--runs 100] [--triples 5000] [--seed 1] [--json OUT]

Each run copies a pristine Oxigraph store (the shipped data), starts a child process that saves one
recorded change of `--triples` new triples through `graph.history.commit`, and kills it with
SIGKILL after a random delay (up to about twice the time a save takes). Then the store is opened
again and must (1) open, (2) hold exactly the state before the save or exactly the state after it
(the change and its history record together, or neither), and (3) validate against the shapes.
Prints how many runs ended before, after, or broken; exits 1 if any was broken.

    python bench/crash.py --first-fill [--runs 50] [--seed 1] [--json OUT]

kills `ikg stats` on a new store folder at random moments of its first fill instead (spread over the
time a whole start and fill takes), then runs `ikg query twin-cities` on the folder: it must answer all
rows of a clean fill and the store must hold exactly the triples of a clean fill (a cut-off fill is
found by its IKG_FILLING marker and redone). Counts runs killed inside the fill, refilled, and broken.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EX = "https://example.org/crash/"


def patch(n: int):
    """The change the child saves: n new triples (labels of n/2 new things, in two languages)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    out = []
    for i in range(n // 2):
        thing = URIRef(f"{EX}thing-{i}")
        out.append((thing, RDFS.label, Literal(f"Ting {i}", lang="nb")))
        out.append((thing, RDFS.label, Literal(f"Thing {i}", lang="en")))
    return out


def child(folder: str, n: int) -> None:
    import graph.history.changes as history
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(Path(folder))
    triples = patch(n)
    print("ready", flush=True)
    start = time.perf_counter()
    history.commit(store, add=triples, editor="crash test", action="import", why="crash test")
    print(f"done {time.perf_counter() - start:.4f}", flush=True)
    store.close()


def make_pristine(folder: Path) -> None:
    from graph.history.shipped import fill_from_shipped
    from graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(folder)
    fill_from_shipped(store)
    store.close()
    del store


def state_of(folder: Path, n: int, validate: bool = True) -> str:
    """'before', 'after' or 'broken: why', for the store in `folder`."""
    import gc

    import graph.history.changes as history
    from graph.store.oxigraph import OxigraphStore

    try:
        store = OxigraphStore(folder)
    except Exception as exc:  # noqa: BLE001 - any failure to open is what we look for
        return f"broken: does not open ({exc})"
    try:
        changes = history.changes(store)
        wanted = set(patch(n))
        held = store.present(wanted)
        if not changes and not held:
            state = "before"
        elif len(changes) == 1 and held == wanted and changes[0].added_count == n:
            added, _ = history.diff(store, changes[0].id)
            state = "after" if set(added) == wanted else "broken: the record does not match the change"
        else:
            state = f"broken: {len(held)} of {n} triples and {len(changes)} records"
        if validate and not state.startswith("broken"):
            from graph.rdf.shapes import validate as shacl

            problems = shacl(store.graph())
            if problems:
                state = f"broken: {len(problems)} validation problems, e.g. {problems[0].message}"
        return state
    finally:
        store.close()
        del store
        gc.collect()


def save_seconds(pristine: Path, n: int, work: Path) -> float:
    """How long an uninterrupted save takes (so kills can be spread over it)."""
    target = work / "timing"
    shutil.copytree(pristine, target)
    out = subprocess.run([sys.executable, __file__, "--child", str(target), "--triples", str(n)],
                         capture_output=True, text=True, check=True).stdout
    shutil.rmtree(target)
    return float(out.split("done ")[1])


def one_run(pristine: Path, work: Path, n: int, delay: float, validate: bool = True) -> tuple[str, bool]:
    """Copy the pristine store, start a save, kill it after `delay` s; returns (state, killed)."""
    target = work / "run"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(pristine, target)
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(target), "--triples", str(n)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    return state_of(target, n, validate), killed


def run(runs: int, n: int, seed: int, validate: bool = True, work: Path | None = None) -> dict:
    rng = random.Random(seed)
    work = Path(work or tempfile.mkdtemp(prefix="ikg-crash-"))
    pristine = work / "pristine"
    if not pristine.exists():
        make_pristine(pristine)
    seconds = save_seconds(pristine, n, work)
    results = {"before": 0, "after": 0, "broken": 0, "killed": 0, "runs": runs, "triples": n,
               "save_s": round(seconds, 4), "problems": []}
    for _ in range(runs):
        state, killed = one_run(pristine, work, n, rng.uniform(0, 2 * seconds), validate)
        results["killed"] += killed
        key = "broken" if state.startswith("broken") else state
        results[key] += 1
        if key == "broken":
            results["problems"].append(state)
    return results


def ikg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def first_fill_state(folder: Path) -> tuple[int, int, str]:
    """(twin-cities rows, triples, notice) of a folder after `ikg query twin-cities` opened it."""
    import gc

    from graph.store.oxigraph import OxigraphStore

    done = ikg("query", "twin-cities", "--store", str(folder), "--format", "json")
    rows = len(json.loads(done.stdout)) if done.returncode == 0 else -1
    store = OxigraphStore(folder)
    try:
        return rows, store.count(), done.stderr.strip()
    finally:
        store.close()
        del store
        gc.collect()


def first_fill(runs: int, seed: int, work: Path | None = None) -> dict:
    from graph.history.shipped import FILLING

    rng = random.Random(seed)
    work = Path(work or tempfile.mkdtemp(prefix="ikg-crash-fill-"))
    start = time.perf_counter()
    ikg("stats", "--store", str(work / "clean"))
    seconds = time.perf_counter() - start
    rows, triples, _ = first_fill_state(work / "clean")
    results = {"runs": runs, "fill_s": round(seconds, 3), "rows": rows, "triples": triples, "killed": 0,
               "cut_off": 0, "refilled": 0, "broken": 0, "problems": []}
    for run in range(runs):
        folder = work / "run"
        if folder.exists():
            shutil.rmtree(folder)
        proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "stats", "--store", str(folder)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.1) * seconds)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            results["killed"] += 1
        proc.wait()
        results["cut_off"] += (folder / FILLING).exists()
        got_rows, got_triples, notice = first_fill_state(folder)
        results["refilled"] += bool(notice)
        if (got_rows, got_triples) != (rows, triples) or (folder / FILLING).exists():
            results["broken"] += 1
            results["problems"].append(f"run {run}: {got_rows} rows, {got_triples} triples ({notice})")
    shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--triples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-validate", action="store_true", help="skip the SHACL check after each run (faster)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--first-fill", action="store_true", help="kill the first fill of a new store instead")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.triples)
        return 0
    start = time.perf_counter()
    if args.first_fill:
        results = first_fill(args.runs, args.seed)
        results["total_s"] = round(time.perf_counter() - start, 1)
        print(f"{results['runs']} runs, a first start and fill takes {results['fill_s']} s "
              f"({results['triples']} triples, {results['rows']} twin cities); killed: {results['killed']}, "
              f"inside the fill: {results['cut_off']}, refilled with a notice: {results['refilled']}")
        print(f"broken: {results['broken']}  ({results['total_s']} s)")
        for problem in results["problems"]:
            print("  ", problem)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 1 if results["broken"] else 0
    results = run(args.runs, args.triples, args.seed, validate=not args.no_validate)
    results["total_s"] = round(time.perf_counter() - start, 1)
    print(f"{results['runs']} runs, a save of {results['triples']} triples takes {results['save_s']} s; "
          f"killed during the save: {results['killed']}")
    print(f"before: {results['before']}  after: {results['after']}  broken: {results['broken']}  "
          f"({results['total_s']} s)")
    for problem in results["problems"]:
        print("  ", problem)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if results["broken"] else 0


if __name__ == "__main__":
    sys.exit(main())
