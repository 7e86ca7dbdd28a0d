"""Templates to fill in, one kind of thing each: a CSV or XLSX file with a header row and an example
row (valid on the store when one is given) and, in a workbook, a help sheet on every column and drop-down
lists (graph.edit.tabular.dropdowns).

>>> template("network", "csv", "en").decode("utf-8-sig").splitlines()[0].split(",")[:3]
['Identifier', 'Name in Norwegian *', 'Name in English *']
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from graph.edit.choices import choices, home_actor, label_of
from graph.edit.fields import Field
from graph.edit.kinds import ALL_KINDS, Kind, kind_spec
from graph.edit.lookup import class_label
from graph.edit.tabular.dropdowns import add_dropdowns
from graph.edit.tabular.examples import home_place, starter_example
from graph.edit.tabular.headers import header, named_kind, sheet_name
from graph.edit.tabular.results import EXAMPLE_URL
from graph.errors import InputError
from graph.i18n import t
from graph.questions.languages import data_languages
from graph.render.exports import safe_cell, spreadsheet_csv
from graph.store.base import Store
from graph.store.output_paths import make_folder, output_folder, writing
from graph.vocab.namespaces import IKG

FORMATS = ("csv", "xlsx")


def template(kind: str, fmt: str, lang: str = "en", *, store: Store | None = None) -> bytes:
    """A file to fill in for one kind: headers in `lang`, an example row and (XLSX) a help sheet.

    With a store, the example names things the store has, so the template imports as it is.
    """
    spec = kind_spec(kind, lang, data_languages(store) if store is not None else None)
    if fmt not in FORMATS:
        raise InputError.of("tabular.err.format", lang, name=f"*.{fmt}")
    headers = [header(f, lang) for f in spec.fields]
    example = _Example(lang, store).row(spec)
    row = [safe_cell(example.get(f.name, "")) for f in spec.fields]
    if fmt == "csv":  # as Excel opens it in the language (';' apart where decimals have a comma)
        return spreadsheet_csv(headers, [row], lang)
    return _xlsx_template(spec, headers, row, lang, store)


def write_templates(kind: str, folder: Path, fmt: str = "xlsx", lang: str = "en", *,
                    store: Store | None = None) -> list[Path]:
    """Write the template of one kind, or of every kind ("all"), into `folder` as KIND.FORMAT."""
    names = [k.name for k in ALL_KINDS] if kind.strip().lower() == "all" else [named_kind(kind, lang).name]
    folder = output_folder(folder, lang)  # its parent must exist: a mistyped path makes no folders
    contents = {name: template(name, fmt, lang, store=store) for name in names}
    make_folder(folder, lang)
    written = []
    for name, data in contents.items():
        path = folder / f"{name}.{fmt}"
        with writing(path, lang, example=f"{name}.{fmt}"):
            path.write_bytes(data)
        written.append(path)
    return written


@dataclass
class _Example:
    """The example row of a template: valid on the store when one is given (it names things the store has)."""

    lang: str
    store: Store | None
    home: str = field(init=False, default="")  # the home actor's label, and its IRI
    home_iri: set[str] = field(init=False, default_factory=set)
    place: str = field(init=False, default="")  # the home city's label (the home actor's, for a municipality)

    def __post_init__(self) -> None:
        home = home_actor(self.store) if self.store is not None else None
        if self.store is not None and home is not None:
            self.home, self.home_iri = label_of(self.store, home, self.lang), {str(home)}
        place = home_place(self.store)
        if self.store is not None and place is not None:
            self.place = label_of(self.store, place, self.lang)

    def row(self, kind: Kind) -> dict[str, str]:
        ex = {
            "source_reference": t("tabular.example.reference", self.lang),
            "source_url": EXAMPLE_URL,
            "evidence": self.concept(IKG.stated),
        }
        if kind.name in _NAMED:
            ex["label_nb"] = t(f"tabular.example.{kind.name}_nb", self.lang)
            ex["label_en"] = t(f"tabular.example.{kind.name}_en", self.lang)
        ex.update(starter_example(kind.name, self.store, self.lang))
        ex.update(_VALUES.get(kind.name, lambda ex: {})(self))
        for f in kind.fields:  # a data language other than nb and en: the example's English name
            if f.name.startswith("label_") and f.name not in ex:
                ex[f.name] = ex.get("label_en") or ex.get("label_nb", "")
        return ex

    def concept(self, cls: URIRef) -> str:
        return class_label(cls, self.lang)

    @property
    def active(self) -> str:
        return self.concept(IKG.Active)

    def options(self, name: str, avoid: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        """(IRI, label) of the things from the store for a field that their label names unambiguously."""
        if self.store is None:
            return []
        pairs = choices(self.store, name, self.lang)
        counts = Counter(label.casefold() for _, label in pairs)
        return [(iri, label) for iri, label in pairs if counts[label.casefold()] == 1 and iri not in avoid]

    def unique(self, name: str, avoid: set[str] | frozenset[str] = frozenset()) -> str:
        """The label of a thing from the store that names it unambiguously."""
        return next((label for _, label in self.options(name, avoid)), "")

    def linked(self, query: str) -> set[tuple[str, ...]]:
        """The rows of a query on the store, as text."""
        return {tuple(str(x) for x in row) for row in self.store.select(query).rows} if self.store else set()

    def free_pair(self, first: str, second: str, query: str) -> tuple[str, str]:
        """Labels of a thing for the field `first` (the home actor if it can) and one for `second` that the
        (first, second) rows of `query` do not link yet: an example that repeats nothing the graph has (an
        import refuses a second membership of the same member in the same network)."""
        firsts = [(iri, self.home) for iri in sorted(self.home_iri)] + self.options(first, self.home_iri)
        seconds, taken = self.options(second), self.linked(query)
        return next(((a, b) for a_iri, a in firsts for b_iri, b in seconds if (a_iri, b_iri) not in taken),
                    (self.home, next((b for _, b in seconds), "")))

    def twin_city(self, agreement_type: URIRef) -> str:
        """A city for an agreement of this type with the home city: one without any agreement if there is one,
        else one without an agreement of this type."""
        cities = self.options("city", self.home_iri)
        had = self.linked(_AGREEMENTS)
        order = [c for c in cities if c[0] not in {city for city, _ in had}]
        order += [c for c in cities if (c[0], str(agreement_type)) not in had]
        return next((label for _, label in order), self.unique("city", self.home_iri))


_MEMBERSHIPS = "SELECT ?a ?b WHERE { ?x a org:Membership ; org:member ?a ; org:organization ?b }"
_PARTICIPATIONS = "SELECT ?a ?b WHERE { ?x a ikg:Participation ; ikg:participant ?a ; ikg:project ?b }"
_AGREEMENTS = "SELECT ?c ?type WHERE { ?x a ikg:TwinCityAgreement ; ikg:party ?c ; ikg:agreementType ?type }"
_NAMED = ("network", "project", "activity", "actor")  # kinds whose example has its own name
# The example's values for each kind, beside its name and its source.
_VALUES: dict[str, Callable[[_Example], dict[str, str]]] = {
    "actor": lambda ex: {"actor_type": ex.concept(IKG.VoluntaryOrganisation), "location": ex.place},
    "network": lambda ex: {"target_areas": "1", "sdgs": "11; 17", "status": ex.active, "start": "2024"},
    "membership": lambda ex: {
        **dict(zip(("member", "network"), ex.free_pair("member", "network", _MEMBERSHIPS), strict=True)),
        "role": ex.concept(IKG.MemberRole), "status": ex.active, "annual_cost": "12500", "currency": "NOK",
        # a day as the reader writes it: 01.03.2024 reads as 3 January to an English eye
        "start": "01.03.2024" if ex.lang == "nb" else "2024-03-01"},
    "twin-city-agreement": lambda ex: {
        "city": ex.twin_city(IKG.LetterOfIntent), "agreement_type": ex.concept(IKG.LetterOfIntent),
        "status": ex.concept(IKG.Planned), "start": "2025"},
    "project": lambda ex: {
        "programme": ex.unique("programme"), "status": ex.active, "start": "2024", "end": "2026",
        "budget": "500000", "currency": "EUR", "target_areas": "1", "sdgs": "11", "partners": ex.home},
    "participation": lambda ex: {
        **dict(zip(("participant", "project"), ex.free_pair("participant", "project", _PARTICIPATIONS), strict=True)),
        "role": ex.concept(IKG.PartnerRole)},
    "activity": lambda ex: {
        "activity_type": ex.concept(IKG.Seminar), "start": "2025-03-14", "location": ex.place,
        "participants": ex.home, "target_areas": "1"},
}


def _required_text(kind: Kind, f: Field, lang: str) -> str:
    if f.required:
        return t("common.yes", lang)
    needed = [cls for cls, names in kind.needs if f.name in names]
    if needed:
        return t("tabular.help.needed_for", lang, what=", ".join(class_label(c, lang).lower() for c in needed))
    return t("common.no", lang)


def _xlsx_template(kind: Kind, headers: list[str], row: list[str], lang: str, store: Store | None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(kind, lang)
    ws.append([safe_cell(h) for h in headers])
    ws.append(row)
    ws.freeze_panes = "A2"
    for i, (h, value) in enumerate(zip(headers, row, strict=True), start=1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = min(50, max(12, len(h) + 2, len(value) + 2))
        ws.column_dimensions[letter].number_format = "@"  # text: Excel keeps 01.03.2024 and 1; 3 as typed
    help_ws = wb.create_sheet(t("tabular.sheet_help", lang))
    help_ws.append([safe_cell(t("tabular.help.intro", lang, kind=kind.label(lang).lower()))])
    help_ws.append([safe_cell(t("tabular.help.all_or_nothing", lang))])
    help_ws.append([safe_cell(t("tabular.help.mixed", lang))])
    help_ws.append([])
    help_ws.append([t(f"tabular.help.{k}", lang) for k in ("column", "required", "what", "values")])
    for cell in help_ws[5]:
        cell.font = Font(bold=True)
    for f in kind.fields:
        help_ws.append([safe_cell(x) for x in (header(f, lang), _required_text(kind, f, lang), f.help(lang),
                                               f.field_type.possible_values(f, lang, store))])
    for letter, width in zip("ABCD", (28, 14, 80, 60), strict=True):
        help_ws.column_dimensions[letter].width = width
    for line in help_ws.iter_rows(min_row=6):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    add_dropdowns(wb, ws, kind, lang, store)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
