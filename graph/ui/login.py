"""Who may edit: the sidebar's login box (a password from the secrets, or the OIDC login) and the current editor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

import graph.edit.auth as auth
from graph.i18n import t

EDITOR_KEY = "ikg_editor"


def secrets() -> Mapping[str, Any]:
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
        name = st.session_state.get(EDITOR_KEY)
        return str(name) if name else None
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
    _password_form(box, lang)
    return None


def client_address() -> str:
    """The address of this session's connection (`st.context.ip_address`), or "unknown" (also on localhost)."""
    try:
        address = st.context.ip_address
    except Exception:  # noqa: BLE001 - no session context (bare script run): count it as unknown
        address = None
    return str(address) if address else "unknown"


def _password_form(box: Any, lang: str) -> None:
    """Name and password; wrong passwords for a name or from an address lock the login for every session."""
    with box.form("login", clear_on_submit=False):
        name = st.text_input(t("login.name", lang), key="login_name")
        password = st.text_input(t("login.password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login.submit", lang))
    if not submitted:
        return
    keys = auth.throttle_keys(name, client_address())
    wait = auth.THROTTLE.wait(*keys)
    if wait:
        box.error(t("login.locked", lang, seconds=wait))
    elif not name.strip():
        box.error(t("login.no_name", lang))
    elif auth.check_password(password, auth.password_hash(secrets())):
        auth.THROTTLE.succeeded(*keys)
        st.session_state[EDITOR_KEY] = name.strip()
        st.rerun()
    else:
        auth.THROTTLE.failed(*keys)
        wait = auth.THROTTLE.wait(*keys)
        box.error(t("login.locked", lang, seconds=wait) if wait else t("login.wrong", lang))
