"""End-to-end tests in a real browser: the app on 127.0.0.1, driven by Playwright in Debian's Chromium.

Each test opens pages as a person would and asserts what they see: headings, tables, the drawn
network, the map, the SPARQL console, the language switch, the review form and its persistence.
One module-scoped app server (its own Oxigraph folder, filled from data/ on first start) serves
the tests; a second one, on a store holding an actor labelled as an HTML tag, checks that labels
stay text. Every test also checks that no request left 127.0.0.1 and that no dialog opened.
Screenshots of each page go to docs/screenshots/.

Needs /usr/bin/chromium (./scripts/test installs it); IKG_SKIP_BROWSER=1 skips these tests instead.
"""

from __future__ import annotations

import os
import re
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.support.browser import (
    LOCAL_HOSTS,
    ROOT,
    VIEWPORT,
    AppServer,
    browser_session,
    chromium_missing_reason,
    click_and_wait_rerun,
    editor_app,
    make_xss_store,
    require_chromium,
    wait_idle,
)

pytestmark = pytest.mark.browser

EDITOR_PASSWORD = "the review editors' password"

SHOTS = ROOT / "docs" / "screenshots"
XSS = "<img src=x onerror=alert(1)>"
TRD = "https://w3id.org/ikg/trondheim/"
PAGE_LABELS = {
    "en": {"network": "Network", "collaborators": "Who works with whom", "gaps": "Gaps",
           "review": "Membership review", "map": "Map", "sparql": "SPARQL", "about": "About the data"},
    "nb": {"network": "Nettverk", "collaborators": "Hvem samarbeider med hvem", "gaps": "Hull i porteføljen",
           "review": "Gjennomgang av medlemskap", "map": "Kart", "sparql": "SPARQL", "about": "Om dataene"},
}
HEADINGS = {
    "en": {"network": "The network", "collaborators": "Who works with whom", "gaps": "Gaps in the portfolio",
           "review": "Review of memberships and twin-city agreements",
           "map": "Twin cities and partner cities", "sparql": "SPARQL console", "about": "About the data"},
    "nb": {"network": "Nettverket", "collaborators": "Hvem samarbeider med hvem", "gaps": "Hull i porteføljen",
           "review": "Gjennomgang av medlemskap og vennskapsbyavtaler",
           "map": "Vennskapsbyer og partnerbyer", "sparql": "SPARQL-konsoll", "about": "Om dataene"},
}
NAVIGATION_HEADINGS = {"nb": "Sider", "en": "Pages"}
COUNT_RE = {"en": re.compile(r"^Showing ([\d,]+) of ([\d,]+) nodes( \([\d,]+ in the whole network\))?$"),
            "nb": re.compile(r"^Viser ([\d\s\u00a0]+) av ([\d\s\u00a0]+) noder"
                             r"( \([\d\s\u00a0]+ i hele nettverket\))?$")}


# ---------------------------------------------------------------------------------------------
# Fixtures: one app server per module (and one on the XSS store), one browser, a context per test
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from editor_app(tmp_path_factory, "browser-app", EDITOR_PASSWORD)


@pytest.fixture(scope="module")
def xss_app(tmp_path_factory):
    if chromium_missing_reason():
        yield None
        return
    tmp = tmp_path_factory.mktemp("browser-xss")
    make_xss_store(tmp / "store", XSS)
    server = AppServer(tmp / "store", log_dir=tmp).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


class MissingBrowser:
    """Stands in for a Visitor when Chromium is not installed: the test fails at its first use."""

    def __getattr__(self, name):
        require_chromium()  # pytest.fail with the reason (IKG_SKIP_BROWSER=1 skipped before this)


class Visitor:
    """A browser context on the app that records every request's host and every dialog."""

    def __init__(self, browser, server: AppServer):
        self.server = server
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(30_000)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("dialog", self._dialog)
        return page

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def outside_requests(self) -> list[str]:
        outside = []
        for url in self.requests:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                outside.append(url[:120])
        return outside

    def close(self) -> None:
        self.context.close()


def visitor_for(browser, server):
    if browser is None or server is None:
        if os.environ.get("IKG_SKIP_BROWSER") == "1":
            require_chromium()  # skips, with the reason
        yield MissingBrowser()
        return
    v = Visitor(browser, server)
    yield v
    v.close()
    assert v.outside_requests() == [], "requests left 127.0.0.1"
    assert v.dialogs == [], "a dialog opened"


@pytest.fixture
def visit(browser, app):
    yield from visitor_for(browser, app)


@pytest.fixture
def xss_visit(browser, xss_app):
    yield from visitor_for(browser, xss_app)


# ---------------------------------------------------------------------------------------------
# Driving Streamlit like a person
# ---------------------------------------------------------------------------------------------


def expect(locator):
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def key_class(key: str) -> str:
    """Streamlit marks a keyed widget's container with the class st-key-<key> ('.' becomes '-')."""
    return ".st-key-" + re.sub(r"[^\w-]", "-", key)


def widget(page, key: str):
    return page.locator(key_class(key))


def open_app(page, server: AppServer) -> None:
    page.goto(server.url)
    wait_idle(page, timeout=120_000)  # the first visit may fill the store


def navigation(page):
    """Streamlit's navigation menu in the sidebar (st.navigation): one section, "Sider" / "Pages"."""
    return page.locator('[data-testid="stSidebarNav"]')


def navigation_heading(page):
    """The section's heading (its text; the header also holds the fold icon)."""
    return navigation(page).locator('[data-testid="stNavSectionHeader"] [data-testid="stMarkdownContainer"]')


def set_language(page, lang: str) -> None:
    name = {"nb": "Norsk bokmål", "en": "English"}[lang]
    widget(page, "lang").get_by_text(name, exact=True).click()
    expect(navigation_heading(page)).to_have_text(NAVIGATION_HEADINGS[lang])
    wait_idle(page)


def address_path(name: str) -> str:
    """A page's own address: /gaps, /review ...; the network is the first page, at /."""
    return "/" if name == "network" else f"/{name}"


def address(server: AppServer, name: str) -> str:
    return server.url + address_path(name)


def go(page, name: str, lang: str) -> None:
    """Pick a page in the sidebar's navigation and wait for its heading and its address."""
    navigation(page).get_by_text(PAGE_LABELS[lang][name], exact=True).click()
    expect(heading(page)).to_have_text(HEADINGS[lang][name])
    expect(page).to_have_url(re.compile(re.escape(address_path(name)) + r"(\?.*)?$"))
    wait_idle(page)


def heading(page):
    return page.locator('[data-testid="stMain"] [data-testid="stHeading"] h2').first


def choose(page, key: str, option: str, typed: str | None = None) -> None:
    """Pick an option of a selectbox by typing into its search field and clicking the option, once the page
    has settled (a run that ends while the list is open draws the box anew and closes the list)."""
    wait_idle(page)
    box = widget(page, key)
    box.locator("input").click()
    page.keyboard.type(typed if typed is not None else option)
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def type_into(page, key: str, value: str, *, area: bool = False) -> None:
    field = widget(page, key).locator("textarea" if area else "input")
    field.fill(value)
    field.press("Control+Enter" if area else "Enter")
    wait_idle(page)


def shown_count(page, lang: str) -> tuple[int, int]:
    text = page.locator('[data-testid="stText"]').filter(has_text=COUNT_RE[lang]).first.inner_text().strip()
    shown, total, _ = COUNT_RE[lang].match(text).groups()
    return int(re.sub(r"\D", "", shown)), int(re.sub(r"\D", "", total))


def counts_text(page, lang: str):
    return page.locator('[data-testid="stText"]').filter(has_text=COUNT_RE[lang]).first


def network_frame(page, nodes: int | None = None, timeout: float = 30.0):
    """The network iframe once vis-network has drawn it (and, if given, drawn this many nodes)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            handle = page.wait_for_selector('iframe[src*="/graph.ui.network_component.ikg_network/"]', timeout=5_000)
            frame = handle.content_frame()
            if frame is not None:
                state = frame.evaluate(
                    """() => ({drawn: !!(document.body && document.body.getAttribute('data-ikg-drawn')),
                               canvas: !!document.querySelector('#ikg-network canvas'),
                               nodes: window.ikgView ? window.ikgView.nodes.length : -1})"""
                )
                last = state
                if state["drawn"] and state["canvas"] and (nodes is None or state["nodes"] == nodes):
                    return frame
        except Exception as exc:  # the iframe is being replaced by a rerun
            last = repr(exc)
        time.sleep(0.2)
    raise AssertionError(f"the network was not drawn within {timeout} s (last state: {last})")


def canvas_is_painted(frame) -> bool:
    """Some pixels of vis-network's canvas are neither white nor transparent (nodes were painted)."""
    return frame.evaluate(
        """() => {
            const c = document.querySelector('#ikg-network canvas');
            const ctx = c.getContext('2d');
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            let painted = 0;
            for (let i = 0; i < d.length; i += 4 * 7) {
                if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) { painted++; }
            }
            return painted > 100;
        }"""
    )


READ_GRIDS = """() => Array.from(document.querySelectorAll('[data-testid="stDataFrame"]')).map(df => {
    const t = df.querySelector('table[role="grid"]');
    const s = df.querySelector('.dvn-scroller');
    const out = {cols: t ? Number(t.getAttribute('aria-colcount')) : 0, head: {}, rows: {},
                 left: s ? s.scrollLeft : 0, room: s ? s.scrollWidth - s.clientWidth : 0,
                 step: s ? Math.max(100, Math.floor(s.clientWidth * 0.6)) : 0};
    if (!t) { return out; }
    t.querySelectorAll('th[aria-colindex]').forEach(th => {
        out.head[th.getAttribute('aria-colindex')] = th.textContent.trim();
    });
    t.querySelectorAll('tbody tr[aria-rowindex]').forEach(tr => {
        const row = out.rows[tr.getAttribute('aria-rowindex')] = {};
        tr.querySelectorAll('td[aria-colindex]').forEach(td => {
            row[td.getAttribute('aria-colindex')] = td.textContent;
        });
    });
    return out;
})"""
SCROLL_GRID = """([i, left]) => {
    const s = document.querySelectorAll('[data-testid="stDataFrame"]')[i].querySelector('.dvn-scroller');
    s.scrollLeft = left; s.dispatchEvent(new Event('scroll'));
}"""


def _rows(table: dict) -> list[dict[str, str]]:
    head = table["head"]
    order = sorted(head, key=int)
    rows = sorted(table["rows"].items(), key=lambda kv: int(kv[0]))
    return [{head[c]: row.get(c, "") for c in order} for _, row in rows]


def _whole_grid(page, i: int) -> dict:
    """Scroll one data grid sideways and merge what its accessibility table shows at each step."""
    merged: dict = {"head": {}, "rows": {}}
    left = 0
    while True:
        page.evaluate(SCROLL_GRID, [i, left])
        page.wait_for_timeout(250)
        table = page.evaluate(READ_GRIDS)[i]
        merged["head"].update(table["head"])
        for r, row in table["rows"].items():
            merged["rows"].setdefault(r, {}).update(row)
        if left >= table["room"] or len(merged["head"]) >= table["cols"]:
            break
        left = min(left + table["step"], table["room"])
    page.evaluate(SCROLL_GRID, [i, 0])
    return merged


def grid(page, column: str, until=None, timeout: float = 15.0) -> list[dict[str, str]]:
    """The rows in view of the first st.dataframe that has a column headed `column`, as dicts.

    Streamlit's data grid paints on a canvas; its accessibility table (filled shortly after drawing)
    holds the same text for the rows and columns in view, so wide grids are scrolled sideways. The
    accessibility table can lag behind a rerun: with `until` (a test on the rows), wait for it."""
    deadline = time.monotonic() + timeout
    heads: list = []
    last: list = []
    while time.monotonic() < deadline:
        tables = page.evaluate(READ_GRIDS)
        heads = [list(t["head"].values()) for t in tables]
        if tables:  # a table still being filled has no rows yet: skip it (an empty table never fills)
            candidates = [(i, t) for i, t in enumerate(tables) if t["rows"] and column in t["head"].values()]
            if not candidates:  # the column may be scrolled out of view
                candidates = [(i, t) for i, t in enumerate(tables) if t["rows"] and len(t["head"]) < t["cols"]]
            for i, t in candidates:
                whole = t if len(t["head"]) >= t["cols"] else _whole_grid(page, i)
                if column in whole["head"].values():
                    last = _rows(whole)
                    if until is None or until(last):
                        return last
                    break
        time.sleep(0.25)
    if last:
        raise AssertionError(f"the table with a column {column!r} never showed what was expected: {last}")
    raise AssertionError(f"no table with a column {column!r}: {heads}")


def shot(page, name: str, max_height: int = 2000) -> Path:
    """A full-page screenshot: the window grows to the page's height (Streamlit scrolls inside)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
              ...Array.from(document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
                                                       + '[data-testid="stSidebarContent"]'))
                  .map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], min(height, max_height))})
    page.wait_for_timeout(600)
    wait_idle(page)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)
    return path


def no_error_boxes(page) -> None:
    """No traceback and no error message on the page (checked once the script has finished)."""
    wait_idle(page)
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    assert boxes.count() == 0, f"error on the page: {boxes.all_inner_texts()}"


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def test_network_page_draws_the_network_in_both_languages(visit):
    page = visit.page
    open_app(page, visit.server)
    # Norwegian first: the app opens in bokmål
    expect(heading(page)).to_have_text("Nettverket")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Sider")
    expect(navigation_heading(page)).to_have_text("Sider")
    expect(counts_text(page, "nb")).to_be_visible()
    shown, total = shown_count(page, "nb")
    assert shown == total and total > 100
    frame = network_frame(page, nodes=shown)
    assert frame.locator("#ikg-network canvas").count() >= 1
    assert canvas_is_painted(frame)
    expect(frame.locator("#ikg-legend")).not_to_be_empty()
    no_error_boxes(page)
    shot(page, "network-nb.png")

    set_language(page, "en")
    expect(heading(page)).to_have_text("The network")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text("Pages")
    expect(navigation_heading(page)).to_have_text("Pages")
    expect(sidebar).to_contain_text("Kinds of node")
    expect(sidebar).to_contain_text("Show the network as it stood in a year")
    expect(counts_text(page, "en")).to_have_text(f"Showing {shown:,} of {total:,} nodes")
    frame = network_frame(page, nodes=shown)
    assert frame.evaluate("() => document.documentElement.lang") == "en"
    assert canvas_is_painted(frame)
    shot(page, "network.png")


LOGIN_TEXTS = {"en": ("Log in to edit", "Log in"), "nb": ("Logg inn for å redigere", "Logg inn")}


def submit_login(page, name: str, password: str, lang: str = "en") -> None:
    """Fill the sidebar's login form and press its button: the page idle first (a rerun still going
    would redraw the form under the typing), each value checked in its field before the click."""
    opener, button = LOGIN_TEXTS[lang]
    sidebar = page.locator('[data-testid="stSidebar"]')
    wait_idle(page)
    if not widget(page, "login_name").locator("input").is_visible():
        sidebar.get_by_text(opener, exact=True).click()
    for key, value in (("login_name", name), ("login_password", password)):
        field = widget(page, key).locator("input")
        field.fill(value)
        expect(field).to_have_value(value)
    click_and_wait_rerun(page, sidebar.get_by_role("button", name=button, exact=True))


def log_in(page, name: str = "Kari Browser", password: str = EDITOR_PASSWORD) -> None:
    """Log in as an editor from the sidebar (the review form is for editors only)."""
    submit_login(page, name, password)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.locator('[data-testid="stText"]').filter(has_text=f"Logged in as editor: {name}")).to_have_count(
        1, timeout=30_000)
    wait_idle(page)


def test_language_switch_keeps_the_page_and_changes_every_label(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page)
    go(page, "review", "en")
    expect(widget(page, "review_save").locator("button")).to_have_text("Save the assessment")
    set_language(page, "nb")
    expect(heading(page)).to_have_text(HEADINGS["nb"]["review"])  # the same page, now in Norwegian
    expect(page).to_have_url(re.compile(r"/review$"))
    expect(navigation(page).locator('[aria-current="page"]')).to_contain_text(PAGE_LABELS["nb"]["review"])
    expect(widget(page, "review_save").locator("button")).to_have_text("Lagre vurderingen")
    expect(widget(page, "review_round_pick.nb")).to_contain_text("Gjennomgangsrunde")
    expect(widget(page, "review_rec.nb")).to_contain_text("Vurder nærmere")
    set_language(page, "en")
    expect(heading(page)).to_have_text(HEADINGS["en"]["review"])
    expect(widget(page, "review_rec.en")).to_contain_text("Leave")
    expect(page).to_have_url(re.compile(r"/review\?lang=en$"))  # English is in the address, bokmål is not
    page.reload()  # a new session: the language comes back from the address
    wait_idle(page, timeout=60_000)
    expect(heading(page)).to_have_text(HEADINGS["en"]["review"])
    expect(navigation_heading(page)).to_have_text(NAVIGATION_HEADINGS["en"])
    go(page, "gaps", "en")  # and stays there from page to page
    expect(page).to_have_url(re.compile(r"/gaps\?lang=en$"))
    page.get_by_text("Show 5 The international community in Trondheim in the network").click()
    expect(heading(page)).to_have_text(HEADINGS["en"]["network"])
    expect(page).to_have_url(re.compile(r"/\?(ta=5&lang=en|lang=en&ta=5)$"))
    page.reload()
    wait_idle(page, timeout=60_000)
    expect(heading(page)).to_have_text(HEADINGS["en"]["network"])
    expect(widget(page, "net_areas.en")).to_contain_text("5")


def test_focus_an_actor_via_search_shows_its_neighbourhood_and_details(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    _, total = shown_count(page, "en")
    choose(page, "net_focus.en", "Innovation Norway")
    expect(counts_text(page, "en")).not_to_have_text(re.compile(rf"^Showing {total:,} of {total:,} nodes\b"))
    one_step, _ = shown_count(page, "en")
    assert 1 < one_step < total
    # the details panel beside the graph (Streamlit) and inside the network page (vis-network)
    details = page.locator('[data-testid="stMain"] [data-testid="stHeading"] h3')
    expect(details.filter(has_text="Innovation Norway")).to_have_count(1)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Collaborators")
    frame = network_frame(page, nodes=one_step)
    assert canvas_is_painted(frame)
    grid(page, "collaborator",
         until=lambda rows: any(r["collaborator"] == "Confederation of Norwegian Enterprise" for r in rows))

    widget(page, "net_depth").get_by_text("2", exact=True).click()
    expect(counts_text(page, "en")).not_to_have_text(re.compile(rf"^Showing {one_step:,} of {one_step:,} nodes\b"))
    two_steps, _ = shown_count(page, "en")
    assert two_steps > one_step

    # the same search in Norwegian finds the Norwegian label
    set_language(page, "nb")
    expect(details.filter(has_text="Innovasjon Norge")).to_have_count(1)
    choose(page, "net_focus.nb", "NTNU", typed="NTNU")
    expect(details.filter(has_text="NTNU")).to_have_count(1)
    frame = network_frame(page)
    assert frame.evaluate("() => window.ikgView.focus").endswith("/ntnu")


def test_year_slider_moved_by_keyboard_changes_the_network(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    _, total = shown_count(page, "en")
    widget(page, "net_use_year").get_by_text("Show the network as it stood in a year").click()
    thumb = widget(page, "net_year").locator('input[type="range"]')
    expect(thumb).to_be_enabled()
    wait_idle(page)
    now, _ = shown_count(page, "en")
    assert now <= total
    thumb.press("Home")  # to the first year of the data
    expect(widget(page, "net_year").locator('[data-testid="stSliderThumbValue"]')).to_have_text("1945")
    expect(counts_text(page, "en")).not_to_have_text(re.compile(rf"^Showing {now:,} of {now:,} nodes\b"))
    early, _ = shown_count(page, "en")
    assert early < now
    network_frame(page, nodes=early)
    for _ in range(3):  # step by step with the arrow key: never fewer nodes than in 1945
        thumb.press("ArrowRight")
        wait_idle(page)  # each step reruns the page (and writes the year into the address)
    expect(widget(page, "net_year").locator('[data-testid="stSliderThumbValue"]')).to_have_text("1948")
    wait_idle(page)
    assert shown_count(page, "en")[0] >= early
    thumb.press("End")
    expect(counts_text(page, "en")).to_have_text(re.compile(rf"^Showing {now:,} of {now:,} nodes\b"))


def test_collaborators_page_lists_who_works_with_whom(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "collaborators", "en")
    choose(page, "collab_actor.en", "Innovation Norway")
    expect(page.locator('[data-testid="stText"]').filter(has_text="links for Innovation Norway")).to_have_count(1)
    first = {"collaborator": "AugmentCity", "through": "Bærekraftløftet (national sustainability project)",
             "kind": "Project"}
    grid(page, "collaborator", until=lambda rows: first.items() <= rows[0].items())
    expect(widget(page, "collab_csv")).to_contain_text("Download CSV")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Chains between two actors")
    type_into(page, "chain_max", "1")  # direct links only (see the chains test below for longer chains)
    choose(page, "chain_from.en", "Innovation Norway")
    choose(page, "chain_to.en", "NTNU", typed="NTNU")
    expect(page.locator('[data-testid="stText"]').filter(has_text=re.compile(r"^\d+ chains \(shortest first\):$"))
           ).to_have_count(1)
    chains = page.locator('[data-testid="stText"]').filter(has_text="Innovation Norway —[")
    expect(chains).to_contain_text(
        "Innovation Norway —[International Forum (Network)]→ NTNU")
    lit = network_frame(page).evaluate("() => window.ikgLit")  # the chains, lit up on a drawing of their neighbourhood
    assert {TRD + "innovasjon-norge", TRD + "ntnu"} <= set(lit["nodes"]) and lit["edges"]
    no_error_boxes(page)
    shot(page, "collaborators.png")


def test_chains_of_up_to_three_steps_between_two_actors(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "collaborators", "en")
    choose(page, "chain_from.en", "Innovation Norway")
    choose(page, "chain_to.en", "NTNU", typed="NTNU")
    expect(page.locator('[data-testid="stText"]').filter(has_text=re.compile(r"^\d+ chains \(shortest first\):$"))
           ).to_have_count(1)
    no_error_boxes(page)
    chains = page.locator('[data-testid="stText"]').filter(has_text="Innovation Norway —[")
    expect(chains).to_contain_text(
        "Innovation Norway —[International Forum (Network)]→ NTNU")
    lit = network_frame(page).evaluate("() => window.ikgLit")  # the chains, lit up on a drawing of their neighbourhood
    assert {TRD + "innovasjon-norge", TRD + "ntnu"} <= set(lit["nodes"]) and lit["edges"]


def test_gaps_page_shows_heatmaps_and_gap_lists(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "gaps", "en")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("tab", name="Target areas × networks and projects")).to_be_visible()
    chart = main.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart).to_be_visible()
    expect(chart.locator("canvas, svg").first).to_be_attached()
    for title in ("Brokers", "Isolated actors"):
        expect(main.locator("h3").filter(has_text=title)).to_have_count(1)
    assert main.locator("h3").count() >= 6
    no_error_boxes(page)
    shot(page, "gaps.png", max_height=2000)


def test_review_page_lists_memberships_and_twin_cities(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "review", "en")
    darmstadt = {"kind": "agreement", "name": "Trondheim–Darmstadt", "since": "1968", "status": "Active"}
    rows = grid(page, "since", until=lambda rows: any(darmstadt.items() <= r.items() for r in rows))
    assert "recommendation" in rows[0] and "reviewer" in rows[0]  # the assessment columns, scrolled to
    for label in ("CSV", "Excel (XLSX)", "Report (Markdown)", "Report (HTML, printable)"):
        expect(page.get_by_role("button", name=label, exact=True)).to_be_visible()
    no_error_boxes(page)
    shot(page, "review.png", max_height=2000)


def test_review_assessment_is_saved_and_persists(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    log_in(page)
    go(page, "review", "en")
    page.get_by_text("New review round", exact=True).click()
    type_into(page, "review_new_round", "Browser round")
    widget(page, "review_new_round_create").locator("button").click()
    expect(widget(page, "review_round_pick.en").locator("input")).to_have_value("Browser round (open)")
    choose(page, "review_item.en", "Trondheim–Darmstadt (agreement)", typed="Darmstadt")
    type_into(page, "review_effect", "School exchanges every year", area=True)
    widget(page, "review_rec.en").get_by_text("Leave", exact=True).click()
    widget(page, "review_reviewer").locator("input").fill("Kari Browser")
    widget(page, "review_save").locator("button").click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_have_text(
        "The assessment of Trondheim–Darmstadt (agreement) in the round “Browser round” is saved.")
    wait_idle(page)
    grid(page, "Browser round", until=lambda rows: any(
        r["name"] == "Trondheim–Darmstadt" and r["Browser round"].startswith("Leave (Kari Browser, ") for r in rows))

    def read_back(p, whole_table: bool, editor: bool) -> None:
        set_language(p, "en")
        go(p, "review", "en")
        expect(widget(p, "review_round_pick.en").locator("input")).to_have_value("Browser round (open)")
        # a reload keeps the editor logged in; a new browser is a visitor, who sees the saved assessment in
        # the tables (the form is for editors)
        expect(widget(p, "review_save")).to_have_count(1 if editor else 0)
        grid(p, "Browser round", until=lambda rows: any(
            r["name"] == "Trondheim–Darmstadt" and r["Browser round"].startswith("Leave (Kari Browser") for r in rows))
        if whole_table:  # the review table's assessment columns (scrolled to)
            grid(p, "recommendation", until=lambda rows: any(
                r["name"] == "Trondheim–Darmstadt" and r["recommendation"] == "Leave"
                and r["reviewer"] == "Kari Browser" for r in rows))

    page.reload()  # a new session on the same server
    wait_idle(page)
    read_back(page, whole_table=True, editor=True)
    other = visit.context.browser.new_context(viewport=VIEWPORT)  # a new browser context: nothing shared
    try:
        p2 = other.new_page()
        open_app(p2, visit.server)
        read_back(p2, whole_table=False, editor=False)
    finally:
        other.close()


def test_map_page_draws_the_cities(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "map", "en")
    # the SVG map, drawn offline (the legend's marks are small SVGs of their own)
    picture = page.frame_locator('iframe[srcdoc*="data-ikg-map"]').locator("svg[data-ikg-map]")
    expect(picture.locator("circle.city").first).to_be_attached()
    expect(picture).to_contain_text("Formal twinning")
    darmstadt = {"city": "Darmstadt", "agreement": "Formal twinning", "since": "1968", "status": "Active"}
    grid(page, "agreement", until=lambda rows: darmstadt in rows)
    no_error_boxes(page)
    shot(page, "map.png")


def test_sparql_page_runs_the_twin_cities_example(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "sparql", "en")
    choose(page, "sparql_example.en", re.compile(r"\(twin-cities\)$"), typed="twin-cities")
    expect(widget(page, "sparql_text").locator("textarea")).to_have_value(re.compile("TwinCityAgreement"))
    widget(page, "sparql_run").locator("button").click()
    expect(page.locator('[data-testid="stText"]').filter(has_text=re.compile(r"^\d+ rows$"))).to_have_count(1)
    grid(page, "city", until=lambda rows: {"city": "Darmstadt", "country": "Germany", "since": "1968"}.items()
         <= next((r for r in rows if r["city"] == "Darmstadt"), {}).items())
    expect(widget(page, "sparql_csv")).to_contain_text("Download CSV")
    no_error_boxes(page)
    shot(page, "sparql.png")


def test_sparql_page_refuses_an_update(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "sparql", "en")
    type_into(page, "sparql_text", "INSERT DATA { <a:b> <a:c> <a:d> }", area=True)
    widget(page, "sparql_run").locator("button").click()
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_text(
        "This is an update; only SELECT, ASK, CONSTRUCT and DESCRIBE queries may run here.")
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(0)


def test_about_page_shows_sources_and_counts(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    go(page, "about", "en")
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h3").filter(has_text="The sources")).to_have_count(1)
    expect(main.locator("h3").filter(has_text="What the graph holds")).to_have_count(1)
    triples = re.compile(r"^[\d,]+ triples in the store\.$")  # a visitor: where the store is, is for editors
    expect(main.locator('[data-testid="stText"]').filter(has_text=triples)).to_have_count(1)
    docs = grid(page, "document", until=lambda rows: len(rows) == 3)
    assert [d["date"][-4:] for d in docs] == ["2010", "2019", "2020"]  # days as the language writes them
    assert docs[1]["document"] == "International strategy 2019–2022"
    no_error_boxes(page)
    shot(page, "about.png")


def test_every_page_opens_at_its_own_address(visit):
    """A link to a page (/gaps, /review ...) opens that page in a new session; so does an old ?page= link."""
    page = visit.page
    for name in PAGE_LABELS["nb"]:
        page.goto(address(visit.server, name))
        wait_idle(page, timeout=120_000)
        expect(heading(page)).to_have_text(HEADINGS["nb"][name])
        expect(navigation(page).locator('[aria-current="page"]')).to_contain_text(PAGE_LABELS["nb"][name])
        no_error_boxes(page)
    page.goto(f"{visit.server.url}/?page=gaps")  # the old links (people have bookmarks)
    wait_idle(page, timeout=60_000)
    expect(heading(page)).to_have_text(HEADINGS["nb"]["gaps"])
    expect(page).to_have_url(re.compile(r"/gaps$"))


def test_no_request_leaves_localhost_on_any_page(visit):
    """Every page in English (the XSS test below walks every page in Norwegian too, and every test
    checks the requests it made when it ends)."""
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    for name in PAGE_LABELS["en"]:
        go(page, name, "en")
        if name == "network":
            network_frame(page)
        no_error_boxes(page)
    page.wait_for_timeout(500)
    hosts = {urllib.parse.urlsplit(u).hostname or urllib.parse.urlsplit(u).scheme for u in visit.requests}
    assert hosts <= LOCAL_HOSTS | {"data", "blob", "about"}, hosts
    assert visit.outside_requests() == []


# ---------------------------------------------------------------------------------------------
# Safety: a label that is an HTML tag stays text, and no script runs
# ---------------------------------------------------------------------------------------------


def no_injected_image(page_or_frame) -> None:
    assert page_or_frame.locator('img[src="x"]').count() == 0


def test_an_html_label_shows_as_text_and_no_dialog_opens(xss_visit):
    v = xss_visit
    page = v.page
    open_app(page, v.server)
    set_language(page, "en")
    # the network: search, focus, the details panel beside the graph and inside it, the tooltip
    choose(page, "net_focus.en", XSS, typed="<img")
    details = page.locator('[data-testid="stMain"] [data-testid="stHeading"] h3')
    expect(details.filter(has_text=XSS)).to_have_count(1)
    frame = network_frame(page)
    no_injected_image(page)
    no_injected_image(frame)
    node = frame.evaluate(
        """(label) => { const n = window.ikgView.nodes.find(n => n.full === label);
                        return n ? n.id : null; }""", XSS)
    assert node is not None
    # hover the node: vis-network shows its tooltip, which must hold the label as text
    box = page.locator('iframe[src*="/graph.ui.network_component.ikg_network/"]').bounding_box()
    point = frame.evaluate(
        """(id) => { const n = window.ikgNetwork; const p = n.getPositions([id])[id]; const d = n.canvasToDOM(p);
                     const r = document.querySelector('#ikg-network').getBoundingClientRect();
                     return {x: d.x + r.left, y: d.y + r.top}; }""", node)
    page.mouse.move(box["x"] + point["x"] + 40, box["y"] + point["y"] + 40)
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"], steps=5)
    tooltip = frame.locator("div.vis-tooltip")
    expect(tooltip).to_be_visible(timeout=10_000)
    expect(tooltip).to_contain_text(XSS)
    assert tooltip.locator("img").count() == 0
    assert tooltip.evaluate("e => getComputedStyle(e).fontFamily") == "sans-serif"  # the page's, not Verdana
    grid(page, "quote", until=lambda rows: any(r["quote"] == XSS for r in rows))

    # every other page, in both languages: no dialog, no injected element
    go(page, "collaborators", "en")
    choose(page, "collab_actor.en", XSS, typed="<img")
    expect(page.locator('[data-testid="stText"]').filter(has_text=f"links for {XSS}")).to_have_count(1)
    grid(page, "collaborator", until=lambda rows: (
        "NTNU", "Working group India 2011") in [
        (r["collaborator"], r["through"]) for r in rows])
    for name in ("gaps", "review", "map", "about", "sparql"):
        go(page, name, "en")
        no_injected_image(page)
    type_into(page, "sparql_text",
              "SELECT ?university WHERE { ?u a ikg:University ; rdfs:label ?university . "
              "FILTER(lang(?university) = 'en') } "
              "ORDER BY ?university", area=True)
    widget(page, "sparql_run").locator("button").click()
    grid(page, "university", until=lambda rows: XSS in [r["university"] for r in rows])
    set_language(page, "nb")
    for name in PAGE_LABELS["nb"]:
        go(page, name, "nb")
        no_injected_image(page)
    page.wait_for_timeout(500)  # time for a handler that would fire late
    assert v.dialogs == []
    assert v.outside_requests() == []
