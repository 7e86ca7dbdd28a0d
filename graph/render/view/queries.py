"""The SPARQL the view reads besides the ties (graph.analysis.ties): flat SELECTs joined in Python.

Portable across rdflib, Oxigraph and Virtuoso and quick at 1M triples: no aggregates, no FILTER NOT
EXISTS, no filters on outer variables inside UNION branches. ?lang (the reader's
language: vocabulary labels), ?dlang (the data labels' language) and ?x are bound by the caller.
"""

from __future__ import annotations

import functools

from graph.vocab.classes import RECORDS, our_classes

# Periods of agreements, projects, activities, networks, working groups.
PERIODS_QUERY = """
SELECT ?x ?g1 ?g2 WHERE {
  ?x ikg:period ?d .
  OPTIONAL { ?d time:hasBeginning ?b . ?b time:inXSDgYear ?g1 }
  OPTIONAL { ?d time:hasEnd ?e . ?e time:inXSDgYear ?g2 }
}
"""


@functools.cache
def attr_queries() -> dict[str, str]:
    """Status, agreement type, target-area and SDG notations of things (and statuses of ties). Target
    areas of things typed with a class of our vocabulary other than the review's records: a review's
    scores (ikg:Relevance) have target areas too, and saving one then leaves the network's data kept
    (graph.questions.reads reads the class list as the kinds of things whose target areas it reads)."""
    shown = ", ".join(f"<{c}>" for c in our_classes() if c not in RECORDS)
    return {
        "status": "SELECT ?x ?v WHERE { ?x ikg:status ?v }",
        "type": "SELECT ?x ?v WHERE { ?x ikg:agreementType ?v }",
        "ta": f"SELECT ?x ?v WHERE {{ ?x ikg:targetArea ?c . ?c skos:notation ?v . ?x a ?t FILTER(?t IN ({shown})) }}",
        "sdg": "SELECT ?x ?v WHERE { ?x ikg:sdg ?c . ?c skos:notation ?v }",
    }

# The names of target areas and SDGs by notation.
NOTATIONS_QUERY = """
SELECT ?p ?n ?l WHERE {
  { ?c a ikg:TargetArea . BIND("ta" AS ?p) } UNION { ?c a ikg:SDG . BIND("sdg" AS ?p) }
  ?c skos:notation ?n ; rdfs:label ?l . FILTER(lang(?l) = IF(?p = "ta", ?dlang, ?lang))  # SDGs: vocabulary
}
"""

# Which sections cite what (section labels come from the two queries below).
CITES_QUERY = "SELECT ?x ?s WHERE { ?x ikg:citation ?c . ?c ikg:section ?s }"

# Sections' labels and their documents' labels (a source reads "Plan 2020 §2"). Two queries, not
# OPTIONALs: Virtuoso 7.2 does not see a bound ?lang inside an OPTIONAL's FILTER.
SECTION_LABELS_QUERY = "SELECT ?s ?l WHERE { ?s a ikg:Section ; rdfs:label ?l . FILTER(lang(?l) = ?dlang) }"
SECTION_DOCS_QUERY = """
SELECT ?s ?l WHERE { ?s a ikg:Section ; dcterms:isPartOf ?d . ?d rdfs:label ?l . FILTER(lang(?l) = ?dlang) }
"""

LABELS_OF_QUERY = "SELECT ?l WHERE { ?x rdfs:label ?l }"

# node_details: names, place and citations of one node (?x bound).
DETAIL_NAMES_QUERY = """
SELECT ?p ?l WHERE {
  { ?x rdfs:label ?l . BIND("label" AS ?p) } UNION { ?x skos:altLabel ?l . BIND("alt" AS ?p) }
}
"""
DETAIL_COORDINATES_QUERY = "SELECT ?lat ?long WHERE { ?x geo:lat ?lat ; geo:long ?long }"
DETAIL_PLACES_QUERY = """
SELECT ?p ?l WHERE {
  { ?x schema:containedInPlace ?c . BIND("country" AS ?p) } UNION { ?x ikg:location ?c . BIND("place" AS ?p) }
  ?c rdfs:label ?l . FILTER(lang(?l) = ?dlang)
}
"""
# Evidence and property labels come from the vocabulary's labels (NetworkData.labels).
DETAIL_SOURCES_QUERY = """
SELECT ?s ?quote ?ev ?about WHERE {
  ?x ikg:citation ?c . ?c ikg:section ?s .
  OPTIONAL { ?c ikg:quote ?quote }
  OPTIONAL { ?c ikg:evidence ?ev }
  OPTIONAL { ?c ikg:aboutProperty ?about }
}
"""
