"""Who may edit: the sidebar's login box (a password from the secrets, or the OIDC login) and the current editor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

import graph.edit.auth as auth
from graph.edit import login_pass
from graph.i18n import t
from graph.ui import cache

EDITOR_KEY = "ikg_editor"
PASS_KEY = "ikg_editor_pass"  # the pass this session's login gave the browser, or came with
LOGGED_OUT_KEY = "ikg_logged_out"  # logged out in this session: a pass the browser still sends is not read


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
        return _password_editor()
    return None


def _passes() -> login_pass.Passes:
    """The passes of the open store: a withdrawn one is kept beside its folder (`FOLDER.passes`), so every
    app on the folder, and this one started again, refuses it; in this process only for other stores."""
    try:
        store = cache.opened().store
    except Exception:  # noqa: BLE001 - no store to open (the first-run page): this process's passes
        return login_pass.PASSES
    return login_pass.passes_for(store.beside(".passes"))


def _pass_hours() -> float:
    return login_pass.hours(auth.ikg_setting(secrets(), "login_hours"))


def _browser_pass() -> str | None:
    try:
        value = st.context.cookies.get(login_pass.COOKIE)
    except Exception:  # noqa: BLE001 - no session context (bare script run): no cookies
        return None
    return value if isinstance(value, str) else None  # (a test harness's stand-in is no cookie)


def _password_editor() -> str | None:
    """The editor of this session: logged in here, or in another tab or before a reload (the browser's pass)."""
    state = st.session_state
    stored = auth.password_hash(secrets())
    token = state.get(PASS_KEY)
    if token is not None and _passes().name(token, stored) is None:  # logged out elsewhere, expired,
        state.pop(EDITOR_KEY, None)  # or the password was changed
        state.pop(PASS_KEY, None)
        return None
    name = state.get(EDITOR_KEY)
    if name:
        return str(name)
    if state.get(LOGGED_OUT_KEY) or not _pass_hours():
        return None
    token = _browser_pass()
    name = _passes().name(token, stored)
    if name is None:
        return None
    state[EDITOR_KEY], state[PASS_KEY] = name, token
    return name


def sidebar_login(lang: str) -> str | None:
    """The sidebar's login box; returns the editor's name when logged in."""
    mode = auth.login_mode(secrets())
    editor = current_editor()
    box = st.sidebar.expander(t("login.title_in" if editor else "login.title", lang), expanded=False, key="login_box")
    if mode == "password":
        _keep_pass(box, editor)
    if editor:
        box.text(t("login.as", lang, name=editor))
        if box.button(t("login.logout", lang), key="logout"):
            if mode == "oidc":
                st.logout()
            _passes().withdraw(st.session_state.pop(PASS_KEY, None))
            st.session_state.pop(EDITOR_KEY, None)
            st.session_state[LOGGED_OUT_KEY] = True
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


def _keep_pass(box: Any, editor: str | None) -> None:
    """Give the browser this session's pass, or take back one it brought when nobody is logged in here.

    Written on every run (the same element each time, so its script runs once per page): a run that ends in
    a rerun before the browser drew it writes it again."""
    token = st.session_state.get(PASS_KEY) if editor else None
    if token is not None:
        box.html(cookie_script(token), unsafe_allow_javascript=True)
    elif st.session_state.get(LOGGED_OUT_KEY) or _browser_pass():
        box.html(cookie_script(None), unsafe_allow_javascript=True)


def cookie_script(token: str | None) -> str:
    """The script that gives the browser its pass (None: takes it away). The pass holds only the
    characters [0-9A-Za-z_.-] and goes nowhere but into the cookie.

    >>> cookie_script(None)
    '<script>document.cookie = "ikg_editor=; Path=/; Max-Age=0; SameSite=Strict";</script>'
    """
    if token is None:
        value = f"{login_pass.COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"
    else:
        if not all(c.isascii() and (c.isalnum() or c in "_.-") for c in token):
            raise ValueError("not a pass")
        value = f"{login_pass.COOKIE}={token}; Path=/; SameSite=Strict"
    secure_part = ' + (location.protocol === "https:" ? "; Secure" : "")' if token is not None else ""
    return f'<script>document.cookie = "{value}"{secure_part};</script>'


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
        st.session_state.pop(LOGGED_OUT_KEY, None)
        hours = _pass_hours()
        if hours:
            st.session_state[PASS_KEY] = _passes().give(name, auth.password_hash(secrets()), hours)
        st.rerun()
    else:
        auth.THROTTLE.failed(*keys)
        wait = auth.THROTTLE.wait(*keys)
        box.error(t("login.locked", lang, seconds=wait) if wait else t("login.wrong", lang))
