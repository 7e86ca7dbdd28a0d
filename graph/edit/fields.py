"""The fields of the forms and one class per field type: how a value is read (`parse`), what a picker
offers (`choices`), what a thing holds now (`current`) and what a template column accepts (`possible_values`).
Adding a field type is adding one FieldType subclass to TYPES. `Field.type` stays its name.

>>> FIELD_TYPES[:4], TYPES["entities"].multiple, TYPES["entities"].picker, TYPES["text"].picker
(('id', 'text', 'label_nb', 'label_en'), True, True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, TIME
from rdflib.term import Node

from graph.edit.lookup import Lookup, class_label, ordered_subclasses
from graph.edit.values import CONTROL, Raw, items, parse_amount, parse_url, parse_when
from graph.errors import InputError
from graph.i18n import t
from graph.questions.catalogue import display
from graph.store.base import Store
from graph.vocab.classes import ontology, subclasses
from graph.vocab.labels import local_name, pick_label
from graph.vocab.namespaces import SDG

SDG_PATTERN = re.compile(r"(?:(?:sdg|bærekraftsmål|mål|goal)\s*)?(\d{1,2})|http://metadata\.un\.org/sdg/(\d{1,2})",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """One field of a form (and one column of its spreadsheet template).

    `type` names its FieldType (TYPES): `entity`/`entities` pick existing things of `classes`, `concept`
    picks a concept of the SKOS `scheme`, `class` picks the kind of thing among `options` (the subclasses
    of `kinds_of`), `date`
    takes a year or a day. Label and help text come from graph/i18n/text_editing.py in both languages.
    """

    name: str
    type: str
    required: bool = False
    default: str = ""
    classes: tuple[URIRef, ...] = ()
    scheme: URIRef | None = None
    kinds_of: URIRef | None = None  # a `class` field offers this class's subclasses …
    root_offered: bool = False  # … and the class itself when True
    bounds: tuple[int, int] | None = None

    @property
    def options(self) -> tuple[URIRef, ...]:
        """The classes a `class` field offers, in the ontology's order (read when first asked)."""
        if self.kinds_of is None:
            return ()
        return ordered_subclasses(self.kinds_of, include_root=self.root_offered)

    @property
    def field_type(self) -> FieldType:  # a label in a data language other than nb and en: its own LabelField
        return TYPES.get(self.type) or LabelField(self.type.removeprefix("label_"))

    @property
    def multiple(self) -> bool:
        return self.field_type.multiple

    @property
    def picker(self) -> bool:
        return self.field_type.picker

    def label(self, lang: str = "en") -> str:  # label_sv: "Navn (sv)"
        return t(f"edit.field.{self.name}", lang) if self.type in TYPES else t("edit.field.label_in", lang,
                                                                                  language=self.name[6:])

    def help(self, lang: str = "en") -> str:
        own = self.type in TYPES
        return t(f"edit.help.{self.name}", lang) if own else t("edit.help.label_in", lang, language=self.name[6:])


class ValueProblems(InputError):  # noqa: N818 - a bundle of InputErrors
    """Several things wrong with one field's value (items of a list)."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


class Holding(Protocol):
    """What an existing thing holds, as a field type reads it (graph.edit.current.Holding)."""

    types: set[Node]

    def objects_of(self, f: Field) -> list[Node]: ...
    def labels(self) -> list[Node]: ...
    def period_value(self, which: URIRef) -> str: ...
    def amount_value(self, which: str) -> str: ...


class FieldType:
    """A type of field; subclasses say how its values are read, offered and shown."""

    name = ""
    multiple = False  # a list of values
    picker = False  # chosen among `choices` (things, concepts, classes), not typed
    default_assumed = False  # an empty value takes the field's default
    default_shown = False  # the form starts with the default filled in (but it is never assumed)

    def parse(self, f: Field, raw: Raw, look: Lookup) -> Any:
        """The value, exact and ready for RDF; InputError (or ValueProblems) saying what is wrong."""
        return one(f, raw, look.lang)

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        """(IRI, label) of what a picker offers."""
        return []

    def current(self, f: Field, held: Holding) -> Any:
        """The value a thing holds now, as the form shows it (IRIs for pickers, text otherwise)."""
        found = held.objects_of(f)
        if self.multiple:
            return sorted(str(o) for o in found)
        return self.text(found[0]) if found else ""

    def text(self, node: Node) -> str:
        return str(node)

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        """What a template column accepts, for its help line ("" when it is free)."""
        return ""


def one(f: Field, raw: Raw, lang: str) -> str:
    """The single value of a field; InputError when a list of several is given."""
    found = items(raw) if isinstance(raw, list) else [raw]
    if len(found) > 1:
        raise InputError.of("edit.err.one_value", lang, field=f.label(lang))
    return found[0]


def plain(f: Field, text: str, lang: str) -> str:
    """Free text without control characters (a NUL ends a query on some SPARQL servers)."""
    if CONTROL.search(text):
        raise InputError.of("edit.err.control", lang, field=f.label(lang))
    return text


class IdField(FieldType):
    name = "id"


class TextField(FieldType):
    name = "text"

    def parse(self, f: Field, raw: Raw, look: Lookup) -> str:
        return plain(f, one(f, raw, look.lang).strip(), look.lang)


class LabelField(FieldType):
    """A label in one language (the type's name ends with it)."""

    def __init__(self, lang: str) -> None:
        self.name, self.lang = f"label_{lang}", lang

    def parse(self, f: Field, raw: Raw, look: Lookup) -> str:
        return plain(f, " ".join(one(f, raw, look.lang).split()), look.lang)

    def current(self, f: Field, held: Holding) -> str:
        return pick_label([x for x in held.labels() if isinstance(x, Literal) and x.language == self.lang], self.lang)


class ListField(FieldType):
    name, multiple = "list", True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> list[str]:
        return sorted({plain(f, " ".join(x.split()), look.lang) for x in items(raw)})


class CurrencyField(FieldType):
    name, default_shown = "currency", True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> str:
        code = one(f, raw, look.lang).strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise InputError.of("edit.err.currency", look.lang, value=one(f, raw, look.lang))
        return code

    def current(self, f: Field, held: Holding) -> str:
        return held.amount_value("currency")

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        return "NOK; EUR; SEK; DKK; USD …"


class AmountField(FieldType):
    name = "amount"

    def parse(self, f: Field, raw: Raw, look: Lookup) -> Decimal:
        return parse_amount(one(f, raw, look.lang), look.lang)

    def current(self, f: Field, held: Holding) -> str:
        return held.amount_value("amount")


class UrlField(FieldType):
    name = "url"

    def parse(self, f: Field, raw: Raw, look: Lookup) -> str:
        return parse_url(one(f, raw, look.lang), look.lang)


class DateField(FieldType):
    """The start or the end of the thing's period."""

    name = "date"

    def parse(self, f: Field, raw: Raw, look: Lookup) -> Any:
        return parse_when(one(f, raw, look.lang), look.lang)

    def current(self, f: Field, held: Holding) -> str:
        return held.period_value(TIME.hasBeginning if f.name == "start" else TIME.hasEnd)


class NumberField(FieldType):
    """A decimal number within the field's bounds."""

    name = "number"

    def parse(self, f: Field, raw: Raw, look: Lookup) -> Decimal:
        text = one(f, raw, look.lang)
        low, high = f.bounds or (0, 0)
        try:
            number: Decimal | None = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not low <= number <= high:
            raise InputError.of("edit.err.number", look.lang, value=text, field=f.label(look.lang), min=low, max=high)
        return number

    def text(self, node: Node) -> str:
        return display(node)


class ClassField(FieldType):
    """The kind of thing, among the field's `options` (classes of the ontology)."""

    name, picker = "class", True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> URIRef:
        text = one(f, raw, look.lang).casefold()
        for cls in f.options:
            names = (str(cls), local_name(cls), class_label(cls, "nb"), class_label(cls, "en"))
            if text in (n.casefold() for n in names):
                return cls
        known = ", ".join(look.class_label(c) for c in f.options)
        raise InputError.of("edit.err.choice", look.lang, value=one(f, raw, look.lang), field=f.label(look.lang),
                            known=known)

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        return [(str(c), look.class_label(c)) for c in f.options]

    def current(self, f: Field, held: Holding) -> str:
        chosen = [c for c in f.options if c in held.types]
        specific = [c for c in chosen if not any(o != c and c in subclasses(o) - {o} for o in chosen)]
        return str(specific[-1]) if specific else ""

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        return "; ".join(class_label(c, lang) for c in f.options)


class ConceptField(FieldType):
    """A concept of the field's SKOS `scheme` (a status, a role …), by name, notation or IRI."""

    name, picker, default_assumed = "concept", True, True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> URIRef:
        text = one(f, raw, look.lang)
        concepts = look.concepts(f.scheme)
        for iri, _, names in concepts:
            if text.casefold() in [str(iri).casefold(), local_name(iri).casefold()] + [n.casefold() for n in names]:
                return iri
        known = ", ".join(label for _, label, _ in concepts)
        raise InputError.of("edit.err.choice", look.lang, value=text, field=f.label(look.lang), known=known)

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        return [(str(iri), label) for iri, label, _ in look.concepts(f.scheme)]

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        if store is not None:
            return "; ".join(label for _, label in self.choices(f, Lookup(store, lang)))
        concepts = ontology().subjects(SKOS.inScheme, f.scheme)
        return "; ".join(sorted((class_label(c, lang) for c in concepts if isinstance(c, URIRef)), key=str.casefold))


class EntityField(FieldType):
    """An existing thing of the field's `classes`, by IRI, identifier or any of its names."""

    name, picker = "entity", True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> URIRef:
        return look.resolve(one(f, raw, look.lang), f.classes, t(f"edit.what.{f.name}", look.lang))

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        return look.entity_choices(f.classes)


class EntitiesField(FieldType):
    """Several existing things of the field's `classes`, each named like in an EntityField."""

    name, multiple, picker = "entities", True, True

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        return look.entity_choices(f.classes)

    def parse(self, f: Field, raw: Raw, look: Lookup) -> list[URIRef]:
        found: list[URIRef] = []
        errors: list[InputError] = []
        for item in items(raw):
            try:
                iri = look.resolve(item, f.classes, t(f"edit.what.{f.name}", look.lang))
            except InputError as exc:
                errors.append(exc)
                continue
            if iri not in found:
                found.append(iri)
        if errors:
            raise ValueProblems(errors)
        return found


class TargetAreasField(FieldType):
    """Target areas of the strategy, by number, name or IRI."""

    name, multiple, picker = "target_areas", True, True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> list[URIRef]:
        areas = look.target_areas()
        found: list[URIRef] = []
        errors: list[InputError] = []
        for part in items(raw):  # a name may hold a comma; else a comma separates too ("1, 3")
            for item in [part] if look.target_areas_named(part) else items(part, ","):
                match = look.target_areas_named(item)
                if not match:
                    known = ", ".join(f"{n} {label}" for n, _, label in areas) or "–"
                    errors.append(InputError.of("edit.err.target_area", look.lang, value=item, known=known))
                elif match[0] not in found:
                    found.append(match[0])
        if errors:
            raise ValueProblems(errors)
        return found

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        return [(str(iri), f"{n} {label}") for n, iri, label in look.target_areas()]

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        if store is None:
            return ""
        return "; ".join(label for _, label in self.choices(f, Lookup(store, lang)))


class SdgsField(FieldType):
    """UN Sustainable Development Goals, by number (7, SDG 7, mål 7) or IRI."""

    name, multiple, picker = "sdgs", True, True

    def parse(self, f: Field, raw: Raw, look: Lookup) -> list[URIRef]:
        found: list[URIRef] = []
        errors: list[InputError] = []
        for item in items(raw, ";,\n"):
            m = SDG_PATTERN.fullmatch(item.strip())
            number = int(m.group(1) or m.group(2)) if m else 0
            if not 1 <= number <= 17:
                errors.append(InputError.of("edit.err.sdg", look.lang, value=item))
            elif SDG[str(number)] not in found:
                found.append(SDG[str(number)])
        if errors:
            raise ValueProblems(errors)
        return found

    def choices(self, f: Field, look: Lookup) -> list[tuple[str, str]]:
        rows = look.store.select(
            "SELECT ?g ?n ?l WHERE { ?g a ikg:SDG ; skos:notation ?n . OPTIONAL { ?g rdfs:label ?l } }").rows
        found: dict[tuple[int, str], list[Node]] = {}
        for g, n, label in rows:
            if str(n).isdigit() and g is not None:
                found.setdefault((int(str(n)), str(g)), []).extend([label] if label is not None else [])
        if not found:
            return [(str(SDG[str(n)]), str(n)) for n in range(1, 18)]
        return [(g, f"{n} {pick_label(ls, look.lang)}".strip()) for (n, g), ls in sorted(found.items())]

    def possible_values(self, f: Field, lang: str, store: Store | None) -> str:
        return "1–17"


TYPES: dict[str, FieldType] = {ft.name: ft for ft in (
    IdField(), TextField(), LabelField("nb"), LabelField("en"), ListField(), ClassField(), EntityField(),
    EntitiesField(), ConceptField(), DateField(), AmountField(), CurrencyField(), UrlField(), NumberField(),
    TargetAreasField(), SdgsField(),
)}
FIELD_TYPES = tuple(TYPES)
