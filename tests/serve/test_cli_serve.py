"""`ikg serve` as a person starts it: on the store folder it shares the folder through Oxigraph's server
(so other ikg commands keep working), answers on 127.0.0.1, and stops that server again on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import requests

from graph.store import shared
from tests.support import ROOT
from tests.support.browser import free_port


def test_ikg_serve_shares_the_folder_answers_and_cleans_up(tmp_path):
    folder, port = tmp_path / "store", free_port()
    env = {**os.environ, "IKG_STORE": str(folder)}
    # Ctrl-C as in a terminal: a background job inherits SIGINT ignored, and Python then never raises it
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = proc.stdout.readline()
        assert line.startswith(f"The read-only SPARQL endpoint is http://127.0.0.1:{port}/sparql and the IRI pages"), \
            line + proc.stderr.read() if proc.poll() is not None else line
        asked = requests.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?c a ikg:City }"}, timeout=10)
        assert asked.json()["boolean"] is True
        other = subprocess.run([sys.executable, "-m", "graph.cli", "query", "twin-cities", "--format", "csv"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert other.returncode == 0, other.stderr  # the folder is shared, not locked
        assert shared.running(folder) is not None
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)  # stopping the Oxigraph server: SIGTERM, at most 10 s before SIGKILL
    assert proc.returncode == 0
    assert shared.running(folder) is None and not shared.sidecar(folder, ".server").exists()
