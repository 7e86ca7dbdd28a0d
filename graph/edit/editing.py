"""Keeping the graph current through forms: what a person can add, every value checked, every write recorded.

The app's forms and the spreadsheet import (graph/tabular.py) call this module; it knows nothing of
Streamlit. `KINDS` lists what can be added and the fields of each kind; `choices` fills the pickers
(so nobody types IRIs); `build` checks the values and returns the triples as a `Draft` without writing;
`save`, `correct`, `retire` and `delete` write through `graph.history.commit`, so every change is
recorded with who, when and why, and can be undone.

The triples follow docs/MODEL.md: labels @nb and @en on every entity, OWL-Time periods
(`time:inXSDgYear`, and `time:inXSDDate` when the day is known), `schema:MonetaryAmount`,
`org:Membership`, twin-city agreements with both cities as `ikg:party`, project partners as
`ikg:Participation`, and an `ikg:citation` for every new fact (a document section with a verbatim
quote, or a free-text reference with an optional web address). Citations, periods, instants and
amounts get skolem IRIs (`https://w3id.org/.well-known/genid/…`, as `graph.store.skolemise` makes
them), so every triple can later be named in an undo.

>>> [kind.name for kind in KINDS]
['actor', 'network', 'membership', 'twin-city-agreement', 'project', 'participation', 'activity']
>>> parse_when("01.03.2019", "en")
When(year=2019, day=datetime.date(2019, 3, 1))
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import difflib
import functools
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, TIME, XSD
from rdflib.term import Node

import graph.history.changes as history
from graph.analysis.review import _slug, dataset_namespace
from graph.errors import InputError
from graph.i18n import t
from graph.store.base import Store, is_iri
from graph.vocab.namespaces import GEO, IKG, ORG, SCHEMA, SDG

GENID = "https://w3id.org/.well-known/genid/"
GENID_PATTERN = re.compile(r"^https://w3id\.org/(?:ikg/)?\.well-known/genid/[A-Za-z0-9_-]+$")
YEAR_MIN, YEAR_MAX = 1800, 2100
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s<>\"{}|\\^`/?#]+(?:[/?#][^\s<>\"{}|\\^`]*)?$", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
URL_FORBIDDEN = set(' <>"{}|\\^`') | {chr(c) for c in range(0x20)} | {"\x7f"}
MAX_REFERRERS_SHOWN = 10

FIELD_TYPES = (
    "id", "text", "label_nb", "label_en", "list", "class", "entity", "entities", "concept", "date", "amount",
    "currency", "url", "number", "target_areas", "sdgs",
)


# ---------------------------------------------------------------------------------------------
# What can be added: kinds and their fields
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One field of a form (and one column of its spreadsheet template).

    `type` is one of FIELD_TYPES: `entity`/`entities` pick existing things of `classes`, `concept`
    picks a concept of the SKOS `scheme`, `class` picks the kind of thing among `options`, `date`
    takes a year or a day. Label and help text come from graph/text_editing.py in both languages.
    """

    name: str
    type: str
    required: bool = False
    default: str = ""
    classes: tuple[URIRef, ...] = ()
    scheme: URIRef | None = None
    options: tuple[URIRef, ...] = ()
    bounds: tuple[int, int] | None = None

    @property
    def multiple(self) -> bool:
        return self.type in ("list", "entities", "target_areas", "sdgs")

    def label(self, lang: str = "en") -> str:
        return t(f"edit.field.{self.name}", lang)

    def help(self, lang: str = "en") -> str:
        return t(f"edit.help.{self.name}", lang)

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

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def label(self, lang: str = "en") -> str:
        return t(f"edit.kind.{self.name}", lang)

    def help(self, lang: str = "en") -> str:
        return t(f"edit.kind_help.{self.name}", lang)

ACTOR_TYPES = (
    IKG.City, IKG.MunicipalUnit, IKG.University, IKG.ResearchInstitute, IKG.Company, IKG.BusinessAssociation,
    IKG.StateAgency, IKG.CountyAuthority, IKG.RegionalBody, IKG.VoluntaryOrganisation, IKG.CulturalInstitution,
    IKG.YouthCouncil, IKG.InternationalOrganisation, IKG.UNOrganisation, IKG.ConsularCorps, IKG.Person,
)
ACTIVITY_TYPES = (IKG.Activity, IKG.Delegation, IKG.Visit, IKG.Seminar, IKG.YouthExchange, IKG.CulturalEvent)
PART_OF_CLASSES = (IKG.Network, IKG.Project, IKG.Agreement, IKG.WorkingGroup)

_F = Field
BASE_FIELDS: dict[str, Field] = {f.name: f for f in (
    _F("id", "id"),
    _F("label_nb", "label_nb"),
    _F("label_en", "label_en"),
    _F("alt_labels", "list"),
    _F("actor_type", "class", options=ACTOR_TYPES),
    _F("activity_type", "class", options=ACTIVITY_TYPES),
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
)}
SOURCE_FIELDS = ("source_section", "source_quote", "source_reference", "source_url", "evidence")
LABEL_FIELDS = ("label_nb", "label_en", "alt_labels")

# The property each simple field is written with.
PROPS: dict[str, URIRef] = {
    "alt_labels": SKOS.altLabel, "country": SCHEMA.containedInPlace, "lat": GEO.lat, "long": GEO.long,
    "unit_of": ORG.unitOf, "location": IKG.location, "member": ORG.member, "network": ORG.organization,
    "role": ORG.role, "status": IKG.status, "responsible_unit": IKG.responsibleUnit, "city": IKG.party,
    "agreement_type": IKG.agreementType, "programme": IKG.programme, "project": IKG.project,
    "participant": IKG.participant, "participants": IKG.participant, "part_of": IKG.partOf,
    "target_areas": IKG.targetArea, "sdgs": IKG.sdg, "label_nb": RDFS.label, "label_en": RDFS.label,
    "actor_type": RDF.type, "activity_type": RDF.type, "partners": IKG.project,
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
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
# Which kind an existing thing is, most specific first (Visit Trondheim is a company and a network).
KIND_ORDER = (
    (ORG.Membership, "membership"), (IKG.TwinCityAgreement, "twin-city-agreement"),
    (IKG.Participation, "participation"),
    (IKG.Project, "project"), (IKG.Activity, "activity"), (IKG.Network, "network"), (IKG.Actor, "actor"),
)
KIND_CLASS = {name: cls for cls, name in KIND_ORDER}


def kind_spec(kind: str, lang: str = "en") -> Kind:
    """The Kind called `kind`; InputError naming the kinds when there is none."""
    found = KIND_BY_NAME.get((kind or "").strip())
    if found is None:
        raise InputError(t("edit.err.unknown_kind", lang, value=kind, known=", ".join(KIND_BY_NAME)))
    return found


# ---------------------------------------------------------------------------------------------
# Results and errors
# ---------------------------------------------------------------------------------------------


class FieldErrors(InputError):  # noqa: N818 - the name the callers know
    """Every problem with the values of a form, as (field name, message in the user's language).

    The field is "" for a problem of the whole thing. `str()` gives one line per problem.
    """

    def __init__(self, problems: list[tuple[str, str]], lang: str = "en") -> None:
        self.problems = list(problems)
        lines = []
        for name, message in self.problems:
            base = BASE_FIELDS.get(name)
            lines.append(f"{base.label(lang)}: {message}" if base else message)
        super().__init__("\n".join(lines))


@dataclass
class Draft:
    """What a form would change: the triples to add and remove, the thing concerned and a summary."""

    kind: str
    iri: URIRef
    add: Graph
    remove: Graph
    summary: str
    label: str = ""
    created: list[tuple[str, URIRef]] = field(default_factory=list)  # (kind, IRI) of every new thing


@dataclass(frozen=True)
class When:
    """A point in time as a person gives it: a year, and the day when it is known."""

    year: int
    day: dt.date | None = None

    def __str__(self) -> str:
        return self.day.isoformat() if self.day else str(self.year)

    def key(self) -> tuple[int, dt.date]:
        return (self.year, self.day or dt.date(self.year, 1, 1))


class Pending:
    """Things built earlier in the same batch (a spreadsheet import) and not yet in the store.

    `build(..., pending=p)` lets a row refer to things of earlier rows, treats their identifiers as
    taken, and leaves the SHACL check to the caller (`shape_problems` on the whole batch).
    """

    def __init__(self) -> None:
        self.graph = Graph()
        self.origin: dict[URIRef, object] = {}  # IRI -> where it was made (a row number)
        self.cache: dict = {}  # lookups in the store, which does not change during the batch

    def add(self, draft: Draft, origin: object = None) -> None:
        self.graph += draft.add
        for _, iri in draft.created:
            self.origin[iri] = origin


# ---------------------------------------------------------------------------------------------
# Reading the store (and a batch's pending things)
# ---------------------------------------------------------------------------------------------


@functools.cache
def _closure(classes: tuple[URIRef, ...]) -> frozenset[URIRef]:
    """The classes and all their subclasses in the shipped vocabulary."""
    from graph.rdf.shapes import shipped_ontology

    onto = shipped_ontology()
    seen, todo = set(classes), list(classes)
    while todo:
        for sub in onto.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return frozenset(seen)


def quote(text: str, lang: str = "en") -> str:
    """Text in the quotation marks of the language: «…» in Norwegian, “…” in English."""
    return f"«{text}»" if lang == "nb" else f"“{text}”"


def _pick_label(literals: Iterable[Node], lang: str) -> str:
    by_lang: dict[str | None, str] = {}
    for lit in sorted(literals):
        if isinstance(lit, Literal):
            by_lang.setdefault(lit.language, str(lit))
    for key in (lang, "en", "nb", None):
        if by_lang.get(key):
            return by_lang[key]
    return next(iter(by_lang.values()), "")


def _local(iri: Node) -> str:
    return re.split(r"[/#]", str(iri).rstrip("/#"))[-1]


def _is_genid(node: Node) -> bool:
    return isinstance(node, URIRef) and bool(GENID_PATTERN.match(str(node)))


class _Lookup:
    """Questions about the store (and pending things) that checking and building need; answers cached."""

    def __init__(self, store: Store, lang: str, pending: Pending | None = None) -> None:
        self.store, self.lang = store, lang
        self.pending = pending if pending is not None else Pending()
        self.cache = self.pending.cache
        self.extra = self.pending.graph

    def _cached(self, key, compute):
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def _out(self, iri: URIRef) -> list[tuple[Node, Node]]:
        """(property, value) of every triple of the thing in the store (one query, cached)."""
        return self._cached(("out", iri), lambda: [
            (p, o) for _, p, o in self.store.select("SELECT ?x ?p ?o WHERE { ?x ?p ?o }", {"x": iri}).rows])

    def _values(self, iri: URIRef, prop: URIRef) -> list[Node]:
        return [o for p, o in self._out(iri) if p == prop] + list(self.extra.objects(iri, prop))

    def types(self, iri: URIRef) -> set[URIRef]:
        return set(self._values(iri, RDF.type))

    def is_a(self, iri: URIRef, classes: tuple[URIRef, ...]) -> bool:
        return bool(self.types(iri) & _closure(classes))

    def exists(self, iri: URIRef) -> bool:
        if iri in self.pending.origin or (iri, None, None) in self.extra or (None, None, iri) in self.extra:
            return True
        return bool(self._out(iri)) or self.store.ask("ASK WHERE { ?s ?q ?x }", {"x": iri})

    def labels(self, iri: URIRef) -> list[Node]:
        return self._values(iri, RDFS.label)

    def label(self, iri: URIRef, lang: str | None = None) -> str:
        """The thing's label in `lang` (or another language); unlabelled links are named by what they link."""
        found = _pick_label(self.labels(iri), lang or self.lang)
        if found:
            return found
        for a_prop, b_prop in ((ORG.member, ORG.organization), (IKG.participant, IKG.project)):
            a, b = self._values(iri, a_prop), self._values(iri, b_prop)
            if a and b and not _is_genid(iri):
                return t("edit.auto.in", lang or self.lang, a=self.label(a[0], lang), b=self.label(b[0], lang))
        return _local(iri)

    def names(self, classes: tuple[URIRef, ...]) -> list[tuple[URIRef, str]]:
        """(IRI, name) for every thing of these classes: every label, other name and preferred label."""
        closure = _closure(classes)

        def compute():
            values = " ".join(c.n3() for c in sorted(closure))
            rows = self.store.select(
                f"SELECT ?x ?name WHERE {{ VALUES ?t {{ {values} }} ?x a ?t . "
                "?x rdfs:label|skos:altLabel|skos:prefLabel ?name }").rows
            return sorted({(x, str(name)) for x, name in rows})

        found = list(self._cached(("names", classes), compute))
        for x in set(self.extra.subjects(RDF.type, None)):
            if self.is_a(x, classes):
                found += [(x, str(n)) for p in (RDFS.label, SKOS.altLabel) for n in self.extra.objects(x, p)]
        return found

    def home(self) -> URIRef | None:
        def compute():
            rows = self.store.select("SELECT ?d ?h WHERE { ?d a ikg:Dataset ; ikg:homeActor ?h } ORDER BY ?d").rows
            return rows[0][1] if rows else None

        return self._cached(("home",), compute)

    def namespace(self) -> str:
        return self._cached(("namespace",), lambda: dataset_namespace(self.store))

    def target_areas(self) -> list[tuple[str, URIRef, str]]:
        """(notation, IRI, label) of every target area, in number order."""
        def compute():
            rows = self.store.select(
                "SELECT ?ta ?n ?l WHERE { ?ta a ikg:TargetArea ; skos:notation ?n . OPTIONAL { ?ta rdfs:label ?l } }"
            ).rows
            labels: dict[tuple[str, URIRef], list] = {}
            for ta, n, label in rows:
                labels.setdefault((str(n), ta), []).append(label)
            return sorted(((n, ta, _pick_label([x for x in ls if x is not None], self.lang) or n)
                           for (n, ta), ls in labels.items()), key=lambda r: (len(r[0]), r[0]))

        return self._cached(("areas", self.lang), compute)

    def concepts(self, scheme: URIRef) -> list[tuple[URIRef, str, list[str]]]:
        """(IRI, label, every name incl. notation) of the concepts of a scheme, sorted by label."""
        def compute():
            rows = self.store.select(
                "SELECT ?scheme ?c ?n ?l WHERE { ?c skos:inScheme ?scheme . "
                "OPTIONAL { ?c skos:notation ?n } OPTIONAL { ?c rdfs:label ?l } }", {"scheme": scheme}).rows
            found: dict[URIRef, list] = {}
            for _, c, n, label in rows:
                found.setdefault(c, [])
                found[c] += [x for x in (n, label) if x is not None]
            out = []
            for c, names in found.items():
                labels = [x for x in names if isinstance(x, Literal) and x.language]
                out.append((c, _pick_label(labels, self.lang) or _local(c), sorted({str(x) for x in names})))
            return sorted(out, key=lambda r: r[1].casefold())

        return self._cached(("concepts", scheme, self.lang), compute)

    def class_label(self, cls: URIRef, lang: str | None = None) -> str:
        from graph.rdf.shapes import shipped_ontology

        return _pick_label(shipped_ontology().objects(cls, RDFS.label), lang or self.lang) or _local(cls)

    def kind_word(self, iri: URIRef) -> str:
        """What a thing is, in words: its most specific class's label (lower-case)."""
        types = self.types(iri)
        supers = {s for c in types for s in _closure((c,)) if s != c}
        specific = sorted(types - supers) or sorted(types)
        from graph.rdf.shapes import shipped_ontology

        onto = shipped_ontology()
        named = [c for c in specific if (c, RDFS.label, None) in onto]
        return self.class_label(named[0]).lower() if named else ""


# ---------------------------------------------------------------------------------------------
# Checking values
# ---------------------------------------------------------------------------------------------


def _raw(value) -> str | list[str]:
    """A form or cell value as text (lists stay lists); dates, numbers and None accepted."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return [str(_raw(v)).strip() for v in value if str(_raw(v)).strip()]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _items(raw: str | list[str], separators: str = ";\n") -> list[str]:
    if isinstance(raw, list):
        parts = raw
    else:
        parts = re.split("[" + re.escape(separators) + "]", raw)
    return [p.strip() for p in parts if p and p.strip()]


def _empty(raw) -> bool:
    return not raw


def parse_when(text: str, lang: str = "en") -> When:
    """A year (2019) or a day (2019-03-01 or 01.03.2019); InputError saying what is wrong otherwise."""
    text = str(text).strip()
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return When(_year(int(m.group(1)), lang))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if not m:
        raise InputError(t("edit.err.date", lang, value=text))
    if "-" in text:
        year, month, day = (int(g) for g in m.groups())
    else:
        day, month, year = (int(g) for g in m.groups())
    _year(year, lang)
    if not 1 <= month <= 12:
        raise InputError(t("edit.err.month", lang, value=text, month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = t("edit.months", lang).split(",")[month - 1]
        raise InputError(t("edit.err.no_such_day", lang, value=text, month=month_name, year=year, days=days))
    return When(year, dt.date(year, month, day))


def _year(year: int, lang: str) -> int:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(t("edit.err.year", lang, year=year, min=YEAR_MIN, max=YEAR_MAX))
    return year


def parse_amount(text: str, lang: str = "en") -> Decimal:
    """A non-negative amount: 12500, 12500.50, 12500,50 or 12 500 (spaces group thousands)."""
    text = str(text).strip()
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if compact.startswith(("-", "\u2212")):
        raise InputError(t("edit.err.amount_negative", lang, value=text))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact) and not re.fullmatch(r"\d+[.,]\d{1,2}", compact):
        raise InputError(t("edit.err.amount_ambiguous", lang, value=text))
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", compact):
        raise InputError(t("edit.err.amount", lang, value=text))
    return Decimal(compact.replace(",", "."))


def parse_url(text: str, lang: str = "en") -> str:
    """An http(s) web address without spaces or the characters <>"{}|\\^`."""
    text = str(text).strip()
    if not URL.match(text) or any(c in URL_FORBIDDEN for c in text) or not is_iri(text):
        raise InputError(t("edit.err.url", lang, value=text))
    return text


class _Checker:
    """Checks the values of one form, collecting every problem; parses them into RDF-ready values."""

    def __init__(self, kind: Kind, look: _Lookup, lang: str) -> None:
        self.kind, self.look, self.lang = kind, look, lang
        self.problems: list[tuple[str, str]] = []

    def add(self, field_name: str, key: str, /, **fmt) -> None:
        self.problems.append((field_name, t(key, self.lang, **fmt)))

    def unknown_fields(self, values: Mapping) -> None:
        names = self.kind.names
        for name in values:
            if name not in names:
                self.add("", "edit.err.unknown_field", name=name, kind=self.kind.label(self.lang),
                         known=", ".join(names))

    def read(self, values: Mapping, names: Iterable[str]) -> dict:
        """Parse the named fields of `values` (defaults filled in); required fields must be there."""
        parsed = {}
        for name in names:
            f = self.kind.field(name)
            raw = _raw(values.get(name))
            if _empty(raw) and f.default and f.type == "concept":  # a currency is never assumed
                raw = f.default
            if _empty(raw):
                if f.required:
                    self.add(name, "edit.err.required", field=f.label(self.lang), help=f.help(self.lang))
                continue
            value = self.parse(f, raw)
            if value is not None:
                parsed[name] = value
        return parsed

    def parse(self, f: Field, raw):
        """One field's value, or None after recording what is wrong."""
        try:
            return getattr(self, f"_parse_{f.type}")(f, raw)
        except InputError as exc:
            self.problems.append((f.name, str(exc)))
            return None

    def _one(self, f: Field, raw) -> str:
        items = _items(raw) if isinstance(raw, list) else [raw]
        if len(items) > 1:
            raise InputError(t("edit.err.one_value", self.lang, field=f.label(self.lang)))
        return items[0]

    def _parse_id(self, f, raw):
        return self._one(f, raw)

    def _plain(self, f, text: str) -> str:
        """Free text without control characters (a NUL ends a query on some SPARQL servers)."""
        if CONTROL.search(text):
            raise InputError(t("edit.err.control", self.lang, field=f.label(self.lang)))
        return text

    def _parse_text(self, f, raw):
        return self._plain(f, self._one(f, raw).strip())

    def _parse_label_nb(self, f, raw):
        return self._plain(f, " ".join(self._one(f, raw).split()))

    _parse_label_en = _parse_label_nb

    def _parse_list(self, f, raw):
        return sorted({self._plain(f, " ".join(x.split())) for x in _items(raw)})

    def _parse_currency(self, f, raw):
        code = self._one(f, raw).strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise InputError(t("edit.err.currency", self.lang, value=self._one(f, raw)))
        return code

    def _parse_amount(self, f, raw):
        return parse_amount(self._one(f, raw), self.lang)

    def _parse_url(self, f, raw):
        return parse_url(self._one(f, raw), self.lang)

    def _parse_date(self, f, raw):
        return parse_when(self._one(f, raw), self.lang)

    def _parse_number(self, f, raw):
        text = self._one(f, raw)
        low, high = f.bounds
        try:
            number = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not low <= number <= high:
            raise InputError(t("edit.err.number", self.lang, value=text, field=f.label(self.lang), min=low, max=high))
        return number

    def _parse_class(self, f, raw):
        text = self._one(f, raw)
        options = [(c, self.look.class_label(c, "nb"), self.look.class_label(c, "en")) for c in f.options]
        for cls, nb, en in options:
            if text.casefold() in (str(cls).casefold(), _local(cls).casefold(), nb.casefold(), en.casefold()):
                return cls
        known = ", ".join(self.look.class_label(c) for c in f.options)
        raise InputError(t("edit.err.choice", self.lang, value=text, field=f.label(self.lang), known=known))

    def _parse_concept(self, f, raw):
        text = self._one(f, raw)
        concepts = self.look.concepts(f.scheme)
        for iri, _, names in concepts:
            if text.casefold() in [str(iri).casefold(), _local(iri).casefold()] + [n.casefold() for n in names]:
                return iri
        known = ", ".join(label for _, label, _ in concepts)
        raise InputError(t("edit.err.choice", self.lang, value=text, field=f.label(self.lang), known=known))

    def _parse_entity(self, f, raw):
        return self.resolve(self._one(f, raw), f)

    def _parse_entities(self, f, raw):
        found, failed = [], False
        for item in _items(raw):
            try:
                iri = self.resolve(item, f)
            except InputError as exc:
                self.problems.append((f.name, str(exc)))
                failed = True
                continue
            if iri not in found:
                found.append(iri)
        return None if failed else found

    def _parse_target_areas(self, f, raw):
        areas = self.look.target_areas()
        found, failed = [], False
        for item in _items(raw, ";,\n"):
            match = [iri for n, iri, label in areas if item.casefold() in (n.casefold(), str(iri).casefold(),
                                                                          label.casefold())]
            if not match:
                known = ", ".join(f"{n} {label}" for n, _, label in areas) or "–"
                self.add(f.name, "edit.err.target_area", value=item, known=known)
                failed = True
            elif match[0] not in found:
                found.append(match[0])
        return None if failed else found

    def _parse_sdgs(self, f, raw):
        found, failed = [], False
        for item in _items(raw, ";,\n"):
            m = re.fullmatch(r"(?:(?:sdg|bærekraftsmål|mål|goal)\s*)?(\d{1,2})|http://metadata\.un\.org/sdg/(\d{1,2})",
                             item.strip(), re.IGNORECASE)
            number = int(m.group(1) or m.group(2)) if m else 0
            if not 1 <= number <= 17:
                self.add(f.name, "edit.err.sdg", value=item)
                failed = True
            elif SDG[str(number)] not in found:
                found.append(SDG[str(number)])
        return None if failed else found

    def resolve(self, text: str, f: Field) -> URIRef:
        """The thing of the field's classes named by an IRI, an identifier or any of its names."""
        text = text.strip()
        what = t(f"edit.what.{f.name}", self.lang)
        candidates: list[URIRef] = []
        if text.startswith(("http://", "https://")):
            candidates = [URIRef(text)] if not any(c in URL_FORBIDDEN for c in text) else []
        elif SLUG.match(text):
            candidates = [URIRef(self.look.namespace() + text)]
        wrong = None
        for iri in candidates:
            if self.look.is_a(iri, f.classes):
                return iri
            if self.look.types(iri):
                wrong = iri
        names = self.look.names(f.classes)
        matches = sorted({iri for iri, name in names if name.casefold() == text.casefold()})
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            listing = ", ".join(f"{self.look.label(m)} <{m}>" for m in matches)
            raise InputError(t("edit.err.ambiguous", self.lang, value=text, what=what, things=listing))
        if wrong is not None:
            raise InputError(t("edit.err.wrong_kind", self.lang, value=self.look.label(wrong),
                               is_kind=self.look.kind_word(wrong), what=what))
        close = difflib.get_close_matches(text, sorted({n for _, n in names}), n=1, cutoff=0.6)
        hint = t("edit.err.did_you_mean", self.lang, name=close[0]) if close else ""
        raise InputError(t("edit.err.unknown_entity", self.lang, value=text, what=what, hint=hint))


# ---------------------------------------------------------------------------------------------
# Building triples
# ---------------------------------------------------------------------------------------------


def genid() -> URIRef:
    """A fresh skolem IRI for a citation, period, instant or amount (the form graph.store.skolemise makes)."""
    return URIRef(GENID + uuid.uuid4().hex)


def _group(name: str) -> str:
    """Fields written together: start and end are one period, an amount and its currency one amount."""
    if name in ("start", "end"):
        return "period"
    if name in ("annual_cost", "budget", "currency"):
        return "amount"
    if name in ("actor_type", "activity_type"):
        return "type"
    return name


def _groups(kind: Kind) -> list[str]:
    out = ["type"]
    for f in kind.fields:
        g = _group(f.name)
        if f.name not in SOURCE_FIELDS and f.name != "id" and g not in out:
            out.append(g)
    return out


def _instant(g: Graph, when: When) -> URIRef:
    node = genid()
    g.add((node, RDF.type, TIME.Instant))
    g.add((node, TIME.inXSDgYear, Literal(f"{when.year:04d}", datatype=XSD.gYear)))
    if when.day:
        g.add((node, TIME.inXSDDate, Literal(when.day.isoformat(), datatype=XSD.date)))
    return node


def _period(g: Graph, iri: URIRef, prop: URIRef, start: When | None, end: When | None) -> None:
    if start is None and end is None:
        return
    node = genid()
    g.add((iri, prop, node))
    g.add((node, RDF.type, TIME.Interval))
    if start is not None:
        g.add((node, TIME.hasBeginning, _instant(g, start)))
    if end is not None:
        g.add((node, TIME.hasEnd, _instant(g, end)))


def _amount(g: Graph, iri: URIRef, prop: URIRef, value: Decimal, currency: str) -> None:
    node = genid()
    g.add((iri, prop, node))
    g.add((node, RDF.type, SCHEMA.MonetaryAmount))
    g.add((node, SCHEMA.value, Literal(value, datatype=XSD.decimal)))
    g.add((node, SCHEMA.currency, Literal(currency)))


def _citation(g: Graph, iri: URIRef, source: dict, about: URIRef | None = None) -> None:
    node = genid()
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


def _auto_labels(kind: Kind, p: dict, look: _Lookup) -> dict[str, str]:
    """Labels of a membership, participation or agreement made from what it links, per language."""
    if kind.name == "membership":
        first, second, word = p.get("member"), p.get("network"), "edit.auto.in"
    elif kind.name == "participation":
        first, second, word = p.get("participant"), p.get("project"), "edit.auto.in"
    else:
        first, second, word = look.home(), p.get("city"), "edit.auto.dash"
    if first is None or second is None:
        return {}
    return {lang: t(word, lang, a=look.label(first, lang), b=look.label(second, lang)) for lang in ("nb", "en")}


def _group_triples(kind: Kind, iri: URIRef, group: str, p: dict, look: _Lookup) -> Graph:
    """The triples of one group of fields, from parsed values."""
    g = Graph()
    if group == "type":
        cls = p.get("actor_type") or p.get("activity_type") or kind.cls
        g.add((iri, RDF.type, cls))
    elif group in ("label_nb", "label_en"):
        lang = group[-2:]
        text = p.get(group) or (_auto_labels(kind, p, look).get(lang) if kind.auto_label else None)
        if text:
            g.add((iri, RDFS.label, Literal(text, lang=lang)))
    elif group == "period":
        _period(g, iri, kind.period, p.get("start"), p.get("end"))
    elif group == "amount":
        value = p.get("annual_cost", p.get("budget"))
        if value is not None:
            _amount(g, iri, kind.amount, value, p.get("currency", "NOK"))
    elif group == "city":
        if p.get("city") is not None:
            g.add((iri, IKG.party, look.home()))
            g.add((iri, IKG.party, p["city"]))
    elif group == "partners":
        pass  # partners are participations of their own, see _partner_triples
    elif group in p:
        values = p[group] if isinstance(p[group], list) else [p[group]]
        for value in values:
            g.add((iri, PROPS[group], value if isinstance(value, URIRef) else _literal(value)))
    return g


def _literal(value) -> Literal:
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    return Literal(value)


def _partner_triples(project: URIRef, partner: URIRef, source: dict, look: _Lookup,
                     taken: set[URIRef]) -> tuple[URIRef, Graph]:
    """A project partner as its own ikg:Participation (role partner), with the project's source."""
    kind = KIND_BY_NAME["participation"]
    p = {"project": project, "participant": partner, "role": IKG.PartnerRole}
    labels = _auto_labels(kind, p, look)
    iri = _mint(look, kind, labels.get("en", ""), taken)
    g = Graph()
    for group in ("type", "project", "participant", "role"):
        g += _group_triples(kind, iri, group, p, look)
    for lang, text in labels.items():
        g.add((iri, RDFS.label, Literal(text, lang=lang)))
    _citation(g, iri, source)
    return iri, g


def _mint(look: _Lookup, kind: Kind, label: str, taken: set[URIRef]) -> URIRef:
    """A new readable IRI in the dataset's namespace from the English label, unique (-2, -3 …)."""
    slug = _slug(re.sub(r"[^\w]+", " ", label)) or "item"
    base = look.namespace() + (slug if slug.startswith(kind.prefix) else kind.prefix + slug)
    iri, n = URIRef(base), 1
    while iri in taken or look.exists(iri):
        n += 1
        iri = URIRef(f"{base}-{n}")
    taken.add(iri)
    return iri


def _identifier(checker: _Checker, kind: Kind, raw: str, p: dict, taken: set[URIRef]) -> URIRef | None:
    """The IRI of a new thing: the given identifier (which must be free) or a minted one."""
    look = checker.look
    if raw:
        if raw.startswith(("http://", "https://")):
            ok = URL.match(raw) and not any(c in URL_FORBIDDEN for c in raw) and is_iri(raw)
            iri = URIRef(raw)
        else:
            ok = SLUG.match(raw)
            iri = URIRef(look.namespace() + raw)
        if not ok:
            checker.add("id", "edit.err.id_invalid", value=raw)
            return None
        if iri in look.pending.origin:
            checker.add("id", "edit.err.id_in_batch", value=raw, where=look.pending.origin[iri])
            return None
        if look.exists(iri):
            checker.add("id", "edit.err.id_taken", value=raw, label=look.label(iri), iri=iri)
            return None
        taken.add(iri)
        return iri
    label = p.get("label_en") or p.get("label_nb") or (_auto_labels(kind, p, look).get("en", "")
                                                       if kind.auto_label else "")
    return _mint(look, kind, label, taken)


# ---------------------------------------------------------------------------------------------
# Rules across fields
# ---------------------------------------------------------------------------------------------


def _check_needs(checker: _Checker, kind: Kind, p: dict, values: Mapping) -> None:
    """Fields a chosen class needs (a city needs its country and coordinates)."""
    chosen = p.get("actor_type") or p.get("activity_type")
    for cls, names in kind.needs:
        if chosen != cls:
            continue
        for name in names:
            if _empty(_raw(values.get(name))):
                f = kind.field(name)
                checker.add(name, "edit.err.required_for", field=f.label(checker.lang),
                            what=checker.look.class_label(cls).lower(), help=f.help(checker.lang))


def _check_period(checker: _Checker, p: dict) -> None:
    start, end = p.get("start"), p.get("end")
    if start is None or end is None:
        return
    if start.day and end.day:
        wrong = end.day < start.day
    else:
        wrong = end.year < start.year
    if wrong:
        checker.add("end", "edit.err.end_before_start", start=str(start), end=str(end))


def _check_amount(checker: _Checker, kind: Kind, p: dict, values: Mapping) -> None:
    amount = next((f for f in kind.fields if f.type == "amount"), None)
    if amount is not None and amount.name in p and _empty(_raw(values.get("currency"))) and "currency" not in p:
        checker.add("currency", "edit.err.currency_missing")


def _check_source(checker: _Checker, values: Mapping) -> None:
    """Every new fact needs a source: a section with its quote, or a free-text reference."""
    given = {name: not _empty(_raw(values.get(name))) for name in SOURCE_FIELDS}
    if not (given["source_section"] or given["source_quote"] or given["source_reference"] or given["source_url"]):
        checker.add("source_section", "edit.err.source_missing")
    elif given["source_section"] and not given["source_quote"]:
        checker.add("source_quote", "edit.err.quote_missing")
    elif given["source_quote"] and not given["source_section"]:
        checker.add("source_section", "edit.err.section_missing")
    elif given["source_url"] and not (given["source_section"] or given["source_reference"]):
        checker.add("source_reference", "edit.err.reference_missing")


def _check_twin(checker: _Checker, p: dict) -> None:
    home = checker.look.home()
    if home is None or not checker.look.is_a(home, (IKG.City,)):
        checker.add("city", "edit.err.no_home_city")
    elif p.get("city") == home:
        checker.add("city", "edit.err.same_city", home=checker.look.label(home))


def _check_all(checker: _Checker, kind: Kind, p: dict, values: Mapping) -> None:
    _check_needs(checker, kind, p, values)
    _check_period(checker, p)
    _check_amount(checker, kind, p, values)
    if kind.name == "twin-city-agreement" and "city" in p:
        _check_twin(checker, p)


def _source(p: dict) -> dict:
    return {name: p[name] for name in SOURCE_FIELDS if name in p}


# ---------------------------------------------------------------------------------------------
# SHACL, the last check
# ---------------------------------------------------------------------------------------------

PROP_FIELDS = {
    "rdfs:label": "label_en", "ikg:citation": "source_section", "org:member": "member",
    "org:organization": "network", "ikg:party": "city", "ikg:agreementType": "agreement_type",
    "ikg:status": "status", "org:role": "role", "ikg:period": "start", "org:memberDuring": "start",
    "ikg:annualCost": "annual_cost", "ikg:budget": "budget", "ikg:targetArea": "target_areas", "ikg:sdg": "sdgs",
    "ikg:location": "location", "ikg:responsibleUnit": "responsible_unit", "ikg:partOf": "part_of",
    "ikg:programme": "programme", "ikg:project": "project", "ikg:participant": "participants",
    "schema:containedInPlace": "country", "geo:lat": "lat", "geo:long": "long", "org:unitOf": "unit_of",
}


def shape_problems(store: Store, add: Graph, remove: Graph | None = None,
                   lang: str = "en") -> list[tuple[URIRef, str, str]]:
    """SHACL problems a change would cause, as (entity, field name or "", message)."""
    from graph.rdf.shapes import validate_change

    out = []
    for problem in validate_change(store, add, remove or Graph(), lang=lang):
        qnames = re.findall(r"\(([a-z]+:[A-Za-z]+)\)", problem.field)
        name = PROP_FIELDS.get(qnames[0], "") if qnames else ""
        if name == "label_en" and "@nb" in problem.message and "@en" not in problem.message.split("@nb")[0]:
            name = "label_nb"
        out.append((URIRef(problem.focus), name, problem.message))
    return out


def _shape_errors(store: Store, add: Graph, remove: Graph, kind: Kind, lang: str) -> None:
    problems = shape_problems(store, add, remove, lang)
    if problems:
        names = kind.names
        raise FieldErrors([(name if name in names else "", message) for _, name, message in problems], lang)


# ---------------------------------------------------------------------------------------------
# Adding
# ---------------------------------------------------------------------------------------------


def build(store: Store, kind: str, values: Mapping, lang: str = "en", *, pending: Pending | None = None) -> Draft:
    """Check the values of a new thing of `kind` and return the triples that would add it.

    Raises FieldErrors listing every problem (field, message) and writes nothing. With `pending`
    (a batch such as a spreadsheet), earlier things of the batch count as existing and the SHACL
    check is left to the caller.
    """
    spec = kind_spec(kind, lang)
    look = _Lookup(store, lang, pending)
    checker = _Checker(spec, look, lang)
    checker.unknown_fields(values)
    p = checker.read(values, [n for n in spec.names if n != "id"])
    _check_all(checker, spec, p, values)
    _check_source(checker, values)
    taken: set[URIRef] = set()
    iri = _identifier(checker, spec, str(_raw(values.get("id")) or ""), p, taken)
    if checker.problems:
        raise FieldErrors(checker.problems, lang)
    g = Graph()
    for group in _groups(spec):
        g += _group_triples(spec, iri, group, p, look)
    source = _source(p)
    _citation(g, iri, source)
    created = [(spec.name, iri)]
    for partner in p.get("partners", []):
        part, triples = _partner_triples(iri, partner, source, look, taken)
        g += triples
        created.append(("participation", part))
    if pending is None:
        _shape_errors(store, g, Graph(), spec, lang)
    label = _pick_label(g.objects(iri, RDFS.label), lang)
    summary = t("edit.summary.add", lang, kind=spec.label(lang).lower(), label=label, iri=iri, n=len(g))
    return Draft(spec.name, iri, g, Graph(), summary, label, created)


def save(store: Store, kind: str, values: Mapping, *, editor: str, why: str = "", lang: str = "en") -> history.Change:
    """Check and add a new thing, recorded as one change (action add-KIND)."""
    _need_editor(editor, lang)
    with store.write_lock:
        draft = build(store, kind, values, lang)
        return history.commit(store, add=draft.add, editor=editor, action=f"add-{draft.kind}", why=why, lang=lang)


def _need_editor(editor: str, lang: str) -> None:
    if not (editor or "").strip():
        raise InputError(t("err.editor", lang))


# ---------------------------------------------------------------------------------------------
# What an existing thing holds
# ---------------------------------------------------------------------------------------------


class _Snapshot:
    """The triples of one thing and of the sub-nodes it holds (citations, periods, instants, amounts)."""

    def __init__(self, store: Store, iri: URIRef) -> None:
        self.iri = iri
        rows = store.select("SELECT ?x ?p ?o WHERE { ?x ?p ?o }", {"x": iri}).rows
        self.own = [(iri, p, o) for _, p, o in rows]
        self.sub: dict[URIRef, list[tuple[Node, Node, Node]]] = {}
        frontier = {o for _, _, o in self.own if _is_genid(o)}
        for _ in range(3):
            if not frontier:
                break
            values = " ".join(n.n3() for n in sorted(frontier))
            found = store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}").rows
            for node in frontier:
                self.sub.setdefault(node, [])
            for s, p, o in found:
                self.sub[s].append((s, p, o))
            frontier = {o for _, _, o in found if _is_genid(o) and o not in self.sub}

    def objects(self, prop: URIRef, node: URIRef | None = None) -> list[Node]:
        triples = self.own if node is None else self.sub.get(node, [])
        return sorted(o for _, p, o in triples if p == prop)

    def tree(self, node: URIRef) -> list[tuple[Node, Node, Node]]:
        """A sub-node's triples and those of the sub-nodes under it."""
        out, todo, seen = [], [node], set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for triple in self.sub.get(n, []):
                out.append(triple)
                if _is_genid(triple[2]):
                    todo.append(triple[2])
        return out

    def all(self) -> list[tuple[Node, Node, Node]]:
        out = list(self.own)
        for _, _, o in self.own:
            if _is_genid(o):
                out += self.tree(o)
        return out


def kind_of(store: Store, iri: str | URIRef) -> str | None:
    """Which of KINDS an existing thing is (None when it is none of them or not in the graph)."""
    types = {r[1] for r in store.select("SELECT ?x ?t WHERE { ?x a ?t }", {"x": URIRef(str(iri))}).rows}
    return _kind_of_types(types)


def _existing_kind(store: Store, iri: URIRef, lang: str) -> Kind:
    if not isinstance(iri, URIRef) or not store.ask("ASK WHERE { ?x ?p ?o }", {"x": iri}):
        raise InputError(t("edit.err.not_found", lang, iri=iri))
    name = kind_of(store, iri)
    if name is None:
        look = _Lookup(store, lang)
        raise InputError(t("edit.err.not_editable", lang, label=look.label(iri), what=look.kind_word(iri) or "?"))
    return KIND_BY_NAME[name]


def _when_text(snap: _Snapshot, instant: URIRef) -> str:
    day = snap.objects(TIME.inXSDDate, instant)
    year = snap.objects(TIME.inXSDgYear, instant)
    return str(day[0]) if day else (str(year[0])[:4] if year else "")


def _number_text(value: Node) -> str:
    from graph.questions.catalogue import display

    return display(value)


def _values_from(snap: _Snapshot, kind: Kind, look: _Lookup) -> dict:
    """The current values of a thing, as a form shows them (IRIs for pickers, text otherwise)."""
    out: dict = {"id": str(snap.iri)}
    types = set(snap.objects(RDF.type))
    for f in kind.fields:
        if f.name in ("id",) or f.name in SOURCE_FIELDS:
            out.setdefault(f.name, f.default if f.name == "evidence" else "")
            continue
        out[f.name] = _field_value(snap, kind, f, types, look)
    return out


def _field_value(snap: _Snapshot, kind: Kind, f: Field, types: set, look: _Lookup):
    if f.type in ("label_nb", "label_en"):
        return _pick_label([x for x in snap.objects(RDFS.label) if x.language == f.type[-2:]], f.type[-2:])
    if f.type == "class":
        chosen = [c for c in f.options if c in types]
        specific = [c for c in chosen if not any(o != c and c in _closure((o,)) - {o} for o in chosen)]
        return str(specific[-1]) if specific else ""
    if f.name in ("start", "end"):
        return _period_value(snap, kind, "hasBeginning" if f.name == "start" else "hasEnd")
    if f.type in ("amount", "currency"):
        return _amount_value(snap, kind, f.type)
    if f.name == "city":
        home = look.home()
        return next((str(o) for o in snap.objects(IKG.party) if o != home), "")
    if f.name == "partners":
        rows = look.store.select("SELECT ?x ?a WHERE { ?p ikg:project ?x ; ikg:participant ?a }",
                                 {"x": snap.iri}).rows
        return sorted({str(a) for _, a in rows})
    found = snap.objects(PROPS[f.name])
    if f.multiple:
        return sorted(str(o) for o in found)
    if not found:
        return ""
    return _number_text(found[0]) if f.type == "number" else str(found[0])


def _period_value(snap: _Snapshot, kind: Kind, which: str) -> str:
    for period in snap.objects(kind.period):
        for instant in snap.objects(getattr(TIME, which), period):
            return _when_text(snap, instant)
    return ""


def _amount_value(snap: _Snapshot, kind: Kind, which: str) -> str:
    for amount in snap.objects(kind.amount):
        prop = SCHEMA.value if which == "amount" else SCHEMA.currency
        found = snap.objects(prop, amount)
        if found:
            return _number_text(found[0]) if which == "amount" else str(found[0])
    return ""


def entity_values(store: Store, iri: str | URIRef, lang: str = "en") -> dict:
    """The values of an existing thing, to prefill a correction form (the source fields are empty)."""
    iri = URIRef(str(iri))
    kind = _existing_kind(store, iri, lang)
    return _values_from(_Snapshot(store, iri), kind, _Lookup(store, lang))


# ---------------------------------------------------------------------------------------------
# Correcting, retiring
# ---------------------------------------------------------------------------------------------


def _current_group(snap: _Snapshot, kind: Kind, group: str, look: _Lookup) -> list:
    """The triples now in the store for one group of fields (what a correction replaces)."""
    iri = snap.iri
    if group == "type":
        f = kind.field("actor_type") or kind.field("activity_type")
        options = f.options if f else (kind.cls,)
        return [(iri, RDF.type, o) for o in snap.objects(RDF.type) if o in options]
    if group in ("label_nb", "label_en"):
        return [(iri, RDFS.label, o) for o in snap.objects(RDFS.label) if o.language == group[-2:]]
    if group in ("period", "amount"):
        prop = kind.period if group == "period" else kind.amount
        out = []
        for node in snap.objects(prop):
            out.append((iri, prop, node))
            out += snap.tree(node) if _is_genid(node) else []
        return out
    if group == "city":
        return [(iri, IKG.party, o) for o in snap.objects(IKG.party) if o != look.home()]
    if group == "partners":
        return []
    return [(iri, PROPS[group], o) for o in snap.objects(PROPS[group])]


def _same(new, old) -> bool:
    """Whether a parsed value is what is there now (lists in any order)."""
    if isinstance(new, list) or isinstance(old, list):
        return sorted(map(str, new or [])) == sorted(map(str, old or []))
    return new == old


def _plan_correction(store: Store, iri: URIRef, values: Mapping, lang: str, action: str = "correct",
                     extra_check=None) -> Draft:
    """The triples that change the given fields of an existing thing; other fields stay as they are."""
    kind = _existing_kind(store, iri, lang)
    look = _Lookup(store, lang)
    snap = _Snapshot(store, iri)
    current = _values_from(snap, kind, look)
    checker = _Checker(kind, look, lang)
    checker.unknown_fields(values)
    given_id = str(_raw(values.get("id")) or "")
    if given_id and given_id not in (str(iri), str(iri).removeprefix(look.namespace())):
        checker.add("id", "edit.err.id_fixed")
    names = [n for n in kind.names if n != "id" and n not in SOURCE_FIELDS]
    merged = {n: (values[n] if n in values else current[n]) for n in names}
    old = _Checker(kind, look, lang).read(current, names)  # what is there now (not checked again)
    given = [n for n in names if n in values]
    new = {n: v for n, v in old.items() if n not in given}
    new.update(checker.read(merged, given))
    changed = [n for n in given if not _same(new.get(n), old.get(n))]
    _check_all(checker, kind, new, merged)
    if extra_check:
        extra_check(checker, kind, snap, new)
    facts = [n for n in changed if n not in LABEL_FIELDS]
    source_given = any(not _empty(_raw(values.get(n))) for n in SOURCE_FIELDS if n != "evidence")
    if facts or source_given:
        _check_source(checker, values)
    source = {k: v for k, v in checker.read(values, SOURCE_FIELDS).items()} if source_given else {}
    if checker.problems:
        raise FieldErrors(checker.problems, lang)
    add, remove = Graph(), Graph()
    groups = []
    for name in changed:
        group = _group(name)
        if group in groups:
            continue
        groups.append(group)
        for triple in _current_group(snap, kind, group, look):
            remove.add(triple)
        add += _group_triples(kind, iri, group, new, look)
    if "partners" in groups:
        _correct_partners(store, iri, new.get("partners", []), old.get("partners", []), source, look, add, remove)
    if source:
        props = {PROPS.get(n) or (kind.period if _group(n) == "period" else kind.amount) for n in facts}
        _citation(add, iri, source, next(iter(props)) if len(props) == 1 else None)
    if not add and not remove:
        raise InputError(t("err.no_change", lang))
    _shape_errors(store, add, remove, kind, lang)
    label = look.label(iri)
    fields = ", ".join(kind.field(n).label(lang).lower() for n in changed) or t("edit.summary.source_only", lang)
    summary = t(f"edit.summary.{action}", lang, kind=kind.label(lang).lower(), label=label, fields=fields)
    return Draft(kind.name, iri, add, remove, summary, label, [])


def _correct_partners(store, iri, new, old, source, look, add, remove) -> None:
    """New partners get a participation; partners taken off the list lose theirs."""
    taken: set[URIRef] = set()
    for partner in new:
        if partner not in old:
            _, triples = _partner_triples(iri, partner, source, look, taken)
            add += triples
    gone = [p for p in old if p not in new]
    if not gone:
        return
    rows = store.select("SELECT ?x ?p ?a WHERE { ?p ikg:project ?x ; ikg:participant ?a }", {"x": iri}).rows
    for _, participation, actor in rows:
        if actor in gone:
            for triple in _Snapshot(store, participation).all():
                remove.add(triple)


def build_correction(store: Store, iri: str | URIRef, values: Mapping, lang: str = "en") -> Draft:
    """Check a correction of an existing thing and return its triples (nothing is written).

    Only the fields in `values` change. A new fact (anything but the names) needs a source, given
    in the source fields like in a new form; it is cited with ikg:aboutProperty when one property changed.
    """
    return _plan_correction(store, URIRef(str(iri)), values, lang)


def correct(store: Store, iri: str | URIRef, values: Mapping, *, editor: str, why: str = "",
            lang: str = "en") -> history.Change:
    """Change fields of an existing thing, recorded as one change (action correct-KIND)."""
    _need_editor(editor, lang)
    with store.write_lock:
        draft = build_correction(store, iri, values, lang)
        return history.commit(store, add=draft.add, remove=draft.remove, editor=editor,
                              action=f"correct-{draft.kind}", why=why, lang=lang)


RETIRABLE = ("membership", "twin-city-agreement", "network", "project", "activity")


def _source_values(source) -> dict:
    if source is None:
        return {}
    if isinstance(source, str):
        return {"source_reference": source}
    return {k: v for k, v in dict(source).items() if k in SOURCE_FIELDS}


def build_retirement(store: Store, iri: str | URIRef, *, end, status=IKG.Ended, source=None,
                     lang: str = "en") -> Draft:
    """Check the retirement of a membership, agreement, network, project or activity (nothing is written)."""
    iri = URIRef(str(iri))
    kind = _existing_kind(store, iri, lang)
    if kind.name not in RETIRABLE:
        look = _Lookup(store, lang)
        raise InputError(t("edit.err.not_retirable", lang, label=look.label(iri), what=kind.label(lang).lower()))
    values = {"end": end, **_source_values(source)}
    if "status" in kind.names:  # an activity has an end but no status
        values["status"] = str(status) if isinstance(status, URIRef) else status
    if _empty(_raw(end)):
        raise FieldErrors([("end", t("edit.err.required", lang, field=BASE_FIELDS["end"].label(lang),
                                     help=t("edit.help.retire_end", lang)))], lang)

    def not_ended(checker, kind, snap, new):
        ended = _period_value(snap, kind, "hasEnd")
        if ended:
            checker.add("end", "edit.err.already_ended", label=checker.look.label(snap.iri), end=ended)

    draft = _plan_correction(store, iri, values, lang, action="retire", extra_check=not_ended)
    return draft


def retire(store: Store, iri: str | URIRef, *, end, status=IKG.Ended, source=None, editor: str, why: str = "",
           lang: str = "en") -> history.Change:
    """End a membership, agreement, network, project or activity: add the end of its period and set
    the status (default ended). Nothing is deleted, so the history of the relation stays in the graph.

    `end` is a year or a day; `source` is a dict of the source fields (or a free-text reference).
    """
    _need_editor(editor, lang)
    with store.write_lock:
        draft = build_retirement(store, iri, end=end, status=status, source=source, lang=lang)
        return history.commit(store, add=draft.add, remove=draft.remove, editor=editor,
                              action=f"retire-{draft.kind}", why=why, lang=lang)


# ---------------------------------------------------------------------------------------------
# Deleting mistakes
# ---------------------------------------------------------------------------------------------


def _owner(store: Store, node: URIRef) -> URIRef:
    """The named thing that holds a sub-node (a citation's entity), or the node itself."""
    for _ in range(4):
        if not _is_genid(node):
            return node
        rows = store.select("SELECT ?x ?s WHERE { ?s ?p ?x }", {"x": node}).rows
        if not rows:
            return node
        node = sorted(r[1] for r in rows)[0]
    return node


def referrers(store: Store, iri: str | URIRef, lang: str = "en") -> list[tuple[URIRef, str]]:
    """(IRI, "label (kind)") of the things that point at a thing, other than its own sub-nodes."""
    iri = URIRef(str(iri))
    own = {iri} | {s for s, _, _ in _Snapshot(store, iri).all()}
    rows = store.select("SELECT ?x ?s WHERE { ?s ?p ?x }", {"x": iri}).rows
    look = _Lookup(store, lang)
    found: dict[URIRef, str] = {}
    for _, s in rows:
        if s in own:
            continue
        owner = _owner(store, s)
        if owner != iri and owner not in found:
            word = look.kind_word(owner)
            found[owner] = f"{quote(look.label(owner), lang)} ({word})" if word else quote(look.label(owner), lang)
    return sorted(found.items(), key=lambda kv: kv[1].casefold())


def build_deletion(store: Store, iri: str | URIRef, *, confirm: str, lang: str = "en") -> Draft:
    """Check the deletion of a thing entered by mistake and return the triples to remove."""
    iri = URIRef(str(iri))
    if not isinstance(iri, URIRef) or not store.ask("ASK WHERE { ?x ?p ?o }", {"x": iri}):
        raise InputError(t("edit.err.not_found", lang, iri=iri))
    look = _Lookup(store, lang)
    label = look.label(iri)
    if str(iri).startswith((str(IKG._NS), str(SDG))):
        raise InputError(t("edit.err.vocabulary", lang, label=label))
    names = {str(iri).casefold()} | {str(x).strip().casefold() for x in look.labels(iri)}
    if (confirm or "").strip().casefold() not in names:
        raise InputError(t("edit.err.confirm", lang, label=label, iri=iri, value=(confirm or "").strip()))
    pointing = referrers(store, iri, lang)
    if pointing:
        shown = [text for _, text in pointing[:MAX_REFERRERS_SHOWN]]
        more = len(pointing) - len(shown)
        things = ", ".join(shown) + (t("edit.err.and_more", lang, n=more) if more > 0 else "")
        raise InputError(t("edit.err.referenced", lang, label=label, things=things))
    remove = Graph()
    for triple in _Snapshot(store, iri).all():
        remove.add(triple)
    name = kind_of(store, iri) or ""
    what = KIND_BY_NAME[name].label(lang).lower() if name else look.kind_word(iri)
    summary = t("edit.summary.delete", lang, kind=what, label=label, n=len(remove))
    return Draft(name, iri, Graph(), remove, summary, label, [])


def delete(store: Store, iri: str | URIRef, *, confirm: str, editor: str, why: str = "",
           lang: str = "en") -> history.Change:
    """Delete a thing entered by mistake, with the citations, periods and amounts it holds.

    `confirm` must be the thing's IRI or one of its names. Refused while other things point at it
    (the message names them): delete or correct those first. To end a relation, use `retire`.
    """
    _need_editor(editor, lang)
    with store.write_lock:
        draft = build_deletion(store, iri, confirm=confirm, lang=lang)
        return history.commit(store, remove=draft.remove, editor=editor, action=f"delete-{draft.kind or 'thing'}",
                              why=why, lang=lang)


# ---------------------------------------------------------------------------------------------
# Pickers
# ---------------------------------------------------------------------------------------------


def home_actor(store: Store) -> URIRef | None:
    """The dataset's home actor (ikg:homeActor), or None."""
    return _Lookup(store, "en").home()


def label_of(store: Store, iri: str | URIRef, lang: str = "en") -> str:
    """A thing's label in `lang` (another language's, or what it links, when it has none)."""
    return _Lookup(store, lang).label(URIRef(str(iri)))


def choices(store: Store, kind_or_field: str, lang: str = "en") -> list[tuple[str, str]]:
    """(IRI, label in `lang`) for a picker, sorted as a person reads them.

    A kind name gives the existing things of that kind (to pick one to correct, retire or delete);
    a field name gives what the field accepts: things of its classes, the concepts of its scheme,
    the kinds of actor or activity, target areas ("1 Trade") or SDGs ("7 Affordable and clean energy").
    """
    look = _Lookup(store, lang)
    if kind_or_field in KIND_BY_NAME:
        return _entity_choices(look, (KIND_CLASS[kind_or_field],), kind_or_field)
    f = BASE_FIELDS.get(kind_or_field)
    if f is None:
        known = ", ".join([*KIND_BY_NAME, *BASE_FIELDS])
        raise InputError(t("edit.err.unknown_choice", lang, value=kind_or_field, known=known))
    if f.type in ("entity", "entities"):
        return _entity_choices(look, f.classes)
    if f.type == "concept":
        return [(str(iri), label) for iri, label, _ in look.concepts(f.scheme)]
    if f.type == "class":
        return [(str(c), look.class_label(c)) for c in f.options]
    if f.type == "target_areas":
        return [(str(iri), f"{n} {label}") for n, iri, label in look.target_areas()]
    if f.type == "sdgs":
        return _sdg_choices(look)
    return []


def _entity_choices(look: _Lookup, classes: tuple[URIRef, ...], kind: str | None = None) -> list[tuple[str, str]]:
    closure = sorted(_closure(classes))
    values = " ".join(c.n3() for c in closure)
    rows = look.store.select(
        f"SELECT ?x ?t ?l WHERE {{ VALUES ?t {{ {values} }} ?x a ?t . OPTIONAL {{ ?x rdfs:label ?l }} }}").rows
    labels: dict[URIRef, list] = {}
    for x, _, label in rows:
        labels.setdefault(x, [])
        if label is not None:
            labels[x].append(label)
    if kind is not None:  # only things whose most specific kind is this one (not Visit Trondheim as an actor)
        rows = look.store.select(f"SELECT ?x ?t WHERE {{ VALUES ?k {{ {values} }} ?x a ?k . ?x a ?t }}").rows
        types: dict[URIRef, set] = {}
        for x, typ in rows:
            types.setdefault(x, set()).add(typ)
        labels = {x: ls for x, ls in labels.items() if _kind_of_types(types.get(x, set())) == kind}
    out = [(str(x), _pick_label(ls, look.lang) or look.label(x)) for x, ls in labels.items()]
    return sorted(out, key=lambda p: (p[1].casefold(), p[0]))


def _kind_of_types(types: set) -> str | None:
    for cls, name in KIND_ORDER:
        if types & _closure((cls,)):
            return name
    return None


def _sdg_choices(look: _Lookup) -> list[tuple[str, str]]:
    rows = look.store.select("SELECT ?g ?n ?l WHERE { ?g a ikg:SDG ; skos:notation ?n . OPTIONAL { ?g rdfs:label ?l } }"
                             ).rows
    found: dict[tuple[int, URIRef], list] = {}
    for g, n, label in rows:
        if str(n).isdigit():
            found.setdefault((int(n), g), []).append(label)
    if not found:
        return [(str(SDG[str(n)]), str(n)) for n in range(1, 18)]
    return [(str(g), f"{n} {_pick_label([x for x in ls if x is not None], look.lang)}".strip())
            for (n, g), ls in sorted(found.items())]
