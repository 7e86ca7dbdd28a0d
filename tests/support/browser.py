"""Helpers for the real-browser tests and the app benchmark: start the Streamlit app on 127.0.0.1,
launch Debian's Chromium through Playwright, and wait for Streamlit the way a person would.

The app runs as a subprocess (`python -m streamlit run app.py`) on a free port, pointed at its own
Oxigraph folder with IKG_STORE (created and filled from data/ on first start). Chromium comes from
Debian's package (/usr/bin/chromium); Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# The flags this machine needs (see the environment notes): no sandbox as root, software rendering,
# and nothing that phones home (the network is closed; background requests would be refused).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run, or None when Chromium is there."""
    if Path(CHROMIUM).exists():
        return None
    return (f"{CHROMIUM} is missing: run ./scripts/test (it installs Debian's chromium package), "
            "or set IKG_SKIP_BROWSER=1 to skip the browser tests")


def require_chromium() -> None:
    """Fail (or skip when IKG_SKIP_BROWSER=1) with a clear message when Chromium is not installed."""
    import pytest

    reason = chromium_missing_reason()
    if reason is None:
        return
    if os.environ.get("IKG_SKIP_BROWSER") == "1":
        pytest.skip(f"IKG_SKIP_BROWSER=1 and {reason}")
    pytest.fail(reason, pytrace=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run app.py` on 127.0.0.1 and a free port, on its own store folder.

    `args` are more options for `streamlit run` (e.g. `secrets_args(path)`); `env` more environment.
    """

    def __init__(self, store: Path | str, *, log_dir: Path | None = None, env: dict[str, str] | None = None,
                 args: list[str] | None = None):
        self.store = str(store)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_dir = Path(log_dir or tempfile.mkdtemp(prefix="ikg-app-log-"))
        self.log_path = self.log_dir / f"streamlit-{self.port}.log"
        self.extra_env = env or {}
        self.extra_args = list(args or [])
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> AppServer:
        env = {**os.environ, "IKG_STORE": self.store, "PYTHONUNBUFFERED": "1", **self.extra_env}
        env.pop("IKG_DEBUG", None)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *self.extra_args],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app stopped at start-up (exit {self.proc.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the app did not answer /_stcore/health within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server this object started (its own process group only)."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if getattr(self, "_log", None) is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def secrets_args(folder: Path, secrets: dict[str, dict[str, str]]) -> list[str]:
    """Write Streamlit secrets (e.g. {"ikg": {"editor_password_hash": …}}) to a TOML file in `folder` and
    return the `streamlit run` options that read only that file (`--secrets.files`, Streamlit's own option;
    the checkout's and the user's .streamlit/secrets.toml are then not read)."""
    import json

    lines = []
    for section, values in secrets.items():
        lines.append(f"[{section}]")
        lines += [f"{name} = {json.dumps(str(value))}" for name, value in values.items()]  # a TOML basic string
    path = Path(folder) / "secrets.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return ["--secrets.files", str(path)]


def launch_chromium(playwright):
    """Debian's Chromium, headless, with this machine's flags (Playwright gives it a fresh profile folder)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def browser_session():
    """For a module's browser fixture (`yield from browser_session()`): one headless Chromium, or None
    when it is missing (each test then fails or skips with the reason, in its own body)."""
    if chromium_missing_reason():
        yield None
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


def editor_app(tmp_path_factory, name: str, password: str):
    """For a module's app fixture (`yield from editor_app(...)`): the app on a fresh store with an editor
    password configured, or None when Chromium is missing."""
    if chromium_missing_reason():
        yield None
        return
    from graph.edit.auth import hash_password

    tmp = tmp_path_factory.mktemp(name)
    args = secrets_args(tmp, {"ikg": {"editor_password_hash": hash_password(password)}})
    server = AppServer(tmp / "store", log_dir=tmp, args=args).start()
    yield server
    server.stop()


def make_xss_store(folder: Path, label: str) -> Path:
    """An Oxigraph folder with the shipped data plus one actor whose label is `label` (in both languages)."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from graph.history.shipped import fill_from_shipped
    from graph.store.oxigraph import OxigraphStore

    ikg = "https://w3id.org/ikg/ontology#"
    trd = "https://w3id.org/ikg/trondheim/"
    evil = URIRef(trd + "evil-university")
    extra = Graph()
    extra.add((evil, RDF.type, URIRef(ikg + "University")))
    extra.add((evil, RDFS.label, Literal(label, lang="nb")))
    extra.add((evil, RDFS.label, Literal(label, lang="en")))
    extra.add((evil, RDFS.comment, Literal(label, lang="en")))
    cite = URIRef(trd + "evil-university-citation")
    extra.add((evil, URIRef(ikg + "citation"), cite))
    extra.add((cite, URIRef(ikg + "section"), URIRef(trd + "doc-2019-s3-1")))
    extra.add((cite, URIRef(ikg + "quote"), Literal(label)))
    extra.add((cite, URIRef(ikg + "evidence"), URIRef(ikg + "stated")))
    # in NTNU's India working group, so the actor is drawn in the network and has collaborators
    extra.add((URIRef(trd + "wg-india-2011"), URIRef(ikg + "participant"), evil))
    folder.mkdir(parents=True, exist_ok=True)
    store = OxigraphStore(folder)
    try:
        fill_from_shipped(store)
        store.apply(add=extra)
    finally:
        store.close()
    return folder


# ---------------------------------------------------------------------------------------------
# Waiting for Streamlit
# ---------------------------------------------------------------------------------------------


def wait_idle(page, timeout: float = 30_000) -> None:
    """The app is shown and its script has finished (Streamlit marks the app element)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-testid="stSkeleton"]');
        }""",
        timeout=timeout,
    )
    # a rerun may start right after the first finished (a widget's value settling): let it settle
    page.wait_for_timeout(150)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
                   ?.getAttribute('data-test-script-state') === 'notRunning'""",
        timeout=timeout,
    )


def click_and_wait_rerun(page, target, timeout: float = 30_000, tries: int = 3) -> None:
    """Click `target` and wait until the rerun it starts has finished. Waiting for a text is not enough when
    the previous answer says the same ("Wrong password." twice), and the page can look idle for a moment
    before the rerun begins: this counts the script's runs that end, seen by a MutationObserver. A click
    that starts no run within 10 s (the page was redrawing under it) is made again, as a person would;
    a run that started is waited for however long it takes."""
    page.evaluate("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        window.ikgRunsSeen = 0;  // any change of the script's state: a run started
        window.ikgRunsEnded = 0;
        if (window.ikgRunWatch) window.ikgRunWatch.disconnect();
        window.ikgRunWatch = new MutationObserver(records => {
            for (const r of records) {
                window.ikgRunsSeen++;
                if (r.oldValue === 'running') window.ikgRunsEnded++;
            }
        });
        window.ikgRunWatch.observe(app, {attributes: true, attributeOldValue: true,
                                         attributeFilter: ['data-test-script-state']});
    }""")
    for attempt in range(tries):
        target.click()
        try:
            page.wait_for_function("() => window.ikgRunsSeen > 0", timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: no run started by that click
            if attempt == tries - 1:
                raise
    page.wait_for_function(  # the run that click started has ended (however long it took)
        """() => window.ikgRunsEnded > 0 && document.querySelector('[data-testid="stApp"]')
                   .getAttribute('data-test-script-state') === 'notRunning'""",
        timeout=timeout,
    )
