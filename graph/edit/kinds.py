"""What can be added: the kinds of thing (actor, network, membership …), their fields, and the
property each simple field is written with.

>>> [kind.name for kind in KINDS]
['actor', 'network', 'membership', 'twin-city-agreement', 'project', 'participation', 'activity']
>>> [kind.name for kind in STARTER_KINDS]
['country', 'place', 'document', 'section', 'target-area', 'funding-programme']
>>> kind_spec("membership").field("role").default
'member'
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from graph.edit.fields import Field
from graph.errors import InputError
from graph.i18n import t
from graph.vocab.classes import subclasses
from graph.vocab.namespaces import GEO, IKG, ORG, SCHEMA


@dataclass(frozen=True)
class Kind:
    """A kind of thing a person can add: its class, IRI prefix, fields and how it is modelled."""

    name: str
    cls: URIRef
    prefix: str
    fields: tuple[Field, ...]
    period: URIRef | None = None  # ikg:period, or org:memberDuring for memberships
    amount: URIRef | None = None  # ikg:annualCost or ikg:budget
    needs: tuple[tuple[URIRef, tuple[str, ...]], ...] = ()  # fields required when the class is chosen
    auto_label: bool = False  # labels made from the linked things when left empty

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def get(self, name: str) -> Field:
        """The field called `name` (KeyError when the kind has none)."""
        found = self.field(name)
        if found is None:
            raise KeyError(name)
        return found

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def label(self, lang: str = "en") -> str:
        return t(f"edit.kind.{self.name}", lang)

    def for_languages(self, languages: Iterable[str] | None) -> Kind:
        """This kind with one label field per data language (label_sv, label_en …) instead of label_nb and
        label_en; itself for the default languages (graph.vocab.languages)."""
        return _for_languages(self, tuple(languages or LABEL_LANGUAGES))

    def help(self, lang: str = "en") -> str:
        return t(f"edit.kind_help.{self.name}", lang)


PART_OF_CLASSES = (IKG.Network, IKG.Project, IKG.Agreement, IKG.WorkingGroup)

_F = Field
BASE_FIELDS: dict[str, Field] = {f.name: f for f in (
    _F("id", "id"),
    _F("label_nb", "label_nb"),
    _F("label_en", "label_en"),
    _F("alt_labels", "list"),
    _F("actor_type", "class", kinds_of=IKG.Actor),
    _F("activity_type", "class", kinds_of=IKG.Activity, root_offered=True),
    _F("country", "entity", classes=(IKG.Country,)),
    _F("lat", "number", bounds=(-90, 90)),
    _F("long", "number", bounds=(-180, 180)),
    _F("unit_of", "entity", classes=(IKG.City, IKG.MunicipalUnit)),
    _F("location", "entity", classes=(IKG.City,)),
    _F("member", "entity", classes=(IKG.Actor,)),
    _F("network", "entity", classes=(IKG.Network,)),
    _F("role", "concept", scheme=IKG.Roles),
    _F("status", "concept", scheme=IKG.Statuses),
    _F("responsible_unit", "entity", classes=(IKG.MunicipalUnit,)),
    _F("annual_cost", "amount"),
    _F("budget", "amount"),
    _F("currency", "currency", default="NOK"),
    _F("start", "date"),
    _F("end", "date"),
    _F("city", "entity", classes=(IKG.City,)),
    _F("agreement_type", "concept", scheme=IKG.AgreementTypes),
    _F("programme", "entity", classes=(IKG.FundingProgramme,)),
    _F("partners", "entities", classes=(IKG.Actor,)),
    _F("project", "entity", classes=(IKG.Project,)),
    _F("participant", "entity", classes=(IKG.Actor,)),
    _F("participants", "entities", classes=(IKG.Actor,)),
    _F("part_of", "entity", classes=PART_OF_CLASSES),
    _F("target_areas", "target_areas"),
    _F("sdgs", "sdgs"),
    _F("source_section", "entity", classes=(IKG.Section,)),
    _F("source_quote", "text"),
    _F("source_reference", "text"),
    _F("source_url", "url"),
    _F("evidence", "concept", scheme=IKG.EvidenceKinds, default="stated"),
    _F("iso_code", "text"),
    _F("document", "entity", classes=(IKG.SourceDocument,)),
    _F("section_number", "text"),
    _F("notation", "text"),
    _F("scheme", "entity", classes=(SKOS.ConceptScheme,)),
)}
SOURCE_FIELDS = ("source_section", "source_quote", "source_reference", "source_url", "evidence")
LABEL_FIELDS = ("label_nb", "label_en", "alt_labels")  # and label_XX in a dataset of other languages
LABEL_LANGUAGES = ("nb", "en")  # the label fields of the kinds as declared: the default data languages

# The property each simple field is written with.
PROPS: dict[str, URIRef] = {
    "alt_labels": SKOS.altLabel, "country": SCHEMA.containedInPlace, "lat": GEO.lat, "long": GEO.long,
    "unit_of": ORG.unitOf, "location": IKG.location, "member": ORG.member, "network": ORG.organization,
    "role": ORG.role, "status": IKG.status, "responsible_unit": IKG.responsibleUnit, "city": IKG.party,
    "agreement_type": IKG.agreementType, "programme": IKG.programme, "project": IKG.project,
    "participant": IKG.participant, "participants": IKG.participant, "part_of": IKG.partOf,
    "target_areas": IKG.targetArea, "sdgs": IKG.sdg, "label_nb": RDFS.label, "label_en": RDFS.label,
    "actor_type": RDF.type, "activity_type": RDF.type, "partners": IKG.project,
    "iso_code": SCHEMA.identifier, "document": DCTERMS.isPartOf, "section_number": IKG.sectionNumber,
    "notation": SKOS.notation, "scheme": SKOS.inScheme,
}


def _fields(spec: str) -> tuple[Field, ...]:
    """Fields from a compact spec: 'name' optional, 'name*' required, 'name=default'."""
    out = []
    for item in spec.split():
        name, _, default = item.partition("=")
        required = name.endswith("*")
        name = name.rstrip("*")
        base = BASE_FIELDS[name]
        out.append(dataclasses.replace(base, required=required, default=default or base.default))
    return tuple(out)


SOURCE_SPEC = " source_section source_quote source_reference source_url evidence"
KINDS: tuple[Kind, ...] = (
    Kind("actor", IKG.Actor, "", _fields(
        "id actor_type* label_nb* label_en* alt_labels country lat long unit_of location" + SOURCE_SPEC),
        needs=((IKG.City, ("country", "lat", "long")), (IKG.MunicipalUnit, ("unit_of",)))),
    Kind("network", IKG.Network, "network-", _fields(
        "id label_nb* label_en* alt_labels target_areas sdgs status start end" + SOURCE_SPEC),
        period=IKG.period),
    Kind("membership", ORG.Membership, "membership-", _fields(
        "id member* network* role=member status=active start end responsible_unit annual_cost currency "
        "label_nb label_en" + SOURCE_SPEC),
        period=ORG.memberDuring, amount=IKG.annualCost, auto_label=True),
    Kind("twin-city-agreement", IKG.TwinCityAgreement, "agreement-", _fields(
        "id city* agreement_type* status*=active start end target_areas responsible_unit label_nb label_en"
        + SOURCE_SPEC),
        period=IKG.period, auto_label=True),
    Kind("project", IKG.Project, "project-", _fields(
        "id label_nb* label_en* alt_labels programme status start end budget currency target_areas sdgs partners"
        + SOURCE_SPEC),
        period=IKG.period, amount=IKG.budget),
    Kind("participation", IKG.Participation, "participation-", _fields(
        "id project* participant* role=partner label_nb label_en" + SOURCE_SPEC),
        auto_label=True),
    Kind("activity", IKG.Activity, "activity-", _fields(
        "id activity_type label_nb* label_en* start end location participants part_of target_areas sdgs"
        + SOURCE_SPEC),
        period=IKG.period),
)
# What a new city starts from: places, its documents and their sections, its target areas and the
# programmes that fund its projects (spreadsheets and `ikg template`; `ikg init` writes the first ones).
STARTER_KINDS: tuple[Kind, ...] = (
    Kind("country", IKG.Country, "country-", _fields("id iso_code* label_nb* label_en*" + SOURCE_SPEC)),
    Kind("place", IKG.City, "", _fields("id label_nb* label_en* alt_labels country* lat* long*" + SOURCE_SPEC)),
    Kind("document", IKG.SourceDocument, "doc-", _fields("id label_nb* label_en* alt_labels" + SOURCE_SPEC)),
    Kind("section", IKG.Section, "section-", _fields(
        "id document* section_number label_nb* label_en*" + SOURCE_SPEC)),
    Kind("target-area", IKG.TargetArea, "target-area-", _fields(
        "id notation* scheme* label_nb* label_en*" + SOURCE_SPEC)),
    Kind("funding-programme", IKG.FundingProgramme, "programme-", _fields(
        "id label_nb* label_en* alt_labels" + SOURCE_SPEC)),
)
ALL_KINDS = KINDS + STARTER_KINDS
KIND_BY_NAME = {kind.name: kind for kind in ALL_KINDS}
# Which kind an existing thing is, most specific first (Visit Trondheim is a company and a network).
KIND_ORDER = (
    (ORG.Membership, "membership"), (IKG.TwinCityAgreement, "twin-city-agreement"),
    (IKG.Participation, "participation"),
    (IKG.Project, "project"), (IKG.Activity, "activity"), (IKG.Network, "network"), (IKG.Actor, "actor"),
    (IKG.Country, "country"),  # so a picker of the field "country" and the kind "country" agree
)
# The other starter kinds stay out of KIND_ORDER: the forms do not correct them (a place stays an actor).
KIND_CLASS = {**{k.name: k.cls for k in STARTER_KINDS}, **{name: cls for cls, name in KIND_ORDER}}
RETIRABLE = ("membership", "twin-city-agreement", "network", "project", "activity")


def kind_spec(kind: str, lang: str = "en", languages: Iterable[str] | None = None) -> Kind:
    """The Kind called `kind` (with the label fields of the data `languages`); InputError naming the kinds
    when there is none."""
    found = KIND_BY_NAME.get((kind or "").strip())
    if found is None:
        raise InputError.of("edit.err.unknown_kind", lang, value=kind, known=", ".join(KIND_BY_NAME))
    return found.for_languages(languages)


@functools.cache
def _for_languages(kind: Kind, languages: tuple[str, ...]) -> Kind:
    """`kind` with label_nb, label_en replaced by one label field per language (required as they were)."""
    if languages == LABEL_LANGUAGES or not kind.field("label_nb"):
        return kind
    fields: list[Field] = []
    for f in kind.fields:
        if f.name == "label_nb":
            fields += [dataclasses.replace(f, name=f"label_{x}", type=f"label_{x}") for x in languages]
        elif f.name != "label_en":
            fields.append(f)
    return dataclasses.replace(kind, fields=tuple(fields))


def kind_of_types(types: Iterable[Node]) -> str | None:
    """The name of the kind a thing of these classes is (the first of KIND_ORDER), or None."""
    found = set(types)
    for cls, name in KIND_ORDER:
        if found & subclasses(cls):
            return name
    return None
