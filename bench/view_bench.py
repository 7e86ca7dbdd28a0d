"""How long the Network page's server-side work takes on a generated graph.

    python bench/view_bench.py --triples 1000000 [--seed 42] [--max-nodes 400] [--betweenness] [--json OUT]

Generates N-Triples with bench/generate.py, loads them with the vocabulary into an in-memory
Oxigraph store, then times graph/render/view/: network_data (first call: the SPARQL reads) and
build_view, drawing at most --max-nodes (by default the Network page's 400), for the overview (first,
then warm: data and layout cached, the view itself rebuilt), the overview in bokmål, a year filter, a
kind filter, and focus on the biggest hub at depth 1 and 2. With --betweenness it also times the first
betweenness view (networkx, sampled) and a warm one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import graph.render.view as view  # noqa: E402
from bench.generate import write  # noqa: E402
from graph.history.shipped import shipped_files  # noqa: E402
from graph.render.view import cache as view_cache  # noqa: E402
from graph.store.oxigraph import OxigraphStore  # noqa: E402


def timed(fn, repeat: int = 1):
    """(result of the last run, median seconds)."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def fresh_view(store, options: view.ViewOptions) -> view.View:
    """build_view without its per-options cache, so 'warm' means data and layout cached, view rebuilt."""
    with view_cache.lock:
        view_cache.view_cache.clear()
    return view.build_view(store, options)


def run(triples: int, seed: int = 42, betweenness: bool = False, max_nodes: int = view.PAGE_MAX_NODES) -> dict:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.nt"
        _, t_gen = timed(lambda: write(path, triples, seed))
        store = OxigraphStore()
        _, t_load = timed(lambda: store.load(shipped_files(include_data=False) + [path]))
    data, t_data = timed(lambda: view.network_data(store, "en"))
    rows.append({"step": "network_data (first)", "seconds": t_data, "nodes": len(data.nodes), "edges": len(data.edges)})

    hub = max((n for n in data.nodes.values() if n.is_actor), key=lambda n: (data.degree[n.iri], n.iri)).iri
    m = max_nodes
    cases = [
        ("overview (default)", view.ViewOptions(max_nodes=m)),
        ("overview nb", view.ViewOptions(lang="nb", max_nodes=m)),
        ("year 2010", view.ViewOptions(year=2010, max_nodes=m)),
        ("kinds networks", view.ViewOptions(kinds={"networks"}, max_nodes=m)),
        ("focus hub depth 1", view.ViewOptions(focus=hub, depth=1, max_nodes=m)),
        ("focus hub depth 2", view.ViewOptions(focus=hub, depth=2, max_nodes=m)),
    ]
    if betweenness:
        cases.append(("betweenness", view.ViewOptions(size_by="betweenness", max_nodes=m)))
    for name, options in cases:
        v, t_first = timed(lambda o=options: fresh_view(store, o))
        _, t_warm = timed(lambda o=options: fresh_view(store, o), repeat=3)
        _, t_hit = timed(lambda o=options: view.build_view(store, o), repeat=3)
        rows.append({"step": f"build_view {name}", "seconds": t_first, "warm": t_warm, "cached": t_hit,
                     "nodes": v.shown, "of": v.total, "edges": len(v.edges), "html_kb": len(v.html) // 1024})
    return {"triples": store.count(), "generate_s": t_gen, "load_s": t_load, "hub": hub, "max_nodes": m,
            "hub_degree": data.degree[hub], "rows": rows}


def table(result: dict) -> str:
    lines = [f"{result['triples']:,} triples; load {result['load_s']:.1f} s; "
             f"at most {result['max_nodes']:,} nodes drawn; biggest hub {result['hub']} "
             f"({result['hub_degree']:,} neighbours)",
             f"{'step':34} {'first s':>8} {'warm s':>8} {'cached s':>9} {'nodes':>7} {'of':>7} {'edges':>7} {'KB':>6}"]
    for r in result["rows"]:
        lines.append(f"{r['step']:34} {r['seconds']:8.3f} {r.get('warm', float('nan')):8.3f} "
                     f"{r.get('cached', float('nan')):9.4f} {r['nodes']:7,} {r.get('of', r['nodes']):7,} "
                     f"{r['edges']:7,} {r.get('html_kb', 0):6,}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--max-nodes", type=int, default=view.PAGE_MAX_NODES,
                        help="the most nodes a view draws (default: the Network page's)")
    parser.add_argument("--betweenness", action="store_true", help="also time the (sampled) betweenness view")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    result = run(args.triples, args.seed, args.betweenness, args.max_nodes)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
