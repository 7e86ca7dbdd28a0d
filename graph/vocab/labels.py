"""How a thing is named for people: the label in the asked language (with a fallback order), the local
name of an IRI, and quotation marks per language. The one definition every layer calls.

>>> from rdflib import Literal
>>> pick_label([Literal("Byen", lang="nb"), Literal("The city", lang="en")], "nb")
'Byen'
>>> pick_label([Literal("The city", lang="en")], "nb")
'The city'
>>> local_name("https://w3id.org/ikg/trondheim/ntnu"), local_name("https://w3id.org/ikg/ontology#Network")
('ntnu', 'Network')
>>> quote("Cruise Network", "nb"), quote("Cruise Network", "en")
('«Cruise Network»', '“Cruise Network”')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Node

from graph.i18n import t

FALLBACK = ("en", "nb", None)  # after the asked language: English, bokmål, then an untagged label
# Properties from other vocabularies that changes and exports show, named as people say them: the
# catalogue's `prop.<name>` (graph/i18n/text_history.py), in both languages.
REUSED_PROPERTIES = {
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2000/01/rdf-schema#comment": "comment",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/2004/02/skos/core#altLabel": "altLabel",
    "http://www.w3.org/ns/org#member": "member",
    "http://www.w3.org/ns/org#organization": "organization",
    "http://www.w3.org/ns/org#role": "role",
    "https://schema.org/value": "value",
    "https://schema.org/currency": "currency",
    "http://purl.org/dc/terms/subject": "subject",
    "http://purl.org/dc/terms/relation": "relation",
    "http://purl.org/dc/terms/date": "date",
    "http://www.w3.org/ns/prov#generatedAtTime": "generatedAtTime",
    "http://www.w3.org/ns/prov#startedAtTime": "startedAtTime",
    "http://www.w3.org/ns/prov#wasAttributedTo": "wasAttributedTo",
    "http://www.w3.org/ns/org#memberDuring": "memberDuring",
    "http://www.w3.org/ns/org#memberOf": "memberOf",
    "http://www.w3.org/ns/org#unitOf": "unitOf",
    "http://www.w3.org/ns/org#headOf": "headOf",
    "http://www.w3.org/2006/time#hasBeginning": "hasBeginning",
    "http://www.w3.org/2006/time#hasEnd": "hasEnd",
    "http://www.w3.org/2006/time#inXSDgYear": "year",
    "http://www.w3.org/2006/time#inXSDDate": "date",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "prefLabel",
    "http://www.w3.org/2004/02/skos/core#notation": "notation",
    "http://www.w3.org/2004/02/skos/core#inScheme": "inScheme",
    "http://www.w3.org/2004/02/skos/core#topConceptOf": "inScheme",
    "http://www.w3.org/2004/02/skos/core#definition": "definition",
    "http://www.w3.org/2004/02/skos/core#scopeNote": "scopeNote",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "subClassOf",
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf": "subPropertyOf",
    "http://www.w3.org/2000/01/rdf-schema#domain": "domain",
    "http://www.w3.org/2000/01/rdf-schema#range": "range",
    "http://www.w3.org/2002/07/owl#versionInfo": "versionInfo",
    "http://purl.org/dc/terms/title": "title",
    "http://purl.org/dc/terms/description": "description",
    "http://purl.org/dc/terms/source": "source",
    "http://purl.org/dc/terms/publisher": "publisher",
    "http://purl.org/dc/terms/language": "language",
    "http://purl.org/dc/terms/identifier": "identifier",
    "http://purl.org/dc/terms/isPartOf": "isPartOf",
    "http://purl.org/dc/terms/hasPart": "hasPart",
    "http://purl.org/dc/terms/references": "references",
    "http://purl.org/dc/terms/replaces": "replaces",
    "http://purl.org/dc/terms/isReplacedBy": "isReplacedBy",
    "https://schema.org/containedInPlace": "containedInPlace",
    "https://schema.org/identifier": "identifier",
    "https://schema.org/description": "description",
    "https://schema.org/numberOfEmployees": "numberOfEmployees",
    "https://schema.org/observationAbout": "observationAbout",
    "https://schema.org/observationDate": "date",
    "https://schema.org/unitText": "unitText",
    "http://www.w3.org/2003/01/geo/wgs84_pos#lat": "lat",
    "http://www.w3.org/2003/01/geo/wgs84_pos#long": "long",
}


def pick_label(literals: Iterable[Node], lang: str, fallback: Iterable[str | None] = FALLBACK) -> str:
    """The label in `lang`, else the first of `fallback` there is, else any label ('' if none).

    Labels are sorted first, so the choice among several in one language is stable.
    """
    return pick_text(((str(x), x.language) for x in literals if isinstance(x, Literal)), lang, fallback)


def pick_text(labels: Iterable[tuple[str, str | None]], lang: str, fallback: Iterable[str | None] = FALLBACK) -> str:
    """pick_label for labels as (text, language tag or None).

    >>> pick_text([("The city", "en"), ("Byen", "nb")], "nb"), pick_text([("Stadt", "de")], "nb")
    ('Byen', 'Stadt')
    """
    by_lang: dict[str | None, str] = {}
    for text, tag in sorted(labels, key=lambda label: label[0]):
        by_lang.setdefault(tag or None, text)
    for choice in (lang, *fallback):
        if by_lang.get(choice):
            return by_lang[choice]
    return next(iter(by_lang.values()), "")


def local_name(iri: object) -> str:
    """The last segment of an IRI after '#' or '/' (trailing separators ignored)."""
    return re.split(r"[/#]", str(iri).rstrip("/#"))[-1]


def quote(text: str, lang: str = "en") -> str:
    """Text in the quotation marks of the language (the catalogue's quote.open and quote.close): «…» in
    Norwegian, “…” in English."""
    return f"{t('quote.open', lang)}{text}{t('quote.close', lang)}"
