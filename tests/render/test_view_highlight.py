"""Search, chains and collapsed clusters of the network view, on the fixture: what lights up, what a
collapsed cluster is called and where it sits, and that opening a cluster moves nothing else."""

from __future__ import annotations

import pytest

import graph.render.view as view
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"
C = "cluster:" + EX


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    s = MemoryStore()
    s.load(fixture_files())
    return s


def short(ids) -> list[str]:
    return [i.replace(EX, "") for i in ids]


def test_search_finds_by_part_of_a_name_in_the_language_shown(store):
    en = view.build_view(store, view.ViewOptions(lang="en"))
    nb = view.build_view(store, view.ViewOptions(lang="nb"))
    assert short(view.find(en, "net")) == ["net-a", "net-b"]
    assert short(view.find(nb, "NETTVERK")) == ["net-a", "net-b"]
    assert short(view.find(en, "univ")) == ["uni"] and view.find(nb, "univ") == [EX + "uni"]
    assert view.find(en, "Oslo") == [] and view.find(en, "  ") == []
    assert view.lit(en, view.find(en, "Oslo")) is None  # nothing found: nothing dimmed
    assert view.lit(en, view.find(en, "univ")) == {"nodes": [EX + "uni"], "found": [EX + "uni"], "edges": [],
                                                   "clearable": False}


def test_a_chain_lights_its_nodes_and_the_ties_between_them(store):
    v = view.build_view(store, view.ViewOptions())
    path = view.chain(v, EX + "agency", EX + "farcity")
    assert short(path) == ["agency", "wg-trade", "hometown", "agreement-farcity", "farcity"]
    lit = view.lit(v, None, [path])
    assert sorted(short(lit["nodes"])) == sorted(short(path)) and lit["found"] == []
    edges = {e["id"]: (e["from"], e["to"]) for e in v.edges}
    assert sorted(tuple(sorted(short(edges[i]))) for i in lit["edges"]) == [
        ("agency", "wg-trade"), ("agreement-farcity", "farcity"), ("agreement-farcity", "hometown"),
        ("hometown", "wg-trade")]
    assert view.chain(v, EX + "agency", EX + "agency") == [] and view.chain(v, EX + "agency", EX + "nobody") == []
    # a chain along ties that a filter hides is no chain in that view
    cities = view.build_view(store, view.ViewOptions(kinds={"City"}))
    assert view.chain(cities, EX + "hometown", EX + "farcity") == []


def test_collapsed_clusters_are_one_node_each_named_after_their_lead(store):
    full = view.build_view(store, view.ViewOptions(lang="en"))
    v = view.build_view(store, view.ViewOptions(lang="en", collapse=True))
    assert [(n["label"], n["members"]) for n in v.nodes] == [
        ("Trade group + 5", 6), ("Project X + 2", 3), ("Delegation to Farcity + 1", 2), ("Hometown–Oldtown + 1", 2)]
    assert v.shown == full.shown == 13 and len(v.nodes) == 4  # the count is of what the clusters hold
    assert v.note == "Showing all 13 nodes. 4 clusters are drawn as one node each: click one to open it."
    assert all(n["shape"] == "hexagon" and "click to open it" in n["title"].casefold() for n in v.nodes)
    ties = {(e["from"].removeprefix(C), e["to"].removeprefix(C)): (e["count"], e["width"], e["title"])
            for e in v.edges}
    assert ties == {("activity-visit", "wg-trade"): (1, 1, "1 tie between these clusters"),
                    ("agreement-oldcity", "wg-trade"): (1, 1, "1 tie between these clusters"),
                    ("project-x", "wg-trade"): (2, 2.5, "2 ties between these clusters")}
    assert v.owner[EX + "uni"] == C + "wg-trade" and v.owner[EX + "farcity"] == C + "project-x"
    # a search and a chain find what a cluster holds: the cluster lights up, and the ties between clusters
    assert view.lit(v, view.find(v, "univ"))["nodes"] == [C + "wg-trade"]
    lit = view.lit(v, None, [view.chain(v, EX + "agency", EX + "farcity")])
    assert lit["nodes"] == [C + "project-x", C + "wg-trade"]
    assert lit["edges"] == [f"agg:{C}project-x|{C}wg-trade"]
    nb = view.build_view(store, view.ViewOptions(lang="nb", collapse=True))
    assert nb.nodes[0]["label"] == "Handelsgruppa + 5"
    assert nb.note == "Viser alle 13 noder. 4 klynger er tegnet som én node hver: klikk på en for å åpne den."
    assert nb.edges[0]["title"] == "1 kobling mellom disse klyngene"


def test_opening_a_cluster_moves_nothing_else_and_closing_all_restores_the_view(store):
    closed = view.build_view(store, view.ViewOptions(collapse=True))
    opened = view.build_view(store, view.ViewOptions(collapse=True, expanded=(EX + "project-x",)))
    at = {n["id"]: (n["x"], n["y"]) for n in opened.nodes}
    assert sorted(short(at)) == ["agreement-farcity", "cluster:activity-visit", "cluster:agreement-oldcity",
                                 "cluster:wg-trade", "farcity", "project-x"]
    assert all(at[n["id"]] == (n["x"], n["y"]) for n in closed.nodes if n["id"] in at)  # the others stay put
    assert opened.note.startswith("Showing all 13 nodes. 3 clusters are drawn as one node each")
    ties = sorted((short([e["from"], e["to"]]), e.get("count")) for e in opened.edges)
    assert ties == [(["cluster:activity-visit", "cluster:wg-trade"], 1),
                    (["cluster:agreement-oldcity", "cluster:wg-trade"], 1),
                    (["cluster:wg-trade", "agreement-farcity"], 1), (["cluster:wg-trade", "project-x"], 1),
                    (["farcity", "agreement-farcity"], None), (["farcity", "project-x"], None)]
    everything = view.build_view(store, view.ViewOptions(collapse=True, expanded=tuple(
        n["id"].removeprefix("cluster:") for n in closed.nodes)))
    full = view.build_view(store, view.ViewOptions())
    assert len(everything.nodes) == len(full.nodes) == 13 and everything.note == "Showing all 13 nodes. " \
        "Every cluster is open."
    assert view.build_view(store, view.ViewOptions(collapse=False)).nodes == full.nodes


def test_chains_drawn_in_their_neighbourhood(store):
    path = [EX + "agency", EX + "wg-trade", EX + "uni"]
    v = view.chain_view(store, "nb", [path])
    assert sorted(v.names.values()) == ["Handelsgruppa", "Hjemby kommune", "Innovasjonsetaten", "Nettverk A",
                                        "Nettverk B", "Universitetet"]  # the chain, and the ties of its nodes
    assert v.note == "Kjeden og det som ligger inntil den: 6 noder."
    lit = view.lit(v, None, [path], clearable=True)
    assert short(lit["nodes"]) == ["agency", "uni", "wg-trade"] and len(lit["edges"]) == 2 and lit["clearable"]
    small = view.chain_view(store, "en", [path, [EX + "agency", EX + "wg-trade", EX + "hometown"]], limit=4)
    assert small.shown == 4 and small.note == "The 2 chains and what lies next to them: 4 nodes."
    assert view.chain_view(store, "en", [path]) is view.chain_view(store, "en", [path])  # cached
