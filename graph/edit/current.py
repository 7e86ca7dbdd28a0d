"""What an existing thing holds, as a form shows it: which kind it is and the current value of each
field (IRIs for pickers, text otherwise), to prefill a correction."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, TIME
from rdflib.term import Node

from graph.edit.fields import Field
from graph.edit.kinds import KIND_BY_NAME, PROPS, SOURCE_FIELDS, Kind, kind_of_types
from graph.edit.lookup import Lookup
from graph.edit.snapshot import Snapshot
from graph.errors import InputError
from graph.questions.catalogue import display
from graph.questions.languages import data_languages
from graph.store.base import Store
from graph.vocab.namespaces import IKG, SCHEMA


def kind_of(store: Store, iri: str | URIRef) -> str | None:
    """Which of KINDS an existing thing is (None when it is none of them or not in the graph)."""
    types = {r[1] for r in store.select("SELECT ?x ?t WHERE { ?x a ?t }", {"x": URIRef(str(iri))}).rows}
    return kind_of_types(t for t in types if t is not None)


def existing_kind(store: Store, iri: URIRef, lang: str) -> Kind:
    """The Kind of a thing in the store; InputError when it is not there or not editable."""
    if not isinstance(iri, URIRef) or not store.ask("ASK WHERE { ?x ?p ?o }", {"x": iri}):
        raise InputError.of("edit.err.not_found", lang, iri=iri)
    name = kind_of(store, iri)
    if name is None:
        look = Lookup(store, lang)
        raise InputError.of("edit.err.not_editable", lang, label=look.label(iri), what=look.kind_word(iri) or "?")
    return KIND_BY_NAME[name].for_languages(data_languages(store))


class Holding:
    """What a thing of a kind holds, as the field types read it (graph.edit.fields.Holding)."""

    def __init__(self, snap: Snapshot, kind: Kind) -> None:
        self.snap, self.kind = snap, kind
        self.types: set[Node] = set(snap.objects(RDF.type))

    def objects_of(self, f: Field) -> list[Node]:
        return self.snap.objects(PROPS[f.name])

    def labels(self) -> list[Node]:
        return self.snap.objects(RDFS.label)

    def period_value(self, which: URIRef) -> str:
        """The year or day of the period's beginning or end (TIME.hasBeginning / TIME.hasEnd), or ""."""
        return period_value(self.snap, self.kind, which)

    def amount_value(self, which: str) -> str:
        """The amount's value ("amount") or currency ("currency"), or ""."""
        for node in self.snap.objects(self.kind.amount):
            found = self.snap.objects(SCHEMA.value if which == "amount" else SCHEMA.currency, node)
            if found:
                return display(found[0]) if which == "amount" else str(found[0])
        return ""


def period_value(snap: Snapshot, kind: Kind, which: URIRef) -> str:
    for node in snap.objects(kind.period):
        for moment in snap.objects(which, node):
            day = snap.objects(TIME.inXSDDate, moment)
            year = snap.objects(TIME.inXSDgYear, moment)
            return str(day[0]) if day else (str(year[0])[:4] if year else "")
    return ""


def values_from(snap: Snapshot, kind: Kind, look: Lookup) -> dict[str, Any]:
    """The current values of a thing, as a form shows them (IRIs for pickers, text otherwise)."""
    out: dict[str, Any] = {"id": str(snap.iri)}
    held = Holding(snap, kind)
    for f in kind.fields:
        if f.name == "id" or f.name in SOURCE_FIELDS:
            out.setdefault(f.name, f.default if f.name == "evidence" else "")
        elif f.name == "city":  # the other party than the home city
            home = look.home()
            out[f.name] = next((str(o) for o in snap.objects(IKG.party) if o != home), "")
        elif f.name == "partners":  # the participants of the project's participations
            rows = look.store.select("SELECT ?x ?a WHERE { ?p ikg:project ?x ; ikg:participant ?a }",
                                     {"x": snap.iri}).rows
            out[f.name] = sorted({str(a) for _, a in rows})
        else:
            out[f.name] = f.field_type.current(f, held)
    return out


def entity_values(store: Store, iri: str | URIRef, lang: str = "en") -> dict[str, Any]:
    """The values of an existing thing, to prefill a correction form (the source fields are empty)."""
    iri = URIRef(str(iri))
    kind = existing_kind(store, iri, lang)
    return values_from(Snapshot(store, iri), kind, Lookup(store, lang))
