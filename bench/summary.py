"""The table and summary of bench/run.py: every question's median per backend, each Oxigraph backend's
ratio to Virtuoso (`sparql`) and whether it answers under 250 ms, its answer kept beside the store's folder
(`kept`: asked again as a new process would, graph.questions.kept), whether all backends gave the same
rows, and the issue's load targets (≥ 300,000 triples/s, < 1,000 MB peak memory while loading).

>>> ratio_text(0.4), ratio_text(12.34), ratio_text(None)
('0.40x', '12x', '-')
"""

from __future__ import annotations

import math

QUESTION_TARGET_S = 0.25
LOAD_RATE_TARGET = 300_000  # triples per second
LOAD_MEMORY_TARGET_MB = 1_000  # peak resident memory of the loading process
VIRTUOSO = "sparql"
OXIGRAPHS = {"oxigraph": "Oxigraph", "oxserver": "Oxigraph server"}  # backend: its name in the summary
NAME_WIDTH, CELL_WIDTH = 28, 14


def geomean(values: list[float]) -> float:
    values = [max(v, 1e-6) for v in values]
    return math.exp(sum(math.log(v) for v in values) / len(values))


def answered(query: dict) -> float | None:
    """A question's median when it answered within the time-out, else None."""
    if query.get("timed_out") or query.get("median_s") is None:
        return None
    return float(query["median_s"])


def ratio(results: dict[str, dict], backend: str, name: str) -> float | None:
    """The backend's median over Virtuoso's for one question; None unless both answered."""
    if VIRTUOSO not in results:
        return None
    mine, theirs = answered(results[backend]["queries"][name]), answered(results[VIRTUOSO]["queries"][name])
    if mine is None or theirs is None:
        return None
    return mine / max(theirs, 1e-6)


def ratio_text(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}x" if value < 10 else f"{value:.0f}x"


def targets(results: dict[str, dict], names: list[str]) -> dict:
    """Per Oxigraph backend that ran: the questions under 250 ms, its ratio to Virtuoso per question and
    the questions no slower than there, and its load rate and peak load memory against the targets."""
    summary: dict = {}
    for b in (b for b in OXIGRAPHS if b in results):
        r = results[b]
        summary[f"{b}_under_250ms"] = [n for n in names if (m := answered(r["queries"][n])) is not None
                                       and m < QUESTION_TARGET_S]
        if VIRTUOSO in results:
            ratios = {n: ratio(results, b, n) for n in names}
            summary[f"{b}_vs_virtuoso"] = {n: None if v is None else round(v, 3) for n, v in ratios.items()}
            summary[f"{b}_no_slower_than_virtuoso"] = [n for n, v in ratios.items() if v is not None and v <= 1]
        if any("kept_s" in q for q in r["queries"].values()):
            summary[f"{b}_kept_under_250ms"] = [
                n for n in names if (k := r["queries"][n].get("kept_s")) is not None and k < QUESTION_TARGET_S]
            summary[f"{b}_kept_same_rows"] = all(q.get("kept_same", True) for q in r["queries"].values())
            if VIRTUOSO in results:
                summary[f"{b}_kept_no_slower_than_virtuoso"] = [
                    n for n in names if (k := r["queries"][n].get("kept_s")) is not None
                    and (v := answered(results[VIRTUOSO]["queries"][n])) is not None and k <= v]
        rate = round(r["triples"] / r["load_s"]) if r.get("load_s") else None
        summary[f"{b}_load_triples_per_s"] = rate
        summary[f"{b}_load_rate_met"] = rate is not None and rate >= LOAD_RATE_TARGET
        peak = r.get("load_peak_mb")
        summary[f"{b}_load_peak_mb"] = peak
        summary[f"{b}_load_memory_met"] = peak is not None and peak < LOAD_MEMORY_TARGET_MB
    return summary


def target_lines(summary: dict, backends: list[str], count: int) -> list[str]:
    """The summary lines printed below the table, one pair per Oxigraph backend."""
    lines = []
    for b in (b for b in OXIGRAPHS if b in backends):
        label = OXIGRAPHS[b]
        slower = (f"{len(summary[f'{b}_no_slower_than_virtuoso'])} of {count}" if f"{b}_vs_virtuoso" in summary
                  else "n/a (sparql not run)")
        lines.append(f"{label} under 250 ms: {len(summary[f'{b}_under_250ms'])} of {count} questions; "
                     f"no slower than Virtuoso: {slower}")
        if f"{b}_kept_under_250ms" in summary:
            faster = (f"{len(summary[f'{b}_kept_no_slower_than_virtuoso'])} of {count}"
                      if f"{b}_kept_no_slower_than_virtuoso" in summary else "n/a (sparql not run)")
            same = "yes" if summary[f"{b}_kept_same_rows"] else "NO"
            lines.append(f"{label}, answers kept beside the folder (asked again by a new process): under 250 ms: "
                         f"{len(summary[f'{b}_kept_under_250ms'])} of {count} questions; no slower than Virtuoso: "
                         f"{faster}; the same rows as asked of the graph: {same}")
        rate, peak = summary[f"{b}_load_triples_per_s"], summary[f"{b}_load_peak_mb"]
        rate_text = "-" if rate is None else f"{rate:,}"
        peak_text = "-" if peak is None else f"{peak:,.0f}"
        lines.append(f"{label} load: {rate_text} triples/s (target >= {LOAD_RATE_TARGET:,}: "
                     f"{'met' if summary[f'{b}_load_rate_met'] else 'missed'}); peak memory while loading "
                     f"{peak_text} MB (target < {LOAD_MEMORY_TARGET_MB:,} MB: "
                     f"{'met' if summary[f'{b}_load_memory_met'] else 'missed'})")
    return lines


def _row(label: str, cells: list[object]) -> str:
    return f"{label:{NAME_WIDTH}}" + "".join(f"{'' if c is None else c:>{CELL_WIDTH}}" for c in cells)


def _cell(results: dict[str, dict], b: str, n: str) -> str:
    q = results[b]["queries"][n]
    if q.get("median_s") is None:
        return "error"
    return f"{'>' if q.get('timed_out') else ''}{q['median_s'] * 1000:.1f} ms"


def report(size: int, results: dict[str, dict]) -> dict:
    """Print the table of one size and return its summary; drops each backend's `answers` once compared."""
    names = sorted(next(iter(results.values()))["queries"])
    backends = list(results)
    oxigraphs = [b for b in OXIGRAPHS if b in results]
    kept = [b for b in oxigraphs if any("kept_s" in q for q in results[b]["queries"].values())]
    extra = [h for b in oxigraphs for h in ([f"{b}/sparql"] if VIRTUOSO in results else []) + [f"{b}<250ms"]
             + ([f"{b} kept"] if b in kept else [])]
    print(f"\n=== {size:,} triples ===")
    print(_row("", backends) + "".join(f"  {h}" for h in extra))
    for label, key in (("triples", "triples"), ("load s", "load_s"), ("peak MB", "peak_mb"),
                       ("peak MB while loading", "load_peak_mb"), ("server peak MB", "server_peak_mb")):
        print(_row(label, [results[b].get(key) for b in backends]))
    for b in backends:
        r = results[b]
        if r.get("load_s"):
            r["load_triples_per_s"] = round(r["triples"] / r["load_s"])
    print(_row("load triples/s", [results[b].get("load_triples_per_s") for b in backends]))
    print(_row("network and answers kept s", [results[b].get("ready_s") for b in backends]))
    print(_row("kept again after a change s", [results[b].get("kept_again_s") for b in backends]))
    print(_row("kept again after a status s", [results[b].get("kept_status_s") for b in backends]))
    print(_row("answers carried over", [results[b].get("kept_status_carried") for b in backends]))
    print(_row("kept again, a round opens s", [results[b].get("kept_opening_s") for b in backends]))
    print(_row("kept again, a review in it s", [results[b].get("kept_review_s") for b in backends]))
    print(_row("answers carried over", [results[b].get("kept_review_carried") for b in backends]))
    for n in names:
        marks = []
        for b in oxigraphs:
            if VIRTUOSO in results:
                marks.append(ratio_text(ratio(results, b, n)))
            median = answered(results[b]["queries"][n])
            marks.append("yes" if median is not None and median < QUESTION_TARGET_S else "no")
            if b in kept:
                k = results[b]["queries"][n].get("kept_s")
                marks.append("-" if k is None else f"{k * 1000:.1f} ms")
        print(_row(n, [_cell(results, b, n) for b in backends])
              + "".join(f"{m:>{len(h) + 2}}" for m, h in zip(marks, extra, strict=True))
              + f"   rows={results[backends[0]]['queries'][n]['rows']}")
    for label, key in (("network build s", "network_build_s"), ("centralities s", "centrality_s"),
                       ("view first s", "view_first_s"), ("view warm s", "view_warm_s"),
                       ("view nodes sent", "view_nodes_sent")):
        print(_row(label, [results[b].get(key) for b in backends]))
    summary: dict = {}
    base = results[backends[0]]["answers"]
    differ = [n for n in names for b in backends[1:]
              if None not in (base[n], results[b]["answers"][n]) and results[b]["answers"][n] != base[n]]
    summary["identical_results"] = not differ
    summary["differing_questions"] = sorted(set(differ))
    print("identical results on all backends:", "yes" if not differ else f"NO: {sorted(set(differ))}")
    summary.update(targets(results, names))
    for line in target_lines(summary, backends, len(names)):
        print(line)
    if "memory" in results and "oxigraph" in results:
        sparql_names = [n for n in names if n != "path"]
        both = [n for n in sparql_names if results["memory"]["queries"][n]["median_s"] is not None
                and results["oxigraph"]["queries"][n]["median_s"] is not None]
        speedup = geomean([results["memory"]["queries"][n]["median_s"] for n in both]) / geomean(
            [results["oxigraph"]["queries"][n]["median_s"] for n in both])
        summary["oxigraph_speedup_geomean"] = round(speedup, 1)
        print(f"Oxigraph vs rdflib memory, geometric mean speed-up: {speedup:.1f}x")
    for r in results.values():
        r.pop("answers", None)
    return summary
