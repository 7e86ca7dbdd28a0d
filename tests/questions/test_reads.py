"""What a named question reads of the graph (graph.questions.reads), which lets a kept answer be carried
over a change that touched none of it (tests/store/test_keeper.py checks the answers stay right)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from graph.questions.library import list_questions
from graph.questions.reads import question_reads, reads
from graph.store.base import PREFIX_HEADER
from graph.store.stamp import ANY_CLASS, hits, touched
from graph.vocab.namespaces import IKG


def test_every_named_sparql_question_says_what_it_reads_in_all_its_texts():
    for q in list_questions():
        if q.computed_by:
            continue
        found = question_reads((q.sparql, *q.variants.values()))
        assert found is not None, q.name
        assert any(t.split(" of ")[0] == str(RDFS.label) for t in found), q.name
        for text in q.variants.values():  # an engine's variant reads nothing the portable text does not name
            assert reads(text) <= found


def test_the_tokens_of_a_write_meet_those_of_a_question_reading_them():
    overlapping = question_reads(tuple(t for q in list_questions() if q.name == "overlapping-networks"
                                       for t in (q.sparql, *q.variants.values())))
    m, a, n = (URIRef(f"https://example.org/{x}") for x in "man")
    membership = touched([(m, ORG.member, a), (m, RDF.type, ORG.Membership)])
    status = touched([(n, IKG.status, IKG.Ended)])
    assert hits(overlapping, membership)
    assert not hits(overlapping, status)


def test_a_change_s_own_record_touches_no_question_that_reads_things_of_any_type_but_counts():
    record = touched([(URIRef("https://example.org/c"), RDF.type, IKG.Change),
                      (URIRef("https://example.org/c"), IKG.editor, Literal("Kari"))])
    reading_any = {q.name: question_reads((q.sparql, *q.variants.values())) for q in list_questions()
                   if not q.computed_by}
    reading_any = {name: found for name, found in reading_any.items() if ANY_CLASS in found}
    assert set(reading_any) == {"changes", "collaborators", "counts", "coverage-matrix", "members", "ties"}
    assert {name for name, found in reading_any.items() if hits(found, record)} == {"counts"}


OPTIONAL_FILTER_INSIDE = """SELECT ?x ?t WHERE { ?x rdfs:label ?l
    OPTIONAL { ?x a ?t FILTER(?t != ikg:Change) } }"""
OPTIONAL_FILTER_OUTSIDE = """SELECT ?x ?t WHERE { ?x rdfs:label ?l
    OPTIONAL { ?x a ?t } FILTER(!BOUND(?t) || ?t != ikg:Change) }"""


def _answer(query: str, graph: Graph) -> set:
    return set(graph.query(PREFIX_HEADER + query))


def test_a_filter_leaves_a_class_out_only_where_it_drops_every_row_a_triple_of_that_class_makes():
    n = URIRef("https://example.org/n")
    before = Graph()
    before.add((n, RDFS.label, Literal("N")))
    after = Graph()
    for t in (*before, (n, RDF.type, IKG.Change)):
        after.add(t)
    write = touched([(n, RDF.type, IKG.Change)])
    # inside the OPTIONAL the filter drops the match, and the row stays as it was: carried over
    assert _answer(OPTIONAL_FILTER_INSIDE, before) == _answer(OPTIONAL_FILTER_INSIDE, after)
    assert not hits(reads(OPTIONAL_FILTER_INSIDE), write)
    # outside it the match replaces the row, and the filter then drops it: the answer changes, built anew
    assert _answer(OPTIONAL_FILTER_OUTSIDE, before) != _answer(OPTIONAL_FILTER_OUTSIDE, after)
    assert hits(reads(OPTIONAL_FILTER_OUTSIDE), write)


def test_what_a_filter_on_a_type_leaves_out():
    def left_out(query: str, cls: URIRef) -> bool:
        return not hits(reads(query), touched([(URIRef("https://example.org/x"), RDF.type, cls)]))

    listed = "SELECT ?x WHERE { ?x a ?t FILTER(?t IN (ikg:Network, ikg:Project)) }"
    assert left_out(listed, IKG.Change) and left_out(listed, ORG.Membership) and not left_out(listed, IKG.Network)
    either = "SELECT ?x WHERE { ?x a ?t FILTER(?t = ikg:Network || ?t = ikg:Project) }"
    assert left_out(either, IKG.Change) and not left_out(either, IKG.Project)
    ours = "SELECT ?x WHERE { ?x a ?t ; rdfs:label ?l FILTER(STRSTARTS(STR(?t), STR(ikg:)) && lang(?l) = 'en') }"
    assert left_out(ours, ORG.Membership) and not left_out(ours, IKG.Change)
    # a filter that says nothing of the type, or one on another variable, leaves nothing out
    assert not left_out("SELECT ?x WHERE { ?x a ?t ; rdfs:label ?l FILTER(lang(?l) = 'en') }", IKG.Change)
    assert not left_out("SELECT ?x WHERE { ?x a ?t . ?y a ?u FILTER(?u != ikg:Change) }", IKG.Change)
    assert not left_out("SELECT ?x WHERE { ?x a ?t FILTER(?t != ikg:Change || ?t = ikg:Change) }", IKG.Change)
    # nor one around a MINUS or a subquery, nor one on a path through rdf:type
    assert not left_out("SELECT ?x WHERE { ?x rdfs:label ?l MINUS { ?x a ?t } FILTER(?t != ikg:Change) }", IKG.Change)
    assert not left_out("SELECT ?x WHERE { { SELECT ?x ?t WHERE { ?x a ?t } LIMIT 1 } FILTER(?t != ikg:Change) }",
                        IKG.Change)
    assert not left_out("SELECT ?x WHERE { ?x rdf:type/rdfs:subClassOf* ?c FILTER(?c != ikg:Change) }", IKG.Change)
    # a class asked for by name is read whatever a filter elsewhere leaves out
    assert not left_out("SELECT ?x WHERE { { ?x a ikg:Change } UNION { ?x a ?t FILTER(?t != ikg:Change) } }",
                        IKG.Change)
    # one text of a question that leaves nothing out: the question leaves nothing out
    assert hits(question_reads((listed, "SELECT ?x WHERE { ?x a ?t }")), ["a " + str(IKG.Change)])
    assert not hits(question_reads((listed, either)), ["a " + str(IKG.Change)])


def test_a_query_that_may_read_any_triple_reads_everything():
    assert reads("SELECT * WHERE { ?s ?p ?o }") is None
    assert reads("SELECT * WHERE { ?s rdfs:label ?l OPTIONAL { ?s ?p ?o } }") is None
    assert reads("SELECT * WHERE { ?s !(rdfs:label|ikg:status) ?o }") is None
    assert reads("SELECT * WHERE { ?s (ikg:a|^ikg:b)/ikg:c* ?o }") >= {f"{IKG}a", f"{IKG}b", f"{IKG}c"}
    assert reads("SELECT * WHERE { FILTER EXISTS { ?s ?p ?o } }") is None
    assert reads("SELECT * WHERE { SERVICE <http://x/> { ?s ikg:a ?o } }") is None
    assert reads("not SPARQL") is None
    assert question_reads(("SELECT * WHERE { ?s ikg:a ?o }", "SELECT * WHERE { ?s ?p ?o }")) is None


SCOPED = {  # a query reading labels of things of one kind, by how it says what kind: whose labels it reads
    "a class in the same pattern": ("SELECT ?n ?l WHERE { ?n a ikg:Network ; rdfs:label ?l }", "network"),
    "the object of a link in a joined group": (
        "SELECT ?n ?l WHERE { ?m org:organization ?n { ?n rdfs:label ?l } }", "network"),
    "what an OPTIONAL extends": (
        "SELECT ?m ?l WHERE { ?m org:organization ?n OPTIONAL { ?n rdfs:label ?l } }", "network"),
    "either side of a UNION": ("""SELECT ?v ?l WHERE { { ?m org:organization ?v } UNION { ?v ikg:party ?a }
                                  ?v rdfs:label ?l }""", "network twin"),
    "a subquery's group and a BIND": ("""SELECT ?w ?l ?k WHERE {
        { SELECT ?n (COUNT(?m) AS ?k) WHERE { ?m org:organization ?n } GROUP BY ?n } BIND(?n AS ?w)
        ?w rdfs:label ?l }""", "network"),
    "an alternative of predicates": (
        "SELECT ?n ?l WHERE { ?n a ikg:Network ; rdfs:label|skos:altLabel ?l }", "network"),
    "a filter listing its classes": (
        "SELECT ?x ?l WHERE { ?x a ?t ; rdfs:label ?l FILTER(?t IN (ikg:Network, ikg:Project)) }", "network"),
    "a link beside a type of any class": (
        "SELECT ?v ?l WHERE { ?v ikg:party ?a ; a ?t ; rdfs:label ?l FILTER(?t != ikg:Change) }", "twin"),
    "what a subquery selects, joined outside": (
        "SELECT ?n ?l WHERE { ?n a ikg:Network { SELECT ?n ?l WHERE { ?n rdfs:label ?l } } }", "network"),
    "what a subquery groups by, joined outside": ("""SELECT ?n ?c WHERE { ?n a ikg:Network
        { SELECT ?n (COUNT(?l) AS ?c) WHERE { ?n rdfs:label ?l } GROUP BY ?n } }""", "network"),
}


def test_a_label_of_a_thing_of_another_kind_changes_no_answer_that_reads_labels_of_one_kind():
    from graph.store.memory import MemoryStore

    things = {x: URIRef(f"https://example.org/{x}") for x in ("network", "membership", "round", "twin")}
    n, m, r, t = things.values()
    base = [(n, RDF.type, IKG.Network), (m, ORG.organization, n), (n, RDFS.label, Literal("N")),
            (t, IKG.party, n), (t, RDF.type, IKG.TwinCityAgreement), (r, RDF.type, IKG.ReviewRound)]
    for what, (query, read) in SCOPED.items():
        for name, thing in things.items():
            changes = name in read.split()
            store = MemoryStore()
            store.apply(add=base)
            add = [(thing, RDFS.label, Literal("New"))]
            write = touched(add) | store._described(add, [])
            before = set(store.select(query).rows)
            store.apply(add=add)
            assert (set(store.select(query).rows) != before) is changes, (what, name)
            assert hits(reads(query), write) is changes, (what, name)
            # a write that does not say of what it touched labels (a load) touches every reader of labels
            assert hits(reads(query), touched(add))


def test_what_says_nothing_of_a_pattern_s_subject():
    def plain(query: str) -> bool:
        return str(RDFS.label) in reads(query)

    assert plain("SELECT ?n WHERE { ?n rdfs:label ?l OPTIONAL { ?n a ikg:Network } }")  # only what it extends
    assert plain("SELECT ?n WHERE { ?n rdfs:label ?l MINUS { ?n a ikg:Network } }")
    assert plain("SELECT ?n WHERE { ?n rdfs:label ?l FILTER EXISTS { ?n a ikg:Network } }")
    assert plain("SELECT ?n WHERE { { ?n a ikg:Network } UNION { VALUES ?n { <https://example.org/n> } }"
                 " ?n rdfs:label ?l }")
    assert plain("SELECT ?n WHERE { { SELECT (SAMPLE(?x) AS ?y) (COUNT(?x) AS ?n) WHERE { ?x a ikg:Network } }"
                 " ?n rdfs:label ?l }")
    assert plain("SELECT ?n WHERE { <https://example.org/n> a ikg:Network ; rdfs:label ?l }")
    # which rows a LIMIT keeps depends on every row; a count of every group on every group
    assert plain("SELECT ?n WHERE { ?n a ikg:Network { SELECT ?n WHERE { ?n rdfs:label ?l } LIMIT 1 } }")
    assert plain("SELECT ?n WHERE { ?n a ikg:Network { SELECT (COUNT(?l) AS ?c) WHERE { ?n rdfs:label ?l } } }")
    # a filter that does not list the classes (labels of things of any class), or lists them for an
    # OPTIONAL's match only
    assert plain("SELECT ?x WHERE { ?x a ?t ; rdfs:label ?l FILTER(?t != ikg:Change) }")  # typed: anything
    assert plain("SELECT ?x WHERE { ?x rdfs:label ?l OPTIONAL { ?x a ?t FILTER(?t IN (ikg:Network)) } }")
    assert not plain("SELECT ?n WHERE { { ?n a ikg:Network } UNION { ?n a ikg:Project } ?n rdfs:label ?l }")


def test_a_write_whose_things_were_not_looked_at_touches_every_reader_of_its_predicates(monkeypatch):
    """Too many things for a write to look at, or blank nodes: of any kind, also beside a write (of the
    same outer write, a load's files) that said of what kinds it touched the same predicate."""
    import graph.store.base as base
    from graph.store.memory import MemoryStore

    network_labels = reads(SCOPED["a class in the same pattern"][0])
    store = MemoryStore()
    a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    one = [(a, RDFS.label, Literal("A"))]
    assert not hits(network_labels, touched(one) | store._described(one, []))
    monkeypatch.setattr(base, "DESCRIBED_AT_MOST", 1)
    two = [(a, RDFS.label, Literal("A")), (b, RDFS.label, Literal("B"))]
    assert hits(network_labels, touched(two) | store._described(two, []))
    assert hits(network_labels, touched(two) | store._described(two, []) | store._described(one, []))
    blank = [(BNode(), RDFS.label, Literal("C"))]
    assert hits(network_labels, touched(blank) | store._described(blank, []))
