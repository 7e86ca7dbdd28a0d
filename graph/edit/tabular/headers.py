"""Column headers and sheet names: a template's header for each field, and which field (or kind) a
header, a kind column's cell or a sheet names, in Norwegian or English or as the field name.

>>> norm("  Name in English *"), kind_from_text("nettverk").name
('name in english', 'network')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.edit.fields import Field
from graph.edit.kinds import ALL_KINDS, BASE_FIELDS, STARTER_KINDS, Kind, kind_spec
from graph.edit.tabular.results import TableErrors
from graph.i18n import languages, t
from graph.vocab.labels import quote

KIND = "kind"  # the optional column that says each row's kind, so one file can hold several kinds
ALL_FIELDS = tuple(BASE_FIELDS.values())


def header(f: Field, lang: str) -> str:
    """A column's header in a template: the field's name in that language, * when it must be filled in."""
    return f.label(lang) + (" *" if f.required else "")


def sheet_name(kind: Kind, lang: str) -> str:
    """The name of a kind's sheet in a workbook (at most 31 characters, as Excel allows)."""
    return re.sub(r"[\[\]:*?/\\]", " ", kind.label(lang))[:31]


def norm(text: str) -> str:
    """A header as compared: without '*', spaces collapsed, case folded."""
    return " ".join(str(text).replace("*", " ").split()).casefold()


def _accepted(f: Field) -> set[str]:
    """Every header that names a field: its name and its label in either language."""
    return {norm(f.name), norm(f.name.replace("_", " ")), *(norm(f.label(x)) for x in languages())}


def is_kind_header(text: str) -> bool:
    """Whether a header names the kind column ("Kind", "Slag")."""
    return norm(text) in {"kind", *(norm(t("tabular.kind_column", x)) for x in languages())}


def kind_from_text(text: str) -> Kind | None:
    """The kind a cell of the kind column names, by its name or its label in either language."""
    for kind in ALL_KINDS:
        if norm(text) in {norm(kind.name), *(norm(kind.label(x)) for x in languages())}:
            return kind
    return None


def named_kind(text: str, lang: str = "en", languages: Iterable[str] | None = None) -> Kind:
    """The kind a person names (`ikg import --kind`, `ikg template`): its name or its label in either
    language, as the messages list them; InputError naming the kinds when none fits.

    >>> named_kind("Twin-city agreement").name, named_kind("nettverk").name, named_kind("project").name
    ('twin-city-agreement', 'network', 'project')
    """
    found = kind_from_text(text)
    return kind_spec(found.name if found else text, lang, languages)


def kind_of_sheet(name: str) -> Kind | None:
    """The kind a workbook's sheet holds, by its name."""
    for kind in ALL_KINDS:
        if norm(name) in {norm(kind.name), *(norm(sheet_name(kind, x)) for x in languages())}:
            return kind
    return None


def map_headers(fields: tuple[Field, ...], headers: list[str],
                mixed: bool = False) -> tuple[dict[int, str], list[str], list[str], list[str]]:
    """Column index -> field name (KIND for the kind column); and the unknown, missing and repeated headers."""
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    twice: list[str] = []
    for i, text in enumerate(headers):
        if not str(text).strip():
            continue
        name: str | None
        if mixed and is_kind_header(text):
            name = KIND
        else:
            name = next((f.name for f in fields if norm(text) in _accepted(f)), None)
        if name is None:
            unknown.append(str(text).strip())
        elif name in mapping.values():
            twice.append(str(text).strip())
        else:
            mapping[i] = name
    missing = [f.name for f in fields if f.required and f.name not in mapping.values()]
    return mapping, unknown, missing, twice


def _quoted(items: Iterable[str], lang: str) -> str:
    return ", ".join(quote(x, lang) for x in items)


def header_problem(kind: Kind, unknown: list[str], missing: list[str], twice: list[str], lang: str) -> str:
    """What is wrong with the headers of a file of one kind, and the headers it should have."""
    parts = []
    if unknown:
        parts.append(t("tabular.err.headers_unknown", lang, columns=_quoted(unknown, lang)))
    if missing:
        parts.append(t("tabular.err.headers_missing", lang,
                       columns=_quoted((header(kind.get(n), lang) for n in missing), lang)))
    if twice:
        parts.append(t("tabular.err.headers_twice", lang, columns=_quoted(twice, lang)))
    expected = ", ".join(header(f, lang) for f in kind.fields)
    return t("tabular.err.headers", lang, kind=kind.label(lang).lower(), detail="; ".join(parts), expected=expected,
             name=kind.name)


def mixed_header_problem(unknown: list[str], twice: list[str], lang: str) -> str:
    """What is wrong with the headers of a file with a kind column."""
    parts = [t("tabular.err.headers_unknown", lang, columns=_quoted(unknown, lang))] if unknown else []
    if twice:
        parts.append(t("tabular.err.headers_twice", lang, columns=_quoted(twice, lang)))
    expected = ", ".join([t("tabular.kind_column", lang)] + [f.label(lang) for f in ALL_FIELDS])
    return t("tabular.err.headers_mixed", lang, detail="; ".join(parts), expected=expected)


def guess_kind(headers: list[str], lang: str) -> Kind:
    """The kind whose template the headers fit (all known, required ones there), the closest fit first."""
    fits = []
    for kind in ALL_KINDS:  # a template as written first; then a kind of the forms before a starter kind
        mapping, unknown, missing, twice = map_headers(kind.fields, headers)
        if mapping and not unknown and not missing and not twice:
            unused = len(kind.fields) - len(mapping)
            fits.append(((unused > 0, kind in STARTER_KINDS, unused), kind))
    if not fits:
        columns = ", ".join(quote(h, lang) for h in headers if str(h).strip())
        raise TableErrors([(1, "", t("tabular.err.kind_unknown", lang, columns=columns,
                                     kinds=", ".join(k.label(lang) for k in ALL_KINDS)))], lang)
    fits.sort(key=lambda f: f[0])
    best = [k for unused, k in fits if unused == fits[0][0]]
    if len(best) > 1:
        raise TableErrors([(1, "", t("tabular.err.kind_ambiguous", lang,
                                     kinds=", ".join(k.label(lang) for k in best)))], lang)
    return best[0]
