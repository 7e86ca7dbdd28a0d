"""Session state of one visitor: the language, widget keys that follow the language, and one-shot messages.

Every page keeps its widget values in `st.session_state`; the helpers here are the only places that
name keys made of parts, so a page never builds them by hand.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from graph.i18n import escape_md, languages

LANG_KEY = "lang"  # the language radio in the sidebar, and the address's ?lang= (a reload keeps the language)
NOTICE_KEY = "ikg_notice"  # a warning for the sidebar, shown once (e.g. "this page is for editors")
PAGE_KEY = "ikg_page"  # the page this run shows
PREVIOUS_PAGE_KEY = "ikg_previous_page"  # the page the run before showed


def lang() -> str:
    """The language the visitor chose in the sidebar (Norwegian until the radio has been drawn)."""
    chosen = st.session_state.get(LANG_KEY)
    return chosen if chosen in languages() else languages()[0]


def lang_from_address() -> None:
    """A new session (a reload, a link opened, a bookmark) starts in the address's language, `?lang=en`;
    the session's own choice wins after that. Call it before the radio is drawn."""
    asked = st.query_params.get(LANG_KEY)
    if LANG_KEY not in st.session_state and asked in languages():
        st.session_state[LANG_KEY] = asked


def lang_to_address(lang: str) -> None:
    """Keep the chosen language in the address, so a reload or a copied link opens in it. The first
    language is the default and leaves the address as it is; an unknown `?lang=` is dropped."""
    wanted = lang_param(lang).get(LANG_KEY)
    if st.query_params.get(LANG_KEY) == wanted:
        return
    if wanted is None:
        del st.query_params[LANG_KEY]
    else:
        st.query_params[LANG_KEY] = wanted


def lang_param(lang: str) -> dict[str, str]:
    """The address parameter for `lang`: none for the default language, `{"lang": "en"}` otherwise."""
    return {} if lang == languages()[0] else {LANG_KEY: lang}


def page_params() -> dict[str, str]:
    """The address's parameters that belong to the page (every one but the language)."""
    return {k: st.query_params[k] for k in st.query_params if k != LANG_KEY}


def set_page_params(wanted: dict[str, str]) -> None:
    """Make `wanted` the page's parameters in the address, keeping the language the frame put there."""
    if page_params() != wanted:
        lang = st.query_params.get(LANG_KEY)
        st.query_params.from_dict({**wanted, **({LANG_KEY: lang} if lang else {})})


def others(lang: str) -> list[str]:
    """The languages other than `lang`."""
    return [x for x in languages() if x != lang]


def wkey(base: str, lang: str, default: Any) -> str:
    """The key of a widget whose shown options follow the language.

    Streamlit matches a widget's value by its shown text, so a widget keeps one key per language;
    its value (language-independent: IRIs, notations, names) is carried over when the language
    changes. Widgets keyed this way take their default from here, never from their own arguments.
    """
    key = f"{base}.{lang}"
    if key not in st.session_state:
        previous = next((f"{base}.{x}" for x in others(lang) if f"{base}.{x}" in st.session_state), None)
        st.session_state[key] = st.session_state[previous] if previous else default
    return key


def set_picker(base: str, lang: str, value: Any) -> None:
    """Set a language-keyed widget's value (before it is drawn); the other language's copy is dropped."""
    st.session_state[f"{base}.{lang}"] = value
    for x in others(lang):
        st.session_state.pop(f"{base}.{x}", None)


def entering(page: str) -> None:
    """Note the page this run shows (the app calls it before running the page)."""
    st.session_state[PREVIOUS_PAGE_KEY] = st.session_state.get(PAGE_KEY)
    st.session_state[PAGE_KEY] = page


def same_page_as_before() -> bool:
    """Whether the run before showed this same page (a click on it), not another one (a link to it)."""
    return st.session_state.get(PREVIOUS_PAGE_KEY) == st.session_state.get(PAGE_KEY)


def forget(prefix: str) -> None:
    """Drop every widget value whose key starts with `prefix` (a form is shown empty again)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]


def flash(name: str, *, toast: bool = False) -> None:
    """The confirmation of the last change, shown once after the rerun that follows it; with `toast`, also in a
    toast, which shows wherever the page is scrolled (a long form is left at its emptied bottom, the
    confirmation at its top)."""
    if name in st.session_state:
        message = escape_md(st.session_state.pop(name))
        st.success(message)
        if toast:
            st.toast(message, icon=":material/check_circle:", duration="long")


def done(name: str, message: str) -> None:
    """Remember a confirmation for `flash` and rerun: every page and cached answer then shows the change."""
    st.session_state[name] = message
    st.rerun()


def notify(message: str) -> None:
    """A warning the frame shows in the sidebar on its next run (the page that set it may be left)."""
    st.session_state[NOTICE_KEY] = message


def show_notice() -> None:
    """The sidebar warning set by `notify`, shown once."""
    if NOTICE_KEY in st.session_state:
        st.sidebar.warning(st.session_state.pop(NOTICE_KEY))
