"""THE collaboration network (graph.analysis.ties): the exact ties of the fixture graph, and that the
network view, the chains and the measures all stand on them."""

from __future__ import annotations

import pytest
from rdflib import Graph

import graph.analysis.network as analysis
import graph.render.view as view
from graph.analysis import ties
from graph.store.memory import MemoryStore
from tests.conftest import fixture_files

EX = "https://example.org/ikg/"
IKG = "https://w3id.org/ikg/ontology#"

# (relation, actor, thing, the membership or participation that states it) — every tie of small.ttl
FIXTURE_TIES = {
    ("member", "hometown", "net-a", "m-home-a"), ("member", "uni", "net-a", "m-uni-a"),
    ("member", "hometown", "net-b", "m-home-b"), ("member", "uni", "net-b", "m-uni-b"),
    ("partner", "hometown", "project-x", "px-home"), ("partner", "farcity", "project-x", "px-farcity"),
    ("participant", "hometown", "wg-trade", "wg-trade"), ("participant", "agency", "wg-trade", "wg-trade"),
    ("participant", "uni", "wg-trade", "wg-trade"),
    ("participant", "hometown", "activity-visit", "activity-visit"),
    ("participant", "culture-unit", "activity-visit", "activity-visit"),
    ("party", "hometown", "agreement-farcity", "agreement-farcity"),
    ("party", "farcity", "agreement-farcity", "agreement-farcity"),
    ("party", "hometown", "agreement-oldcity", "agreement-oldcity"),
    ("party", "oldcity", "agreement-oldcity", "agreement-oldcity"),
}


def short(iri: str) -> str:
    return iri.removeprefix(EX)


def tie_set(store) -> set[tuple[str, str, str, str]]:
    return {(t.relation, short(t.actor), short(t.thing), short(t.tie)) for t in ties.ties(store)}


def test_the_ties_of_the_fixture_graph(fixture_store):
    assert tie_set(fixture_store) == FIXTURE_TIES
    board = next(t for t in ties.ties(fixture_store) if short(t.tie) == "m-uni-a")
    assert (board.role, board.status, board.since, board.until) == (IKG + "BoardRole", IKG + "Active", 2016, 2019)
    assert ties.actor_side(fixture_store) == {EX + x for x in
                                              ("hometown", "farcity", "oldcity", "uni", "agency", "culture-unit")}


def test_the_view_the_chains_and_the_measures_use_the_same_ties(fixture_store):
    pairs = {(a, x) for _r, a, x, _t in FIXTURE_TIES}
    for lang in ("en", "nb"):
        data = view.network_data(fixture_store, lang)
        assert {(short(e.actor), short(e.thing), e.relation) for e in data.edges} == {
            (a, x, r) for r, a, x, _t in FIXTURE_TIES}
        g = analysis.collaboration_graph(fixture_store, lang)
        assert {frozenset((short(a), short(b))) for a, b in g.edges} == {frozenset(p) for p in pairs}
        assert set(g.nodes) == set(data.nodes)
        assert {n for n, d in g.nodes(data=True) if d["side"] == "actor"} == {
            n for n, info in data.nodes.items() if info.is_actor}
    # the view's degree sizes are the measures' degree centrality
    degree = analysis.degree(fixture_store)
    data = view.network_data(fixture_store, "en")
    n = len(data.order) - 1
    assert {k: v / n for k, v in data.degree.items()} == pytest.approx(degree)


@pytest.fixture
def odd_store() -> MemoryStore:
    """The fixture plus the cases the two old definitions disagreed on."""
    store = MemoryStore()
    store.load(fixture_files())
    g = Graph()
    g.parse(format="turtle", data=f"""
        @prefix ikg: <{IKG}> . @prefix ex: <{EX}> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:nb-only a ikg:Company ; rdfs:label "Bare bokmål AS"@nb .
        ex:m-nb a org:Membership ; org:member ex:nb-only ; org:organization ex:net-b .
        ex:bad-participation a ikg:Participation ; ikg:participant ex:lonely .
        ex:members-club a ikg:Company ; rdfs:label "Members' club"@en .
        ex:m-club a org:Membership ; org:member ex:hometown ; org:organization ex:members-club .
        ex:m-club-uni a org:Membership ; org:member ex:members-club ; org:organization ex:net-a .
    """)
    store.apply(add=g)
    return store


def test_a_tie_does_not_depend_on_the_language(odd_store):
    assert ("member", "nb-only", "net-b", "m-nb") in tie_set(odd_store)
    for lang in ("en", "nb"):
        g = analysis.collaboration_graph(odd_store, lang)
        assert g.has_edge(EX + "nb-only", EX + "net-b")
        assert g.nodes[EX + "nb-only"]["label"] == "Bare bokmål AS"  # the label there is, in any language


def test_a_participation_is_a_tie_never_a_linking_thing(odd_store):
    assert not any(short(t.thing) == "bad-participation" for t in ties.ties(odd_store))
    assert EX + "lonely" in analysis.isolated_actors(odd_store)


def test_an_actor_with_members_stays_an_actor(odd_store):
    g = analysis.collaboration_graph(odd_store)
    assert g.nodes[EX + "members-club"]["side"] == "actor"  # by its class, not by the order rows come in
    assert EX + "members-club" in ties.actor_side(odd_store)
    chain = analysis.chains(g, EX + "hometown", EX + "uni", 2)
    assert [EX + "hometown", EX + "net-a", EX + "uni"] in chain


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_ties_question_lists_the_same_ties_as_the_network(fixture_store, memory_shipped, lang):
    """The `ties` named question (ties.rq) and THE ties of graph.analysis.ties are one definition: the
    same (actor, thing) pairs on the fixture graph and on the shipped data, in either language."""
    from graph.questions.languages import label_bindings
    from graph.questions.library import get_question

    question = get_question("ties")
    for store in (fixture_store, memory_shipped):
        rows = store.select(question.sparql, label_bindings(store, lang)).dicts()  # ?lang and ?dlang
        listed = {(str(row["actor"]), str(row["x"])) for row in rows}
        assert listed == {(t.actor, t.thing) for t in ties.ties(store)}
