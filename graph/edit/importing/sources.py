"""Checks of what a file adds to things already in the graph: every added statement needs a source (a
citation on that thing in the same file), and no name may make name lookup ambiguous or hide characters."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graph.edit.importing.lookup import TYPES, by_subject, owner
from graph.edit.importing.problems import ImportProblem
from graph.edit.importing.vocabulary import is_vocabulary_term
from graph.i18n import t
from graph.rdf.skolem import is_skolem
from graph.store.base import Store
from graph.vocab.labels import local_name
from graph.vocab.namespaces import IKG
from graph.vocab.text import lookalike_key, unsafe_characters

NAMES = (RDFS.label, SKOS.altLabel)


def _cited(add: Graph, entity: URIRef) -> bool:
    """The file adds a citation on `entity` with a section and a quote, or a free-text reference."""
    for node in add.objects(entity, IKG.citation):
        if (node, IKG.reference, None) in add:
            return True
        if (node, IKG.section, None) in add and (node, IKG.quote, None) in add:
            return True
    return False


def source_problems(store: Store, add: Graph, lang: str) -> list[ImportProblem]:
    """Things already in the graph that gain statements without a citation added on them, and names that
    would be ambiguous or hold hidden characters. `add` holds only the triples the graph lacks."""
    # A type alone is checked by graph.edit.importing.identity (a thing keeps its type; a broader one is no news).
    holders = sorted({o for o in (owner(add, s, store) for s, p, _ in add if p != RDF.type)
                      if isinstance(o, URIRef) and not is_skolem(o) and not is_vocabulary_term(o)})
    existing = by_subject(store, TYPES, holders)
    problems = [ImportProblem(str(entity), t("import.needs_source", lang, iri=entity), entity=str(entity))
                for entity in holders if entity in existing and not _cited(add, entity)]
    return problems + name_problems(store, add, existing, lang)


def name_problems(store: Store, add: Graph, existing: Mapping[Node, object], lang: str) -> list[ImportProblem]:
    """Added names with control/bidi/zero-width characters, and names another thing already has (compared
    as people see them: graph.vocab.text.lookalike_key)."""
    added = sorted({(s, o) for p in NAMES for s, o in add.subject_objects(p)
                    if isinstance(s, URIRef) and isinstance(o, Literal)}, key=str)
    if not added:
        return []
    problems: list[ImportProblem] = []
    taken: dict[str, set[tuple[URIRef, str]]] = {}
    rows = store.select("SELECT ?s ?n WHERE { { ?s rdfs:label ?n } UNION { ?s skos:altLabel ?n } }").rows
    for s, n in rows:
        if isinstance(s, URIRef) and isinstance(n, Literal):
            taken.setdefault(lookalike_key(str(n)), set()).add((s, str(n)))
    for subject, name in added:
        bad = unsafe_characters(str(name))
        if bad:
            problems.append(ImportProblem(str(subject), t("import.unsafe_name", lang, iri=subject,
                                                          chars=", ".join(bad)), entity=str(subject)))
            continue
        others = sorted((other, text) for other, text in taken.get(lookalike_key(str(name)), set())
                        if other != subject)
        if not others:
            continue
        other, text = others[0]
        # A new thing named exactly like another keeps the older warning (import.same_name) unless it is
        # only a look-alike; a thing already in the graph may not take another's name.
        if subject in existing or text != str(name) or (subject, RDF.type, None) not in add:
            problems.append(ImportProblem(str(subject), t("import.ambiguous_name", lang, iri=subject, name=name,
                                                          other=other, other_name=text,
                                                          short=local_name(other)), entity=str(subject)))
    return problems
