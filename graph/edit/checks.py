"""Checking a form: every value read by its field type, every rule across fields, every problem
collected as (field name, message) and raised at once as FieldErrors; SHACL is the last check."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from rdflib import Graph, URIRef

from graph.edit.fields import AmountField, Field, ValueProblems
from graph.edit.kinds import BASE_FIELDS, LABEL_FIELDS, SOURCE_FIELDS, Kind
from graph.edit.lookup import Lookup, class_label
from graph.edit.values import is_empty, raw
from graph.errors import InputError
from graph.i18n import number, t
from graph.rdf.shapes import validate_change
from graph.store.base import Store
from graph.vocab.namespaces import IKG
from graph.vocab.text import unsafe_characters

AMOUNT_MAX = 10**13  # an amount (a cost, a budget) in any currency; the shipped data's largest is 1.5 × 10^10


def amount_in_range(amount: Decimal) -> bool:
    """An amount forms, spreadsheets and files all accept: 0 to AMOUNT_MAX, at most two decimals.

    >>> amount_in_range(Decimal("12500.50")), amount_in_range(Decimal("1" * 5000)), amount_in_range(Decimal("0.001"))
    (True, False, False)
    """
    if not amount.is_finite() or not 0 <= amount <= AMOUNT_MAX:
        return False
    exponent = amount.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2


class FieldErrors(InputError):  # noqa: N818 - the name the callers know
    """Every problem with the values of a form, as (field name, message in the user's language).

    The field is "" for a problem of the whole thing. `str()` gives one line per problem.
    """

    def __init__(self, problems: list[tuple[str, str]], lang: str = "en") -> None:
        self.problems = list(problems)
        lines = []
        for name, message in self.problems:
            base = BASE_FIELDS.get(name)
            lines.append(labelled(base.label(lang), message) if base else message)
        super().__init__("\n".join(lines))


def labelled(label: str, message: str) -> str:
    """A field's problem under its label, unless the message already opens by naming the field.

    >>> labelled("Start", "“20x5” is not a year"), labelled("Name in English", "“Name in English” is missing.")
    ('Start: “20x5” is not a year', '“Name in English” is missing.')
    """
    return message if message.startswith((f"«{label}»", f"“{label}”")) else f"{label}: {message}"


def need_editor(editor: str, lang: str) -> None:
    """Every change is saved with who made it: refuse a blank name."""
    if not (editor or "").strip():
        raise InputError.of("err.editor", lang)


class Checker:
    """Checks the values of one form, collecting every problem; parses them into RDF-ready values."""

    def __init__(self, kind: Kind, look: Lookup, lang: str) -> None:
        self.kind, self.look, self.lang = kind, look, lang
        self.problems: list[tuple[str, str]] = []

    def add(self, field_name: str, key: str, /, **fmt: Any) -> None:
        self.problems.append((field_name, t(key, self.lang, **fmt)))

    def unknown_fields(self, values: Mapping[str, Any]) -> None:
        names = self.kind.names
        for name in values:
            if name not in names:
                self.add("", "edit.err.unknown_field", name=name, kind=self.kind.label(self.lang),
                         known=", ".join(names))

    def read(self, values: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
        """Parse the named fields of `values` (defaults filled in); required fields must be there."""
        parsed = {}
        for name in names:
            f = self.kind.get(name)
            value = raw(values.get(name))
            if not value and f.default and f.field_type.default_assumed:  # a currency is never assumed
                value = f.default
            if not value:
                if f.required:
                    self.add(name, "edit.err.required", field=f.label(self.lang), help=f.help(self.lang))
                continue
            found = self.parse(f, value)
            if found is not None:
                parsed[name] = found
        return parsed

    def parse(self, f: Field, value: str | list[str]) -> Any:
        """One field's value, or None after recording what is wrong."""
        try:
            parsed = f.field_type.parse(f, value, self.look)
            if f.name in LABEL_FIELDS or f.name.startswith("label_"):
                hidden = [c for text in ([parsed] if isinstance(parsed, str) else parsed)
                          for c in unsafe_characters(text)]
                if hidden:  # a name must look like what it says (no "Trond\u202eheim" beside "Trondheim")
                    raise InputError.of("edit.err.hidden_in_name", self.lang, chars=", ".join(dict.fromkeys(hidden)))
            if isinstance(f.field_type, AmountField) and not amount_in_range(parsed):
                raise InputError.of("edit.err.amount_range", self.lang, value=str(value)[:40],
                                    max=number(AMOUNT_MAX, self.lang))
            return parsed
        except ValueProblems as exc:
            self.problems += [(f.name, str(error)) for error in exc.errors]
        except InputError as exc:
            self.problems.append((f.name, str(exc)))
        return None


# ---------------------------------------------------------------------------------------------
# Rules across fields
# ---------------------------------------------------------------------------------------------


def check_needs(checker: Checker, kind: Kind, p: dict[str, Any], values: Mapping[str, Any]) -> None:
    """Fields a chosen class needs (a city needs its country and coordinates)."""
    chosen = p.get("actor_type") or p.get("activity_type")
    for cls, names in kind.needs:
        if chosen != cls:
            continue
        for name in names:
            if is_empty(values.get(name)):
                f = kind.get(name)
                checker.add(name, "edit.err.required_for", field=f.label(checker.lang),
                            what=checker.look.class_label(cls).lower(), help=f.help(checker.lang))


def check_period(checker: Checker, p: dict[str, Any]) -> None:
    start, end = p.get("start"), p.get("end")
    if start is None or end is None:
        return
    if start.day and end.day:
        wrong = end.day < start.day
    else:
        wrong = end.year < start.year
    if wrong:
        checker.add("end", "edit.err.end_before_start", start=start.shown(checker.lang), end=end.shown(checker.lang))


def check_amount(checker: Checker, kind: Kind, p: dict[str, Any], values: Mapping[str, Any]) -> None:
    amount = next((f for f in kind.fields if isinstance(f.field_type, AmountField)), None)
    if amount is not None and amount.name in p and is_empty(values.get("currency")) and "currency" not in p:
        checker.add("currency", "edit.err.currency_missing")


def check_source(checker: Checker, values: Mapping[str, Any]) -> None:
    """Every new fact needs a source: a section with its quote, or a free-text reference."""
    given = {name: not is_empty(values.get(name)) for name in SOURCE_FIELDS}
    if not (given["source_section"] or given["source_quote"] or given["source_reference"] or given["source_url"]):
        checker.add("source_section", "edit.err.source_missing")
    elif given["source_section"] and not given["source_quote"]:
        checker.add("source_quote", "edit.err.quote_missing")
    elif given["source_quote"] and not given["source_section"]:
        checker.add("source_section", "edit.err.section_missing")
    elif given["source_url"] and not (given["source_section"] or given["source_reference"]):
        checker.add("source_reference", "edit.err.reference_missing")


def check_twin(checker: Checker, p: dict[str, Any]) -> None:
    home = checker.look.home()
    if home is None:
        checker.add("city", "edit.err.no_home_city")
    elif not checker.look.is_a(home, (IKG.City,)):  # a county or another organisation started the graph
        kinds = sorted(class_label(k, checker.lang) for k in checker.look.types(home) if isinstance(k, URIRef))
        checker.add("city", "edit.err.home_not_city", home=checker.look.label(home), kind=", ".join(kinds).lower())
    elif p.get("city") == home:
        checker.add("city", "edit.err.same_city", home=checker.look.label(home))


def check_all(checker: Checker, kind: Kind, p: dict[str, Any], values: Mapping[str, Any]) -> None:
    check_needs(checker, kind, p, values)
    check_period(checker, p)
    check_amount(checker, kind, p, values)
    if kind.name == "twin-city-agreement" and "city" in p:
        check_twin(checker, p)


def source_of(p: dict[str, Any]) -> dict[str, Any]:
    """The parsed source fields of a form."""
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
    out = []
    for problem in validate_change(store, add, remove or Graph(), lang=lang):
        # TODO(rdf): name the field by the problem's property and shape once graph.rdf.shapes.Problem
        # carries them, instead of reading the qname and the language tag out of the text.
        qnames = re.findall(r"\(([a-z]+:[A-Za-z]+)\)", problem.field)
        name = PROP_FIELDS.get(qnames[0], "") if qnames else ""
        tag = re.search(r"@([a-z]{2,3})\b", problem.message)  # the label's language the message names first
        if name == "label_en" and tag:
            name = f"label_{tag.group(1)}"
        out.append((URIRef(problem.focus), name, problem.message))
    return out


def shape_errors(store: Store, add: Graph, remove: Graph, kind: Kind, lang: str) -> None:
    """FieldErrors naming the fields of the SHACL problems a change would cause, if any."""
    problems = shape_problems(store, add, remove, lang)
    if problems:
        names = kind.names
        raise FieldErrors([(name if name in names else "", message) for _, name, message in problems], lang)
