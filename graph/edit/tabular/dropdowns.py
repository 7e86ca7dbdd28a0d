"""Drop-down lists in a workbook template: each column with a closed set of values (a status, a role, a kind
of actor, a currency) or naming things the store has (a member, a network, a city, target areas) offers them
in the template's language, from a hidden sheet of lists (an inline list may not pass 255 characters, and
names have commas). Every value listed is one the import takes as it is.

A column of one concept or kind refuses other values; one naming a thing warns (an identifier, another
name or a thing further up in the file is taken too); a column of several values or any currency code
takes what is typed.

>>> from graph.edit.kinds import kind_spec
>>> listing(kind_spec("membership").get("status"), "en", None).values
['Active', 'Dormant', 'Ended', 'Planned']
>>> listing(kind_spec("membership").get("currency"), "nb", None)
Listing(values=['NOK', 'EUR', 'SEK', 'DKK', 'USD'], check='')
>>> listing(kind_spec("membership").get("member"), "en", None) is None  # things need a store
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef
from rdflib.namespace import SKOS

from graph.edit.fields import Field
from graph.edit.kinds import Kind
from graph.edit.lookup import Lookup, class_label
from graph.edit.tabular.headers import header
from graph.edit.tabular.reader import MAX_ROWS
from graph.errors import InputError
from graph.i18n import t
from graph.render.exports import safe_cell
from graph.store.base import Store
from graph.vocab.classes import ontology
from graph.vocab.collate import name_key

LAST_ROW = MAX_ROWS + 1  # every row an import reads (row 1 is the header)
STOP, WARN, FREE = "stop", "warning", ""  # a value not listed: refused, warned about, taken without a word


@dataclass(frozen=True)
class Listing:
    """What a column's drop-down offers, and what Excel does with a value not listed."""

    values: list[str]
    check: str


def listing(f: Field, lang: str, store: Store | None, look: Lookup | None = None) -> Listing | None:
    """The drop-down of a column, or None (free text, or things when there is no store)."""
    kind = f.field_type.name
    look = look or (Lookup(store, lang) if store is not None else None)
    if kind == "currency":  # any code is taken; the help's list is the common ones
        return Listing(re.findall(r"\b[A-Z]{3}\b", f.field_type.possible_values(f, lang, store)), FREE)
    if kind == "sdgs":
        return Listing([str(n) for n in range(1, 18)], FREE)
    if kind == "class":
        return Listing([class_label(c, lang) for c in f.options], STOP)
    if kind == "concept":
        return Listing(_concepts(f, lang, look), STOP)
    if look is None:
        return None
    if kind == "target_areas":  # numbered, as the help and the forms show them (the import takes "3 Name" too)
        return Listing([f"{n} {label}" for n, _, label in look.target_areas() if not re.search("[;\n]", label)], FREE)
    if kind in ("entity", "entities"):
        return Listing(_things(f, look), FREE if f.multiple else WARN)
    return None


def _concepts(f: Field, lang: str, look: Lookup | None) -> list[str]:
    """The labels of the concepts of the field's scheme: the store's, or the shipped vocabulary's."""
    if look is not None:
        return [label for _, label in f.field_type.choices(f, look)]
    concepts = [c for c in ontology().subjects(SKOS.inScheme, f.scheme) if isinstance(c, URIRef)]
    return sorted((class_label(c, lang) for c in concepts), key=lambda name: (name_key(name, lang), name))


def _things(f: Field, look: Lookup) -> list[str]:
    """The labels of the things a column names that the import resolves to that very thing (two things of
    the same name are left out), without a list separator in a column of several."""
    out = []
    for iri, label in f.field_type.choices(f, look):
        text = label.strip()
        if f.multiple and re.search("[;\n]", text):
            continue
        try:
            if str(look.resolve(text, f.classes, "")) == iri:
                out.append(text)
        except InputError:
            continue
    return out


def add_dropdowns(wb: Any, ws: Any, kind: Kind, lang: str, store: Store | None) -> None:
    """Give the columns of the data sheet `ws` their drop-downs, listed on a new hidden sheet of `wb`."""
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    look = Lookup(store, lang) if store is not None else None
    lists, col = None, 0
    for i, f in enumerate(kind.fields, start=1):
        found = listing(f, lang, store, look)
        values = list(dict.fromkeys(v for v in found.values if v)) if found else []
        if not found or not values:
            continue
        if lists is None:
            lists = wb.create_sheet(t("tabular.sheet_lists", lang))
            lists.sheet_state = "hidden"
        col += 1
        letter = get_column_letter(col)
        lists.cell(row=1, column=col, value=safe_cell(header(f, lang)))
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=safe_cell(value))
        source = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}"
        column = f.label(lang)
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=bool(found.check))
        if found.check:
            key = "refused" if found.check == STOP else "unlisted"
            dv.errorStyle = found.check
            dv.errorTitle = t(f"tabular.list.{key}_title", lang)
            dv.error = t(f"tabular.list.{key}", lang, column=column, help=t("tabular.sheet_help", lang))
        dv.add(f"{get_column_letter(i)}2:{get_column_letter(i)}{LAST_ROW}")
        ws.add_data_validation(dv)
