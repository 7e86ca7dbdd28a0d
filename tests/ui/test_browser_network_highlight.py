"""Search, chains and clusters on the network drawing as a person sees them in headless Chromium: what is
found lights up on the drawing that is shown (the rest faded, nothing moved, the drawing not drawn
anew), a chain lights its nodes and ties, clusters collapse into one node each and open again; in both
languages."""

from __future__ import annotations

import re

import pytest

import tests.ui.test_browser as base
from graph.render.view.arrange import clusters
from tests.ui.test_browser import choose, expect, go, set_language, shot, wait_idle, widget
from tests.ui.test_browser_explorer import drawing, version

pytestmark = pytest.mark.browser

TRD = "https://w3id.org/ikg/trondheim/"
DIM, LIT = 0.15, "#e8590c"  # the drawing's faded opacity and lit colour (graph/render/assets/index.html)
WORDS = {
    "nb": {"find": "Funnet i tegningen (1): Innovasjon Norge", "chain": "Kjede: Innovasjon Norge → ",
           "clear": "Fjern uthevingen", "freiberg": "Freiberg", "collapse": "Slå sammen klyngene",
           "note": "klynger er tegnet som én node hver: klikk på en for å åpne den.",
           "none": "Ingen node i tegningen har «Oslo Børs» i navnet."},
    "en": {"find": "Found in the drawing (1): Innovation Norway", "chain": "Chain: Innovation Norway → ",
           "clear": "Clear highlight", "freiberg": "Freiberg", "collapse": "Collapse the clusters",
           "note": "clusters are drawn as one node each: click one to open it.",
           "none": "No node in the drawing has “Oslo Børs” in its name."},
}
INNOVATION = {"nb": "Innovasjon Norge", "en": "Innovation Norway"}

app = base.app
browser = base.browser


@pytest.fixture
def visit(browser, app):
    yield from base.visitor_for(browser, app)


def state(frame) -> dict:
    """What the drawing shows: each node's opacity and place, each edge's colour, opacity and width."""
    return frame.evaluate("""() => {
        const n = window.ikgNetwork, pos = n.getPositions();
        const nodes = {}; window.ikgNodes.forEach(x => { nodes[x.id] = {opacity: x.opacity, at: pos[x.id]}; });
        const edges = {}; window.ikgEdges.forEach(e => { edges[e.id] = {from: e.from, to: e.to,
            colour: e.color && e.color.color, opacity: e.color ? e.color.opacity : 1, width: e.width}; });
        return {nodes, edges, lit: document.body.getAttribute('data-ikg-lit')}; }""")


def lit(frame, wanted: str) -> dict:
    frame.wait_for_function("(w) => document.body.getAttribute('data-ikg-lit') === w", arg=wanted, timeout=30_000)
    return state(frame)


def message(page):
    return page.locator('[data-testid="stText"]')


def open_drawing(page, url: str, lang: str):
    """The Network page at `url` in `lang`, and its drawing's frame once drawn."""
    page.goto(url)
    wait_idle(page, timeout=120_000)
    if lang == "en":
        set_language(page, "en")
    return drawing(page)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_search_and_a_chain_light_up_on_the_drawing_shown_and_clear_again(visit, lang):
    page = visit.page
    frame = open_drawing(page, visit.server.url + "/?focus=ntnu", lang)
    drawn = version(frame)
    before = state(frame)
    assert before["lit"] in (None, "0:0") and {n["opacity"] for n in before["nodes"].values()} <= {None, 1}

    box = widget(page, "net_find").locator("input")
    box.fill("Innov")
    box.press("Enter")
    found = lit(frame, "1:0")
    expect(message(page).filter(has_text=WORDS[lang]["find"])).to_have_count(1)
    inn = TRD + "innovasjon-norge"
    assert found["nodes"][inn]["opacity"] == 1
    assert {x["opacity"] for k, x in found["nodes"].items() if k != inn} == {DIM}  # every other node faded
    assert {e["opacity"] for e in found["edges"].values()} == {DIM}
    assert {k: x["at"] for k, x in found["nodes"].items()} == {k: x["at"] for k, x in before["nodes"].items()}
    assert version(frame) == drawn  # the same drawing: only its colours changed

    choose(page, f"net_chain_a.{lang}", INNOVATION[lang], typed=INNOVATION[lang][:6])
    choose(page, f"net_chain_b.{lang}", WORDS[lang]["freiberg"])
    text = message(page).filter(has_text=WORDS[lang]["chain"])
    expect(text).to_have_count(1)
    steps = text.inner_text().splitlines()[-1].split(": ", 1)[1].split(" → ")
    assert steps[0] == INNOVATION[lang] and steps[-1] == "Freiberg" and len(steps) >= 5
    chained = lit(frame, f"{len(steps)}:{len(steps) - 1}")
    on = {k for k, x in chained["nodes"].items() if x["opacity"] == 1}
    assert len(on) == len(steps) and inn in on
    lit_edges = [e for e in chained["edges"].values() if e["colour"] == LIT]
    assert len(lit_edges) == len(steps) - 1 and all(e["opacity"] == 1 and e["width"] >= 4 for e in lit_edges)
    assert all(e["from"] in on and e["to"] in on for e in lit_edges)  # the chain's ties join the chain's nodes
    assert {e["opacity"] for e in chained["edges"].values() if e["colour"] != LIT} == {DIM}
    assert {k: x["at"] for k, x in chained["nodes"].items()} == {k: x["at"] for k, x in before["nodes"].items()}
    assert version(frame) == drawn
    shot(page, "network-highlight.png" if lang == "en" else "network-highlight-nb.png")

    page.get_by_role("button", name=WORDS[lang]["clear"], exact=True).click()
    cleared = lit(frame, "0:0")
    assert {x["opacity"] for x in cleared["nodes"].values()} == {1}
    assert {e["opacity"] for e in cleared["edges"].values()} == {1} and LIT not in {e["colour"] for e in
                                                                                  cleared["edges"].values()}
    expect(widget(page, "net_find").locator("input")).to_have_value("")
    expect(message(page).filter(has_text=WORDS[lang]["chain"])).to_have_count(0)
    assert version(frame) == drawn

    box.fill("Oslo Børs")  # nothing found: said so, nothing faded
    box.press("Enter")
    expect(message(page).filter(has_text=WORDS[lang]["none"])).to_have_count(1)
    assert lit(frame, "0:0")["nodes"][inn]["opacity"] == 1


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_clusters_collapse_to_one_node_each_and_open_again(visit, lang):
    page = visit.page
    frame = open_drawing(page, visit.server.url + "/", lang)
    first = version(frame)
    full = frame.evaluate("() => ({nodes: window.ikgView.nodes.map(n => n.id),"
                          " edges: window.ikgView.edges.map(e => [e.from, e.to])})")
    places = state(frame)["nodes"]
    groups = clusters(full["nodes"], [tuple(e) for e in full["edges"]], TRD + "trondheim")
    assert 10 < len(groups) < len(full["nodes"])

    widget(page, "net_collapse").get_by_text(WORDS[lang]["collapse"]).click()
    frame = drawing(page, first)
    collapsed = frame.evaluate("() => window.ikgView")
    assert len(collapsed["nodes"]) == len(groups)  # one node per community
    assert collapsed["note"].endswith(WORDS[lang]["note"])
    assert re.search(r"clusters=collapsed", page.url)
    big = [n for n in collapsed["nodes"] if n["id"].startswith("cluster:")]
    sizes = sorted((len(g) for g in groups if len(g) > 1), reverse=True)
    assert sorted((n["members"] for n in big), reverse=True) == sizes
    largest = max(big, key=lambda n: n["members"])
    assert largest["label"].endswith(f" + {largest['members'] - 1}")
    aggregated = [e for e in collapsed["edges"] if e["id"].startswith("agg:")]
    assert aggregated and max(e["count"] for e in aggregated) > 1
    assert all(e["width"] > 1 for e in aggregated if e["count"] > 1)
    shot(page, "network-clusters.png" if lang == "en" else "network-clusters-nb.png")

    # a search finds a member inside its cluster: the cluster lights up
    box = widget(page, "net_find").locator("input")
    box.fill(INNOVATION[lang])
    box.press("Enter")
    now = lit(frame, "1:0")
    holder = next(k for k, x in now["nodes"].items() if x["opacity"] == 1)
    assert holder.startswith("cluster:") and any(TRD + "innovasjon-norge" in g and holder.removeprefix("cluster:")
                                                 in g for g in groups)
    page.get_by_role("button", name=WORDS[lang]["clear"], exact=True).click()
    lit(frame, "0:0")

    # a click on a cluster opens it: its members come back where they were
    before = version(frame)
    screen = frame.evaluate("() => { const n = window.ikgNetwork, p = n.getPositions(); const out = {};"
                            " for (const k in p) { out[k] = n.canvasToDOM(p[k]); } return out; }")
    alone = [n for n in big if all(abs(p["x"] - screen[n["id"]]["x"]) + abs(p["y"] - screen[n["id"]]["y"]) > 40
                                   for k, p in screen.items() if k != n["id"])]
    largest = max(alone, key=lambda n: n["members"])  # the biggest cluster no other node covers
    at = screen[largest["id"]]
    frame.locator("#ikg-network canvas").click(position={"x": at["x"], "y": at["y"]})
    frame = drawing(page, before)
    opened = frame.evaluate("() => window.ikgView.nodes.map(n => n.id)")
    assert len(opened) == len(groups) + largest["members"] - 1 and largest["id"] not in opened
    assert largest["id"].removeprefix("cluster:") in opened

    # the toggle off: every node again, each where it was
    before = version(frame)
    widget(page, "net_collapse").get_by_text(WORDS[lang]["collapse"]).click()
    frame = drawing(page, before)
    again = state(frame)["nodes"]
    assert set(again) == set(full["nodes"])
    assert {k: x["at"] for k, x in again.items()} == {k: x["at"] for k, x in places.items()}


def test_collaborators_chains_are_lit_in_their_neighbourhood_and_can_be_cleared(visit):
    page = visit.page
    page.goto(visit.server.url + "/")
    wait_idle(page, timeout=120_000)
    go(page, "collaborators", "nb")
    widget(page, "chain_max").locator("input").fill("1")
    widget(page, "chain_max").locator("input").press("Enter")
    wait_idle(page)
    choose(page, "chain_from.nb", "Innovasjon Norge")
    choose(page, "chain_to.nb", "NTNU", typed="NTNU")
    expect(message(page).filter(has_text=re.compile(r"^\d+ kjeder \(korteste først\):$"))).to_have_count(1)
    chains = message(page).filter(has_text="Innovasjon Norge —[").inner_text().splitlines()
    frame = drawing(page)
    shown = state(frame)
    on = {k for k, x in shown["nodes"].items() if x["opacity"] == 1}
    assert {TRD + "innovasjon-norge", TRD + "ntnu"} <= on
    assert len(on) == 2 + len(chains)  # the two ends and one linking thing per one-step chain
    assert len(shown["nodes"]) > len(on)  # drawn among their neighbours, which are faded
    assert sum(e["colour"] == LIT for e in shown["edges"].values()) == 2 * len(chains)
    shot(page, "collaborators-chains-nb.png")
    frame.get_by_role("button", name="Fjern uthevingen").click()
    assert {x["opacity"] for x in lit(frame, "0:0")["nodes"].values()} == {1}
