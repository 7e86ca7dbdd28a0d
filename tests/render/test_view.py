"""What the network view shows, and that its page is self-contained and shows data only as text."""

from __future__ import annotations

import itertools
import json
import math
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import graph.render.view as view
from bench.generate import generate
from graph.history.shipped import shipped_files
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"
IKG = "https://w3id.org/ikg/ontology#"
XSS = "<img src=x onerror=alert(1)>"


def ids(v: view.View) -> set[str]:
    return {n["id"].removeprefix(EX) for n in v.nodes}


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="ikg-data">(.*?)</script>', html, re.S)
    assert m, "the page carries its data as a JSON script block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def xss_store() -> MemoryStore:
    """The fixture with a hostile label on an actor, a section and a role."""
    store = MemoryStore()
    store.load(fixture_files())
    g = Graph()
    g.parse(format="turtle", data=f"""
        @prefix ikg: <{IKG}> . @prefix ex: <{EX}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:evil a ikg:Company ; rdfs:label "{XSS}"@en , "</script><script>alert(2)</script>"@nb .
        ex:wg-trade ikg:participant ex:evil .
        ex:evil-s a ikg:Section ; rdfs:label "<b onmouseover=alert(3)>Plan</b>"@en .
        ex:evil ikg:citation [ ikg:section ex:evil-s ] .
    """)
    store.apply(add=g)
    return store


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory) -> OxigraphStore:
    path = tmp_path_factory.mktemp("bench") / "bench.nt"
    path.write_text("".join(generate(10_000, seed=42)), encoding="utf-8")
    store = OxigraphStore()
    store.load(shipped_files(include_data=False) + [path])
    return store


# --- the data ------------------------------------------------------------------------------


def test_network_data_reads_nodes_and_ties(fixture_store):
    data = view.network_data(fixture_store, "en")
    assert len(data.nodes) == 13 and len(data.edges) == 15
    uni = data.nodes[EX + "uni"]
    assert (uni.label, uni.cls, uni.kind, uni.group) == (
        "The University", "University", "University or college", "actors")
    project = data.nodes[EX + "project-x"]
    assert (project.since, project.until, project.status) == (2018, 2023, IKG + "Active")
    assert project.target_areas == ("3",) and project.sdgs == ("7", "11")
    assert data.nodes[EX + "agreement-farcity"].agreement_type == IKG + "FormalTwinning"
    board = next(e for e in data.edges if e.actor == EX + "uni" and e.thing == EX + "net-a")
    assert (board.relation, board.role, board.since, board.until, board.sources) == (
        "member", "Board member", 2016, 2019, ("Plan 2020 §2",))
    assert {e.relation for e in data.edges} == {"member", "partner", "party", "participant"}
    assert data.home == EX + "hometown"
    assert view.network_data(fixture_store, "en") is data  # cached


def test_network_data_follows_the_language(fixture_store):
    data = view.network_data(fixture_store, "nb")
    assert data.nodes[EX + "uni"].label == "Universitetet"
    assert data.nodes[EX + "uni"].kind == "Universitet eller høgskole"


def test_the_names_of_target_areas_and_sdgs_are_the_network_s(shipped_store):
    """The Gaps page reads them alone (one small query): the same names as the network's filters."""
    for lang in ("nb", "en"):
        labels = view.dimension_labels(shipped_store, lang)
        assert labels == view.network_data(shipped_store, lang).notation_labels
        assert len([k for k in labels if k[0] == "sdg"]) == 17 and len([k for k in labels if k[0] == "ta"]) == 5
    assert view.dimension_labels(shipped_store, "nb") != view.dimension_labels(shipped_store, "en")


def test_cache_rebuilds_after_a_write():
    store = MemoryStore()
    store.load(fixture_files())
    before = view.network_data(store)
    g = Graph()
    g.parse(format="turtle", data=f"<{EX}wg-trade> <{IKG}participant> <{EX}lonely> .")
    store.apply(add=g)
    after = view.network_data(store)
    assert after is not before and EX + "lonely" in after.nodes and EX + "lonely" not in before.nodes


# --- filters and focus -----------------------------------------------------------------------


def test_kind_filter_shows_fewer_nodes(fixture_store):
    everything = view.build_view(fixture_store, view.ViewOptions())
    networks = view.build_view(fixture_store, view.ViewOptions(kinds={"networks"}))
    assert everything.shown == everything.total == 13
    assert ids(networks) == {"net-a", "net-b", "hometown", "uni"}  # networks and their members
    assert networks.shown < everything.shown
    cities = view.build_view(fixture_store, view.ViewOptions(kinds={"City"}))
    assert ids(cities) == {"hometown", "farcity", "oldcity"} and cities.edges == []


def test_an_empty_view_says_whether_filters_hide_everything_or_nothing_is_there_yet(fixture_store):
    hidden = view.build_view(fixture_store, view.ViewOptions(kinds={"nosuch"}))
    assert (hidden.shown, hidden.note) == (0, "No nodes match the filters.")
    new_city = MemoryStore()  # the vocabulary alone, as a city's graph before anything is added
    new_city.load(shipped_files(include_data=False))
    for lang, note in (("nb", "Grafen har ingen samarbeid ennå: legg til nettverk, medlemskap, vennskapsbyer og "
                              "prosjekter på Importer- eller Rediger-siden (for redaktører)."),
                       ("en", "The graph has no collaboration yet: add networks, memberships, twin cities and projects "
                              "on the Import or Edit page (for editors).")):
        empty = view.build_view(new_city, view.ViewOptions(lang=lang))
        assert (empty.shown, empty.note) == (0, note)


def test_year_shows_the_network_as_it_stood(fixture_store):
    in_2000 = view.build_view(fixture_store, view.ViewOptions(year=2000))
    assert "project-x" not in ids(in_2000)  # runs 2018-2023
    assert "activity-visit" not in ids(in_2000) and "culture-unit" not in ids(in_2000)  # 2012; no other tie
    assert "net-a" in ids(in_2000)  # no dates: always shown
    in_2020 = view.build_view(fixture_store, view.ViewOptions(year=2020))
    assert "project-x" in ids(in_2020)
    pairs = {(e["from"].removeprefix(EX), e["to"].removeprefix(EX)) for e in in_2020.edges}
    assert ("hometown", "net-a") in pairs and ("uni", "net-a") not in pairs  # the board seat ended in 2019


def test_attribute_filters(fixture_store):
    def shown(**kw):
        return ids(view.build_view(fixture_store, view.ViewOptions(**kw)))

    assert shown(target_areas={"3"}) == {"project-x", "hometown", "farcity"}
    assert shown(sdgs={"11"}) == {"project-x", "net-a", "hometown", "farcity", "uni"}
    twinning = shown(agreement_types={IKG + "FormalTwinning"})
    assert "agreement-farcity" in twinning and "agreement-oldcity" not in twinning and "net-a" in twinning
    active = view.build_view(fixture_store, view.ViewOptions(statuses={IKG + "Active"}))
    assert "agreement-oldcity" not in ids(active)  # planned
    pairs = {(e["from"].removeprefix(EX), e["to"].removeprefix(EX)) for e in active.edges}
    assert ("hometown", "net-b") not in pairs and ("uni", "net-b") in pairs  # ended vs active membership


def test_focus_depth_one_and_two(fixture_store):
    one = view.build_view(fixture_store, view.ViewOptions(focus=EX + "uni", depth=1))
    assert ids(one) == {"uni", "net-a", "net-b", "wg-trade", "hometown", "agency"}
    two = view.build_view(fixture_store, view.ViewOptions(focus=EX + "uni", depth=2))
    assert ids(one) < ids(two) and {"project-x", "farcity", "agreement-farcity"} <= ids(two)
    focused = next(n for n in one.nodes if n["id"] == EX + "uni")
    assert focused["borderWidth"] > 1 and "The University" in one.note
    missing = view.build_view(fixture_store, view.ViewOptions(focus=EX + "lonely"))
    assert missing.shown == 13 and "no ties" in missing.note


def test_each_view_is_laid_out_for_itself_focus_in_the_centre_rings_by_distance(fixture_store):
    one = view.build_view(fixture_store, view.ViewOptions(focus=EX + "uni", depth=2))
    at = {n["id"]: (n["x"], n["y"]) for n in one.nodes}
    assert at[EX + "uni"] == (0.0, 0.0)
    radius = {iri: round(math.dist(p, (0, 0))) for iri, p in at.items()}
    # what the university takes part in on the first ring, its partners on the second, further out
    assert radius[EX + "net-a"] == radius[EX + "wg-trade"] < radius[EX + "hometown"]
    assert radius[EX + "project-x"] > radius[EX + "hometown"]
    # the same view in the other language, or asked again, is drawn the same
    again = view.build_view(fixture_store, view.ViewOptions(focus=EX + "uni", depth=2, lang="nb"))
    assert {n["id"]: (n["x"], n["y"]) for n in again.nodes} == at
    # the overview: the home actor in the middle, the rest spread around it
    overview = {n["id"]: (n["x"], n["y"]) for n in view.build_view(fixture_store, view.ViewOptions()).nodes}
    assert overview[EX + "hometown"] == (0.0, 0.0)
    assert min(math.dist(a, b) for a, b in itertools.combinations(overview.values(), 2)) > 10


def test_size_by_changes_sizes(fixture_store):
    def sizes(size_by):
        return {n["id"]: n["size"] for n in view.build_view(fixture_store, view.ViewOptions(size_by=size_by)).nodes}

    degree, betweenness = sizes("degree"), sizes("betweenness")
    assert degree != betweenness
    assert max(degree, key=degree.get) == EX + "hometown"  # most ties
    assert len(set(degree.values())) > 1


def test_legend_lists_families_and_ties_present_none_alike(fixture_store):
    v = view.build_view(fixture_store, view.ViewOptions(kinds={"networks"}))
    assert ("Networks and working groups", view.FAMILIES["networks"][1], "diamond") in v.legend
    assert ("membership", view.EDGE_STYLES["member"][0]["color"], "line") in v.legend
    assert not any(label == "Projects" for label, _c, _s in v.legend)
    every = view.build_view(fixture_store, view.ViewOptions())
    assert len({(c, s) for _l, c, s in every.legend}) == len(every.legend)
    # an agreement and a twin-city agreement are drawn differently; no family shares colour and shape
    assert view.family("Agreement")[1:] != view.family("TwinCityAgreement")[1:]
    assert len({(c, s) for _f, c, s in view.FAMILIES.values()}) == len(view.FAMILIES)
    clusters = view.build_view(fixture_store, view.ViewOptions(colour_by="community"))
    assert any(label.startswith("Cluster around") for label, _c, _s in clusters.legend)


# --- size limits -------------------------------------------------------------------------------


def test_max_nodes_on_a_generated_graph(generated_store):
    data = view.network_data(generated_store)
    assert len(data.nodes) > 200
    v = view.build_view(generated_store, view.ViewOptions(max_nodes=100))
    assert v.shown == len(v.nodes) == 100 and v.total == len(data.nodes) and v.aggregated
    assert "Showing the 100 most central of" in v.note and "search, filter" in v.note
    assert len(page_data(v.html)["nodes"]) == 100
    shown = {n["id"] for n in v.nodes}
    assert all(e["from"] in shown and e["to"] in shown for e in v.edges)
    assert data.home in shown
    nb = view.build_view(generated_store, view.ViewOptions(max_nodes=100, lang="nb"))
    assert nb.note.startswith("Viser de 100 mest sentrale av")
    hub = max(data.order, key=lambda n: data.degree[n])
    focused = view.build_view(generated_store, view.ViewOptions(focus=hub, depth=2, max_nodes=50))
    assert focused.shown == 50 < focused.total and "nearest" in focused.note
    assert hub in {n["id"] for n in focused.nodes}


def test_a_view_of_the_same_nodes_reuses_their_overview_layout(generated_store, monkeypatch):
    """Switching the language, the sizes or the colours redraws the same nodes: their stress layout (most
    of a big view's time) is laid out once, and they stay where they were."""
    import graph.render.view.arrange as arrange

    laid = []
    real = arrange.overview
    monkeypatch.setattr(arrange, "overview", lambda *a: laid.append(len(a[0])) or real(*a))
    arrange._overview_of.cache_clear()

    def at(**options):
        v = view.build_view(generated_store, view.ViewOptions(max_nodes=120, **options))
        return {n["id"]: (n["x"], n["y"]) for n in v.nodes}

    en = at()
    assert laid == [120]
    assert at(lang="nb") == en and at(colour_by="community") == en
    assert laid == [120]  # not laid out again
    fewer = at(kinds={"networks"})  # other nodes: a layout of their own
    assert laid == [120, len(fewer)] and set(fewer) != set(en)
    assert at(lang="nb", kinds={"networks"}) == fewer and len(laid) == 2


def test_an_overview_of_a_grid_keeps_distances_in_steps():
    """The stress layout of a 16 x 16 grid (more nodes than the dense start and one block of the loop
    take): each pair as far apart on screen as it is in steps, within a few per cent, the same every time."""
    import networkx as nx

    import graph.render.view.arrange as arrange

    g = nx.relabel_nodes(nx.grid_2d_graph(16, 16), lambda n: f"{n[0]:02d}-{n[1]:02d}")
    assert len(g) > arrange.SMALL and len(g) > arrange.BLOCK
    pos = arrange.stress(g)
    steps = dict(nx.all_pairs_shortest_path_length(g))
    pairs = [(a, b) for a, b in itertools.combinations(sorted(g), 2)]
    err = sum((math.dist(pos[a], pos[b]) / arrange.STEP / steps[a][b] - 1) ** 2 for a, b in pairs) / len(pairs)
    assert err < 0.03  # a grid's steps are city-block: 0.014 on the plane
    corner, far = pos["00-00"], pos["15-15"]
    assert 20 < math.dist(corner, far) / arrange.STEP < 30  # 30 steps apart, 21.2 as the crow flies
    assert arrange.stress(g) == pos


def test_an_overview_fans_out_the_nodes_with_one_tie():
    """Above SMALL nodes, a node with one tie is placed one step from its neighbour, on the side away from
    that neighbour's other ties, and no two nodes share a place; the hub's own leaves stay in the layout."""
    import networkx as nx

    import graph.render.view.arrange as arrange

    g = nx.relabel_nodes(nx.cycle_graph(150), lambda i: f"c{i:03d}")
    leaves = {f"c{i:03d}-{k}": f"c{i:03d}" for i in range(0, 150, 3) for k in range(1 + i % 4)}
    g.add_edges_from((leaf, parent) for leaf, parent in leaves.items())
    g.add_edges_from([("hub", "c000"), ("hub", "hub-leaf")])
    assert len(g) > arrange.SMALL
    pos = arrange.stress(g, "hub")
    assert len(set(pos.values())) == len(g)
    for leaf, parent in leaves.items():
        assert math.dist(pos[leaf], pos[parent]) == pytest.approx(arrange.STEP)
        others = [pos[m] for m in g[parent] if m not in leaves]
        centre = (sum(x for x, _ in others) / len(others), sum(y for _, y in others) / len(others))
        assert math.dist(pos[leaf], centre) > math.dist(pos[parent], centre), leaf
    assert 1.5 < math.dist(pos["hub-leaf"], pos["hub"]) / arrange.STEP < 3  # by stress: the hub's ties count two


def test_an_overview_gives_each_node_of_a_star_room():
    """A home actor tied to a hundred things, a few of them tied to each other: stress alone rings them
    tight around it (nodes and names on top of each other); the overview keeps every two of them at
    least ROOM apart, the home actor in the middle and its ties around it on every side."""
    import graph.render.view.arrange as arrange

    spokes = [f"s{i:03d}" for i in range(100)]
    pairs = [("home", s) for s in spokes] + list(zip(spokes[::5], spokes[1::5], strict=True))
    pos = arrange.overview(["home", *spokes], pairs, "home")
    assert pos["home"] == (0.0, 0.0)
    closest = min(math.dist(pos[a], pos[b]) for a, b in itertools.combinations(pos, 2))
    assert closest > 0.95 * arrange.ROOM, closest
    assert {(pos[s][0] > 0, pos[s][1] > 0) for s in spokes} == {(True, True), (True, False), (False, True),
                                                                  (False, False)}


def test_an_overview_puts_many_loose_nodes_in_a_block_not_a_column():
    """A big graph's overview has many nodes whose ties lead off the drawing: they go in rows beneath the
    biggest part, wider than tall, centred under it, each in its own place (not a column ten times as
    tall as the part, as when the rows were only as wide as the part)."""
    import graph.render.view.arrange as arrange

    main = [f"m{i}" for i in range(5)]
    loose = [f"z{i:03d}" for i in range(120)]
    pos = arrange.overview(main + loose, list(zip(main, main[1:], strict=False)), "m2")
    assert len(set(pos.values())) == len(pos)
    bottom = max(pos[n][1] for n in main)
    assert all(pos[n][1] > bottom for n in loose)
    xs, ys = [pos[n][0] for n in loose], [pos[n][1] for n in loose]
    assert max(xs) - min(xs) > max(ys) - min(ys) > 0
    centre = (max(pos[n][0] for n in main) + min(pos[n][0] for n in main)) / 2
    assert abs((max(xs) + min(xs)) / 2 - centre) < arrange.STEP


# --- the page -----------------------------------------------------------------------------------


def test_html_is_self_contained(fixture_store):
    html = view.build_view(fixture_store, view.ViewOptions()).html
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html, re.I) and "@import" not in html
    for word in ("cdnjs", "jsdelivr", "bootstrap", "tom-select", "TomSelect", "sourceMappingURL"):
        assert word not in html, word
    assert "@version 9.1.2" in html and "new vis.Network(" in html  # vis-network inline
    assert page_data(html)["options"]["physics"] == {"enabled": False}  # positions from the server: nothing moves
    assert "default-src 'none'" in html  # the page may not fetch anything
    assert Path(view.ASSETS_DIR, "LICENSE-vis-network.txt").exists()


def test_hostile_labels_stay_text(xss_store):
    for lang in ("en", "nb"):
        v = view.build_view(xss_store, view.ViewOptions(focus=EX + "evil", lang=lang))
        html = v.html
        assert "<img" not in html and "<b " not in html and "<script>alert" not in html
        assert html.count("</script>") == 3  # the data block and the two scripts close only themselves
        data = page_data(html)
        labels = {d["label"] for d in data["details"]}
        assert (XSS if lang == "en" else "</script><script>alert(2)</script>") in labels
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in view.build_view(
        xss_store, view.ViewOptions(focus=EX + "evil")).html
    note = view.build_view(xss_store, view.ViewOptions(focus=EX + "evil")).note
    assert XSS in note  # View.note is plain text; the page escapes it
    data = page_data(view.build_view(xss_store, view.ViewOptions()).html)
    evil = next(d for d in data["details"] if d["label"] == XSS)
    assert [data["strings"][i] for i in evil["sources"]] == ["<b onmouseover=alert(3)>Plan</b>"]


def test_script_json_escapes_what_could_end_a_script():
    text = view.script_json({"a": "</script><!-- \u2028 \u2029 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 \u2029 & >"}


# --- details ------------------------------------------------------------------------------------


def test_node_details_of_the_university(fixture_store):
    d = view.node_details(fixture_store, EX + "uni", "en")
    assert (d["label"], d["kind"]) == ("The University", "University or college")
    assert d["other_labels"] == ["UNI", "Universitetet"]
    ties = {t["label"]: t for t in d["ties"]}
    assert set(ties) == {"Network A", "Network B", "Trade group"}
    assert (ties["Network A"]["relation"], ties["Network A"]["role"], ties["Network A"]["since"],
            ties["Network A"]["until"], ties["Network A"]["sources"]) == (
        "member of", "Board member", "2016", "2019", "Plan 2020 §2")
    assert d["collaborators"] == [
        {"label": "Hometown Municipality", "via": "Network A; Network B; Trade group"},
        {"label": "Innovation Agency", "via": "Trade group"},
    ]
    assert {"source": "Plan 2020 §2", "quote": "Universitetet", "evidence": "Stated by the source", "about": ""} \
        in d["sources"]
    assert all(isinstance(v, (str, list)) for v in d.values())


def test_node_details_of_a_city_and_of_a_node_without_ties(fixture_store):
    home = view.node_details(fixture_store, EX + "hometown", "nb")
    assert home["label"] == "Hjemby kommune" and home["coordinates"] == "63.4300, 10.3900"
    assert home["country"] == "Norge" and "Hjemby" in home["other_labels"]
    assert any(t["relation"] == "part i" and t["label"] == "Hjemby–Fjernby" for t in home["ties"])
    lonely = view.node_details(fixture_store, EX + "lonely", "en")
    assert (lonely["label"], lonely["kind"], lonely["ties"]) == ("Lonely Ltd", "Company", [])
    project = view.node_details(fixture_store, EX + "project-x", "en")
    assert project["since"] == "2018" and project["target_areas"] == ["3 Research"]
    assert {t["label"] for t in project["ties"]} == {"Hometown Municipality", "Farcity"}


# --- in a browser -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Chromium (installed by scripts/test)")
def test_page_in_chromium_shows_hostile_text_as_text(xss_store, tmp_path):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    page_file = tmp_path / "view.html"
    page_file.write_text(view.build_view(xss_store, view.ViewOptions(focus=EX + "evil")).html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        requests, problems = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ikg-drawn='1']", timeout=20_000)
        xy = page.evaluate("""label => { const i = window.ikgData.details.findIndex(d => d.label === label);
            const p = window.ikgNetwork.getPositions([i])[i]; return window.ikgNetwork.canvasToDOM(p); }""", XSS)
        box = page.locator("#ikg-network").bounding_box()
        page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        assert page.inner_text("div.vis-tooltip").startswith(XSS)
        page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        assert page.inner_text("#ikg-panel h2") == XSS
        assert page.locator("img").count() == 0 and page.locator("b").count() == 0
        browser.close()
    assert [r for r in requests if not r.startswith("file://")] == []
    assert problems == []


def test_the_view_as_svg_and_graphml(fixture_store, tmp_path):
    import networkx as nx

    v = view.build_view(fixture_store, view.ViewOptions(focus=EX + "uni", depth=2))
    svg = view.view_svg(v)
    assert svg.startswith("<svg") and svg.count("<line") == len(v.edges)
    assert "The University" in svg and svg.count("<text") >= 3
    hostile = view.build_view(xss_store_for_svg(), view.ViewOptions())
    assert "<img" not in view.view_svg(hostile) and "&lt;img" in view.view_svg(hostile)
    path = tmp_path / "view.graphml"
    path.write_bytes(view.view_graphml(v))
    g = nx.read_graphml(path)
    assert set(g.nodes) == {n["id"] for n in v.nodes} and g.number_of_edges() == len(v.edges)
    assert g.nodes[EX + "uni"]["kind"] == "University or college" and "x" in g.nodes[EX + "uni"]


def xss_store_for_svg() -> MemoryStore:
    store = MemoryStore()
    store.load(fixture_files())
    g = Graph()
    g.parse(format="turtle", data=f"""
        @prefix ikg: <{IKG}> . @prefix ex: <{EX}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:evil a ikg:Company ; rdfs:label "{XSS}"@en . ex:wg-trade ikg:participant ex:evil .
    """)
    store.apply(add=g)
    return store
