"""The edit page's form fields, made from the kind specs of graph/edit: pickers for things and concepts,
text for the rest, two side by side where they belong together, and a refused form's problems by field."""

from __future__ import annotations

from typing import Any

import streamlit as st

import graph.edit.editing as editing
from graph.edit.editing import SOURCE_FIELDS, FieldErrors, kind_spec, labelled
from graph.errors import InputError
from graph.i18n import escape_md, has_text, t
from graph.ui import cache, context
from graph.ui.state import wkey
from graph.ui.widget_texts import CONTAINS
from graph.vocab.labels import local_name

PICKERS = ("class", "entity", "entities", "concept", "target_areas", "sdgs")
# Fields shown side by side when they follow each other in a kind's spec.
PAIRS = {("label_nb", "label_en"), ("start", "end"), ("annual_cost", "currency"), ("budget", "currency"),
         ("lat", "long"), ("source_reference", "source_url")}


def match_choice(options: list[tuple[str, str]], name: str) -> str | None:
    """The option a field's default names ("member", "active", "stated"): by local name or label, else by
    the start of the local name (MemberRole)."""
    want = name.casefold()
    for iri, label in options:
        if want in (local_name(iri).casefold(), label.casefold()):
            return iri
    return next((iri for iri, _ in options if local_name(iri).casefold().startswith(want)), None)


def empty_value(f: editing.Field) -> Any:
    """What a field holds before anything is chosen or typed."""
    if f.multiple:
        return []
    if f.type in PICKERS:
        return None if f.required else ""
    return ""


def form_help(f: editing.Field, lang: str, made_name: bool = False) -> str:
    """A field's help on the form: a spreadsheet column's unless the form's field differs (a pick list where a
    column takes numbers; the name of a link, which is made from what it links when left empty)."""
    if made_name and f.name.startswith("label_"):
        return t("edit.form_help.made_name", lang)
    return t(f"edit.form_help.{f.name}", lang) if has_text(f"edit.form_help.{f.name}") else f.help(lang)


def field_input(ctx: context.PageContext, f: editing.Field, base: str, made_name: bool = False) -> Any:
    """One form field: a picker for things and concepts, text for the rest; returns its value."""
    lang = ctx.lang
    label = f.label(lang) + (" *" if f.required else "")
    help_ = form_help(f, lang, made_name)
    k = f"{base}.{f.name}"
    if f.name == "country":  # the list holds only the graph's countries; the Import page adds others
        help_ = f"{help_} {t('edit.help.country_missing', lang)}"
    if f.type in PICKERS:
        return _picker(ctx, f, k, label, help_)
    if f.type == "date":
        help_ = f"{help_} {t('editpage.date_formats', lang)}"
    st.session_state.setdefault(k, f.default if f.type == "currency" else "")
    if f.name == "source_quote":
        return st.text_area(label, key=k, help=help_, height=80)
    return st.text_input(label, key=k, help=help_)


def _picker(ctx: context.PageContext, f: editing.Field, k: str, label: str, help_: str) -> Any:
    lang = ctx.lang
    labels = dict(cache.choices(ctx.store, ctx.key, f.name, lang))
    if f.multiple:
        wk = wkey(k, lang, [])
        for value in st.session_state[wk]:  # a value the graph holds that the list does not offer
            labels.setdefault(value, editing.label_of(ctx.store, value, lang))
        return st.multiselect(label, list(labels), format_func=lambda v: labels[v], key=wk, help=help_,
                              placeholder=t("common.choose", lang), filter_mode=CONTAINS)
    default = match_choice(list(labels.items()), f.default) if f.default else None
    wk = wkey(k, lang, default if default is not None else empty_value(f))
    value = st.session_state[wk]
    if value and value not in labels:
        labels[value] = editing.label_of(ctx.store, value, lang)
    options = list(labels)
    if f.required:
        if value == "":
            st.session_state[wk] = None
    else:
        options = ["", *options]
        labels[""] = t("editpage.none_option", lang)
        if value is None:
            st.session_state[wk] = ""
    return st.selectbox(label, options, format_func=lambda v: labels[v], key=wk, help=help_,
                        placeholder=t("common.choose", lang))


def fields(ctx: context.PageContext, spec: editing.Kind, names: list[str], base: str) -> dict[str, Any]:
    """The fields called `names`, in order, two side by side where they belong together."""
    shown = [f for f in (spec.field(n) for n in names) if f is not None]
    values: dict[str, Any] = {}
    made = spec.auto_label  # a link's name, made from what it links when empty
    i = 0
    while i < len(shown):
        f, nxt = shown[i], shown[i + 1] if i + 1 < len(shown) else None
        if nxt is not None and (f.name, nxt.name) in PAIRS:
            left, right = st.columns(2)
            with left:
                values[f.name] = field_input(ctx, f, base, made)
            with right:
                values[nxt.name] = field_input(ctx, nxt, base, made)
            i += 2
        else:
            values[f.name] = field_input(ctx, f, base, made)
            i += 1
    return values


def source_fields(ctx: context.PageContext, spec: editing.Kind, base: str, help_key: str) -> dict[str, Any]:
    """Where a new fact comes from: a section and its quote, or another source."""
    st.markdown(f"**{escape_md(t('editpage.source', ctx.lang))}**")
    st.caption(t(help_key, ctx.lang))
    return fields(ctx, spec, [n for n in SOURCE_FIELDS if spec.field(n)], base)


def plain(values: dict[str, Any]) -> dict[str, Any]:
    """Widget values as the editing functions take them (no None)."""
    return {k: ("" if v is None else v) for k, v in values.items()}


def show_problems(exc: InputError, spec: editing.Kind | None, lang: str) -> None:
    """Every problem of a refused form, by field label in the user's language; nothing was written."""
    if not isinstance(exc, FieldErrors):
        st.error(escape_md(str(exc)))
        return
    st.error(t("editpage.not_saved", lang))
    lines = []
    for name, message in exc.problems:
        f = (spec.field(name) if spec is not None and name else None) or editing.BASE_FIELDS.get(name)
        lines.append(escape_md(labelled(f.label(lang), message) if f is not None else message))
        st.error(lines[-1])
    # the same in a toast, which shows wherever the page is scrolled: on a phone the list under the form's
    # button was below the screen, only its first line in sight
    st.toast("\n\n".join([t("editpage.not_saved", lang), *(f"- {line}" for line in lines)]),
             icon=":material/warning:", duration="long")  # (Material icons ship with Streamlit: no emoji font needed)


def why_input(ctx: context.PageContext, base: str) -> str:
    """The form's «Why» field, emptied with the form's other fields when `base` is forgotten (a widget is shown
    empty again only when its value is set, as the fields' are)."""
    key = f"{base}.why"
    st.session_state.setdefault(key, "")
    return st.text_input(t("editpage.why", ctx.lang), key=key, help=t("editpage.why_help", ctx.lang))


def thing_picker(ctx: context.PageContext, action: str, kind: str) -> tuple[str, str] | None:
    """Pick an existing thing of a kind; (IRI, label), or None when the graph has none."""
    lang = ctx.lang
    options = cache.choices(ctx.store, ctx.key, kind, lang)
    if not options:
        st.info(escape_md(t("editpage.none_of_kind", lang, kind=kind_spec(kind).label(lang))))
        return None
    labels = dict(options)
    # deleting starts from nothing chosen, and again after a deletion: the next thing in the list, with its
    # warnings, read as if the deletion had failed or the next one were armed
    first = None if action == "delete" else options[0][0]
    wk = wkey(f"edit_{action}_thing.{kind}", lang, first)
    if st.session_state[wk] not in labels:  # deleted, or never there
        st.session_state[wk] = first
    iri = st.selectbox(t("editpage.thing", lang), list(labels), format_func=lambda v: labels[v],
                       placeholder=t("common.choose", lang), key=wk)
    if iri is None and action == "delete":
        return None
    iri = iri if iri is not None else options[0][0]
    st.text(t("editpage.identifier", lang, iri=iri))  # text: not turned into a link
    return iri, labels[iri]
