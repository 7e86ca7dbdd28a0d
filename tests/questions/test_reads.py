"""What a named question reads of the graph (graph.questions.reads), which lets a kept answer be carried
over a change that touched none of it (tests/store/test_keeper.py checks the answers stay right)."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG, RDF, RDFS

from graph.questions.library import list_questions
from graph.questions.reads import question_reads, reads
from graph.store.derived import touched
from graph.vocab.namespaces import IKG


def test_every_named_sparql_question_says_what_it_reads_in_all_its_texts():
    for q in list_questions():
        if q.computed_by:
            continue
        found = question_reads((q.sparql, *q.variants.values()))
        assert found is not None, q.name
        assert str(RDFS.label) in found, q.name
        for text in q.variants.values():  # an engine's variant reads nothing the portable text does not name
            assert reads(text) <= found


def test_the_tokens_of_a_write_meet_those_of_a_question_reading_them():
    overlapping = question_reads(tuple(t for q in list_questions() if q.name == "overlapping-networks"
                                       for t in (q.sparql, *q.variants.values())))
    m, a, n = (URIRef(f"https://example.org/{x}") for x in "man")
    membership = touched([(m, ORG.member, a), (m, RDF.type, ORG.Membership)])
    status = touched([(n, IKG.status, IKG.Ended)])
    assert not overlapping.isdisjoint(membership)
    assert overlapping.isdisjoint(status)


def test_a_query_that_may_read_any_triple_reads_everything():
    assert reads("SELECT * WHERE { ?s ?p ?o }") is None
    assert reads("SELECT * WHERE { ?s rdfs:label ?l OPTIONAL { ?s ?p ?o } }") is None
    assert reads("SELECT * WHERE { ?s !(rdfs:label|ikg:status) ?o }") is None
    assert reads("SELECT * WHERE { ?s (ikg:a|^ikg:b)/ikg:c* ?o }") >= {f"{IKG}a", f"{IKG}b", f"{IKG}c"}
    assert reads("SELECT * WHERE { FILTER EXISTS { ?s ?p ?o } }") is None
    assert reads("SELECT * WHERE { SERVICE <http://x/> { ?s ikg:a ?o } }") is None
    assert reads("not SPARQL") is None
    assert question_reads(("SELECT * WHERE { ?s ikg:a ?o }", "SELECT * WHERE { ?s ?p ?o }")) is None
