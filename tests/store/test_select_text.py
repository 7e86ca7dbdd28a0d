"""Store.select_text: a SELECT's rows as the text of each term, the same on every backend."""

from __future__ import annotations

NTNU = "https://w3id.org/ikg/trondheim/ntnu"


def test_select_text_gives_iris_lexical_forms_and_none_for_unbound(shipped_store):
    rows = shipped_store.select_text(f"""
        SELECT ?t ?l ?tag ?none WHERE {{
          <{NTNU}> a ?t ; rdfs:label ?l . BIND(LANG(?l) AS ?tag)
          OPTIONAL {{ <{NTNU}> ikg:noSuchProperty ?none }}
        }} ORDER BY ?tag""")
    assert rows == [("https://w3id.org/ikg/ontology#University", "NTNU", "en", None),
                    ("https://w3id.org/ikg/ontology#University", "NTNU", "nb", None)]


def test_select_text_is_the_text_of_select(shipped_store):
    """Every row of a big read as text equals the text of the rdflib terms select() gives."""
    query = "SELECT ?x ?g WHERE { ?x ikg:citation ?c . ?c ikg:section ?s . OPTIONAL { ?x ikg:status ?g } }"
    as_terms = sorted(tuple(None if t is None else str(t) for t in row) for row in shipped_store.select(query).rows)
    as_text = sorted(shipped_store.select_text(query), key=lambda r: tuple("" if t is None else t for t in r))
    assert len(as_text) > 300
    assert as_text == sorted(as_terms, key=lambda r: tuple("" if t is None else t for t in r))
