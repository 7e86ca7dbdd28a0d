"""Injection payloads through every parameter, filter, form and id a user can type: the graph stays as it was.

User values reach SPARQL only as bound RDF terms, so no payload can change a query's structure. Each
test runs the payloads and then compares the whole graph with the one before
(`rdflib.compare.isomorphic` on memory/Oxigraph/Virtuoso). Form fields that take free text store the
payload verbatim as one literal, and nothing else changes.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import graph.edit.assessments as saving
import graph.history.changes as history
import graph.questions.catalogue as queries
import graph.questions.console as console
import graph.render.view as view
from graph.answers import ask
from graph.errors import IkgError

PAYLOADS = [
    '" } ; DROP ALL ; #',
    "' } ; CLEAR ALL ; #",
    '"} INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "> } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "<urn:x> } ; DELETE WHERE { ?s ?p ?o } #",
    '") UNION { ?s ?p ?o } #',
    '"@en } UNION { ?s ?p ?o',
    '"^^<http://www.w3.org/2001/XMLSchema#string> } #',
    "\\\" } ; DROP ALL ; #",
    '\\u0022 } ; DROP ALL',
    '"""',
    "'''",
    "}}}}}}",
    "{{{{{{",
    "?s ?p ?o",
    "$lang",
    "?lang",
    "# comment",
    "\n} ; DROP ALL ;\n",
    "\r\n} CLEAR DEFAULT",
    "\x00",
    "\x00\" } DROP ALL",
    "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/evil.ttl>",
    "DROP ALL",
    "CLEAR GRAPH <urn:ikg:test>",
    "ADD DEFAULT TO <urn:evil>",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "http://example.org/a b",
    "http://example.org/<script>",
    "urn:x> <urn:y> <urn:z",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "_:b0",
    "<https://w3id.org/ikg/trondheim/trondheim>",
    "https://w3id.org/ikg/trondheim/trondheim> . ?s ?p ?o . <x",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "**bold** _it_ `code`",
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "'; DROP TABLE networks; --",
    "1 OR 1=1",
    "%22%20%7D%20DROP%20ALL",
    "&quot; } DROP ALL",
    "${jndi:ldap://127.0.0.1:9/a}",
    "{{7*7}}",
    "../../../../etc/passwd",
    "‮txt.exe",
    "ICORN\" . ?x ?y ?z . \"",
    "A" * 5000,
    "-1",
    "99999999999999999999999",
    "2019-02-31",
    "NaN",
]


def snapshot(store) -> Graph:
    g = Graph()
    for triple in store.graph():
        g.add(triple)
    return g


def unchanged(before: Graph, store) -> bool:
    """The store holds exactly `before`: the same triples (stores hold no blank nodes: they are
    skolemised on load), or, where blank nodes exist, an isomorphic graph."""
    after = snapshot(store)
    if not any(isinstance(term, BNode) for triple in before for term in triple):
        return set(before) == set(after)
    return isomorphic(before, after)


def test_there_are_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)


PARAMETERS = [(q.name, p.name) for q in queries.list_questions() for p in q.params]


def test_every_parameter_of_every_question_is_covered():
    assert len(PARAMETERS) >= 10
    assert {name for name, _ in PARAMETERS} >= {"collaborators", "members", "path", "ties", "changes"}


def test_question_parameters(writable_store):
    before = snapshot(writable_store)
    outcomes = {"refused": 0, "answered": 0}
    for name, param in PARAMETERS:
        for payload in PAYLOADS:
            try:
                ask(writable_store, name, {param: payload}, "en")
                outcomes["answered"] += 1
            except IkgError:
                outcomes["refused"] += 1
    assert sum(outcomes.values()) == len(PARAMETERS) * len(PAYLOADS)
    assert unchanged(before, writable_store)


def test_network_filters_focus_and_details(writable_store):
    before = snapshot(writable_store)
    for payload in PAYLOADS[:30]:  # the view is built per call; 30 payloads cover every kind above
        options = view.ViewOptions(lang="en", kinds={payload}, target_areas={payload}, sdgs={payload},
                                   agreement_types={payload}, statuses={payload}, focus=payload)
        try:
            view.build_view(writable_store, options)
        except IkgError:
            pass
        try:
            view.node_details(writable_store, payload, "en")
        except IkgError:
            pass
    assert unchanged(before, writable_store)


def test_console_stays_read_only(writable_store):
    before = snapshot(writable_store)
    for payload in PAYLOADS:
        for text in (payload, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1 {payload}",
                     f'SELECT * WHERE {{ ?s ?p "{payload}" }}', f"ASK {{ {payload} }}"):
            try:
                console.run_console(writable_store, text, row_limit=10, time_limit_s=5, lang="en")
            except IkgError:
                pass
    assert unchanged(before, writable_store)


def test_change_ids_for_undo_and_history(writable_store):
    before = snapshot(writable_store)
    for payload in PAYLOADS:
        for call in (lambda p: history.undo(writable_store, p, editor="Mallory"),
                     lambda p: history.find(writable_store, p),
                     lambda p: history.diff(writable_store, p)):
            with pytest.raises(IkgError):
                call(payload)
    assert unchanged(before, writable_store)


ITEM = "https://w3id.org/ikg/trondheim/membership-trondheim-icorn"


def test_review_form_fields(writable_store):
    """Refused (nothing written), or stored verbatim as a literal with nothing else changed.

    Every third payload into each of the nine fields (a save and an undo per case take about a
    second on rdflib); every payload goes through the forms' own fields in test_injection_forms.py.
    """
    from graph.store.memory import MemoryStore

    if not isinstance(writable_store, MemoryStore):
        payloads = PAYLOADS[::12]  # reading the whole store back per case is slow off rdflib
    else:
        payloads = PAYLOADS[::3]
    stored = refused = 0
    for payload in payloads:
        for field in ("round", "effect", "cost", "comment", "reviewer", "date", "recommendation", "item", "area"):
            values = {"round": "Runde 1", "effect": "", "cost": "", "comment": "", "reviewer": "Kari",
                      "date": "2026-11-01", "recommendation": "keep", "item": ITEM, "area": "1"}
            values[field] = payload
            before = set(writable_store.graph())
            try:
                iri = saving.save_assessment(
                    writable_store, values["item"], values["round"], {values["area"]: 2}, values["effect"],
                    values["cost"], values["recommendation"], values["comment"], values["reviewer"],
                    values["date"])
            except IkgError:
                refused += 1
                assert set(writable_store.graph()) == before, (field, payload)
                continue
            stored += 1
            new = {tr for tr in set(writable_store.graph()) - before
                   if not str(tr[0]).startswith(history.CHANGE_BASE)}
            assert all(str(s).startswith(str(iri)) or "review-round" in str(s) for s, _, _ in new), (field, payload)
            if field in ("effect", "cost", "comment", "reviewer") and payload.strip() and "\x00" not in payload:
                assert any(o == Literal(payload.strip()) for _, _, o in new), (field, payload)
            history.undo(writable_store, history.changes(writable_store)[0].id, editor="Kari")
    assert stored > 0 and refused > 0


def test_payload_iris_never_reach_the_store_as_iris(writable_store):
    bad = [p for p in PAYLOADS if any(c in p for c in '<>" {}|\\^`\n')]
    for payload in bad:
        with pytest.raises(IkgError):
            writable_store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1", {"s": URIRef(payload)})
