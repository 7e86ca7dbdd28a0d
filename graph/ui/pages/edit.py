"""The Edit page (editors only): add, correct, retire or delete a thing through forms made from the kind specs."""

from __future__ import annotations

from typing import Any

import streamlit as st

import graph.edit.editing as editing
from graph.edit.editing import KINDS, RETIRABLE, SOURCE_FIELDS, kind_spec
from graph.errors import InputError
from graph.i18n import escape_md, t
from graph.questions.languages import data_languages
from graph.ui import cache, context, forms
from graph.ui.state import done, flash, forget, set_picker, wkey

ACTIONS = ("add", "correct", "retire", "delete")


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    if not ctx.editor:  # the frame registers this page for editors only; it says so itself as well
        st.warning(t("login.required", lang))
        return
    st.header(t("editpage.title", lang))
    st.caption(t("editpage.intro", lang))
    flash("edit_done", toast=True)  # a toast too: the form may be scrolled far below the message
    if warning := st.session_state.pop("edit_warn", None):  # what the saved thing says against itself
        st.warning(escape_md(warning))
    left, right = st.columns([3, 2])
    action = left.radio(t("editpage.action", lang), ACTIONS, horizontal=True,
                        format_func=lambda a: t(f"editpage.action.{a}", lang), key=wkey("edit_action", lang, "add"))
    action = action or "add"
    kinds = list(RETIRABLE) if action == "retire" else [k.name for k in KINDS]
    kind_key = wkey("edit_kind", lang, "membership")
    if st.session_state[kind_key] not in kinds:
        st.session_state[kind_key] = kinds[0]
    kind = right.selectbox(t("editpage.kind", lang), kinds, format_func=lambda k: kind_spec(k).label(lang),
                           placeholder=t("common.choose", lang), key=kind_key)
    spec = kind_spec(kind or kinds[0], lang, data_languages(ctx.store))  # a name field per data language
    st.caption(f"{t(f'editpage.action_help.{action}', lang)} {spec.label(lang)}: {spec.help(lang)}")
    ACTION_FORMS[action](ctx, ctx.editor, spec)


def add(ctx: context.PageContext, editor: str, spec: editing.Kind) -> None:
    lang = ctx.lang
    base = f"edit_add_{spec.name}"
    with st.form(f"edit_form_add_{spec.name}", clear_on_submit=False):
        st.caption(t("editpage.required_note", lang))
        values = forms.fields(ctx, spec, [n for n in spec.names if n not in SOURCE_FIELDS], base)
        values.update(forms.source_fields(ctx, spec, base, "editpage.source_help"))
        why = forms.why_input(ctx, base)
        submitted = st.form_submit_button(t("editpage.submit.add", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    values = forms.plain(values)
    try:
        with ctx.store.write_lock:  # built and written under one lock, so nothing comes between
            draft = editing.build(ctx.store, spec.name, values, lang)
            change = editing.save_draft(ctx.store, draft, editor=editor, why=why, lang=lang)
    except InputError as exc:
        forms.show_problems(exc, spec, lang)
        return
    forget(base)
    _warn_if_stale(ctx, str(draft.iri), draft.label)
    done("edit_done", t("editpage.saved.add", lang, kind=spec.label(lang).lower(), label=draft.label, id=change.id))


def _norm(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return tuple(sorted(str(v) for v in value))
    return str(value).strip()


def _prefill(ctx: context.PageContext, spec: editing.Kind, iri: str, names: list[str], base: str) -> None:
    """Fill the correction form from the graph as it is now (once per thing and store generation)."""
    current = editing.entity_values(ctx.store, iri, ctx.lang)
    prefill = {}
    for name in names:
        f = spec.field(name)
        if f is None:
            continue
        value = current.get(name, "")
        if f.type == "currency" and not value:  # no amount yet: the currency an added one takes, as on Add
            value = f.default or ""
        if f.type == "amount" and value and ctx.lang == "nb":  # 12500,5 as bokmål writes it (both are read)
            value = str(value).replace(".", ",")
        if f.type == "list":
            value = "; ".join(value) if isinstance(value, list) else value
        if f.type in forms.PICKERS:
            value = value or forms.empty_value(f)
            set_picker(f"{base}.{name}", ctx.lang, value)
        else:
            st.session_state[f"{base}.{name}"] = value
        prefill[name] = value
    forget(f"{base}.source_")
    forget(f"{base}.evidence")
    st.session_state["edit_correct_loaded"] = (spec.name, iri, ctx.key)
    st.session_state["edit_correct_prefill"] = prefill


def correct(ctx: context.PageContext, editor: str, spec: editing.Kind) -> None:
    lang = ctx.lang
    picked = forms.thing_picker(ctx, "correct", spec.name)
    if picked is None:
        return
    iri, _ = picked
    base = f"edit_correct_{spec.name}"
    names = [n for n in spec.names if n != "id" and n not in SOURCE_FIELDS]
    if st.session_state.get("edit_correct_loaded") != (spec.name, iri, ctx.key):
        _prefill(ctx, spec, iri, names, base)
    with st.form(f"edit_form_correct_{spec.name}", clear_on_submit=False):
        st.caption(t("editpage.correct_help", lang))
        values = forms.fields(ctx, spec, names, base)
        source = forms.source_fields(ctx, spec, base, "editpage.correct_source_help")
        why = forms.why_input(ctx, base)
        submitted = st.form_submit_button(t("editpage.submit.correct", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    prefill = st.session_state.get("edit_correct_prefill", {})
    plain = forms.plain(values)
    changed = {n: v for n, v in plain.items() if _norm(v) != _norm(prefill.get(n))}
    if any(getattr(spec.field(n), "type", "") == "amount" for n in changed) and "currency" in plain:
        changed.setdefault("currency", plain["currency"])  # an amount goes with its currency, changed or not
    if not changed:
        st.error(t("editpage.no_change", lang))
        return
    try:
        change = editing.correct(ctx.store, iri, {**changed, **forms.plain(source)}, editor=editor, why=why,
                                 lang=lang)
    except InputError as exc:
        forms.show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)  # the form shows the corrected values next time
    forget(f"{base}.why")
    label = editing.label_of(ctx.store, iri, lang)
    _warn_if_stale(ctx, iri, label)
    done("edit_done", t("editpage.saved.correct", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


def _warn_if_stale(ctx: context.PageContext, iri: str, label: str) -> None:
    """Point out, after the save, a status the saved period contradicts (active, yet ended years ago)."""
    warning = editing.stale_warning(ctx.store, iri, label, ctx.lang)
    if warning:
        st.session_state["edit_warn"] = warning


def retire(ctx: context.PageContext, editor: str, spec: editing.Kind) -> None:
    lang = ctx.lang
    picked = forms.thing_picker(ctx, "retire", spec.name)
    if picked is None:
        return
    iri, label = picked
    base = "edit_retire"
    end_field = spec.field("end")
    end_label = end_field.label(lang) if end_field is not None else t("edit.field.end", lang)
    has_status = spec.field("status") is not None
    with st.form(f"edit_form_retire_{spec.name}", clear_on_submit=False):
        left, right = st.columns(2)
        st.session_state.setdefault(f"{base}.end", "")
        with left:
            end = st.text_input(f"{end_label} *", key=f"{base}.end",
                                help=f"{t('edit.help.retire_end', lang)} {t('editpage.date_formats', lang)}")
        status: str | None = ""
        if has_status:
            with right:
                status = _retire_status(ctx, base)
        source = forms.source_fields(ctx, spec, base, "editpage.source_help")
        why = forms.why_input(ctx, base)
        submitted = st.form_submit_button(t("editpage.submit.retire", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    try:
        change = editing.retire(ctx.store, iri, end=end, status=(status or editing.IKG.Ended) if has_status else None,
                                source=forms.plain(source), editor=editor, why=why, lang=lang)
    except InputError as exc:
        forms.show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)
    forget(base)
    done("edit_done", t("editpage.saved.retire", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


def _retire_status(ctx: context.PageContext, base: str) -> str | None:
    """The status a retired thing gets: Ended unless the editor picks another."""
    lang = ctx.lang
    statuses = cache.choices(ctx.store, ctx.key, "status", lang)
    labels = dict(statuses)
    ended = forms.match_choice(statuses, "ended")
    wk = wkey(f"{base}.status", lang, ended or "")
    if st.session_state[wk] not in labels:
        st.session_state[wk] = ended
    return st.selectbox(t("editpage.retire_status", lang), list(labels), format_func=lambda v: labels[v],
                        placeholder=t("common.choose", lang), key=wk,
                        help=t("editpage.retire_status_help", lang))


def delete(ctx: context.PageContext, editor: str, spec: editing.Kind) -> None:
    lang = ctx.lang
    picked = forms.thing_picker(ctx, "delete", spec.name)
    if picked is None:
        return
    iri, label = picked
    pointing = editing.referrers(ctx.store, iri, lang)
    if pointing:
        st.warning(escape_md(t("editpage.referrers", lang, label=label)))
        st.text("\n".join(f"• {text}" for _, text in pointing))
    else:
        st.caption(escape_md(t("editpage.no_referrers", lang, label=label)))
    base = "edit_delete"
    with st.form(f"edit_form_delete_{spec.name}", clear_on_submit=False):
        confirm = st.text_input(t("editpage.confirm", lang), key=f"{base}.confirm",
                                help=escape_md(t("editpage.confirm_help", lang, label=label, iri=iri)))
        why = forms.why_input(ctx, base)
        submitted = st.form_submit_button(t("editpage.submit.delete", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    try:
        change = editing.delete(ctx.store, iri, confirm=confirm, editor=editor, why=why, lang=lang)
    except InputError as exc:
        forms.show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)
    forget(base)
    done("edit_done", t("editpage.saved.delete", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


ACTION_FORMS = {"add": add, "correct": correct, "retire": retire, "delete": delete}

if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
