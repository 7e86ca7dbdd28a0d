"""What the pickers offer, so nobody types IRIs: the existing things of a kind, or what a field accepts;
and the home actor and a thing's label for the forms."""

from __future__ import annotations

from rdflib import URIRef

from graph.edit.kinds import BASE_FIELDS, KIND_BY_NAME, KIND_CLASS, kind_of_types
from graph.edit.lookup import Lookup
from graph.errors import InputError
from graph.store.base import Store


def home_actor(store: Store) -> URIRef | None:
    """The dataset's home actor (ikg:homeActor), or None."""
    return Lookup(store, "en").home()


def label_of(store: Store, iri: str | URIRef, lang: str = "en") -> str:
    """A thing's label in `lang` (another language's, or what it links, when it has none)."""
    return Lookup(store, lang).label(URIRef(str(iri)))


def choices(store: Store, kind_or_field: str, lang: str = "en") -> list[tuple[str, str]]:
    """(IRI, label in `lang`) for a picker, sorted as a person reads them.

    A kind name gives the existing things of that kind (to pick one to correct, retire or delete);
    a field name gives what the field accepts: things of its classes, the concepts of its scheme,
    the kinds of actor or activity, target areas ("1 Trade") or SDGs ("7 Affordable and clean energy").
    """
    look = Lookup(store, lang)
    if kind_or_field in KIND_BY_NAME:  # only things whose most specific kind is this one (not Visit Trondheim
        return look.entity_choices(  # as an actor)
            (KIND_CLASS[kind_or_field],), keep=lambda types: kind_of_types(types) == kind_or_field)
    f = BASE_FIELDS.get(kind_or_field)
    if f is None:
        known = ", ".join([*KIND_BY_NAME, *BASE_FIELDS])
        raise InputError.of("edit.err.unknown_choice", lang, value=kind_or_field, known=known)
    return f.field_type.choices(f, look)
