"""What kind a thing IS, read from the ontology (ontology/ikg.ttl), not from lists in code.

`subclasses(IKG.Actor)` is the one definition of "an actor": the class and everything below it.

>>> from graph.vocab.namespaces import IKG
>>> IKG.City in actor_classes() and IKG.Network not in actor_classes()
True
>>> IKG.Seminar in subclasses(IKG.Activity)
True
"""

from __future__ import annotations

import functools

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph import config
from graph.vocab.namespaces import IKG


@functools.cache
def ontology() -> Graph:
    """The shipped vocabulary (every ontology/*.ttl except the shapes), parsed once; do not modify."""
    graph = Graph()
    shapes = config.shapes_file()
    for path in sorted(config.ontology_dir().glob("*.ttl")):
        if path != shapes:
            graph.parse(path, format="turtle")
    return graph


@functools.cache
def subclasses(*classes: URIRef) -> frozenset[URIRef]:
    """The classes and all their subclasses in the shipped vocabulary."""
    onto = ontology()
    seen, todo = set(classes), list(classes)
    while todo:
        for sub in onto.subjects(RDFS.subClassOf, todo.pop()):
            if isinstance(sub, URIRef) and sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return frozenset(seen)


# The review's and the change history's records: things of our vocabulary that are never in the network
# (graph.analysis.ties), so the network's data is carried over a review saved or a change recorded.
RECORDS = (IKG.Assessment, IKG.Change, IKG.Relevance, IKG.ReviewRound)


@functools.cache
def our_classes() -> tuple[URIRef, ...]:
    """Every class of our vocabulary (ikg:) the shipped ontology declares, sorted."""
    onto = ontology()
    return tuple(sorted({c for t in (OWL.Class, RDFS.Class) for c in onto.subjects(RDF.type, t)
                         if isinstance(c, URIRef) and c.startswith(str(IKG))}))


def actor_classes() -> frozenset[URIRef]:
    """Every class whose instances are actors (ikg:Actor and below)."""
    return subclasses(IKG.Actor)


def superclasses(cls: URIRef) -> frozenset[URIRef]:
    """The class and every class above it."""
    onto = ontology()
    seen, todo = {cls}, [cls]
    while todo:
        for sup in onto.objects(todo.pop(), RDFS.subClassOf):
            if isinstance(sup, URIRef) and sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return frozenset(seen)
