"""The first-run page in a real browser: an app on a data folder without a dataset opens on the form,
and submitting it starts the city; the explorer then carries the city's own name. Needs
/usr/bin/chromium; IKG_SKIP_BROWSER=1 skips it instead."""

from __future__ import annotations

import pytest

from tests.support.browser import AppServer, chromium_missing_reason, wait_idle
from tests.ui.test_browser import choose, expect, no_error_boxes, open_app, shot, visitor_for, widget
from tests.ui.test_browser_editing import browser  # noqa: F401 - the module-scoped browser, used by name

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory):
    if chromium_missing_reason():
        yield None, None
        return
    tmp = tmp_path_factory.mktemp("browser-start")
    (tmp / "data").mkdir()
    server = AppServer(tmp / "store", log_dir=tmp, env={"IKG_DATA": str(tmp / "data")}).start()
    yield server, tmp
    server.stop()


@pytest.fixture
def visit(browser, empty_app):  # noqa: F811
    yield from visitor_for(browser, empty_app[0])


def fill(page, key: str, value: str, area: bool = False) -> None:
    widget(page, key).locator("textarea" if area else "input").fill(value)


def test_first_run_page_starts_the_city(visit, empty_app):
    page, (server, tmp) = visit.page, empty_app
    open_app(page, server)
    # bokmål is the first language; a single page has no navigation menu
    expect(page.get_by_text("Start grafen for din kommune eller organisasjon", exact=True)).to_be_visible()
    fill(page, "start.name", "Eksempelvik kommune")
    fill(page, "start.name_en", "Eksempelvik Municipality")
    fill(page, "start.city", "Eksempelvik")
    choose(page, "start.country", "Norge")
    fill(page, "start.lat", "62.47")
    fill(page, "start.long", "6.15")
    fill(page, "start.document", "Internasjonal strategi 2025–2028 | International strategy 2025–2028")
    fill(page, "start.target_areas", "Klima og miljø | Climate and environment\nUtdanning | Education", area=True)
    size = page.viewport_size  # on a phone the fields read in their pairs' order (latitude, then longitude)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    order = ["start.name", "start.name_en", "start.city", "start.country", "start.lat", "start.long", "start.document"]
    tops = [widget(page, key).bounding_box()["y"] for key in order]
    assert tops == sorted(tops), dict(zip(order, tops, strict=True))
    page.set_viewport_size(size)
    page.wait_for_timeout(500)
    shot(page, "start-nb.png")
    widget(page, "start.submit").locator("button").click()
    wait_idle(page, timeout=120_000)
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text("Grafen er startet")
    no_error_boxes(page)
    assert sorted(p.name for p in (tmp / "data").glob("*.ttl")) == ["concepts.ttl", "dataset.ttl", "sources.ttl"]
    page.reload()
    wait_idle(page, timeout=120_000)
    expect(page.locator('[data-testid="stSidebar"] h1')).to_have_text(
        "Internasjonale relasjoner for Eksempelvik kommune")
    assert "trondheim" not in page.content().casefold()
