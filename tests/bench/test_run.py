"""The benchmark runner (bench/run.py): its table and summary on hand-made results, and a small real run
through the embedded store and through Oxigraph's server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store.keeper import default_workers
from tests.support import ROOT

if str(ROOT) not in sys.path:  # plain `pytest` does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from bench.summary import report  # noqa: E402

RUN = ROOT / "bench" / "run.py"


def _results() -> dict[str, dict]:
    """Three questions on Oxigraph and Virtuoso: a faster, b slower than Virtuoso, c timed out on Oxigraph."""
    return {
        "oxigraph": {
            "triples": 1000, "load_s": 0.004, "peak_mb": 500.0, "load_peak_mb": 300.0, "ready_s": 0.75,
            "kept_again_s": 0.75, "kept_status_s": 0.5, "kept_status_carried": 7,
            "kept_opening_s": 0.6, "kept_review_s": 0.125, "kept_review_carried": 9,
            "queries": {"a": {"median_s": 0.1, "first_s": 0.3, "rows": 2, "kept_s": 0.002, "kept_same": True},
                        "b": {"median_s": 0.5, "first_s": 0.5, "rows": 1, "kept_s": 0.3, "kept_same": True},
                        "c": {"median_s": 300.0, "first_s": 300.0, "rows": None, "timed_out": True}},
            "answers": {"a": [(1,), (2,)], "b": [(3,)], "c": None},
        },
        "sparql": {
            "triples": 1000, "load_s": 0.1, "peak_mb": 100.0, "load_peak_mb": 90.0, "server_peak_mb": 200.0,
            "queries": {"a": {"median_s": 0.25, "first_s": 0.25, "rows": 2},
                        "b": {"median_s": 0.4, "first_s": 0.4, "rows": 1},
                        "c": {"median_s": 1.0, "first_s": 1.0, "rows": 4}},
            "answers": {"a": [(1,), (2,)], "b": [(3,)], "c": [(4,), (5,), (6,), (7,)]},
        },
    }


def test_report_prints_the_ratio_to_virtuoso_the_250_ms_mark_and_the_targets(capsys):
    results = _results()
    summary = report(1000, results)
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == ("                                  oxigraph        sparql  oxigraph/sparql  oxigraph<250ms"
                        "  oxigraph kept")
    assert lines[8] == "load triples/s                      250000         10000"
    assert lines[9] == "network and answers kept s            0.75              "  # kept beside the folder
    assert lines[10] == "kept again after a change s           0.75              "  # the keeper's round after a change
    assert lines[11] == "kept again after a status s            0.5              "  # after a network's status set
    assert lines[12] == "answers carried over                     7              "  # of which carried over unread
    assert lines[13] == "kept again, a round opens s            0.6              "  # a review opening its round
    assert lines[14] == "kept again, a review in it s         0.125              "  # the next review in it
    assert lines[15] == "answers carried over                     9              "
    assert lines[16:19] == [
        "a                                 100.0 ms      250.0 ms            0.40x             yes"
        "         2.0 ms   rows=2",
        "b                                 500.0 ms      400.0 ms            1.25x              no"
        "       300.0 ms   rows=1",
        "c                             >300000.0 ms     1000.0 ms                -              no"
        "              -   rows=None",
    ]
    assert lines[-4:] == [
        "identical results on all backends: yes",
        "Oxigraph under 250 ms: 1 of 3 questions; no slower than Virtuoso: 1 of 3",
        "Oxigraph, answers kept beside the folder (asked again by a new process): under 250 ms: 1 of 3 questions; "
        "no slower than Virtuoso: 2 of 3; the same rows as asked of the graph: yes",
        "Oxigraph load: 250,000 triples/s (target >= 300,000: missed); peak memory while loading 300 MB "
        "(target < 1,000 MB: met)",
    ]
    assert summary == {
        "identical_results": True, "differing_questions": [],
        "oxigraph_under_250ms": ["a"],
        "oxigraph_vs_virtuoso": {"a": 0.4, "b": 1.25, "c": None},
        "oxigraph_no_slower_than_virtuoso": ["a"],
        "oxigraph_load_triples_per_s": 250000, "oxigraph_load_rate_met": False,
        "oxigraph_load_peak_mb": 300.0, "oxigraph_load_memory_met": True,
        "oxigraph_kept_under_250ms": ["a"], "oxigraph_kept_same_rows": True,
        "oxigraph_kept_no_slower_than_virtuoso": ["a", "b"],
    }
    assert "answers" not in results["oxigraph"] and "answers" not in results["sparql"]


def test_report_without_virtuoso_says_so_and_counts_differing_rows(capsys):
    results = _results()
    results["oxserver"] = results.pop("sparql")
    results["oxserver"]["answers"]["b"] = [(9,)]
    results["oxserver"]["load_peak_mb"] = 1000.0
    summary = report(1000, results)
    out = capsys.readouterr().out.splitlines()
    assert out[-6:] == [
        "identical results on all backends: NO: ['b']",
        "Oxigraph under 250 ms: 1 of 3 questions; no slower than Virtuoso: n/a (sparql not run)",
        "Oxigraph, answers kept beside the folder (asked again by a new process): under 250 ms: 1 of 3 questions; "
        "no slower than Virtuoso: n/a (sparql not run); the same rows as asked of the graph: yes",
        "Oxigraph load: 250,000 triples/s (target >= 300,000: missed); peak memory while loading 300 MB "
        "(target < 1,000 MB: met)",
        "Oxigraph server under 250 ms: 0 of 3 questions; no slower than Virtuoso: n/a (sparql not run)",
        "Oxigraph server load: 10,000 triples/s (target >= 300,000: missed); peak memory while loading 1,000 MB "
        "(target < 1,000 MB: missed)",
    ]
    assert summary["differing_questions"] == ["b"]
    assert summary["oxserver_under_250ms"] == []
    assert "oxigraph_vs_virtuoso" not in summary


def _alive(pid: int) -> bool:
    try:
        return "oxigraph" in Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return False


def test_a_small_run_through_oxigraphs_server_gives_the_embedded_rows_and_stops_the_server(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(RUN), "--triples", "2000", "--backends", "oxigraph,oxserver",
                           "--runs", "1", "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    size = json.loads(out.read_text())["sizes"]["2000"]
    assert size["identical_results"] is True
    embedded, served = size["backends"]["oxigraph"], size["backends"]["oxserver"]
    assert (embedded["kind"], served["kind"]) == ("oxigraph", "oxigraph-server")
    assert embedded["triples"] == served["triples"] == 2909  # generated graph and vocabulary
    rows = {n: q["rows"] for n, q in served["queries"].items()}
    assert rows == {n: q["rows"] for n, q in embedded["queries"].items()}
    assert (rows["counts"], rows["changes"], rows["twin-cities"]) == (36, 23, 3)
    answered = [n for n, q in served["queries"].items() if q["rows"] is not None]
    assert len(answered) == 18  # collaborators, path and ties name city-20, which 2,000 triples do not hold
    assert all(served["queries"][n]["first_s"] == served["queries"][n]["median_s"] > 0 for n in answered)
    assert served["server_peak_mb"] > 0
    assert embedded["ready_s"] > 0 and served["ready_s"] > 0  # the network and answers kept beside each folder
    for backend in (embedded, served):  # one recorded change, then every answer kept so far built anew
        assert backend["kept_again_s"] > 0 and backend["kept_again_n"] >= 4  # the network and actors, each language
        assert backend["kept_again_workers"] == default_workers()
        # then a network's status: what reads no status is carried over, but never the network's data, which
        # shows it (at 2,000 triples, which answers are slow enough to be kept at all depends on the machine)
        assert backend["kept_status_s"] > 0 and 0 <= backend["kept_status_carried"] < backend["kept_again_n"]
        # a review opening its round (labelled), then one saved in it: that one leaves the network's data and
        # the actor lists as they were, in each language
        assert backend["kept_opening_s"] > 0 and backend["kept_review_s"] > 0
        assert 4 <= backend["kept_review_carried"] <= backend["kept_again_n"]
    for backend in (embedded, served):  # asked again as a new process: the same rows as asked of the graph
        assert all(backend["queries"][n]["kept_same"] is True and backend["queries"][n]["kept_s"] > 0
                   for n in answered)
    assert not _alive(served["server_pid"])
    assert "Oxigraph server under 250 ms: " in proc.stdout


def test_the_server_is_stopped_and_the_folder_removed_when_a_question_fails(tmp_path, monkeypatch):
    import graph.answers
    from bench.generate import write
    from bench.run import worker
    from graph.store import shared

    data = tmp_path / "bench.nt"
    write(data, 2000, 42)
    started: list[shared.ServerInfo] = []
    real_start = shared.start

    def start(folder: Path, port: int = 0):
        info, new = real_start(folder, port)
        started.append(info)
        return info, new

    def fail(*args, **kwargs):
        raise RuntimeError("a question broke")

    monkeypatch.setattr(shared, "start", start)
    monkeypatch.setattr(shared, "SERVER_TIMEOUT_S", shared.SERVER_TIMEOUT_S)  # the worker raises it
    monkeypatch.setattr(graph.answers, "ask", fail)
    handler = signal.getsignal(signal.SIGALRM)
    try:
        with pytest.raises(RuntimeError, match="a question broke"):
            worker("oxserver", data, 1, timeout=30)
    finally:
        pending = signal.alarm(0)  # seconds left of an alarm the worker left set: it would end pytest later
        signal.signal(signal.SIGALRM, handler)
    assert pending == 0
    assert len(started) == 1
    deadline = time.monotonic() + 5
    while _alive(started[0].pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(started[0].pid)
    assert not started[0].folder.exists() and not started[0].folder.parent.exists()
