"""The triples a form writes, following docs/MODEL.md: types, labels, OWL-Time periods, monetary
amounts, twin-city parties, project partners as participations, and the citation of every new fact.
Fields written together form a group (start and end are one period)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, TIME, XSD

from graph.analysis.assessments import slug as slug_of
from graph.edit.kinds import KIND_BY_NAME, PROPS, SOURCE_FIELDS, Kind
from graph.edit.lookup import Lookup
from graph.edit.values import When
from graph.i18n import t
from graph.rdf.skolem import fresh_genid
from graph.vocab.labels import pick_label
from graph.vocab.namespaces import IKG, SCHEMA

GROUPS = {"start": "period", "end": "period", "annual_cost": "amount", "budget": "amount", "currency": "amount",
          "actor_type": "type", "activity_type": "type"}


def group(name: str) -> str:
    """Fields written together: start and end are one period, an amount and its currency one amount.

    >>> group("end"), group("currency"), group("status")
    ('period', 'amount', 'status')
    """
    return GROUPS.get(name, name)


def groups(kind: Kind) -> list[str]:
    """The groups of a kind's fields, in the order they are written."""
    out = ["type"]
    for f in kind.fields:
        g = group(f.name)
        if f.name not in SOURCE_FIELDS and f.name != "id" and g not in out:
            out.append(g)
    return out


def instant(g: Graph, when: When) -> URIRef:
    node = fresh_genid()
    g.add((node, RDF.type, TIME.Instant))
    g.add((node, TIME.inXSDgYear, Literal(f"{when.year:04d}", datatype=XSD.gYear)))
    if when.day:
        g.add((node, TIME.inXSDDate, Literal(when.day.isoformat(), datatype=XSD.date)))
    return node


def period(g: Graph, iri: URIRef, prop: URIRef | None, start: When | None, end: When | None) -> None:
    if (start is None and end is None) or prop is None:
        return
    node = fresh_genid()
    g.add((iri, prop, node))
    g.add((node, RDF.type, TIME.Interval))
    if start is not None:
        g.add((node, TIME.hasBeginning, instant(g, start)))
    if end is not None:
        g.add((node, TIME.hasEnd, instant(g, end)))


def amount(g: Graph, iri: URIRef, prop: URIRef | None, value: Decimal, currency: str) -> None:
    if prop is None:
        return
    node = fresh_genid()
    g.add((iri, prop, node))
    g.add((node, RDF.type, SCHEMA.MonetaryAmount))
    g.add((node, SCHEMA.value, Literal(value, datatype=XSD.decimal)))
    g.add((node, SCHEMA.currency, Literal(currency)))


def citation(g: Graph, iri: URIRef, source: dict[str, Any], about: URIRef | None = None) -> None:
    """The citation of a new fact: a section with its quote, or a reference with a web address."""
    node = fresh_genid()
    g.add((iri, IKG.citation, node))
    if source.get("source_section"):
        g.add((node, IKG.section, source["source_section"]))
    if source.get("source_quote"):
        g.add((node, IKG.quote, Literal(source["source_quote"])))
    if source.get("source_reference"):
        g.add((node, IKG.reference, Literal(source["source_reference"])))
    if source.get("source_url"):
        g.add((node, SCHEMA.url, URIRef(source["source_url"])))
    g.add((node, IKG.evidence, source.get("evidence") or IKG.stated))
    if about is not None:
        g.add((node, IKG.aboutProperty, about))


def auto_labels(kind: Kind, p: dict[str, Any], look: Lookup, made: Graph | None = None) -> dict[str, str]:
    """Labels of a membership, participation or agreement made from what it links, per language; a thing
    `made` in the same change (a new project and its partners) is named by its label there."""
    if kind.name == "membership":
        first, second, word = p.get("member"), p.get("network"), "edit.auto.in"
    elif kind.name == "participation":
        first, second, word = p.get("participant"), p.get("project"), "edit.auto.in"
    else:
        first, second, word = look.home(), p.get("city"), "edit.auto.dash"
    if first is None or second is None:
        return {}
    langs = [f.name.removeprefix("label_") for f in kind.fields if f.name.startswith("label_")] or ["nb", "en"]
    def name(x: URIRef, lang: str) -> str:
        return (pick_label(made.objects(x, RDFS.label), lang) if made is not None else "") or look.label(x, lang)

    return {lang: t(word, lang, a=name(first, lang), b=name(second, lang))
            for lang in langs}  # a data language without a UI catalogue: the English joining word


def group_triples(kind: Kind, iri: URIRef, name: str, p: dict[str, Any], look: Lookup) -> Graph:
    """The triples of one group of fields, from parsed values."""
    g = Graph()
    if name == "type":
        g.add((iri, RDF.type, p.get("actor_type") or p.get("activity_type") or kind.cls))
    elif name.startswith("label_"):
        lang = name.removeprefix("label_")
        text = p.get(name) or (auto_labels(kind, p, look).get(lang) if kind.auto_label else None)
        if text:
            g.add((iri, RDFS.label, Literal(text, lang=lang)))
    elif name == "period":
        period(g, iri, kind.period, p.get("start"), p.get("end"))
    elif name == "amount":
        value = p.get("annual_cost", p.get("budget"))
        if value is not None:
            amount(g, iri, kind.amount, value, p.get("currency", "NOK"))
    elif name == "city":
        home = look.home()
        if p.get("city") is not None and home is not None:
            g.add((iri, IKG.party, home))
            g.add((iri, IKG.party, p["city"]))
    elif name == "partners":
        pass  # partners are participations of their own, see partner_triples
    elif name in p:
        values = p[name] if isinstance(p[name], list) else [p[name]]
        for value in values:
            g.add((iri, PROPS[name], value if isinstance(value, URIRef) else literal(value)))
    return g


def literal(value: Any) -> Literal:
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    return Literal(value)


def partner_triples(project: URIRef, partner: URIRef, source: dict[str, Any], look: Lookup,
                    taken: set[URIRef], made: Graph | None = None) -> tuple[URIRef, Graph]:
    """A project partner as its own ikg:Participation (role partner), with the project's source; `made`
    holds the new project's own triples (its names)."""
    kind = KIND_BY_NAME["participation"]
    p = {"project": project, "participant": partner, "role": IKG.PartnerRole}
    labels = auto_labels(kind, p, look, made)
    iri = mint(look, kind, labels.get("en", ""), taken)
    g = Graph()
    for name in ("type", "project", "participant", "role"):
        g += group_triples(kind, iri, name, p, look)
    for lang, text in labels.items():
        g.add((iri, RDFS.label, Literal(text, lang=lang)))
    citation(g, iri, source)
    return iri, g


def mint(look: Lookup, kind: Kind, label: str, taken: set[URIRef]) -> URIRef:
    """A new readable IRI in the dataset's namespace from the English label, unique (-2, -3 …)."""
    slug = slug_of(re.sub(r"[^\w]+", " ", label)) or "item"
    base = look.namespace() + (slug if slug.startswith(kind.prefix) else kind.prefix + slug)
    iri, n = URIRef(base), 1
    while iri in taken or look.exists(iri):
        n += 1
        iri = URIRef(f"{base}-{n}")
    taken.add(iri)
    return iri
