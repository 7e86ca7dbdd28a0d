"""Benchmark: load a synthetic graph into each backend and time every named question and the analysis.

    python bench/run.py --triples 10000,100000,1000000 [--backends memory,oxigraph,sparql] [--json OUT]
                        [--runs 5] [--plot docs/bench.png]

Each (backend, size) runs in its own process so its peak memory is its own. Prints a table, writes
JSON ({size: {backend: {load_s, triples, peak_mb, queries: {name: {median_s, rows}}, ...}}}) and
draws time against size per backend. Checks that every question gives identical rows on every
backend, and reports the Oxigraph/rdflib speed-up (geometric mean over the questions).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    """Runs in a child process: load, time each question, build the network and centralities."""
    import graph.analysis.network as analysis
    import graph.questions.catalogue as queries
    from graph.errors import IkgError
    from graph.history.shipped import shipped_files
    from graph.store.memory import MemoryStore
    from graph.store.oxigraph import OxigraphStore

    signal.signal(signal.SIGALRM, _alarm)
    files = shipped_files(include_data=False) + [data]
    server = None
    start = time.perf_counter()
    if backend == "memory":
        store = MemoryStore()
    elif backend == "oxigraph":
        store = OxigraphStore(Path(tempfile.mkdtemp(prefix="ikg-bench-")))
    else:
        from tests.support.virtuoso import VirtuosoServer

        server = VirtuosoServer()
        server.start()
        store = server.store(graph="urn:ikg:bench")
        store.clear()
        start = time.perf_counter()
    store.load(files)
    load_s = time.perf_counter() - start
    triples = store.count()
    result = {"backend": backend, "load_s": round(load_s, 3), "triples": triples, "queries": {}}
    answers = {}
    for q in queries.list_questions():
        params = PARAMS.get(q.name, {})
        times, table = [], None
        try:
            for _ in range(runs):
                signal.alarm(timeout)  # rdflib cannot be stopped otherwise; a slow question is reported as such
                t0 = time.perf_counter()
                table = queries.run(store, q.name, params, "en")
                times.append(time.perf_counter() - t0)
                signal.alarm(0)
                if q.computed_by:
                    break  # computed questions are timed once: the network is cached after that
            result["queries"][q.name] = {"median_s": round(statistics.median(times), 4), "rows": len(table.rows)}
            answers[q.name] = table.rows
        except TimeoutError:
            result["queries"][q.name] = {"median_s": float(timeout), "rows": None, "timed_out": True}
            answers[q.name] = None
        except IkgError as exc:  # a backend that cannot answer a question: recorded, not fatal
            signal.alarm(0)
            if time.perf_counter() - t0 >= timeout * 0.99:  # rdflib turned the alarm into an error
                result["queries"][q.name] = {"median_s": float(timeout), "rows": None, "timed_out": True}
            else:
                result["queries"][q.name] = {"median_s": None, "rows": None, "error": str(exc)[:200]}
            answers[q.name] = None
    t0 = time.perf_counter()
    analysis._cache.clear()
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
    result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if server is not None:
        result["server_peak_mb"] = server_peak_mb(server)
        server.stop()
    result["answers"] = answers
    return result


def server_peak_mb(server) -> float | None:
    proc = getattr(server, "proc", None) or getattr(server, "process", None)
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (AttributeError, OSError):
        return None
    return None


def run_child(backend: str, data: Path, runs: int, timeout: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", backend, "--data", str(data), "--runs", str(runs),
           "--timeout", str(timeout)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{backend} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def geomean(values: list[float]) -> float:
    values = [max(v, 1e-6) for v in values]
    return math.exp(sum(math.log(v) for v in values) / len(values))


def report(size: int, results: dict[str, dict]) -> dict:
    names = sorted(next(iter(results.values()))["queries"])
    backends = list(results)
    print(f"\n=== {size:,} triples ===")
    print(f"{'':28}" + "".join(f"{b:>14}" for b in backends))
    for label, key in (("triples", "triples"), ("load s", "load_s"), ("peak MB", "peak_mb")):
        print(f"{label:28}" + "".join(f"{results[b].get(key, ''):>14}" for b in backends))
    for b in backends:
        r = results[b]
        if r.get("load_s"):
            r["load_triples_per_s"] = round(r["triples"] / r["load_s"])
    print(f"{'load triples/s':28}" + "".join(f"{results[b].get('load_triples_per_s', ''):>14}" for b in backends))
    def cell(b, n):
        q = results[b]["queries"][n]
        if q.get("median_s") is None:
            return "error".rjust(14)
        return f"{'>' if q.get('timed_out') else ''}{q['median_s'] * 1000:.1f} ms".rjust(14)

    for n in names:
        cells = "".join(cell(b, n) for b in backends)
        print(f"{n:28}{cells}   rows={results[backends[0]]['queries'][n]['rows']}")
    for label, key in (("network build s", "network_build_s"), ("centralities s", "centrality_s"),
                       ("view first s", "view_first_s"), ("view warm s", "view_warm_s"),
                       ("view nodes sent", "view_nodes_sent")):
        print(f"{label:28}" + "".join(f"{results[b].get(key, ''):>14}" for b in backends))
    summary = {}
    base = results[backends[0]]["answers"]
    differ = [n for n in names for b in backends[1:]
              if None not in (base[n], results[b]["answers"][n]) and results[b]["answers"][n] != base[n]]
    summary["identical_results"] = not differ
    summary["differing_questions"] = sorted(set(differ))
    print("identical results on all backends:", "yes" if not differ else f"NO: {sorted(set(differ))}")
    if "memory" in results and "oxigraph" in results:
        sparql_names = [n for n in names if n != "path"]
        both = [n for n in sparql_names if results["memory"]["queries"][n]["median_s"] is not None
                and results["oxigraph"]["queries"][n]["median_s"] is not None]
        ratio = geomean([results["memory"]["queries"][n]["median_s"] for n in both]) / geomean(
            [results["oxigraph"]["queries"][n]["median_s"] for n in both])
        summary["oxigraph_speedup_geomean"] = round(ratio, 1)
        print(f"Oxigraph vs rdflib memory, geometric mean speed-up: {ratio:.1f}x")
    for r in results.values():
        r.pop("answers", None)
    return summary


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
    ap.add_argument("--backends", default="memory,oxigraph,sparql")
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
