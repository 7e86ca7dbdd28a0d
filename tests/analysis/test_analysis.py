"""The collaboration network built from the RDF and what is computed on it (fixture graph)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

import graph.analysis.network as analysis
from graph.history.shipped import shipped_files
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"


@pytest.fixture(scope="module")
def store():
    s = MemoryStore()
    s.load(fixture_files())
    return s


def test_network_is_bipartite_actors_and_what_links_them(store):
    g = analysis.collaboration_graph(store)
    actors = sorted(n for n, d in g.nodes(data=True) if d["side"] == "actor")
    assert actors == [EX + x for x in ("agency", "culture-unit", "farcity", "hometown", "oldcity", "uni")]
    assert g.has_edge(EX + "uni", EX + "net-a") and g.edges[EX + "uni", EX + "net-a"]["role"] == "Board member"
    assert g.nodes[EX + "wg-trade"]["kind"] == "Working group"


def test_brokers_and_isolated_actors(store):
    # Hometown alone links Oldtown and the culture unit to the rest.
    assert analysis.brokers(store) == [EX + "hometown"]
    assert analysis.isolated_actors(store) == [EX + "lonely"]


def test_degree_and_betweenness(store):
    degree = analysis.degree(store)
    values, sampled = analysis.betweenness(store)
    assert sampled is None
    assert max(degree, key=degree.get) == EX + "hometown"
    assert max(values, key=values.get) == EX + "hometown"


def shipped() -> MemoryStore:
    s = MemoryStore()
    s.load(shipped_files())
    return s


def test_betweenness_has_networkx_values_on_the_shipped_network_exact_and_sampled(monkeypatch):
    store = shipped()
    g = analysis.collaboration_graph(store, "en")
    assert len(g) > 150
    values, sampled = analysis.betweenness(store)
    assert sampled is None and values.keys() == set(g)
    expected = nx.betweenness_centrality(g)
    assert all(values[n] == pytest.approx(expected[n], abs=1e-12) for n in g)
    assert max(values, key=values.get) == max(expected, key=expected.get)

    # above the limit, the seeded sample of pivots networkx would take, with networkx's scaling
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_LIMIT", 100)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLE", 40)
    values, sampled = analysis.betweenness(shipped())
    expected = nx.betweenness_centrality(g, k=40, seed=42)
    assert sampled == 40 and values.keys() == expected.keys()
    assert all(values[n] == pytest.approx(expected[n], abs=1e-12) for n in g)
    assert sum(v > 0 for v in values.values()) > 20


def test_ego_network_depth(store):
    one = analysis.ego_network(store, EX + "agency", radius=1)
    two = analysis.ego_network(store, EX + "agency", radius=2)
    assert sorted(n for n in one if one.nodes[n]["side"] == "actor") == [EX + "agency", EX + "hometown", EX + "uni"]
    assert EX + "farcity" in two and EX + "farcity" not in one


def test_shortest_chains_and_every_chain_up_to_a_length(store):
    g = analysis.collaboration_graph(store)
    shortest = [analysis.chain_text(g, p) for p in analysis.chains(g, EX + "agency", EX + "farcity", 3)]
    assert shortest == [
        "Innovation Agency —[Trade group (Working group)]→ Hometown Municipality —[Hometown–Farcity (Twin-city agreement)]→ Farcity",
        "Innovation Agency —[Trade group (Working group)]→ Hometown Municipality —[Project X (Project)]→ Farcity",
    ]
    every = analysis.chains(g, EX + "agency", EX + "farcity", 3, shortest_only=False)
    assert len(every) > len(shortest)
    assert all((len(p) - 1) // 2 <= 3 for p in every)
    assert [EX + "agency", EX + "wg-trade", EX + "uni", EX + "net-a", EX + "hometown", EX + "project-x",
            EX + "farcity"] in every
    assert analysis.chains(g, EX + "agency", EX + "farcity", 1) == []
    assert analysis.chains(g, EX + "agency", EX + "lonely", 4) == []


def test_communities_cover_every_node(store):
    parts = analysis.communities(store)
    g = analysis.collaboration_graph(store)
    assert set().union(*parts) == set(g.nodes)


def networkx_chains(store, source: str, target: str, max_steps: int = 4) -> list[list[str]]:
    """The `path` question's rows as networkx finds them: the shortest chains that alternate actor and
    thing (an IRI that is both makes a shorter path that does not), the first 50 by their nodes."""
    g = analysis.collaboration_graph(store, "en")
    if source not in g or target not in g or source == target or not nx.has_path(g, source, target):
        return []
    shortest = nx.shortest_path_length(g, source, target)
    every: list[list[str]] = []
    if shortest % 2 == 0:
        every = list(nx.all_shortest_paths(g, source, target))
    for length in range(shortest + 1, 2 * max_steps + 1, 2) if shortest % 2 else ():  # through an IRI that is both
        every = [p for p in nx.all_simple_paths(g, source, target, cutoff=length) if len(p) == length + 1]
        if every:
            break
    every = [p for p in every if len(p) // 2 <= max_steps]
    every = sorted(every, key=lambda p: (len(p), p))[:50]
    return sorted(([str(len(p) // 2), analysis.chain_text(g, p)] for p in every),
                  key=lambda r: (int(r[0]), r[1].casefold()))


def bench_graph(tmp_path) -> MemoryStore:
    from bench.generate import write

    data = tmp_path / "bench.nt"
    write(data, 20_000, 42)
    s = MemoryStore()
    s.load(shipped_files(include_data=False) + [data])
    return s


@pytest.mark.parametrize("graph", ["shipped", "bench"])
def test_path_question_finds_the_chains_networkx_finds(graph, tmp_path):
    from rdflib import URIRef

    store = shipped() if graph == "shipped" else bench_graph(tmp_path)
    g = analysis.collaboration_graph(store, "en")
    actors = sorted(n for n, d in g.nodes(data=True) if d["side"] == "actor")
    pairs = [tuple(random.Random(seed).sample(actors, 2)) for seed in range(40)]
    pairs += [(max(actors, key=g.degree), a) for a in actors[:10]]  # the best-linked actor: many chains
    counts = []
    for source, target in pairs:
        found = analysis.shortest_chains(store, {"from": URIRef(source), "to": URIRef(target)}, "en").rows
        assert found == networkx_chains(store, source, target), (source, target)
        counts.append(len(found))
    assert sum(c > 0 for c in counts) > 20  # most pairs are linked
    if graph == "bench":
        assert max(counts) == 50  # a pair with more shortest chains than are shown: the first 50 by their nodes


def test_two_ties_between_an_actor_and_a_thing_make_one_chain(store):
    from rdflib import BNode, URIRef

    from graph.vocab.namespaces import ORG

    s = MemoryStore()
    s.load(fixture_files())
    tie = BNode()  # the university a second time a member of net-a
    s.apply(add=[(tie, ORG.member, URIRef(EX + "uni")), (tie, ORG.organization, URIRef(EX + "net-a"))])
    rows = analysis.shortest_chains(s, {"from": URIRef(EX + "uni"), "to": URIRef(EX + "farcity")}, "en").rows
    assert rows == analysis.shortest_chains(store, {"from": URIRef(EX + "uni"), "to": URIRef(EX + "farcity")},
                                            "en").rows
    assert len(rows) == len({r[1] for r in rows}) > 0


@pytest.mark.parametrize("shortest_only", [True, False])
def test_chains_are_every_simple_path_up_to_the_length_shortest_first_then_by_their_nodes(shortest_only):
    """On the shipped network, against every simple path networkx lists: the first 50 by length, then by
    their nodes (the search steps only where the target is still in reach, so it must miss none)."""
    store = shipped()
    g = analysis.collaboration_graph(store, "en")
    actors = sorted(n for n, d in g.nodes(data=True) if d["side"] == "actor")
    pairs = [tuple(random.Random(seed).sample(actors, 2)) for seed in range(25)]
    hub = max(actors, key=g.degree)
    pairs += [(hub, a) for a in actors[:5]] + [(a, hub) for a in actors[-5:]]
    sizes = []
    for source, target in pairs:
        for steps in (1, 2, 3):
            every = [p for p in nx.all_simple_paths(g, source, target, cutoff=2 * steps) if len(p) % 2]
            if shortest_only and every:
                every = [p for p in every if len(p) == min(map(len, every))]
            expected = sorted(every, key=lambda p: (len(p), p))[:50]
            assert analysis.chains(g, source, target, steps, shortest_only=shortest_only) == expected
            sizes.append(len(expected))
    assert 0 in sizes and any(1 < n < 50 for n in sizes) and (shortest_only or 50 in sizes)


@pytest.mark.parametrize("graph", ["shipped", "bench"])
def test_brokers_and_isolated_actors_are_networkx_s_on_the_networkx_graph(graph, tmp_path):
    """Found on the network's shape in igraph: the articulation points networkx finds on the actor side,
    and the actors networkx's graph lacks."""
    store = shipped() if graph == "shipped" else bench_graph(tmp_path)
    g = analysis.collaboration_graph(store, "en")
    expected = sorted(n for n in nx.articulation_points(g) if g.nodes[n]["side"] == "actor")
    assert analysis.brokers(store) == expected and len(expected) > 3
    isolated = analysis.isolated_actors(store)
    assert isolated and not set(isolated) & set(g)


@pytest.mark.parametrize("shortest_only", [True, False])
def test_chains_between_actors_of_a_store_are_the_chains_on_the_networkx_graph(shortest_only):
    """What the Collaborators page shows (found on igraph's shape) is what `chains` finds on the networkx
    graph, with the same text, shortest first and then by text."""
    store = shipped()
    g = analysis.collaboration_graph(store, "nb")
    actors = sorted(n for n, d in g.nodes(data=True) if d["side"] == "actor")
    for seed in range(30):
        source, target = random.Random(seed).sample(actors, 2)
        expected = sorted(((p, analysis.chain_text(g, p)) for p in analysis.chains(g, source, target, 3, shortest_only=
                           shortest_only)), key=lambda c: (len(c[0]), c[1].casefold()))
        assert analysis.chains_between(store, source, target, 3, "nb", shortest_only) == expected
