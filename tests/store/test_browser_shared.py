"""With the app up on a shared store (what `./scripts/run` starts), `ikg import` from the command line
succeeds and the app shows the new triples on its next click, in a real browser."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect, sync_playwright

from graph.history import shipped
from tests.store.test_shared import csv_of_networks
from tests.support import ROOT
from tests.support.browser import VIEWPORT, AppServer, launch_chromium, require_chromium
from tests.support.oxigraph_server import OxigraphServer
from tests.ui.test_browser import go, open_app, set_language

pytestmark = pytest.mark.browser
TRIPLES = re.compile(r"^([\d,]+) triples in the store\.$")  # as a visitor sees it (where it is: for editors)


def triples_shown(page) -> int:
    text = page.locator('[data-testid="stMain"] [data-testid="stText"]').filter(has_text=TRIPLES).first
    expect(text).to_be_visible()
    return int(TRIPLES.match(text.inner_text()).group(1).replace(",", ""))


def test_an_import_from_the_command_line_shows_in_the_running_app(tmp_path):
    require_chromium()
    with OxigraphServer(tmp_path / "store") as server:
        store = shipped.open_store(str(server.folder))
        with AppServer(server.folder, log_dir=tmp_path) as app, sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                open_app(page, app)
                set_language(page, "en")
                go(page, "about", "en")
                before = triples_shown(page)
                assert before == store.count()
                imported = subprocess.run(
                    [sys.executable, "-m", "graph.cli", "import", str(csv_of_networks(tmp_path / "n.csv", "App", 2)),
                     "--editor", "Kari"], cwd=ROOT, env={**os.environ, "IKG_STORE": str(server.folder)},
                    capture_output=True, text=True, timeout=120)
                assert imported.returncode == 0, imported.stderr
                go(page, "network", "en")  # the next click
                go(page, "about", "en")
                after = triples_shown(page)
            finally:
                browser.close()
        assert after == store.count() > before
