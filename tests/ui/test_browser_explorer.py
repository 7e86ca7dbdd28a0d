"""The explorer as a person sees it in headless Chromium: a focused network spread over the canvas with
no two names on top of each other, a legend without look-alike entries, a link that restores the view,
and the drawing's scripts loaded once (a rerun only posts data)."""

from __future__ import annotations

import contextlib
import itertools
import re
import urllib.parse

import pytest

import tests.ui.test_browser as base
from tests.ui.test_browser import choose, counts_text, expect, shot, shown_count, wait_idle, widget

pytestmark = pytest.mark.browser

COMPONENT = 'iframe[src*="/graph.ui.network_component.ikg_network/"]'
TRD = "https://w3id.org/ikg/trondheim/"

app = base.app  # the module's app server and browser (fixtures), as in test_browser.py
browser = base.browser


@pytest.fixture
def visit(browser, app):
    yield from base.visitor_for(browser, app)


PHONE = {"width": 390, "height": 844}  # a phone's screen, in CSS pixels


@contextlib.contextmanager
def on_a_phone(visit):
    """A page in a new browser context the size of a phone, with touch; closed afterwards."""
    phone = visit.context.browser.new_context(viewport=PHONE, screen=PHONE, is_mobile=True, has_touch=True)
    try:
        yield phone.new_page()
    finally:
        phone.close()


def drawing(page, version: str | None = None, timeout: float = 30_000):
    """The network component's frame once it has drawn (a new view: a new version than `version`)."""
    frame = page.wait_for_selector(COMPONENT, timeout=timeout).content_frame()
    frame.wait_for_function(
        "(old) => { const v = document.body.getAttribute('data-ikg-drawn'); return v && v !== old"
        " && window.ikgLabelBoxes; }", arg=version, timeout=timeout)
    return frame


def version(frame) -> str:
    return frame.evaluate("() => document.body.getAttribute('data-ikg-drawn')")


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["label"], b["label"]) for a, b in itertools.combinations(boxes, 2)
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def test_focused_view_is_spread_with_readable_names_and_the_link_restores_it(visit):
    page = visit.page
    page.goto(visit.server.url + "/?focus=innovasjon-norge")
    wait_idle(page, timeout=120_000)
    # the link chose the focus: the search box shows it, the count is the 1-step neighbourhood
    expect(widget(page, "net_focus.nb").locator("input")).to_have_value("Innovasjon Norge")
    expect(counts_text(page, "nb")).to_be_visible()
    shown, total = shown_count(page, "nb")
    assert shown == total and 15 < shown < 60
    frame = drawing(page)
    canvas = frame.evaluate("() => { const r = document.querySelector('#ikg-network').getBoundingClientRect();"
                            " return {w: r.width, h: r.height}; }")
    points = frame.evaluate("() => { const n = window.ikgNetwork; const p = n.getPositions();"
                            " return Object.keys(p).map(k => ({id: k, ...n.canvasToDOM(p[k])})); }")
    assert len(points) == shown
    xs, ys = [p["x"] for p in points], [p["y"] for p in points]
    # spread over the canvas: the nodes span most of its width and height, none sits on another
    assert max(xs) - min(xs) > 0.5 * canvas["w"] and max(ys) - min(ys) > 0.5 * canvas["h"]
    assert min(((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
               for a, b in itertools.combinations(points, 2)) > 20
    centre = next(p for p in points if p["id"] == TRD + "innovasjon-norge")
    assert abs(centre["x"] - (min(xs) + max(xs)) / 2) < 0.1 * canvas["w"]  # the focus in the middle
    boxes = frame.evaluate("() => window.ikgLabelBoxes()")
    assert overlapping(boxes) == []
    names = {b["label"] for b in boxes}
    assert {"Innovasjon Norge", "Trondheim kommune"} <= names and len(boxes) >= shown // 2
    # the legend: families and kinds of tie, no two alike
    legend = frame.evaluate("""() => Array.from(document.querySelectorAll('#ikg-legend span.item')).map(s => {
        const m = s.querySelector('span.mark'); return [s.textContent, m.className, m.style.background]; })""")
    assert len(legend) <= 14 and len({(c, b) for _t, c, b in legend}) == len(legend)
    shot(page, "network-focus-nb.png")

    # a filter changes the address; the address opened in a new tab shows the same view
    widget(page, "net_depth").get_by_text("2", exact=True).click()
    expect(counts_text(page, "nb")).not_to_have_text(re.compile(rf"^Viser {shown} av"))
    wait_idle(page)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert query == {"focus": ["innovasjon-norge"], "depth": ["2"]}
    two_steps = shown_count(page, "nb")
    other = visit.new_page()
    other.goto(page.url)
    wait_idle(other, timeout=60_000)
    expect(counts_text(other, "nb")).to_be_visible()
    assert shown_count(other, "nb") == two_steps
    assert other.locator('.st-key-net_depth input[type="radio"]').nth(1).is_checked()
    other.close()


def test_a_link_with_filters_and_a_year_restores_them(visit):
    page = visit.page
    page.goto(visit.server.url + "/?kinds=actors,networks&year=2011&ta=3")
    wait_idle(page, timeout=120_000)
    expect(widget(page, "net_use_year").locator('input[type="checkbox"]')).to_be_checked()
    expect(widget(page, "net_year").locator('[data-testid="stSliderThumbValue"]')).to_have_text("2011")
    kinds = widget(page, "net_kinds.nb")
    expect(kinds).to_contain_text("aktører")
    expect(kinds).to_contain_text("nettverk")
    expect(kinds).not_to_contain_text("prosjekter")
    expect(widget(page, "net_areas.nb")).to_contain_text("3")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert query == {"kinds": ["actors,networks"], "ta": ["3"], "year": ["2011"]}
    frame = drawing(page)
    shown, _ = shown_count(page, "nb")
    assert frame.evaluate("() => window.ikgView.nodes.length") == shown


def test_the_drawing_loads_its_scripts_once_and_a_rerun_only_posts_data(visit):
    page = visit.page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(visit.server.url + "/")
    wait_idle(page, timeout=120_000)
    frame = drawing(page)
    first = version(frame)
    assert sum(u.endswith("/vis-network.min.js") for u in requests) == 1
    loaded = len(requests)
    widget(page, "net_depth").get_by_text("2", exact=True).click()  # no focus yet: the same view
    wait_idle(page)
    choose(page, "net_focus.nb", "NTNU", typed="NTNU")
    frame = drawing(page, first)
    assert version(frame) != first and frame.evaluate("() => window.ikgView.focus") == TRD + "ntnu"
    # after two reruns and a new view: nothing of the drawing's page or scripts was fetched again
    assert [u for u in requests[loaded:] if "/component/" in u] == []
    # one details panel: the focused actor's, beside the drawing
    details = page.locator('[data-testid="stMain"] [data-testid="stHeading"] h3')
    expect(details.filter(has_text="NTNU")).to_have_count(1)


def test_gaps_show_every_sdg_the_thinnest_area_and_link_to_the_network(visit):
    page = visit.page
    page.goto(visit.server.url + "/gaps")
    wait_idle(page, timeout=120_000)
    # the thinnest target area shows by default (2 networks and 1 project), under a threshold you can change
    expect(widget(page, "gaps_thin_max").locator("input")).to_have_value("3")
    expect(page.get_by_text("Vis 5 Det internasjonale samfunnet i Trondheim i nettverket")).to_be_visible()
    page.get_by_role("tab").nth(1).click()
    charts = page.locator('[data-testid="stVegaLiteChart"] svg')
    expect(charts.nth(1)).to_be_visible()
    page.wait_for_timeout(500)
    labels = charts.nth(1).evaluate("(svg) => Array.from(svg.querySelectorAll('.role-axis-label text'))"
                                    ".map(t => t.textContent)")
    columns = [x for x in labels if re.match(r"^\d{1,2} ", x)]
    assert [int(x.split()[0]) for x in columns] == list(range(1, 18))  # every SDG, in order, each labelled
    assert "1 Utrydde fattigdom (ingen)" in columns and not any(x.startswith("8 ") and "(ingen)" in x
                                                               for x in columns)
    assert "Bærekraftsmål" in charts.nth(1).text_content()  # the axis title, in bokmål
    shot(page, "gaps-nb.png")
    page.get_by_text("Vis 5 Det internasjonale samfunnet i Trondheim i nettverket").click()
    wait_idle(page)
    expect(widget(page, "net_areas.nb")).to_contain_text("5")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query) == {"ta": ["5"]}


MAP_STATE = """() => {
    const svg = document.querySelector('svg'); const box = svg.getBoundingClientRect();
    const inside = (r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5
                           && r.bottom <= box.bottom + 0.5;
    const cities = Array.from(svg.querySelectorAll('circle.city'));
    const names = Array.from(svg.querySelectorAll('text.name')).map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom, inside: inside(r)}; });
    return {countries: svg.querySelectorAll('g.land path').length, cities: cities.length,
            far: Array.from(svg.querySelectorAll('circle.far')).map(c => c.dataset.name),
            outside: cities.filter(c => !inside(c.getBoundingClientRect())).map(c => c.dataset.name),
            names: names, ties: svg.querySelectorAll('line.tie').length,
            dashed: svg.querySelectorAll('line.tie[stroke-dasharray]').length,
            titles: cities.map(c => c.querySelector('title').textContent)};
}"""


def names_overlapping(names: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for a, b in itertools.combinations(names, 2)
            if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]]


def test_map_draws_countries_offline_with_every_city_inside_and_no_names_colliding(visit):
    """The map opens around the home city (Europe, not mostly ocean): the four cities on other continents
    are named at the edge with an arrow their way; "all the cities" fits every city in. Either way no name
    covers another, and nothing is fetched."""
    page = visit.page
    page.goto(visit.server.url + "/map")
    wait_idle(page, timeout=120_000)
    expect(page.get_by_text("Utenfor utsnittet: 4 av byene, med navnet i kanten og en pil mot byen.",
                            exact=False)).to_be_visible()
    frame = page.wait_for_selector('iframe[srcdoc*="data-ikg-map"]').content_frame()
    state = frame.evaluate(MAP_STATE)
    assert sorted(state["far"]) == ["Keren", "Petach Tikva", "Ramallah", "Vallejo"]
    assert state["cities"] + len(state["far"]) == state["ties"] + 1 > 20 and state["outside"] == []
    texts = [n["text"] for n in state["names"]]
    assert "Trondheim kommune" in texts and "Darmstadt (1968)" in texts and "← Vallejo (1956)" in texts
    assert all(n["inside"] for n in state["names"]) and names_overlapping(state["names"]) == []
    shot(page, "map-nb.png")

    page.get_by_text("Alle byene", exact=True).click()
    wait_idle(page)
    expect(page.get_by_text("Utenfor utsnittet", exact=False)).to_have_count(0)
    frame = page.wait_for_selector('iframe[srcdoc*="data-ikg-map"]').content_frame()
    state = frame.evaluate(MAP_STATE)
    assert state["countries"] > 150  # Natural Earth's countries, from the file shipped with the app
    assert state["cities"] == state["ties"] + 1 > 20 and state["outside"] == [] and state["far"] == []
    texts = [n["text"] for n in state["names"]]
    assert "Trondheim kommune" in texts and "Darmstadt (1968)" in texts and "Vallejo (1956)" in texts
    assert names_overlapping(state["names"]) == []
    assert any(x.startswith("Asker") and "partnerby" in x for x in state["titles"])  # partner cities: on hover
    assert [r for r in visit.outside_requests()] == []


def test_timeline_shows_the_bars_of_a_known_agreement_and_filters_by_year(visit):
    page = visit.page
    page.goto(visit.server.url + "/timeline")
    wait_idle(page, timeout=120_000)
    widget(page, "tl_search").locator("input").fill("Dunfermline")
    widget(page, "tl_search").locator("input").press("Enter")
    wait_idle(page)
    bars = page.locator('[data-testid="stVegaLiteChart"] svg [aria-roledescription="bar"]')
    expect(bars.first).to_be_attached()
    labels = [bars.nth(i).get_attribute("aria-label") for i in range(bars.count())]
    twin = [x for x in labels if "Hva: Trondheim–Dunfermline" in x]
    assert twin and "År: 1945" in twin[0] and "Slag: avtaler" in twin[0]  # a bar from 1945, still running
    titles = page.locator('[data-testid="stVegaLiteChart"] svg .role-axis-title text').all_text_contents()
    assert titles and set(titles) == {"År"}  # one plain axis title per group, not the layers' titles joined
    shot(page, "timeline-nb.png")
    # "what started in 2019 or later?" in one look
    widget(page, "tl_search").locator("input").fill("")
    widget(page, "tl_search").locator("input").press("Enter")
    wait_idle(page)
    thumb = widget(page, "tl_year").locator('input[type="range"]')
    thumb.press("End")
    last = int(thumb.evaluate("e => e.max"))  # this year, while anything runs with no end
    for _ in range(last - 2019):
        thumb.press("ArrowLeft")
    expect(widget(page, "tl_year").locator('[data-testid="stSliderThumbValue"]')).to_have_text("2019")
    wait_idle(page)
    widget(page, "tl_only.nb").get_by_text("det som startet i 2019 eller senere").click()
    wait_idle(page)
    later = page.locator('[data-testid="stVegaLiteChart"] svg [aria-roledescription="bar"]')
    starts = [int(re.search(r"År: (\d{4})", later.nth(i).get_attribute("aria-label")).group(1))
              for i in range(later.count())]
    assert starts and min(starts) >= 2019


def test_fast_arrow_keys_on_the_year_slider_end_at_the_last_year_pressed(visit):
    """Ten quick presses, no waiting: each press reruns the page and writes the year into the address;
    an address still on its way from an earlier run must not pull the slider back."""
    page = visit.page
    page.goto(visit.server.url + "/?year=1990")
    wait_idle(page, timeout=120_000)
    value = widget(page, "net_year").locator('[data-testid="stSliderThumbValue"]')
    expect(value).to_have_text("1990")
    page.evaluate("""() => { window.shownYears = []; const box = document.querySelector('.st-key-net_year');
        new MutationObserver(() => { const v = box.querySelector('[data-testid="stSliderThumbValue"]');
            if (v && window.shownYears.at(-1) !== v.textContent) window.shownYears.push(v.textContent); })
        .observe(box, {subtree: true, childList: true, characterData: true}); }""")
    thumb = widget(page, "net_year").locator('input[type="range"]')
    for _ in range(10):
        thumb.press("ArrowRight")
        page.wait_for_timeout(120)  # quicker than a rerun: the next press lands while the page reruns
    wait_idle(page)
    page.wait_for_timeout(1500)
    wait_idle(page)
    shown = [int(v) for v in page.evaluate("window.shownYears")]
    assert shown == sorted(shown), shown  # the thumb never jumped back (a run's answer undoing a later press)
    expect(value).to_have_text("2000")
    expect(page).to_have_url(re.compile(r"[?&]year=2000(&|$)"))


MATRIX = """box => {
    const main = document.querySelector('[data-testid="stMain"]');
    const rects = sel => Array.from(box.querySelectorAll(sel)).map(e => e.getBoundingClientRect());
    const cells = rects('svg .mark-rect path');
    return {box: [box.clientWidth, box.scrollWidth], page: [main.clientWidth, main.scrollWidth],
            cells: cells.length, narrowest: Math.min(...cells.map(r => r.width)),
            right: Math.max(...cells.map(r => r.right)),
            names: Math.max(...rects('svg .role-axis-label text').filter(r => r.height < 30).map(r => r.width))};
}"""


TIMELINE = MATRIX.replace("svg .mark-rect path", 'svg [aria-roledescription="bar"]').replace("cells: cells.length",
                                                                                             "bars: cells.length")


def matrix(page, key: str, end: bool = False) -> dict:
    """How the Gaps page's matrix fits: its box and the page (client and scroll widths), its cells, its names."""
    box = page.locator(f".st-key-gaps_matrix_{key}")
    expect(box.locator("svg .mark-rect path").first).to_be_attached()
    page.wait_for_timeout(300)
    if end:
        box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    return box.evaluate(MATRIX)


def test_the_gaps_matrices_and_the_timeline_fit_a_phone_and_scroll_sideways_in_their_own_box(visit):
    """On a phone (390 pixels wide) the matrix keeps readable cells beside short names and scrolls sideways in
    its own box, the page not at all; squeezed to the screen, as it was, the names took the whole width and the
    cells were out of reach. The timeline likewise (at its own width it made the whole page scroll sideways). On
    the desktop both matrices fit as they are, with the names' full room."""
    desk = visit.page
    desk.goto(visit.server.url + "/gaps?lang=en")
    wait_idle(desk, timeout=120_000)
    wide = matrix(desk, "ta")
    assert wide["box"][0] == wide["box"][1] and wide["page"][0] == wide["page"][1]  # no sideways scroll
    assert wide["cells"] > 30 and wide["narrowest"] >= 40 and wide["names"] > 200  # names up to 330 pixels
    desk.get_by_role("tab").nth(1).click()
    wide = matrix(desk, "sdg")
    assert wide["box"][0] == wide["box"][1] and wide["narrowest"] >= 15 and wide["names"] > 200

    with on_a_phone(visit) as page:
        page.goto(visit.server.url + "/gaps?lang=nb")
        wait_idle(page, timeout=120_000)
        for tab, key, columns in ((0, "ta", 5), (1, "sdg", 17)):
            page.get_by_role("tab").nth(tab).click()
            shown = matrix(page, key)
            assert shown["page"][0] == shown["page"][1]  # the page itself does not scroll sideways
            assert shown["box"][1] > shown["box"][0]  # the matrix does, in its box
            assert shown["narrowest"] >= 20 and shown["names"] <= 141  # cells to tap, names cut at 140 pixels
            scrolled = matrix(page, key, end=True)
            assert scrolled["right"] <= PHONE["width"], (key, columns, scrolled)  # the last column within reach
        page.goto(visit.server.url + "/timeline?lang=nb")
        wait_idle(page, timeout=120_000)
        box = page.locator(".st-key-timeline_chart")
        expect(box.locator('svg [aria-roledescription="bar"]').first).to_be_attached()
        page.wait_for_timeout(300)
        shown = box.evaluate(TIMELINE)
        assert shown["page"][0] == shown["page"][1] and shown["box"][1] > shown["box"][0]
        assert shown["names"] <= 141 and shown["bars"] > 50
        box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
        assert box.evaluate(TIMELINE)["right"] <= PHONE["width"]  # the latest years within reach


CUT = """() => { const r = document.querySelector('#ikg-network').getBoundingClientRect();
    return window.ikgLabelBoxes().filter(b => b.left < 0 || b.top < 0 || b.right > r.width || b.bottom > r.height)
        .map(b => b.label); }"""


def names_cut(frame) -> tuple[list[str], int]:
    """The names drawn beyond the drawing's edge, and how many are drawn."""
    frame.wait_for_timeout(200)  # the names are sorted out again 60 ms after a zoom or a drag
    return frame.evaluate(CUT), frame.evaluate("() => window.ikgLabelBoxes().length")


def test_no_name_in_the_network_drawing_is_cut_by_its_edge(visit):
    """A name keeps its size on screen, so the names of the outer nodes stuck out of the window: on a phone three
    or four in every view, on the desktop «Næringsforeningen i Trondheimsregionen» beside Innovasjon Norge. Now
    the drawing leaves room for them, and a name that still does not fit (or is panned out of the window) is left
    out, and counted among the hidden ones, never cut."""
    page = visit.page
    for query, least in (("", 20), ("?focus=innovasjon-norge", 12)):
        page.goto(visit.server.url + "/" + query)
        wait_idle(page, timeout=120_000)
        cut, drawn = names_cut(drawing(page))
        assert cut == [] and drawn >= least, (query, cut, drawn)
    frame = drawing(page)
    box = page.locator(COMPONENT).bounding_box()
    inner = frame.evaluate("() => { const r = document.querySelector('#ikg-network').getBoundingClientRect();"
                           " return {x: r.x, y: r.y, w: r.width, h: r.height}; }")
    x, y = box["x"] + inner["x"] + 30, box["y"] + inner["y"] + 30  # a corner: no node there to drag
    where = "() => window.ikgNetwork.canvasToDOM({x: 0, y: 0}).x"  # where the drawing's origin is shown
    before = frame.evaluate(where)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + inner["w"] / 3, y + 40, steps=8)  # pan the drawing to the right
    page.mouse.up()
    assert frame.evaluate(where) - before > 100  # the drawing moved right
    cut, drawn = names_cut(frame)
    assert cut == [] and drawn >= 5, (cut, drawn)

    with on_a_phone(visit) as small:
        for query in ("", "?focus=innovasjon-norge"):
            small.goto(visit.server.url + "/" + query)
            wait_idle(small, timeout=120_000)
            frame = drawing(small)
            cut, drawn = names_cut(frame)
            assert cut == [] and drawn >= 5, (query, cut, drawn)
            hidden = frame.evaluate("() => document.getElementById('ikg-hidden').textContent")
            assert re.fullmatch(r"\d+ navn er skjult så navnene kan leses: zoom inn for å se dem\.", hidden), hidden


MAP_FIT = """() => { const s = document.scrollingElement;
    const home = document.querySelector('[data-home]').getBoundingClientRect();
    const names = Array.from(document.querySelectorAll('text.name')).map(t => t.getBoundingClientRect().height);
    return {shown: s.clientWidth, width: s.scrollWidth, home: home.left + home.width / 2,
            name: Math.min(...names)}; }"""

# Which legend shows: the map's own ("inline"), or the copy kept in view (its place, its text, open or folded)
MAP_LEGEND = """() => { const k = document.querySelector('details.key');
    const own = getComputedStyle(document.querySelector('svg .legend')).display;
    if (getComputedStyle(k).display === 'none') return {map: own, left: null};
    const r = k.getBoundingClientRect(), map = document.querySelector('body > svg').getBoundingClientRect();
    return {map: own, left: Math.round(r.left), inside: r.bottom <= map.bottom && r.top > map.top,
            text: k.innerText.split('\\n'), open: k.open}; }"""
LEGEND_NB = ["Tegnforklaring", "Formell vennskapsby", "Intensjonsavtale", "Samforståelseserklæring (MoU)",
             "partnerby (prosjekt eller nettverk)", "hjembyen"]


def test_the_map_on_a_phone_keeps_readable_names_and_opens_on_the_home_city(visit):
    """Squeezed to a phone's 358 pixels the map's names were under 4 pixels high. Under 700 pixels it keeps 900
    pixels, scrolls sideways in its frame (the page not), and opens with the home city in view; on the desktop it
    fits its column as before."""
    desk = visit.page
    desk.goto(visit.server.url + "/map?lang=en")
    wait_idle(desk, timeout=120_000)
    wide = desk.wait_for_selector('iframe[srcdoc*="data-ikg-map"]').content_frame().evaluate(MAP_FIT)
    assert wide["width"] == wide["shown"] > 700 and wide["name"] >= 10
    legend = desk.wait_for_selector('iframe[srcdoc*="data-ikg-map"]').content_frame().evaluate(MAP_LEGEND)
    assert legend["map"] == "inline" and legend["left"] is None  # the map's own legend, no copy
    with on_a_phone(visit) as page:
        page.goto(visit.server.url + "/map?lang=nb")
        wait_idle(page, timeout=120_000)
        frame = page.wait_for_selector('iframe[srcdoc*="data-ikg-map"]').content_frame()
        shown = frame.evaluate(MAP_FIT)
        assert shown["width"] == 900 and shown["shown"] < 400 and shown["name"] >= 9  # was 3.6 pixels
        assert abs(shown["home"] - shown["shown"] / 2) < 20  # Trondheim kommune in the middle of the frame
        assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth") == PHONE["width"]
        # the legend, at the map's left edge out of view, has a copy that stays in the frame's lower left
        assert frame.evaluate(MAP_LEGEND) == {"map": "none", "left": 4, "inside": True,
                                              "text": LEGEND_NB, "open": True}
        frame.evaluate("() => { document.scrollingElement.scrollLeft = 10000; }")
        assert frame.evaluate(MAP_LEGEND)["left"] == 4
        frame.locator("summary").tap()  # folded away from the cities it covers
        assert frame.evaluate(MAP_LEGEND)["open"] is False


# Each table's toolbar, and what is drawn just above its table (a heading, a caption): where they overlap, in pixels
TOOLBARS = """() => Array.from(document.querySelectorAll('[data-testid="stDataFrame"]')).map(df => {
    const bar = df.querySelector('[data-testid="stElementToolbar"]');
    const box = df.closest('[data-testid="stElementContainer"]');
    const above = box && box.previousElementSibling;
    if (!bar || !above) return null;
    return {above: above.innerText.trim(), overlap: Math.round(above.getBoundingClientRect().bottom
                                                               - bar.getBoundingClientRect().top)}; })
    .filter(x => x && x.above)"""


def test_on_a_phone_a_tables_toolbar_covers_nothing_above_it(visit):
    """On a touch screen a table's toolbar (show, download, search, full screen) is always shown, above the table's
    top right corner: it covered the end of the heading or caption above it («Rundene side om side»). Now each table
    leaves room for it; on the desktop, where it shows on hover over the table, nothing moved."""
    with on_a_phone(visit) as page:
        page.goto(visit.server.url + "/review")
        wait_idle(page, timeout=120_000)
        found = page.evaluate(TOOLBARS)
        assert {"Etter type", "Etter ansvarlig enhet"} <= {x["above"] for x in found}
        assert [x for x in found if x["overlap"] > 0] == []
    desk = visit.page
    desk.goto(visit.server.url + "/review")
    wait_idle(desk, timeout=120_000)
    margins = desk.evaluate("() => Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"]')).map("
                            "df => getComputedStyle(df).marginTop)")
    assert margins and set(margins) == {"0px"}
