"""The label shapes of a dataset's own languages: every label of the data in each of them, once each.

ontology/shapes.ttl states the rule for the default languages, nb and en (ikgsh:LabelLanguage,
ikgsh:LabelUnique, ikgsh:LabelNb, ikgsh:LabelEn). A dataset that declares other languages
(graph.vocab.languages) is checked with shapes made here from its languages instead, with messages in
bokmål and English that name the missing language. Vocabulary terms (the SDGs of ontology/sdg.ttl)
keep their nb and en labels and their shapes.

>>> from graph.rdf.shapes import shipped_shapes
>>> from graph.vocab.labels import pick_label
>>> shapes = shapes_for(("sv", "en"), shipped_shapes())
>>> sorted(str(s).split("#")[1] for s in shapes.objects(IKGSH.NetworkShape, SH.property) if "Label" in str(s))
['DataLabelLanguage', 'DataLabelUnique', 'DataLabel_en', 'DataLabel_sv']
>>> print(pick_label(shapes.objects(IKGSH.DataLabel_sv, SH.message), "en"))
The label in sv is missing: add one rdfs:label with the tag @sv.
>>> shapes_for(("nb", "en"), shipped_shapes()) is shipped_shapes()
True
"""

from __future__ import annotations

import functools
import re

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from graph.i18n import t
from graph.vocab.languages import DEFAULT_DATA_LANGUAGES
from graph.vocab.namespaces import IKG

IKGSH = Namespace("https://w3id.org/ikg/shapes#")
DEFAULT_LABEL_SHAPES = (IKGSH.LabelLanguage, IKGSH.LabelUnique, IKGSH.LabelNb, IKGSH.LabelEn)
VOCABULARY_CLASSES = (IKG.SDG,)  # their terms are the ontology's: labelled in nb and en whatever the data's


@functools.cache
def shapes_for(languages: tuple[str, ...], shapes: Graph) -> Graph:
    """The shapes with the label shapes of `languages` instead of nb and en; cached, do not modify.
    The default languages get the shapes as given."""
    if tuple(languages) == DEFAULT_DATA_LANGUAGES:
        return shapes
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    out += shapes
    added = _data_label_shapes(out, languages)
    vocabulary = {s for cls in VOCABULARY_CLASSES for s in out.subjects(SH.targetClass, cls)}
    for node_shape in set(out.subjects(SH.property, IKGSH.LabelNb)) - vocabulary:
        for old in DEFAULT_LABEL_SHAPES:
            out.remove((node_shape, SH.property, old))
        for new in added:
            out.add((node_shape, SH.property, new))
    return out


def _say(g: Graph, shape: URIRef, key: str, **params: str) -> None:
    for lang in ("nb", "en"):
        g.add((shape, SH.message, Literal(t(key, lang, **params), lang=lang)))


def _label_shape(g: Graph, shape: URIRef) -> None:
    g.add((shape, RDF.type, SH.PropertyShape))
    g.add((shape, SH.path, RDFS.label))
    g.add((shape, SH.name, Literal("label", lang="en")))
    g.add((shape, SH.name, Literal("navn", lang="nb")))


def _language_list(g: Graph, languages: tuple[str, ...]) -> BNode:
    head = BNode()
    Collection(g, head, [Literal(x) for x in languages])
    return head


def _data_label_shapes(g: Graph, languages: tuple[str, ...]) -> list[URIRef]:
    listed = ", ".join(languages)
    tags = " ".join(f"@{x}" for x in languages)
    allowed, unique = IKGSH.DataLabelLanguage, IKGSH.DataLabelUnique
    _label_shape(g, allowed)
    g.add((allowed, SH.languageIn, _language_list(g, languages)))
    _say(g, allowed, "shape.label_language", languages=listed, tags=tags)
    _label_shape(g, unique)
    g.add((unique, SH.uniqueLang, Literal(True)))
    _say(g, unique, "shape.label_unique", languages=listed)
    made = [allowed, unique]
    for lang in languages:
        one = IKGSH[f"DataLabel_{re.sub(r'[^a-z0-9]', '_', lang)}"]
        _label_shape(g, one)
        qualified = BNode()
        g.add((qualified, SH.languageIn, _language_list(g, (lang,))))
        g.add((one, SH.qualifiedValueShape, qualified))
        g.add((one, SH.qualifiedMinCount, Literal(1)))
        _say(g, one, "shape.label_missing", language=lang)
        made.append(one)
    return made
