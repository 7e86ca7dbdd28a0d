"""The editor pages in a real browser: the app on 127.0.0.1 with an editor password in a secrets file of
its own (`streamlit run --secrets.files …`), driven by Playwright in Debian's Chromium.

An editor logs in, adds a membership through the form, sees it in the network and in the review table,
and undoes it on the history page; a visitor sees no edit controls and cannot open the editor pages by
a link. Needs /usr/bin/chromium (./scripts/test installs it); IKG_SKIP_BROWSER=1 skips these tests instead.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.support.browser import browser_session, wait_idle
from tests.support.browser import editor_app as editor_server
from tests.ui.test_browser import (
    READ_GRIDS,
    choose,
    expect,
    grid,
    heading,
    log_in,
    navigation,
    network_frame,
    no_error_boxes,
    open_app,
    set_language,
    visitor_for,
    widget,
)

pytestmark = pytest.mark.browser

PASSWORD = "a browser editor's password"
MEMBER, NETWORK = "Trondheim Municipality", "Regional China Forum"  # not a member of it in data/
ADDED = f"{MEMBER} in {NETWORK}"
EDITOR_CONTROLS = '[class*="st-key-edit_"], [class*="st-key-import_"], [class*="st-key-undo"]'


@pytest.fixture(scope="module")
def editor_app(tmp_path_factory):
    yield from editor_server(tmp_path_factory, "browser-editing", PASSWORD)


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture
def visit(browser, editor_app):
    yield from visitor_for(browser, editor_app)


def go(page, label: str, title: str) -> None:
    """Pick a page in the sidebar's navigation (English) and wait for its heading."""
    navigation(page).get_by_text(label, exact=True).click()
    expect(heading(page)).to_have_text(title)
    wait_idle(page)


def has_edge(page, a: str, b: str) -> bool:
    """Whether the drawn network (the data vis-network was given) has a tie between nodes labelled a and b."""
    frame = network_frame(page)
    return frame.evaluate(
        """([a, b]) => { const d = window.ikgView, name = {};
                         d.nodes.forEach(n => { name[n.id] = n.full; });
                         return d.edges.some(e => (name[e.from] === a && name[e.to] === b)
                                                  || (name[e.from] === b && name[e.to] === a)); }""",
        [a, b])


SCROLL_DOWN = """([i, top]) => {
    const s = document.querySelectorAll('[data-testid="stDataFrame"]')[i].querySelector('.dvn-scroller');
    s.scrollTop = top; s.dispatchEvent(new Event('scroll'));
    return {top: s.scrollTop, room: s.scrollHeight - s.clientHeight,
            step: Math.max(60, Math.floor(s.clientHeight * 0.7))};
}"""


def column_values(page, column: str, until, timeout: float = 30.0) -> list[str]:
    """Every value of a column of the first data grid that has it, scrolling the grid down (it draws only
    the rows in view); waits until `until(values)` holds, as the grid may lag behind a rerun."""
    deadline = time.monotonic() + timeout
    values: list[str] = []
    while time.monotonic() < deadline:
        tables = page.evaluate(READ_GRIDS)
        found = [(i, c) for i, t in enumerate(tables) for c, head in t["head"].items() if head == column]
        if found and tables[found[0][0]]["rows"]:
            i, col = found[0]
            rows: dict[str, str] = {}
            top = 0
            while True:
                state = page.evaluate(SCROLL_DOWN, [i, top])
                page.wait_for_timeout(200)
                for r, row in page.evaluate(READ_GRIDS)[i]["rows"].items():
                    if col in row:
                        rows[r] = row[col]
                if state["top"] >= state["room"]:
                    break
                top = min(top + state["step"], state["room"])
            page.evaluate(SCROLL_DOWN, [i, 0])
            values = [rows[r] for r in sorted(rows, key=int)]
            if until(values):
                return values
        time.sleep(0.5)
    raise AssertionError(f"the column {column!r} never showed what was expected: {values}")


def review_names(page, until) -> list[str]:
    return column_values(page, "name", until)


def kept_again(store: Path, name: str, seconds: float = 60.0) -> bool:
    """Whether the file `name` beside the store folder is (or soon is) kept at the store's current stamp."""
    stamp = store.with_name(store.name + ".stamp").read_text(encoding="ascii").strip()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            if json.loads(store.with_name(store.name + ".derived").joinpath(name).read_text("utf-8"))["stamp"] == stamp:
                return True
        time.sleep(0.2)
    return False


def test_an_editor_adds_a_membership_sees_it_and_undoes_it(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    assert not has_edge(page, MEMBER, NETWORK)
    log_in(page, "Kari Browser", PASSWORD)

    # the form: pickers for the member and the network, a year, a free-text source
    go(page, "Edit", "Edit the graph")
    expect(widget(page, "edit_kind.en").locator("input")).to_have_value("Membership")
    choose(page, "edit_add_membership.member.en", MEMBER, typed="Trondheim Mun")
    choose(page, "edit_add_membership.network.en", NETWORK, typed="Regional China")
    widget(page, "edit_add_membership.start").locator("input").fill("2021")
    widget(page, "edit_add_membership.source_reference").locator("input").fill("E-mail of 3 March 2026")
    widget(page, "edit_add_membership.why").locator("input").fill("Browser test")
    widget(page, "edit_add_membership.submit").locator("button").click()
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    expect(success).to_contain_text(f"Added membership “{ADDED}” (change ")
    change_id = re.search(r"\(change ([0-9]{14}-[0-9a-f]{6})\)", success.inner_text()).group(1)
    # the confirmation shows where the editor is, at the form's button (the message above may be out of sight),
    # and the form is empty again, its reason too: the next change gets its own
    toast = page.locator('[data-testid="stToast"]')
    expect(toast).to_contain_text(f"Added membership “{ADDED}” (change {change_id})")
    expect(toast).to_be_in_viewport()
    expect(widget(page, "edit_add_membership.start").locator("input")).to_have_value("")
    expect(widget(page, "edit_add_membership.why").locator("input")).to_have_value("")
    no_error_boxes(page)
    # the app keeps what it read current in the background: the bokmål network, which this English
    # session never asks for, is kept again at the store's new stamp for the next process
    assert kept_again(Path(visit.server.store), "network-nb.json")

    # every page shows it: the review table and the network
    go(page, "Membership review", "Review of memberships and twin-city agreements")
    review_names(page, until=lambda names: NETWORK in names)
    go(page, "Network", "The network")
    assert has_edge(page, MEMBER, NETWORK)

    # undone on the history page
    go(page, "Change history", "Change history")
    newest = {"id": change_id, "action": "added a membership", "who": "Kari Browser"}
    grid(page, "action", until=lambda rows: bool(rows) and newest.items() <= rows[0].items())
    expect(widget(page, "history_pick.en").locator("input")).to_have_value(  # when · what was done · by whom · id
        re.compile(rf"^\d+ \w+ \d{{4}}, \d\d:\d\d UTC · added a membership · .+ in .+ · Kari Browser · {change_id}$"))
    widget(page, "undo_sure").get_by_text(f"Yes, undo change {change_id}").click()
    page.get_by_role("button", name="Undo the change", exact=True).click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(f"Change {change_id} is undone")
    wait_idle(page)

    go(page, "Membership review", "Review of memberships and twin-city agreements")
    assert NETWORK not in review_names(page, until=lambda names: NETWORK not in names)
    go(page, "Network", "The network")
    assert not has_edge(page, MEMBER, NETWORK)
    no_error_boxes(page)


def test_a_visitor_sees_no_edit_controls_and_cannot_open_them_by_link(visit):
    page = visit.page
    open_app(page, visit.server)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(navigation(page)).to_contain_text("Endringslogg")
    for label in ("Rediger", "Importer"):
        expect(navigation(page).get_by_text(label, exact=True)).to_have_count(0)
    assert page.locator(EDITOR_CONTROLS).count() == 0
    for name in ("edit", "import"):
        # the page's own address, and the old link to it
        for link in (f"{visit.server.url}/{name}", f"{visit.server.url}/?page={name}"):
            page.goto(link)
            wait_idle(page, timeout=60_000)
            expect(heading(page)).to_have_text("Nettverket")  # the first page instead
            expect(sidebar.locator('[data-testid="stAlertContentWarning"]')).to_have_text(
                "Denne siden er bare for redaktører. Logg inn i sidepanelet for å redigere.")
            assert urllib.parse.urlsplit(page.url).path == "/"
            assert page.locator(EDITOR_CONTROLS).count() == 0
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
    # the history page is open to all, without its undo form
    set_language(page, "en")
    go(page, "Change history", "Change history")
    assert page.locator(EDITOR_CONTROLS).count() == 0


def login_box(page):
    """The title of the sidebar's login box (it says whether an editor is logged in)."""
    summary = '[data-testid="stSidebar"] [data-testid="stExpander"] summary'
    return page.locator(f'{summary} [data-testid="stMarkdownContainer"]')


def test_a_login_lasts_through_a_reload_and_a_new_tab_until_logging_out(visit):
    page = visit.page
    open_app(page, visit.server)
    set_language(page, "en")
    expect(login_box(page)).to_have_text("Log in to edit")
    log_in(page, "Kari Browser", PASSWORD)
    expect(login_box(page)).to_have_text("Logged in as an editor")
    passes = [c for c in visit.context.cookies() if c["name"] == "ikg_editor"]
    assert len(passes) == 1 and passes[0]["sameSite"] == "Strict" and passes[0]["expires"] == -1  # ends with
    page.reload()  # a new session: still logged in                                        # the browser
    wait_idle(page, timeout=60_000)
    expect(login_box(page)).to_have_text("Logged in as an editor")
    expect(navigation(page).get_by_text("Edit", exact=True)).to_have_count(1)
    other = visit.new_page()  # a new tab, in bokmål (no ?lang=en in its address)
    open_app(other, visit.server)
    expect(login_box(other)).to_have_text("Innlogget som redaktør")
    login_box(other).click()
    expect(other.locator('[data-testid="stSidebar"] [data-testid="stText"]')).to_have_text(
        "Innlogget som redaktør: Kari Browser")
    # a pass that was not given by the server opens nothing, in a browser of its own
    forged = visit.context.browser.new_context()
    try:
        token = passes[0]["value"]
        version, body, signature = token.split(".")
        made_up = f"{version}.{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}.{signature}"
        forged.add_cookies([{**passes[0], "value": made_up}])
        third = forged.new_page()
        open_app(third, visit.server)
        expect(login_box(third)).to_have_text("Logg inn for å redigere")
        expect(navigation(third).get_by_text("Rediger", exact=True)).to_have_count(0)
        assert [c["name"] for c in forged.cookies() if c["name"] == "ikg_editor"] == []  # and is taken back
    finally:
        forged.close()
    # logging out in the first tab takes the pass back and logs the other tab out at its next step
    login_box(page).click()
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Log out", exact=True).click()
    expect(login_box(page)).to_have_text("Log in to edit")
    expect(navigation(page).get_by_text("Edit", exact=True)).to_have_count(0)
    assert [c for c in visit.context.cookies() if c["name"] == "ikg_editor"] == []
    navigation(other).get_by_text("Endringslogg", exact=True).click()
    expect(login_box(other)).to_have_text("Logg inn for å redigere")
    page.reload()
    wait_idle(page, timeout=60_000)
    expect(login_box(page)).to_have_text("Log in to edit")
    no_error_boxes(page)
