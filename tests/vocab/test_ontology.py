"""Hygiene of the vocabulary and the shapes: every term is named and explained in nb and en, every
shape speaks to people in nb and en, and every kind of data thing has a shape."""

from collections import Counter

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from graph.rdf.parsing import parse_rdf
from graph.rdf.shapes import shipped_shapes
from graph.vocab.namespaces import IKG
from tests.support import ROOT

ONTOLOGY = parse_rdf(ROOT / "ontology" / "ikg.ttl")
SHAPES = shipped_shapes()
NS = str(IKG._NS)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
TERMS = sorted({s for t in TERM_TYPES for s in ONTOLOGY.subjects(RDF.type, t) if str(s).startswith(NS)})
CONCEPTS = sorted(set(ONTOLOGY.subjects(SKOS.inScheme, None)) | set(ONTOLOGY.subjects(RDF.type, SKOS.ConceptScheme)))
# Kinds of concept shipped with the vocabulary; data points at them and never makes new ones.
VOCABULARY_CONCEPT_CLASSES = {IKG.AgreementType, IKG.Status, IKG.Role, IKG.Evidence, IKG.Recommendation}


def languages(graph: Graph, node, prop) -> Counter:
    return Counter(o.language for o in graph.objects(node, prop) if isinstance(o, Literal))


def short(node) -> str:
    return str(node).replace(NS, "ikg:")


@pytest.mark.parametrize("term", TERMS, ids=short)
def test_term_has_one_label_and_a_comment_in_nb_and_en(term):
    assert languages(ONTOLOGY, term, RDFS.label) == Counter({"nb": 1, "en": 1})
    assert languages(ONTOLOGY, term, RDFS.comment) == Counter({"nb": 1, "en": 1})


@pytest.mark.parametrize("concept", CONCEPTS, ids=short)
def test_shipped_concept_has_one_label_in_nb_and_en(concept):
    assert languages(ONTOLOGY, concept, RDFS.label) == Counter({"nb": 1, "en": 1})
    assert languages(ONTOLOGY, concept, SKOS.prefLabel) == Counter({"nb": 1, "en": 1})


def test_namespace_module_matches_the_ontology():
    declared = {URIRef(NS + name) for name in IKG.__annotations__}
    defined = {s for s in ONTOLOGY.subjects() if str(s).startswith(NS)}
    assert declared == defined


def node_shapes():
    return sorted(set(SHAPES.subjects(RDF.type, SH.NodeShape)))


def property_shapes():
    return sorted(set(SHAPES.objects(None, SH.property)) | set(SHAPES.subjects(RDF.type, SH.PropertyShape)))


@pytest.mark.parametrize("shape", node_shapes() + property_shapes(), ids=str)
def test_shape_has_one_message_in_nb_and_en(shape):
    assert languages(SHAPES, shape, SH.message) == Counter({"nb": 1, "en": 1})


@pytest.mark.parametrize("shape", node_shapes(), ids=str)
def test_node_shape_names_its_kind_in_nb_and_en(shape):
    assert languages(SHAPES, shape, SH.name) == Counter({"nb": 1, "en": 1})


def test_fields_without_an_ontology_label_are_named_by_their_shape():
    named = Counter({"nb": 1, "en": 1})
    unnamed = sorted(
        str(path)
        for shape in property_shapes()
        for path in SHAPES.objects(shape, SH.path)
        if not languages(ONTOLOGY, path, RDFS.label) and languages(SHAPES, shape, SH.name) != named
    )
    assert unnamed == []


def test_every_kind_of_data_thing_has_a_shape():
    targeted = set(SHAPES.objects(None, SH.targetClass))
    classes = {c for c in ONTOLOGY.subjects(RDF.type, OWL.Class) if str(c).startswith(NS)}
    covered = {c for c in classes if set(ONTOLOGY.transitive_objects(c, RDFS.subClassOf)) & targeted}
    assert classes - covered - VOCABULARY_CONCEPT_CLASSES == set()


def test_shapes_are_valid_shacl():
    # meta_shacl checks shapes.ttl against the SHACL-for-SHACL shapes; it raises if they are broken.
    conforms, _, report = pyshacl.validate(Graph(), shacl_graph=SHAPES, meta_shacl=True, advanced=True)
    assert conforms, report
