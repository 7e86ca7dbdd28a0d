"""The app's editor login and its history page (Streamlit widgets only; the work is in graph/).

Imported by app.py only. Data is always shown as text (st.text, st.code, dataframes), never as
Markdown or HTML.
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from . import auth, history
from .errors import IkgError
from .i18n import escape_md, t

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
    from .namespaces import bind_prefixes

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
