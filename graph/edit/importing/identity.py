"""Checks of a file against the graph's identifiers: an IRI already in the graph keeps its type and its
labels, and a new thing named like another of its kind gets a warning."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.edit.importing.findings import Findings
from graph.edit.importing.lookup import BATCH, LABELS, TYPES, by_subject
from graph.edit.importing.vocabulary import is_vocabulary_term
from graph.i18n import t
from graph.rdf.skolem import is_skolem
from graph.vocab.classes import superclasses
from graph.vocab.labels import pick_label, quote


def identifiers(found: Findings, graph: Graph) -> None:
    """An IRI already in the graph keeps its type and its labels."""
    lang = found.lang
    subjects = sorted({s for s in graph.subjects() if isinstance(s, URIRef) and not is_skolem(s)
                       and not is_vocabulary_term(s)})
    old_types = by_subject(found.store, TYPES, subjects)
    old_labels = by_subject(found.store, LABELS, subjects)
    for subject in subjects:
        had = old_types.get(subject, set())
        # A type the thing already has, or a broader one (ikg:Actor for a city), changes nothing.
        broader = {sup for ty in had if isinstance(ty, URIRef) for sup in superclasses(ty)}
        other = set(graph.objects(subject, RDF.type)) - had - broader
        label = pick_label(old_labels.get(subject, set()), lang)
        if had and other:
            found.problem(subject, t("import.type_conflict", lang, iri=subject, old=found.names.kind(had),
                                     label=f" {quote(label, lang)}" if label else "",
                                     new=found.names.kind(other)), subject=True)
        for new in sorted(graph.objects(subject, RDFS.label), key=str):
            if not isinstance(new, Literal):
                continue
            same_language = [old for old in old_labels.get(subject, ())
                             if isinstance(old, Literal) and old.language == new.language]
            if same_language and new not in same_language:
                found.problem(subject, t("import.label_conflict", lang, iri=subject, old=same_language[0],
                                         new=new, tag=new.language or "-"), subject=True)
                found.said.add((str(subject), "rdfs:label"))


def same_names(found: Findings, graph: Graph) -> None:
    """A warning (not a refusal) when a new thing has the name of another thing of its kind."""
    new = [s for s in set(graph.subjects(RDF.type, None)) if isinstance(s, URIRef) and not is_skolem(s)]
    labels = {label: s for s in new for label in graph.objects(s, RDFS.label) if isinstance(label, Literal)}
    if not labels:
        return
    rows: list[tuple[Node | None, ...]] = []
    items = sorted(labels, key=str)
    for start in range(0, len(items), BATCH):
        values = " ".join(label.n3() for label in items[start : start + BATCH])
        rows += found.store.select(
            f"SELECT ?label ?other ?t WHERE {{ VALUES ?label {{ {values} }} ?other rdfs:label ?label ; a ?t }}"
        ).rows
    for label, other, other_type in rows:
        subject = labels.get(label) if isinstance(label, Literal) else None
        if (subject is not None and other_type is not None and other != subject
                and (subject, RDF.type, other_type) in graph):
            found.warn(t("import.same_name", found.lang, label=label, iri=subject,
                         kind=found.names.word(other_type), other=other))
    found.warnings = sorted(set(found.warnings))

