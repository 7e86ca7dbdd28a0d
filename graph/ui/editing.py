"""The app's editor login, its history page and the editor pages (Streamlit widgets only; the work is in graph/).

Imported by app.py only. Data is always shown as text (st.text, st.code, dataframes), never as
Markdown or HTML. The edit page's forms are generated from the kind specs of graph/editing.py (their
labels and help in both languages); the import page goes through graph/importing.py (prepare, preview,
apply). Both are rendered only for a logged-in editor.
"""

from __future__ import annotations

import math
import re
import time
from pathlib import PurePath

import pandas as pd
import streamlit as st

import graph.edit.auth as auth
import graph.edit.editing as editing
import graph.edit.importing as importing
import graph.edit.tabular as tabular
import graph.edit.uploads as uploads
import graph.history.changes as history
from graph.edit.editing import KINDS, RETIRABLE, SOURCE_FIELDS, FieldErrors, kind_spec
from graph.errors import IkgError, InputError
from graph.i18n import escape_md, number, t

EDITOR_KEY = "ikg_editor"


def secrets():
    try:
        return st.secrets
    except Exception:  # noqa: BLE001 - no secrets file: editing is simply off
        return {}


def current_editor() -> str | None:
    """The logged-in editor's name, or None for a visitor."""
    mode = auth.login_mode(secrets())
    if mode == "oidc":
        user = getattr(st, "user", None)
        if user is not None and user.get("is_logged_in"):
            email = user.get("email")
            if auth.may_edit(secrets(), email):
                return str(user.get("name") or email)
        return None
    if mode == "password":
        return st.session_state.get(EDITOR_KEY)
    return None


def sidebar_login(lang: str) -> str | None:
    """The sidebar's login box; returns the editor's name when logged in."""
    mode = auth.login_mode(secrets())
    editor = current_editor()
    box = st.sidebar.expander(t("login.title", lang), expanded=False)
    if editor:
        box.text(t("login.as", lang, name=editor))
        if box.button(t("login.logout", lang), key="logout"):
            if mode == "oidc":
                st.logout()
            st.session_state.pop(EDITOR_KEY, None)
            st.rerun()
        return editor
    if mode is None:
        box.caption(t("login.off", lang))
        return None
    if mode == "oidc":
        user = getattr(st, "user", None)
        if user is not None and user.get("is_logged_in"):
            box.warning(t("login.not_editor", lang, email=str(user.get("email") or "")))
        elif box.button(t("login.oidc", lang), key="login_oidc"):
            st.login()
        return None
    with box.form("login", clear_on_submit=False):
        name = st.text_input(t("login.name", lang), key="login_name")
        password = st.text_input(t("login.password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login.submit", lang))
    if submitted:
        failures = st.session_state.get("login_failures", [])
        recent = [f for f in failures if time.time() - f < auth.LOCK_SECONDS]
        if len(recent) >= auth.MAX_FAILURES:
            box.error(t("login.locked", lang, seconds=auth.LOCK_SECONDS))
        elif not name.strip():
            box.error(t("login.no_name", lang))
        elif auth.check_password(password, auth.password_hash(secrets())):
            st.session_state[EDITOR_KEY] = name.strip()
            st.session_state.pop("login_failures", None)
            st.rerun()
        else:
            st.session_state["login_failures"] = [*recent, time.time()]
            box.error(t("login.wrong", lang))
    return None


def change_frame(changes: list[history.Change], lang: str) -> pd.DataFrame:
    rows = []
    for c in changes:
        undo = t("history.undone_by", lang, id=c.undone_by) if c.undone_by else (
            t("history.undoes", lang, id=c.undoes) if c.undoes else "")
        rows.append([c.id, c.time.replace("T", " ").replace("Z", " UTC"), c.editor, c.action,
                     f"+{c.added_count} −{c.removed_count}", undo, c.comment])
    cols = [t(f"history.col.{name}", lang) for name in ("id", "time", "editor", "action", "triples", "undo", "why")]
    return pd.DataFrame(rows, columns=cols)


def diff_text(store, change_id: str, lang: str) -> str:
    """A change's triples, removed (−) then added (+), with prefixes; long literals cut."""
    added, removed = history.diff(store, change_id, lang)
    from graph.vocab.namespaces import bind_prefixes

    lines = []
    for sign, graph in (("−", removed), ("+", added)):
        nm = bind_prefixes(graph).namespace_manager
        for s, p, o in sorted(graph, key=lambda tr: tuple(term.n3() for term in tr)):
            obj = o.n3(nm)
            if len(obj) > 300:
                obj = obj[:300] + " …"
            lines.append(f"{sign} {s.n3(nm)} {p.n3(nm)} {obj}")
    return "\n".join(lines) or t("common.none", lang)


def page_history(store, key, lang: str, editor: str | None) -> None:
    st.header(t("history.title", lang))
    st.caption(t("history.intro", lang))
    if "history_done" in st.session_state:
        st.success(escape_md(st.session_state.pop("history_done")))
    changes = history.changes(store, limit=500)
    if not changes:
        st.info(t("history.empty", lang))
        return
    st.dataframe(change_frame(changes, lang), hide_index=True, key="history_table")
    by_id = {c.id: c for c in changes}
    chosen = st.selectbox(t("history.pick", lang), list(by_id), key="history_pick",
                          format_func=lambda i: f"{i} · {by_id[i].action} · {by_id[i].editor}")
    change = by_id[chosen]
    if change.comment:
        st.text(t("history.why", lang, why=change.comment))
    st.code(diff_text(store, change.id, lang), language=None)
    if not editor:
        st.caption(t("history.login_to_undo", lang))
        return
    if change.undone_by:
        st.caption(t("history.undone_by", lang, id=change.undone_by))
        return
    with st.form("undo", clear_on_submit=True):
        why = st.text_input(t("history.undo_why", lang), key="undo_why")
        sure = st.checkbox(t("history.undo_confirm", lang, id=change.id), key="undo_sure")
        submitted = st.form_submit_button(t("history.undo", lang))
    if submitted:
        if not sure:
            st.error(t("history.undo_unconfirmed", lang))
            return
        try:
            done = history.undo(store, change.id, editor=editor, why=why, lang=lang)
        except IkgError as exc:
            st.error(escape_md(str(exc)))
            return
        st.session_state["history_done"] = t("history.undone", lang, id=change.id, new=done.id)
        st.rerun()


# ---------------------------------------------------------------------------------------------
# Shared by the editor pages
# ---------------------------------------------------------------------------------------------

ACTIONS = ("add", "correct", "retire", "delete")
PICKERS = ("class", "entity", "entities", "concept", "target_areas", "sdgs")
# Fields shown side by side when they follow each other in a kind's spec.
PAIRS = {("label_nb", "label_en"), ("start", "end"), ("annual_cost", "currency"), ("budget", "currency"),
         ("lat", "long"), ("source_reference", "source_url")}
UPLOAD_TYPES = ["csv", "xlsx", "ttl", "jsonld", "json", "nt"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wkey(base: str, lang: str, default) -> str:
    """The key of a widget whose shown options follow the language (as app.wkey: one key per language,
    the value carried over when the language changes; the widget takes its value from here)."""
    key = f"{base}.{lang}"
    if key not in st.session_state:
        other = f"{base}.{'en' if lang == 'nb' else 'nb'}"
        st.session_state[key] = st.session_state[other] if other in st.session_state else default
    return key


def _set_picker(base: str, lang: str, value) -> None:
    """Set a language-keyed widget's value (before it is drawn); the other language's copy is dropped."""
    st.session_state[f"{base}.{lang}"] = value
    st.session_state.pop(f"{base}.{'en' if lang == 'nb' else 'nb'}", None)


def _forget(prefix: str) -> None:
    """Drop every widget value whose key starts with `prefix` (a form is shown empty again)."""
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]


@st.cache_data(show_spinner=False, max_entries=256)
def _choices(_store, key, name: str, lang: str) -> list[tuple[str, str]]:
    """editing.choices, cached per store generation (`key` is app.cache_key(store))."""
    return editing.choices(_store, name, lang)


def _local(iri: str) -> str:
    return re.split(r"[/#]", str(iri).rstrip("/#"))[-1]


def _match_choice(options: list[tuple[str, str]], name: str) -> str | None:
    """The option a field's default names ("member", "active", "stated"): by local name or label, else by
    the start of the local name (MemberRole)."""
    want = name.casefold()
    for iri, label in options:
        if want in (_local(iri).casefold(), label.casefold()):
            return iri
    return next((iri for iri, _ in options if _local(iri).casefold().startswith(want)), None)


def _empty_value(f: editing.Field):
    if f.multiple:
        return []
    if f.type in PICKERS:
        return None if f.required else ""
    return ""


def _flash(name: str) -> None:
    """The confirmation of the last change, shown once after the rerun that follows it."""
    if name in st.session_state:
        st.success(escape_md(st.session_state.pop(name)))


def _done(name: str, message: str) -> None:
    st.session_state[name] = message
    st.rerun()  # every page, and every cached answer (keyed by the store's generation), shows the change


# ---------------------------------------------------------------------------------------------
# The edit page
# ---------------------------------------------------------------------------------------------


def _field_input(store, key, f: editing.Field, lang: str, base: str):
    """One form field: a picker for things and concepts, text for the rest; returns its value."""
    label = f.label(lang) + (" *" if f.required else "")
    help_ = f.help(lang)
    k = f"{base}.{f.name}"
    if f.type in PICKERS:
        labels = dict(_choices(store, key, f.name, lang))
        if f.multiple:
            wk = _wkey(k, lang, [])
            for value in st.session_state[wk]:  # a value the graph holds that the list does not offer
                labels.setdefault(value, editing.label_of(store, value, lang))
            return st.multiselect(label, list(labels), format_func=labels.get, key=wk, help=help_,
                                  placeholder=t("common.choose", lang))
        default = _match_choice(list(labels.items()), f.default) if f.default else None
        wk = _wkey(k, lang, default if default is not None else _empty_value(f))
        value = st.session_state[wk]
        if value and value not in labels:
            labels[value] = editing.label_of(store, value, lang)
        options = list(labels)
        if f.required:
            if value == "":
                st.session_state[wk] = None
        else:
            options = ["", *options]
            labels[""] = t("editpage.none_option", lang)
            if value is None:
                st.session_state[wk] = ""
        return st.selectbox(label, options, format_func=labels.get, key=wk, help=help_,
                            placeholder=t("common.choose", lang))
    if f.type == "date":
        help_ = f"{help_} {t('editpage.date_formats', lang)}"
    st.session_state.setdefault(k, f.default if f.type == "currency" else "")
    if f.name == "source_quote":
        return st.text_area(label, key=k, help=help_, height=80)
    return st.text_input(label, key=k, help=help_)


def _fields(store, key, spec: editing.Kind, names: list[str], lang: str, base: str) -> dict:
    """The fields called `names`, in order, two side by side where they belong together."""
    fields = [spec.field(n) for n in names]
    values: dict = {}
    i = 0
    while i < len(fields):
        f, nxt = fields[i], fields[i + 1] if i + 1 < len(fields) else None
        if nxt is not None and (f.name, nxt.name) in PAIRS:
            left, right = st.columns(2)
            with left:
                values[f.name] = _field_input(store, key, f, lang, base)
            with right:
                values[nxt.name] = _field_input(store, key, nxt, lang, base)
            i += 2
        else:
            values[f.name] = _field_input(store, key, f, lang, base)
            i += 1
    return values


def _source_fields(store, key, spec: editing.Kind, lang: str, base: str, help_key: str) -> dict:
    st.markdown(f"**{escape_md(t('editpage.source', lang))}**")
    st.caption(t(help_key, lang))
    return _fields(store, key, spec, [n for n in SOURCE_FIELDS if spec.field(n)], lang, base)


def _plain(values: dict) -> dict:
    """Widget values as the editing functions take them (no None)."""
    return {k: ("" if v is None else v) for k, v in values.items()}


def _show_problems(exc: InputError, spec: editing.Kind | None, lang: str) -> None:
    """Every problem of a refused form, by field label in the user's language; nothing was written."""
    if not isinstance(exc, FieldErrors):
        st.error(escape_md(str(exc)))
        return
    st.error(t("editpage.not_saved", lang))
    for name, message in exc.problems:
        f = (spec.field(name) if spec is not None and name else None) or editing.BASE_FIELDS.get(name)
        st.error(escape_md(f"{f.label(lang)}: {message}" if f is not None else message))


def _thing_picker(store, key, lang: str, action: str, kind: str) -> tuple[str, str] | None:
    """Pick an existing thing of a kind; (IRI, label), or None when the graph has none."""
    options = _choices(store, key, kind, lang)
    if not options:
        st.info(escape_md(t("editpage.none_of_kind", lang, kind=kind_spec(kind).label(lang))))
        return None
    labels = dict(options)
    wk = _wkey(f"edit_{action}_thing.{kind}", lang, options[0][0])
    if st.session_state[wk] not in labels:  # deleted, or never there
        st.session_state[wk] = options[0][0]
    iri = st.selectbox(t("editpage.thing", lang), list(labels), format_func=labels.get, key=wk)
    st.text(t("editpage.identifier", lang, iri=iri))  # text: not turned into a link
    return iri, labels[iri]


def page_edit(store, key, lang: str, editor: str | None) -> None:
    """Add, correct, retire or delete a thing through forms made from the kind specs."""
    if not editor:  # app.py never calls this for a visitor; this page says so itself as well
        st.warning(t("login.required", lang))
        return
    st.header(t("editpage.title", lang))
    st.caption(t("editpage.intro", lang))
    _flash("edit_done")
    left, right = st.columns([3, 2])
    action = left.radio(t("editpage.action", lang), ACTIONS, horizontal=True,
                        format_func=lambda a: t(f"editpage.action.{a}", lang), key=_wkey("edit_action", lang, "add"))
    kinds = list(RETIRABLE) if action == "retire" else [k.name for k in KINDS]
    kind_key = _wkey("edit_kind", lang, "membership")
    if st.session_state[kind_key] not in kinds:
        st.session_state[kind_key] = kinds[0]
    kind = right.selectbox(t("editpage.kind", lang), kinds, format_func=lambda k: kind_spec(k).label(lang),
                           key=kind_key)
    spec = kind_spec(kind, lang)
    st.caption(f"{t(f'editpage.action_help.{action}', lang)} {spec.label(lang)}: {spec.help(lang)}")
    {"add": _add, "correct": _correct, "retire": _retire, "delete": _delete}[action](store, key, lang, editor, spec)


def _add(store, key, lang: str, editor: str, spec: editing.Kind) -> None:
    base = f"edit_add_{spec.name}"
    with st.form(f"edit_form_add_{spec.name}", clear_on_submit=False):
        st.caption(t("editpage.required_note", lang))
        values = _fields(store, key, spec, [n for n in spec.names if n not in SOURCE_FIELDS], lang, base)
        values.update(_source_fields(store, key, spec, lang, base, "editpage.source_help"))
        why = st.text_input(t("editpage.why", lang), key=f"{base}.why", help=t("editpage.why_help", lang))
        submitted = st.form_submit_button(t("editpage.submit.add", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    values = _plain(values)
    try:
        with store.write_lock:  # the draft names the new thing; save checks and writes the same values
            draft = editing.build(store, spec.name, values, lang)
            change = editing.save(store, spec.name, values, editor=editor, why=why, lang=lang)
    except InputError as exc:
        _show_problems(exc, spec, lang)
        return
    _forget(base)
    _done("edit_done", t("editpage.saved.add", lang, kind=spec.label(lang).lower(), label=draft.label, id=change.id))


def _norm(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return tuple(sorted(str(v) for v in value))
    return str(value).strip()


def _correct(store, key, lang: str, editor: str, spec: editing.Kind) -> None:
    picked = _thing_picker(store, key, lang, "correct", spec.name)
    if picked is None:
        return
    iri, _ = picked
    base = f"edit_correct_{spec.name}"
    names = [n for n in spec.names if n != "id" and n not in SOURCE_FIELDS]
    if st.session_state.get("edit_correct_loaded") != (spec.name, iri, key):  # prefill from the graph as it is now
        current = editing.entity_values(store, iri, lang)
        prefill = {}
        for name in names:
            f = spec.field(name)
            value = current.get(name, "")
            if f.type == "list":
                value = "; ".join(value) if isinstance(value, list) else value
            if f.type in PICKERS:
                value = value or _empty_value(f)
                _set_picker(f"{base}.{name}", lang, value)
            else:
                st.session_state[f"{base}.{name}"] = value
            prefill[name] = value
        _forget(f"{base}.source_")
        _forget(f"{base}.evidence")
        st.session_state["edit_correct_loaded"] = (spec.name, iri, key)
        st.session_state["edit_correct_prefill"] = prefill
    with st.form(f"edit_form_correct_{spec.name}", clear_on_submit=False):
        st.caption(t("editpage.correct_help", lang))
        values = _fields(store, key, spec, names, lang, base)
        source = _source_fields(store, key, spec, lang, base, "editpage.correct_source_help")
        why = st.text_input(t("editpage.why", lang), key=f"{base}.why", help=t("editpage.why_help", lang))
        submitted = st.form_submit_button(t("editpage.submit.correct", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    prefill = st.session_state.get("edit_correct_prefill", {})
    changed = {n: v for n, v in _plain(values).items() if _norm(v) != _norm(prefill.get(n))}
    if not changed:
        st.error(t("editpage.no_change", lang))
        return
    try:
        change = editing.correct(store, iri, {**changed, **_plain(source)}, editor=editor, why=why, lang=lang)
    except InputError as exc:
        _show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)  # the form shows the corrected values next time
    _forget(f"{base}.why")
    label = editing.label_of(store, iri, lang)
    _done("edit_done", t("editpage.saved.correct", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


def _retire(store, key, lang: str, editor: str, spec: editing.Kind) -> None:
    picked = _thing_picker(store, key, lang, "retire", spec.name)
    if picked is None:
        return
    iri, label = picked
    base = "edit_retire"
    end_field = spec.field("end")
    has_status = spec.field("status") is not None
    with st.form(f"edit_form_retire_{spec.name}", clear_on_submit=False):
        left, right = st.columns(2)
        st.session_state.setdefault(f"{base}.end", "")
        with left:
            end = st.text_input(f"{end_field.label(lang)} *", key=f"{base}.end",
                                help=f"{t('edit.help.retire_end', lang)} {t('editpage.date_formats', lang)}")
        status = ""
        if has_status:
            statuses = _choices(store, key, "status", lang)
            labels = dict(statuses)
            wk = _wkey(f"{base}.status", lang, _match_choice(statuses, "ended") or "")
            if st.session_state[wk] not in labels:
                st.session_state[wk] = _match_choice(statuses, "ended")
            with right:
                status = st.selectbox(t("editpage.retire_status", lang), list(labels), format_func=labels.get,
                                      key=wk, help=t("editpage.retire_status_help", lang))
        source = _source_fields(store, key, spec, lang, base, "editpage.source_help")
        why = st.text_input(t("editpage.why", lang), key=f"{base}.why", help=t("editpage.why_help", lang))
        submitted = st.form_submit_button(t("editpage.submit.retire", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    source = _plain(source)
    try:
        change = editing.retire(store, iri, end=end, status=(status or editing.IKG.Ended) if has_status else None,
                                source=source, editor=editor, why=why, lang=lang)
    except InputError as exc:
        _show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)
    _forget(base)
    _done("edit_done", t("editpage.saved.retire", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


def _delete(store, key, lang: str, editor: str, spec: editing.Kind) -> None:
    picked = _thing_picker(store, key, lang, "delete", spec.name)
    if picked is None:
        return
    iri, label = picked
    pointing = editing.referrers(store, iri, lang)
    if pointing:
        st.warning(escape_md(t("editpage.referrers", lang, label=label)))
        st.text("\n".join(f"• {text}" for _, text in pointing))
    else:
        st.caption(escape_md(t("editpage.no_referrers", lang, label=label)))
    base = "edit_delete"
    with st.form(f"edit_form_delete_{spec.name}", clear_on_submit=False):
        confirm = st.text_input(t("editpage.confirm", lang), key=f"{base}.confirm",
                                help=escape_md(t("editpage.confirm_help", lang, label=label, iri=iri)))
        why = st.text_input(t("editpage.why", lang), key=f"{base}.why", help=t("editpage.why_help", lang))
        submitted = st.form_submit_button(t("editpage.submit.delete", lang), key=f"{base}.submit", type="primary")
    if not submitted:
        return
    try:
        change = editing.delete(store, iri, confirm=confirm, editor=editor, why=why, lang=lang)
    except InputError as exc:
        _show_problems(exc, spec, lang)
        return
    st.session_state.pop("edit_correct_loaded", None)
    _forget(base)
    _done("edit_done", t("editpage.saved.delete", lang, kind=spec.label(lang).lower(), label=label, id=change.id))


# ---------------------------------------------------------------------------------------------
# The import page
# ---------------------------------------------------------------------------------------------


def page_import(store, key, lang: str, editor: str | None) -> None:
    """Templates to download; a file to upload, checked and previewed, then written on confirmation."""
    if not editor:
        st.warning(t("login.required", lang))
        return
    st.header(t("importpage.title", lang))
    st.caption(t("importpage.intro", lang))
    _flash("import_done")
    kinds = [k.name for k in KINDS]

    st.subheader(t("importpage.templates", lang))
    c1, c2, c3 = st.columns([3, 2, 2], vertical_alignment="bottom")
    template_kind = c1.selectbox(t("importpage.template_kind", lang), kinds,
                                 format_func=lambda k: kind_spec(k).label(lang),
                                 key=_wkey("import_tpl_kind", lang, "membership"))
    c2.download_button(t("importpage.csv", lang),  # made when clicked, in the user's language
                       lambda k=template_kind: tabular.template(k, "csv", lang, store=store),
                       file_name=f"{template_kind}-{lang}.csv", mime="text/csv", key="import_tpl_csv",
                       on_click="ignore", width="stretch")
    c3.download_button(t("importpage.xlsx", lang),
                       lambda k=template_kind: tabular.template(k, "xlsx", lang, store=store),
                       file_name=f"{template_kind}-{lang}.xlsx", mime=XLSX_MIME, key="import_tpl_xlsx",
                       on_click="ignore", width="stretch")
    st.caption(t("importpage.templates_help", lang))

    st.subheader(t("importpage.upload", lang))
    limit = uploads.max_upload_bytes(lang)
    limit_text = t("importpage.limit", lang, limit=uploads.size_text(limit, lang))
    table_kind = st.selectbox(t("importpage.kind", lang), ["", *kinds],
                              format_func=lambda k: kind_spec(k).label(lang) if k else t("importpage.kind_auto", lang),
                              key=_wkey("import_kind", lang, ""), help=t("importpage.kind_help", lang))
    upload_round = st.session_state.setdefault("import_round", 0)  # a new uploader after each import
    upload = st.file_uploader(t("importpage.file", lang), type=UPLOAD_TYPES, key=f"import_file_{upload_round}",
                              max_upload_size=max(1, math.ceil(limit / uploads.MB)), help=limit_text)
    st.caption(limit_text)
    if upload is None:
        st.session_state.pop("import_prepared", None)
        return
    data = upload.getvalue()
    signature = (upload.file_id, upload.name, len(data), table_kind, lang, key)
    held = st.session_state.get("import_prepared")
    if held is None or held[0] != signature:  # checked once per file, kind, language and store generation
        try:
            result = importing.prepare(store, upload.name, data, lang=lang, kind=table_kind or None, max_bytes=limit)
        except InputError as exc:
            result = exc
        held = st.session_state["import_prepared"] = (signature, result)
    result = held[1]
    if isinstance(result, Exception):
        _show_refusal(result, upload.name, lang)
        return
    _show_preview(result, lang)
    if result.is_empty:
        return
    with st.form("import_confirm_form", clear_on_submit=False):
        why = st.text_input(t("importpage.why", lang), key="import_why",
                            placeholder=t("import.why_default", lang, name=PurePath(upload.name).name))
        submitted = st.form_submit_button(t("importpage.confirm", lang), key="import_confirm", type="primary")
    if not submitted:
        return
    try:
        change = importing.apply(store, result, editor=editor, why=why, lang=lang)
    except InputError as exc:
        st.session_state.pop("import_prepared", None)
        _show_refusal(exc, upload.name, lang)
        return
    st.session_state["import_round"] = upload_round + 1
    st.session_state.pop("import_prepared", None)
    st.session_state.pop("import_why", None)
    _done("import_done", t("importpage.saved", lang, name=PurePath(upload.name).name, id=change.id,
                           add=number(change.added_count, lang)))


def _entity_frame(entities: list[importing.Entity], lang: str) -> pd.DataFrame:
    rows = sorted(([e.kind, e.label, e.iri] for e in entities), key=lambda r: (r[0].casefold(), r[1].casefold()))
    return pd.DataFrame(rows, columns=[t(f"importpage.col.{c}", lang) for c in ("kind", "name", "iri")])


def _show_preview(preview: importing.Preview, lang: str) -> None:
    st.subheader(t("importpage.preview", lang))
    if preview.is_empty:
        st.info(t("import.preview.nothing", lang))
        return
    st.text(t("import.preview.counts", lang, add=number(preview.added_count, lang),
              remove=number(preview.removed_count, lang)))
    if preview.summary:
        st.text(preview.summary)
    if preview.new:
        st.markdown(f"**{escape_md(t('importpage.new', lang, n=number(len(preview.new), lang)))}**")
        st.dataframe(_entity_frame(preview.new, lang), hide_index=True, key="import_new")
    if preview.changed:
        st.markdown(f"**{escape_md(t('importpage.changed', lang, n=number(len(preview.changed), lang)))}**")
        st.dataframe(_entity_frame(preview.changed, lang), hide_index=True, key="import_changed")
    if preview.warnings:
        st.markdown(f"**{escape_md(t('importpage.warnings', lang))}**")
        for warning in preview.warnings:
            st.warning(escape_md(warning))


def _show_refusal(exc: InputError, name: str, lang: str) -> None:
    """A refused file: every problem in a table (row and column, or line and column); nothing was written."""
    if isinstance(exc, tabular.TableErrors):
        cols = ("row", "column", "problem")
        rows = [["" if row is None else str(row), column, message] for row, column, message in exc.problems]
    elif isinstance(exc, importing.ImportErrors):
        cols = ("line", "column", "where", "problem")
        rows = [["" if p.line is None else str(p.line), "" if p.column is None else str(p.column),
                 p.location if p.line is None else "", p.message] for p in exc.problems]
    else:
        st.error(escape_md(str(exc)))
        return
    n = len(rows)
    st.error(escape_md(t("importpage.refused_one" if n == 1 else "importpage.refused_many", lang,
                         name=PurePath(name).name, n=number(n, lang))))
    st.dataframe(pd.DataFrame(rows, columns=[t(f"importpage.col.{c}", lang) for c in cols]), hide_index=True,
                 key="import_problems")
