"""Checks on the terms a file uses, by themselves: a file holds data only, so no statements about the
vocabularies' own terms, no misspelt ikg: terms or namespaces, no change-history records, no relative
IRIs, and no owl:imports (nothing is ever fetched)."""

from __future__ import annotations

import difflib

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD
from rdflib.term import Node

from graph.edit.importing.findings import Findings
from graph.edit.importing.locator import RELATIVE_BASE
from graph.edit.importing.lookup import BATCH
from graph.edit.importing.naming import IKG_NS, namespace, namespace_text, near, short
from graph.history.changes import CHANGE_BASE
from graph.i18n import t
from graph.vocab.classes import ontology
from graph.vocab.namespaces import GEO, IKG, ORG, SCHEMA, SDG

SHAPES_NS = "https://w3id.org/ikg/shapes#"
# Terms of these vocabularies are defined by ontology/ (or by their owners), never by a data file.
VOCABULARIES = (IKG_NS, SHAPES_NS, str(SDG), str(RDF), str(RDFS), str(OWL), str(XSD), str(SKOS), str(ORG),
                str(TIME), str(PROV), str(DCTERMS), str(SCHEMA), str(GEO), str(FOAF), str(SH))
SDG_SCHEME = URIRef("http://metadata.un.org/sdg")
CHANGE_TERMS = {IKG.Change, IKG.added, IKG.removed, IKG.addedCount, IKG.removedCount, IKG.undoes, IKG.editor,
                IKG.action}


def is_vocabulary_term(term: object) -> bool:
    """A term of one of the known vocabularies (defined by ontology/ or its owner, never by a data file)."""
    return str(term).startswith(VOCABULARIES)


def relative_iris(found: Findings, graph: Graph) -> None:
    seen: set[Node] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(RELATIVE_BASE) and term not in seen:
                seen.add(term)
                found.problem(term, t("import.relative_iri", found.lang, iri=str(term)[len(RELATIVE_BASE):]))


def owl_imports(found: Findings, graph: Graph) -> None:
    for url in sorted(set(graph.objects(None, OWL.imports)), key=str):
        found.problem(url, t("import.owl_imports", found.lang, url=url))


def vocabulary_terms(found: Findings, graph: Graph) -> None:
    """No statements about the vocabularies' terms; every ikg: term used is one the vocabulary defines."""
    reported = set()
    for subject in sorted(set(graph.subjects()), key=str):
        if isinstance(subject, URIRef) and (subject == SDG_SCHEME or is_vocabulary_term(subject)):
            reported.add(subject)
            found.problem(subject, t("import.ontology_term", found.lang, term=short(subject)), subject=True)
            found.said.add((str(subject), "*"))
    known = {term for term in ontology().subjects() if str(term).startswith(IKG_NS)}
    used: set[Node] = set()
    for _, p, o in graph:
        used.add(p)
        if isinstance(o, URIRef):
            used.add(o)
    for term in sorted(used - known - reported, key=str):
        if str(term).startswith(IKG_NS):
            close = near(term, known)
            hint = t("import.did_you_mean", found.lang, term=short(close)) if close else ""
            found.problem(term, t("import.unknown_term", found.lang, term=short(term), hint=hint))


def foreign_terms(found: Findings, graph: Graph) -> None:
    """Properties and classes outside the known vocabularies: refused when their namespace is a near
    miss of a known one (a misspelt @prefix), else a warning when the graph does not use them either."""
    props = {p for p in graph.predicates() if isinstance(p, URIRef)}
    classes = {o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef)}
    foreign = sorted(term for term in props | classes
                     if not is_vocabulary_term(term) and not str(term).startswith(RELATIVE_BASE))
    if not foreign:
        return
    known: set[Node | None] = set(ontology().subjects())
    for start in range(0, len(foreign), BATCH):
        values = " ".join(term.n3() for term in foreign[start : start + BATCH])
        known |= {row[0] for row in found.store.select(
            f"SELECT DISTINCT ?t WHERE {{ VALUES ?t {{ {values} }} {{ ?s ?t ?o }} UNION {{ ?s a ?t }} }}").rows}
    for term in foreign:
        if term in known:
            continue
        ns = namespace(term)
        close = difflib.get_close_matches(ns, VOCABULARIES, n=1, cutoff=0.85)
        if close:
            fixed = URIRef(close[0] + str(term)[len(ns):])
            checkable = close[0] == IKG_NS  # our own terms are all in ontology/ikg.ttl
            plausible = (fixed, None, None) in ontology() if checkable else True
            hint = t("import.did_you_mean", found.lang, term=short(fixed)) if plausible else ""
            found.problem(term, t("import.misspelt_namespace", found.lang, iri=term, ns=namespace_text(close[0]),
                                  hint=hint))
        else:
            found.warn(t("import.foreign_term", found.lang, iri=term))


def change_records(found: Findings, graph: Graph) -> None:
    """The change history is written by the tool only: a file may not hold its records."""
    records = {s for s, p, o in graph
               if (isinstance(s, URIRef) and str(s).startswith(CHANGE_BASE)) or p in CHANGE_TERMS
               or (p == RDF.type and o == IKG.Change)}
    for subject in sorted(records, key=str):
        found.problem(subject, t("import.change_record", found.lang, iri=subject), subject=True)
        found.said.add((str(subject), "*"))  # the whole record goes: its fields need no advice
