"""A question's Oxigraph variant (graph/questions/rq/oxigraph/<name>.rq, written with LATERAL so Oxigraph
evaluates it row by row instead of materialising whole OPTIONAL sides) gives exactly the rows of the
portable text: on the shipped data, on the benchmark's synthetic graph and on that graph with references
and web addresses cited, in both languages, with the parameters the benchmark asks. The other backends
run the portable text; tests/questions/test_queries.py checks every backend's rows against the expected
ones on the fixture."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.generate import write
from bench.run import PARAMS
from graph.answers import ask
from graph.history.shipped import shipped_files
from graph.questions.library import QUERY_DIR, get_question, list_questions
from graph.questions.running import bind_params
from graph.questions.table import to_table
from graph.store.oxigraph import OxigraphStore
from tests.conftest import cached_store

VARIANTS = [q for q in list_questions() if "oxigraph" in q.variants]
TRD = "https://w3id.org/ikg/trondheim/"
SHIPPED_PARAMS = {
    "collaborators": {"actor": TRD + "trondheim"},
    "ties": {"actor": TRD + "trondheim"},
    "members": {"network": "EUniverCities"},
}


@pytest.fixture(scope="module")
def bench_store(tmp_path_factory) -> OxigraphStore:
    """The benchmark's generated graph at 20,000 triples (0.2 s to write and load)."""
    data = tmp_path_factory.mktemp("bench") / "bench.nt"
    write(data, 20_000, 42)
    store = OxigraphStore()
    store.load(shipped_files(include_data=False) + [data])
    return store


def test_variants_exist_only_for_named_questions_and_are_read():
    names = {p.stem for p in (QUERY_DIR / "oxigraph").glob("*.rq")}
    assert names == {q.name for q in VARIANTS}
    assert names <= {q.name for q in list_questions()}
    for q in VARIANTS:
        assert q.text_for("oxigraph") != q.sparql
        assert q.text_for("sparql") == q.sparql


def same_rows(store, q, params, lang):
    bindings = bind_params(store, q, params, lang)
    portable = store.select(q.sparql, bindings)
    variant = store.select(q.variants["oxigraph"], bindings)
    assert variant.vars == portable.vars
    # as the reader gets them (with the columns of the parameters given: collaborators of every actor shows
    # whose): a GROUP_CONCAT's order is the engine's, the table sorts its lists
    q = q.asked_with(bindings)
    shown, expected = to_table(q, variant, lang), to_table(q, portable, lang)
    assert shown.columns == expected.columns
    assert Counter(map(tuple, shown.rows)) == Counter(map(tuple, expected.rows)), q.name
    return len(expected.rows)


@pytest.mark.parametrize("q", VARIANTS, ids=lambda q: q.name)
def test_variant_gives_the_portable_rows_on_the_benchmark_graph(q, bench_store):
    counts = [same_rows(bench_store, q, PARAMS.get(q.name, {}), lang) for lang in ("en", "nb")]
    assert counts[0] == counts[1]


def test_collaborators_without_an_actor_lists_every_link_as_the_portable_text_does(bench_store):
    q = get_question("collaborators")
    assert same_rows(bench_store, q, {}, "en") > same_rows(bench_store, q, PARAMS["collaborators"], "en")


@pytest.mark.parametrize("q", VARIANTS, ids=lambda q: q.name)
def test_variant_gives_the_portable_rows_on_the_shipped_data(q):
    store = cached_store("oxigraph", shipped_files(), None, "shipped")
    for lang in ("en", "nb"):
        same_rows(store, q, SHIPPED_PARAMS.get(q.name, {}), lang)


def test_changes_between_any_two_shipped_documents_as_the_portable_text_says():
    """The variant finds what each document cites from its sections: for every pair, either way round and
    a document with itself, the rows of the portable text (gone, new and both all occur)."""
    store = cached_store("oxigraph", shipped_files(), None, "shipped")
    q = get_question("changes")
    documents = [doc for (doc,) in store.select("SELECT ?d WHERE { ?d a ikg:SourceDocument }").rows]
    assert len(documents) == 3
    changes = Counter()
    for older in documents:
        for newer in documents:
            assert same_rows(store, q, {"older": str(older), "newer": str(newer)}, "en") > 0
            changes.update(row[2] for row in ask(store, "changes", {"older": str(older), "newer": str(newer)}).rows)
    assert changes.keys() == {"gone", "new", "both"}


@pytest.fixture(scope="module")
def two_cities_store(tmp_path_factory) -> OxigraphStore:
    """The benchmark graph at 20,000 triples holding a second city's dataset (a county's or a national
    association's graph holds several cities). Two new networks have only the second city as a home
    member, one only the first; a third city is a member of all three, and all serve one target area:
    so networks of different cities share a target area and a member, which makes them no pair."""
    from rdflib import RDF, BNode, Literal, URIRef

    from graph.vocab.namespaces import IKG, ORG, RDFS

    data = tmp_path_factory.mktemp("two") / "bench.nt"
    write(data, 20_000, 42)
    store = OxigraphStore()
    store.load(shipped_files(include_data=False) + [data])
    b = "https://example.org/bench/"
    ((first, ta),) = store.select_text(
        "SELECT ?h ?ta WHERE { ?d ikg:homeActor ?h . ?ta a ikg:TargetArea } ORDER BY ?ta LIMIT 1")
    second, third = URIRef(b + "city-2"), URIRef(b + "city-3")
    add = [(URIRef(b + "dataset-2"), RDF.type, IKG.Dataset), (URIRef(b + "dataset-2"), IKG.homeActor, second)]
    for name, home in (("Second North", second), ("Second South", second), ("First West", URIRef(first))):
        network = URIRef(b + name.lower().replace(" ", "-"))
        add += [(network, RDF.type, IKG.Network), (network, IKG.targetArea, URIRef(ta)),
                (network, RDFS.label, Literal(name, lang="en")), (network, RDFS.label, Literal(name, lang="nb"))]
        for member in (home, third):
            m = BNode()
            add += [(m, RDF.type, ORG.Membership), (m, ORG.member, member), (m, ORG.organization, network)]
    store.apply(add=add)
    return store


@pytest.mark.parametrize("q", VARIANTS, ids=lambda q: q.name)
def test_variant_gives_the_portable_rows_in_a_graph_of_two_cities(q, two_cities_store):
    same_rows(two_cities_store, q, PARAMS.get(q.name, {}), "en")
    if q.name == "overlapping-networks":  # the second city's own pair is there; networks of two cities are no pair
        pairs = {(a, b) for a, b, *_ in ask(two_cities_store, "overlapping-networks").rows}
        assert ("Second North", "Second South") in pairs
        assert not {p for p in pairs if "First West" in p and any(n.startswith("Second") for n in p)}


@pytest.fixture(scope="module")
def cited_store(tmp_path_factory) -> OxigraphStore:
    """The benchmark graph at 20,000 triples where every tenth tie (a membership, a participation, a
    working group's or an agreement's own node) or network, and half the home actor's memberships,
    agreements and networks, also cite a free-text reference and a web address (which neither the
    benchmark graph nor the shipped data cites), and every fifth a second section."""
    from rdflib import BNode, Literal, URIRef

    from graph.vocab.namespaces import IKG, SCHEMA

    data = tmp_path_factory.mktemp("cited") / "bench.nt"
    write(data, 20_000, 7)
    store = OxigraphStore()
    store.load(shipped_files(include_data=False) + [data])
    links = [row[0] for row in store.select_text(
        "SELECT DISTINCT ?l WHERE { { ?l org:member ?a } UNION { ?l ikg:participant ?a } UNION { ?l ikg:party ?a }"
        " UNION { ?l a ikg:Network } } ORDER BY ?l")]
    home = {row[0] for row in store.select_text(  # the home actor's own ties and networks
        "SELECT ?l WHERE { ?d ikg:homeActor ?h . { ?l org:member ?h } UNION { ?l ikg:party ?h }"
        " UNION { ?m org:member ?h ; org:organization ?l } }")}
    sections = [row[0] for row in store.select_text("SELECT ?s WHERE { ?s a ikg:Section } ORDER BY ?s")]
    add = []
    for i, link in enumerate(links):
        if i % 10 == 0 or (link in home and i % 2 == 0):
            cite = BNode()
            add += [(URIRef(link), IKG.citation, cite), (cite, IKG.reference, Literal(f"Minutes {i % 7}")),
                    (cite, SCHEMA.url, URIRef(f"https://example.org/minutes/{i % 5}"))]
        if i % 5 == 0:
            cite = BNode()
            add += [(URIRef(link), IKG.citation, cite), (cite, IKG.section, URIRef(sections[i % len(sections)]))]
    store.apply(add=add)
    return store


@pytest.mark.parametrize("q", VARIANTS, ids=lambda q: q.name)
def test_variant_gives_the_portable_rows_where_ties_cite_references_and_web_addresses(q, cited_store):
    for lang in ("en", "nb"):
        same_rows(cited_store, q, PARAMS.get(q.name, {}), lang)


def test_the_cited_graph_shows_references_and_web_addresses_among_collaborators(cited_store):
    """The graph above does what it is for: a collaborator's sources name a reference and an address."""
    q = get_question("collaborators")
    bindings = bind_params(cited_store, q, PARAMS["collaborators"], "en")
    sources = " ".join(row[-1] for row in to_table(q, cited_store.select(q.variants["oxigraph"], bindings)).rows)
    assert "Minutes " in sources and "https://example.org/minutes/" in sources


def test_the_variant_is_what_an_oxigraph_store_runs(tmp_path: Path):
    assert OxigraphStore.dialect == "oxigraph"
    from graph.store.memory import MemoryStore
    from graph.store.shared import SharedStore
    from graph.store.sparql import SparqlStore

    assert SharedStore.dialect == "oxigraph"
    assert MemoryStore.dialect == SparqlStore.dialect == "sparql"


def test_rows_differing_only_in_case_come_in_one_order_whatever_the_engine_gave():
    """At 1M triples Virtuoso and Oxigraph listed "…–asnor" and "…–Asnor" in opposite orders: the table
    now breaks the tie by the exact text, so every backend shows the same table."""
    from rdflib import Literal

    from graph.store.base import Rows

    q = get_question("changes")
    rows = [(Literal("Twin-city agreement"), Literal("Havnvest–Asnor"), Literal("new")),
            (Literal("Twin-city agreement"), Literal("Havnvest–asnor"), Literal("new")),
            (Literal("Twin-city agreement"), Literal("Havnvest–Asgard"), Literal("new"))]
    one = to_table(q, Rows(["kind", "item", "change"], rows), "en").rows
    other = to_table(q, Rows(["kind", "item", "change"], rows[::-1]), "en").rows
    assert one == other == [["Twin-city agreement", "Havnvest–Asgard", "new"],
                            ["Twin-city agreement", "Havnvest–Asnor", "new"],
                            ["Twin-city agreement", "Havnvest–asnor", "new"]]
