"""How fast the explorer is on the shipped data: server-side page time and time to an interactive network.

    python bench/app_bench.py [--json OUT] [--reruns 5] [--loads 3] [--no-browser] [--interactions-only]

1. Server side, with streamlit.testing.v1.AppTest on a fresh Oxigraph folder filled from data/:
   for each page (English and Norwegian), the first run of the page (its answers not yet cached),
   then the median of N reruns (what a person waits for after each click). Target: < 300 ms warm.
2. In headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): the app started with
   `streamlit run` on 127.0.0.1; for each of M fresh browser contexts, the time from navigation to
   the Network page being interactive: the script finished (data-test-script-state="notRunning"),
   vis-network's canvas drawn (data-ikg-drawn) and its physics stopped (disabled or stabilised).
   The server is warmed by one load first, so store creation is not counted. Target: < 3 s. Also
   shown: when Streamlit's own page had loaded (shell) and when the network iframe arrived.
3. Each interaction a person makes, in headless Chromium (median and worst of 5): from the click or key
   to the script finished and what it changes shown (the network redrawn or lit up, the page's heading).
   Target: < 1 s.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGES = ["network", "collaborators", "gaps", "review", "map", "sparql", "about"]
PAGE_TARGET_S = 0.300
INTERACTIVE_TARGET_S = 3.0
INTERACTION_TARGET_S = 1.0
COMPONENT = 'iframe[src*="/graph.ui.network_component.ikg_network/"]'


def server_side(store_dir: Path, reruns: int, langs: tuple[str, ...] = ("en", "nb")) -> list[dict]:
    """First-run and warm-rerun times of each page's script, with AppTest."""
    os.environ["IKG_STORE"] = str(store_dir)
    os.environ.pop("IKG_DEBUG", None)
    from streamlit.testing.v1 import AppTest

    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context"):
        logging.getLogger(name).setLevel(logging.ERROR)  # bare-mode notices, not findings

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    started = time.perf_counter()
    at.run()  # opens (and on first use fills) the store, then draws the Network page in Norwegian
    startup = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"the app failed: {at.exception}")
    rows = [{"lang": "nb", "page": "(start: open store + network)", "first_ms": startup * 1000,
             "warm_ms": None, "warm_min_ms": None}]
    for lang in langs:
        if at.sidebar.radio(key="lang").value != lang:
            at.sidebar.radio(key="lang").set_value(lang).run()
        for page in PAGES:
            started = time.perf_counter()
            at.switch_page(f"graph/ui/pages/{page}.py").run()  # as a click in the menu does
            first = time.perf_counter() - started
            if at.exception:
                raise RuntimeError(f"page {page} failed: {at.exception}")
            times = []
            for _ in range(reruns):
                started = time.perf_counter()
                at.run()
                times.append(time.perf_counter() - started)
            rows.append({"lang": lang, "page": page, "first_ms": first * 1000,
                         "warm_ms": statistics.median(times) * 1000, "warm_min_ms": min(times) * 1000})
    return rows


INTERACTIVE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') { return null; }
    const iframe = document.querySelector('iframe[src*="/graph.ui.network_component.ikg_network/"]');
    const doc = iframe && iframe.contentDocument;
    const win = iframe && iframe.contentWindow;
    if (!doc || !doc.body || !doc.body.getAttribute('data-ikg-drawn')) { return null; }
    if (!doc.querySelector('#ikg-network canvas') || !win.ikgNetwork) { return null; }
    const physics = win.ikgNetwork.physics;
    const still = physics.options.enabled === false || physics.stabilized === true;
    if (!still) { return null; }
    return {nodes: win.ikgView.nodes.length, edges: win.ikgView.edges.length,
            physics: physics.options.enabled ? 'stabilised' : 'off'};
}"""


def browser_side(store_dir: Path, loads: int) -> list[dict]:
    """Navigation to interactive Network page, in fresh browser contexts."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import VIEWPORT, AppServer, chromium_missing_reason, launch_chromium

    reason = chromium_missing_reason()
    if reason:
        raise RuntimeError(reason)
    rows = []
    with AppServer(store_dir) as server, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for i in range(loads + 1):  # the first load warms the server (store, caches); not counted
                context = browser.new_context(viewport=VIEWPORT)
                page = context.new_page()
                started = time.perf_counter()
                page.goto(server.url, wait_until="commit")
                page.wait_for_selector('[data-testid="stApp"]', timeout=180_000)
                shell = time.perf_counter() - started  # Streamlit's page and scripts loaded
                page.wait_for_selector(COMPONENT, timeout=180_000, state="attached")
                delivered = time.perf_counter() - started  # the script sent the network page
                handle = page.wait_for_function(INTERACTIVE_JS, timeout=180_000, polling=50)
                seconds = time.perf_counter() - started
                state = handle.json_value()
                context.close()
                rows.append({"load": "warm-up" if i == 0 else str(i), "seconds": seconds, "app_shell_s": shell,
                             "network_iframe_s": delivered, **state})
        finally:
            browser.close()
    return rows


def _idle(page) -> None:
    """The script has finished (a rerun that starts right after is waited for too)."""
    from tests.support.browser import wait_idle

    wait_idle(page, timeout=60_000)


def _drawn(page) -> str:
    frame = page.wait_for_selector(COMPONENT, timeout=60_000).content_frame()
    return frame.evaluate("() => document.body.getAttribute('data-ikg-drawn') || ''")


def _redrawn(page, before: str) -> None:
    """The drawing shows a new view (its version changed) and the script has finished."""
    frame = page.wait_for_selector(COMPONENT, timeout=60_000).content_frame()
    frame.wait_for_function("(old) => { const v = document.body.getAttribute('data-ikg-drawn');"
                            " return v && v !== old; }", arg=before, timeout=60_000, polling=20)
    page.wait_for_function("""() => document.querySelector('[data-testid="stApp"]')
        ?.getAttribute('data-test-script-state') === 'notRunning'""", timeout=60_000, polling=20)


def _heading(page, text: str) -> None:
    page.wait_for_function("""(t) => { const h = document.querySelector('[data-testid="stMain"] h2');
        const app = document.querySelector('[data-testid="stApp"]');
        return h && h.textContent.trim() === t && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-testid="stSkeleton"]'); }""", arg=text, timeout=60_000, polling=20)


def interactions(store_dir: Path, repeats: int) -> list[dict]:
    """Each interaction, `repeats` times, in one English session: seconds from the action to its result."""
    from playwright.sync_api import sync_playwright

    from graph.i18n import t
    from tests.support.browser import VIEWPORT, AppServer, launch_chromium

    def key(name: str) -> str:
        return ".st-key-" + name.replace(".", "-")

    def focus(page, typed: str, option: str) -> None:
        before = _drawn(page)
        page.locator(key("net_focus.en") + " input").click()
        page.keyboard.type(typed)
        option_el = page.get_by_role("option", name=option, exact=True)
        option_el.wait_for()
        started = time.perf_counter()
        option_el.click()
        _redrawn(page, before)
        return time.perf_counter() - started

    def click_then_redrawn(page, locator) -> float:
        before = _drawn(page)
        started = time.perf_counter()
        locator.click()
        _redrawn(page, before)
        return time.perf_counter() - started

    def find(page, text: str) -> None:
        box = page.locator(key("net_find") + " input")
        box.fill(text)
        box.press("Enter")

    def lit_after(page, action, wanted: str) -> float:
        """Seconds from the action until the drawing shows the highlight (`data-ikg-lit`), same drawing."""
        frame = page.wait_for_selector(COMPONENT, timeout=60_000).content_frame()
        started = time.perf_counter()
        action()
        frame.wait_for_function("(w) => document.body.getAttribute('data-ikg-lit') === w", arg=wanted,
                                timeout=60_000, polling=20)
        seconds = time.perf_counter() - started
        _idle(page)
        return seconds

    def go(page, name: str) -> float:
        started = time.perf_counter()
        page.locator('[data-testid="stSidebarNav"]').get_by_text(t(f"page.{name}", "en"), exact=True).click()
        _heading(page, HEADINGS_EN[name])
        return time.perf_counter() - started

    rows: dict[str, list[float]] = {}
    with AppServer(store_dir) as server, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(server.url)
            _idle(page)
            page.locator(key("lang")).get_by_text("English", exact=True).click()
            _idle(page)
            for i in range(repeats + 1):  # the first round warms the caches; not counted
                timings = {}
                timings["focus an actor"] = focus(page, "Innovation", "Innovation Norway")
                depth = page.locator(key("net_depth"))
                timings["2 steps around it"] = click_then_redrawn(page, depth.get_by_text("2", exact=True))
                timings["back to 1 step"] = click_then_redrawn(page, depth.get_by_text("1", exact=True))
                timings["whole network again"] = focus(page, "whole", "(the whole network)")
                toggle = page.locator(key("net_use_year")).get_by_text(t("network.use_year", "en"))
                timings["year filter on"] = click_then_redrawn(page, toggle)
                timings["year filter off"] = click_then_redrawn(page, toggle)
                colour = page.locator(key("net_colour.en"))
                timings["colour by cluster"] = click_then_redrawn(
                    page, colour.get_by_text(t("explorer.colour.community", "en"), exact=True))
                timings["colour by kind"] = click_then_redrawn(
                    page, colour.get_by_text(t("explorer.colour.kind", "en"), exact=True))
                timings["find in the drawing"] = lit_after(page, lambda: find(page, "Innovation Norway"), "1:0")
                timings["clear highlight"] = lit_after(
                    page, lambda: page.get_by_role("button", name=t("explorer.clear_highlight", "en")).click(), "0:0")
                collapse = page.locator(key("net_collapse")).get_by_text(t("explorer.collapse", "en"))
                timings["collapse clusters"] = click_then_redrawn(page, collapse)
                timings["expand clusters"] = click_then_redrawn(page, collapse)
                for name in ("collaborators", "gaps", "map", "timeline", "history", "review", "network"):
                    timings[f"page: {name}"] = go(page, name)
                _idle(page)
                if i:
                    for name, seconds in timings.items():
                        rows.setdefault(name, []).append(seconds)
        finally:
            browser.close()
    return [{"interaction": name, "median_s": statistics.median(v), "worst_s": max(v), "n": len(v)}
            for name, v in rows.items()]


HEADINGS_EN = {"network": "The network", "collaborators": "Who works with whom", "gaps": "Gaps in the portfolio",
               "map": "Twin cities and partner cities", "history": "Change history", "timeline": "What ran when",
               "review": "Review of memberships and twin-city agreements"}


def print_interactions(rows: list[dict]) -> None:
    print(f"Headless Chromium: each interaction (median and worst of {rows[0]['n'] if rows else 0}), shipped data")
    print(f"{'interaction':<24} {'median s':>9} {'worst s':>8}  target")
    for r in rows:
        ok = "ok" if r["worst_s"] < INTERACTION_TARGET_S else ("median ok" if r["median_s"] < INTERACTION_TARGET_S
                                                                else "SLOW")
        print(f"{r['interaction']:<24} {r['median_s']:9.2f} {r['worst_s']:8.2f}  {ok}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="only the server-side part")
    parser.add_argument("--interactions-only", action="store_true", help="only the browser interactions")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of interactions")
    args = parser.parse_args(argv)
    if args.interactions_only:
        with tempfile.TemporaryDirectory(prefix="ikg-bench-") as tmp:
            rows = interactions(Path(tmp) / "store", args.repeats)
        print_interactions(rows)
        if args.json:
            args.json.write_text(json.dumps({"interactions": rows}, indent=2) + "\n", encoding="utf-8")
        return 0

    result: dict = {"targets": {"page_warm_ms": PAGE_TARGET_S * 1000, "interactive_s": INTERACTIVE_TARGET_S}}
    with tempfile.TemporaryDirectory(prefix="ikg-bench-") as tmp:
        pages = server_side(Path(tmp) / "apptest-store", args.reruns)
        result["pages"] = pages
        print(f"Server-side script time per page (AppTest, shipped data; warm = median of {args.reruns} reruns)")
        print(f"{'lang':<5} {'page':<30} {'first ms':>9} {'warm ms':>9} {'min ms':>8}  target")
        for r in pages:
            warm = "" if r["warm_ms"] is None else f"{r['warm_ms']:9.0f}"
            low = "" if r["warm_min_ms"] is None else f"{r['warm_min_ms']:8.0f}"
            ok = "" if r["warm_ms"] is None else ("ok" if r["warm_ms"] < PAGE_TARGET_S * 1000 else "SLOW")
            print(f"{r['lang']:<5} {r['page']:<30} {r['first_ms']:9.0f} {warm:>9} {low:>8}  {ok}")
        worst = max(r["warm_ms"] for r in pages if r["warm_ms"] is not None)
        result["worst_page_warm_ms"] = worst
        print(f"worst warm page: {worst:.0f} ms (target < {PAGE_TARGET_S * 1000:.0f} ms)")

        if not args.no_browser:
            loads = browser_side(Path(tmp) / "browser-store", args.loads)
            result["browser_loads"] = loads
            counted = [r["seconds"] for r in loads if r["load"] != "warm-up"]
            median = statistics.median(counted)
            result["interactive_median_s"] = median
            print()
            print("Headless Chromium: navigation to an interactive Network page (fresh context each load)")
            print(f"{'load':<8} {'shell s':>8} {'iframe s':>8} {'ready s':>8} {'nodes':>6} {'edges':>6}  physics")
            for r in loads:
                print(f"{r['load']:<8} {r['app_shell_s']:8.2f} {r['network_iframe_s']:8.2f} {r['seconds']:8.2f} "
                      f"{r['nodes']:>6} {r['edges']:>6}  {r['physics']}")
            verdict = "ok" if median < INTERACTIVE_TARGET_S else "SLOW"
            print(f"median of {len(counted)}: {median:.2f} s (target < {INTERACTIVE_TARGET_S:.0f} s) {verdict}")
            steps = interactions(Path(tmp) / "interaction-store", args.repeats)
            result["interactions"] = steps
            print()
            print_interactions(steps)

    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
