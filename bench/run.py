"""Benchmark: load a synthetic graph into each backend and time every named question and the analysis.

    python bench/run.py --triples 10000,100000,1000000 [--backends memory,oxigraph,oxserver,sparql]
                        [--json OUT] [--runs 5] [--plot docs/bench.png]

Backends: `memory` (rdflib), `oxigraph` (embedded pyoxigraph in a folder), `oxserver` (the same folder
bulk-loaded by the embedded store, timed as its load, then closed and served by Oxigraph's own server,
`oxigraph serve` on 127.0.0.1 as `ikg share` starts it; every question asked over HTTP) and `sparql`
(Virtuoso, started by tests/support/virtuoso.py). A server is always stopped, also on an error.

Each (backend, size) runs in its own process so its peak memory is its own. Prints a table (with each
Oxigraph backend's ratio to Virtuoso per question and whether it answers under 250 ms), writes JSON
({"meta": ..., "sizes": {size: {"backends": {backend: {load_s, triples, peak_mb, load_peak_mb,
server_peak_mb, queries: {name: {median_s, first_s, rows}}, ...}}, ...summary}}}; `first_s` is the
first run, so a cache cannot hide a cold answer; `ready_s` what `ikg load` takes after the load to keep
the network and the first answers beside an Oxigraph folder, after which the questions are timed as a new
process meets them: see `prepare`; `kept_again_s` the app's keeper making every kept answer current after
one recorded change) and draws time against size per backend. Checks that every question gives identical
rows on every backend; the summary (bench/summary.py) counts the questions under 250 ms and no slower
than Virtuoso, the load rate against 300,000 triples/s and the peak memory while loading against 1,000
MB, and the Oxigraph/rdflib speed-up (geometric mean).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.summary import geomean, report  # noqa: E402

BENCH = "https://example.org/bench/"
PARAMS = {
    "members": {"network": BENCH + "network-0"},
    "collaborators": {"actor": BENCH + "city-20"},
    "path": {"from": BENCH + "city-20", "to": BENCH + "city-7"},
    "changes": {"older": BENCH + "doc-programme-2011", "newer": BENCH + "doc-strategy-2019"},
    "ties": {"actor": BENCH + "city-20"},
}


def _alarm(signum, frame):
    raise TimeoutError


def worker(backend: str, data: Path, runs: int, timeout: int = 300) -> dict:
    """Runs in a child process: load, time each question, build the network and centralities. A server
    started here (Virtuoso, Oxigraph's) is stopped and every folder removed, also on an error."""
    from graph.history.shipped import shipped_files

    signal.signal(signal.SIGALRM, _alarm)
    files = shipped_files(include_data=False) + [data]
    with contextlib.ExitStack() as cleanup:
        store, result = open_backend(backend, files, timeout, cleanup)
        prepare(store, result)
        measure(store, result, runs, timeout)
        result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        if result.get("server_pid"):
            result["server_peak_mb"] = server_peak_mb(result["server_pid"])
    return result


def open_backend(backend: str, files: list[Path], timeout: int, cleanup: contextlib.ExitStack) -> tuple:
    """The backend's store filled with `files`, and the result so far (load time, triples, load memory).

    `oxserver`: bulk-loaded into an Oxigraph folder by the embedded store (timed as the load), the store
    closed, then Oxigraph's own server started over the folder and every question asked through it."""
    from graph.store.memory import MemoryStore
    from graph.store.oxigraph import OxigraphStore

    server_pid = None
    start = time.perf_counter()
    if backend == "memory":
        store = MemoryStore()
    elif backend in ("oxigraph", "oxserver"):
        folder = Path(tempfile.mkdtemp(prefix="ikg-bench-"))
        cleanup.callback(shutil.rmtree, folder, True)
        store = OxigraphStore(folder / "store")
    elif backend == "sparql":
        from tests.support.virtuoso import VirtuosoServer

        server = VirtuosoServer()
        cleanup.callback(server.stop)
        server.start()
        server_pid = server.proc.pid if server.proc else None
        store = server.store(graph="urn:ikg:bench")
        store.clear()
        start = time.perf_counter()
    else:
        raise SystemExit(f"unknown backend {backend!r} (memory, oxigraph, oxserver, sparql)")
    store.load(files)
    load_s = time.perf_counter() - start
    load_peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if backend == "oxserver":
        from graph.store import shared

        store.close()
        del store  # the last reference: Oxigraph lets go of the folder's lock
        gc.collect()
        shared.SERVER_TIMEOUT_S = timeout  # the server's own limit on one query: the benchmark's
        cleanup.callback(shared.stop, folder / "store")  # before starting: stopped whatever happens next
        t0 = time.perf_counter()
        info, _ = shared.start(folder / "store")
        server_start_s = round(time.perf_counter() - t0, 3)
        server_pid = info.pid
        store = shared.SharedStore(folder / "store", info.url, timeout=timeout)
    result = {"backend": backend, "kind": store.kind, "load_s": round(load_s, 3), "triples": store.count(),
              "load_peak_mb": load_peak_mb, "queries": {}}
    if backend == "oxserver":
        result["server_start_s"] = server_start_s
    if server_pid:
        result["server_pid"] = server_pid
    return store, result


def prepare(store, result: dict) -> None:
    """What `ikg load` does after the files are in: read the network and the answers a person meets first
    and keep them beside a store folder (graph.render.ready.prepare; timed as `ready_s`, apart from the
    load). Then every cache
    in this process is emptied, so the questions and the analysis are timed as a new process (the app
    started, an `ikg` command) meets them: reading the kept files, not this process's memory. A store
    that keeps nothing (in memory, Virtuoso) prepares nothing and is timed as before."""
    import graph.analysis.network as analysis
    import graph.analysis.ties as ties
    import graph.render.ready as ready
    import graph.render.view.cache as view_cache
    import graph.render.view.data as view_data
    import graph.store.derived as derived
    from graph.i18n import languages

    if store.derived_folder is not None:
        derived.watch(store.derived_folder)  # as the app's keeper does: remember what is kept (kept_again)
    t0 = time.perf_counter()
    if ready.prepare(store, languages()):
        result["ready_s"] = round(time.perf_counter() - t0, 3)
    analysis._cache.clear()
    view_cache.data_cache.clear()
    view_cache.view_cache.clear()
    view_data._structure_cache.clear()
    with ties._lock:
        ties._memo.clear()


def measure(store, result: dict, runs: int, timeout: int) -> None:
    """Time every named question (its first run and the median of `runs`), asked of the graph, and the
    analysis into `result`; then, on a store that keeps answers, the kept answers (measure_kept)."""
    import graph.analysis.network as analysis
    import graph.analysis.ties as ties
    import graph.questions.kept as kept

    kept.ENABLED = False  # every run asks the graph
    try:
        answers = ask_each(store, result, runs, timeout)
    finally:
        kept.ENABLED = True
    t0 = time.perf_counter()
    analysis._cache.clear()
    with ties._lock:  # the ties read for `path` above: the build is timed from the store (or the kept files) again
        ties._memo.clear()
    g = analysis.collaboration_graph(store, "en")
    result["network_build_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    cent = analysis.centrality(store, "en")
    result["centrality_s"] = round(time.perf_counter() - t0, 3)
    result["betweenness_sample"] = cent.sampled
    result["network_nodes"] = g.number_of_nodes()
    result["network_edges"] = g.number_of_edges()
    try:
        import graph.render.view as view

        t0 = time.perf_counter()
        v = view.build_view(store, view.ViewOptions())
        result["view_first_s"] = round(time.perf_counter() - t0, 3)
        t0 = time.perf_counter()
        v = view.build_view(store, view.ViewOptions())
        result["view_warm_s"] = round(time.perf_counter() - t0, 3)
        result["view_nodes_sent"] = v.shown
    except ImportError:
        pass
    measure_kept(store, result, answers, runs)
    kept_again(store, result)
    result["answers"] = answers


def ask_each(store, result: dict, runs: int, timeout: int) -> dict:
    """Every named question's first run and median of `runs` into result["queries"]; its rows, per name."""
    import graph.questions.catalogue as queries
    from graph.answers import ask
    from graph.errors import IkgError

    answers = {}
    for q in queries.list_questions():
        params = PARAMS.get(q.name, {})
        times, table = [], None
        try:
            for _ in range(runs):
                signal.alarm(timeout)  # rdflib cannot be stopped otherwise; a slow question is reported as such
                t0 = time.perf_counter()
                try:
                    table = ask(store, q.name, params, "en")  # SPARQL or computed (path)
                finally:
                    signal.alarm(0)  # never left pending: it would end the process later
                times.append(time.perf_counter() - t0)
                if q.computed_by:
                    break  # computed questions are timed once: the network is cached after that
            result["queries"][q.name] = {"median_s": round(statistics.median(times), 6),
                                         "first_s": round(times[0], 6), "rows": len(table.rows)}
            answers[q.name] = table.rows
        except TimeoutError:
            result["queries"][q.name] = timed_out(times, timeout)
            answers[q.name] = None
        except IkgError as exc:  # a backend that cannot answer a question: recorded, not fatal
            signal.alarm(0)
            if time.perf_counter() - t0 >= timeout * 0.99:  # rdflib or the HTTP client turned the alarm into an error
                result["queries"][q.name] = timed_out(times, timeout)
            else:
                result["queries"][q.name] = {"median_s": None, "rows": None, "error": str(exc)[:200]}
            answers[q.name] = None
    return answers


def measure_kept(store, result: dict, answers: dict, runs: int) -> None:
    """On a store that keeps answers beside its folder (graph.questions.kept): each question asked once
    more (kept, unless `ikg load` already did), then the median of `runs` asks answered from the kept file,
    as a new process meets them (`kept_s`); `kept_same` says whether the kept rows are the asked ones."""
    from graph.answers import ask

    if store.derived_folder is None or store.stamp is None:
        return
    for name, q in result["queries"].items():
        if answers.get(name) is None:
            continue
        params = PARAMS.get(name, {})
        ask(store, name, params, "en")
        times, table = [], None
        for _ in range(runs):
            t0 = time.perf_counter()
            table = ask(store, name, params, "en")
            times.append(time.perf_counter() - t0)
        q["kept_s"] = round(statistics.median(times), 6)
        q["kept_same"] = table.rows == answers[name]


def kept_again(store, result: dict) -> None:
    """Last, as it changes the graph: a recorded change, then the round the app's keeper runs after it
    (graph.store.keeper), timed; twice. First a label added to a new thing: every question reads labels,
    of things of some kind only, so what the new thing is not is carried over unread and the rest built
    anew at the new stamp (`kept_again_s`, `kept_again_n` answers kept, `kept_again_carried` carried over,
    `kept_again_workers` at once: graph.store.keeper.default_workers). Then a network's status set, which
    most do not read (`kept_status_s`, `kept_status_carried` answers carried over). Then two reviews saved
    as the Review page saves them, with target-area scores: the first opens a new round, labelled
    (`kept_opening_s`, `kept_opening_carried`), the second is saved in the open round (`kept_review_s`,
    `kept_review_carried`)."""
    import datetime as dt

    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    import graph.store.derived as derived
    from graph.edit.assessments import save_assessment
    from graph.history.changes import commit
    from graph.store.keeper import Keeper
    from graph.vocab.namespaces import IKG

    if store.derived_folder is None or store.stamp is None:
        return
    network = store.select("SELECT ?n WHERE { ?n a ikg:Network } ORDER BY ?n LIMIT 1").rows[0][0]
    items = [str(m) for (m,) in store.select("SELECT ?m WHERE { ?m a org:Membership } ORDER BY ?m LIMIT 2").rows]
    areas = sorted(n for (n,) in store.select_text("SELECT ?n WHERE { ?a a ikg:TargetArea ; skos:notation ?n }"))

    def review(item: str) -> None:
        save_assessment(store, item, "Bench review", {areas[0]: 2, areas[-1]: 1}, "Useful", "Fair", "keep", "",
                        "bench", dt.date(2026, 12, 5))

    changes = {"again": lambda: commit(store, add=[(URIRef(BENCH + "kept-again"), RDFS.label,
                                                    Literal("Kept again", lang="en"))], editor="bench", action="bench"),
               "status": lambda: commit(store, add=[(network, IKG.status, IKG.Ended)], editor="bench", action="bench"),
               "opening": lambda: review(items[0]), "review": lambda: review(items[-1])}
    for what, change in changes.items():
        change()
        keeper = Keeper(store, None, quiet=0, poll=0)
        t0 = time.perf_counter()
        if not keeper.round(store.stamp):
            return
        result[f"kept_{what}_s"] = round(time.perf_counter() - t0, 3)
        result[f"kept_{what}_carried"] = len(keeper.carried)
        if what == "again":
            result["kept_again_n"] = len(derived.remembered(store.derived_folder))
            result["kept_again_workers"] = keeper.workers


def timed_out(times: list[float], timeout: int) -> dict:
    """A question that ran past the time-out; its first run's time when that one finished."""
    return {"median_s": float(timeout), "first_s": round(times[0], 6) if times else float(timeout), "rows": None,
            "timed_out": True}


def server_peak_mb(pid: int) -> float | None:
    """A server process's peak resident memory (VmHWM), read while it still runs."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def run_child(backend: str, data: Path, runs: int, timeout: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", backend, "--data", str(data), "--runs", str(runs),
           "--timeout", str(timeout)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{backend} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def plot(all_results: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(all_results, key=int)
    backends = sorted({b for s in sizes for b in all_results[s]["backends"]})
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for b in backends:
        xs = [int(s) for s in sizes if b in all_results[s]["backends"]]
        load = [all_results[str(x)]["backends"][b]["load_s"] for x in xs]
        q = [geomean([v["median_s"] for v in all_results[str(x)]["backends"][b]["queries"].values()
                      if v["median_s"] is not None]) for x in xs]
        axes[0].plot(xs, load, marker="o", label=b)
        axes[1].plot(xs, q, marker="o", label=b)
    for ax, title in zip(axes, ("load time (s)", "named question, geometric mean of medians (s)"), strict=True):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("triples")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", default="10000", help="size(s), comma-separated, e.g. 10000,100000,1000000")
    ap.add_argument("--backends", default="memory,oxigraph,oxserver,sparql",
                    help="comma-separated: memory, oxigraph, oxserver (Oxigraph's server), sparql (Virtuoso)")
    ap.add_argument("--runs", type=int, default=5, help="runs per question (median reported)")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    ap.add_argument("--plot", type=Path, help="draw time against size (PNG)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--timeout", type=int, default=300, help="give up on one run of a question after this many s")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.runs, args.timeout), default=str))
        return
    from bench.generate import write

    all_results = {}
    for size in [int(s) for s in args.triples.split(",")]:
        with tempfile.TemporaryDirectory(prefix="ikg-bench-") as tmp:
            data = Path(tmp) / f"bench-{size}.nt"
            write(data, size, args.seed)
            results = {}
            for b in args.backends.split(","):
                runs = args.runs if size <= 100_000 else max(3, args.runs // 2)
                print(f"[{size:,}] {b} …", file=sys.stderr, flush=True)
                results[b] = run_child(b, data, runs, args.timeout)
            summary = report(size, results)
            all_results[str(size)] = {"backends": results, **summary}
    memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    meta = {"machine": f"{os.cpu_count()} cores, {memory_gib:.0f} GiB",
            "python": sys.version.split()[0]}
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "sizes": all_results}, indent=2))
        print(f"wrote {args.json}")
    if args.plot:
        plot(all_results, args.plot)


if __name__ == "__main__":
    main()
