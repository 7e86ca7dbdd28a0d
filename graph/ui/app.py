"""The explorer's frame: a Streamlit face on the same graph/ functions the `ikg` command uses.

Run with `streamlit run app.py`. Every run draws the language choice and the editor login in the
sidebar, opens the store (once for all sessions) and hands over to the page chosen in Streamlit's own
navigation (`st.navigation`); each page is one script in graph/ui/pages/ and has its own address
(/gaps, /review ...; the network is the first page, at /). The editor pages are in the navigation of a
logged-in editor only. Every piece of text comes from graph/i18n in Norwegian (bokmål) or English.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

import graph.history.shipped as shipped
from graph import config
from graph.edit.starter import dataset_title
from graph.errors import IkgError
from graph.i18n import escape_md, language_name, languages, t
from graph.store.faults import explain_fault, in_language
from graph.ui import cache, login, state, streamlit_words, widget_texts
from graph.ui.pages import start

log = logging.getLogger("ikg.app")
PAGES_DIR = Path(__file__).resolve().parent / "pages"


@dataclass(frozen=True)
class PageSpec:
    """One page: its name (its address, and its title's key `page.<name>`), script and icon."""

    name: str
    script: str
    icon: str
    for_editors: bool = False

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.script


PAGES = (
    PageSpec("network", "network.py", ":material/hub:"),
    PageSpec("collaborators", "collaborators.py", ":material/group:"),
    PageSpec("gaps", "gaps.py", ":material/grid_view:"),
    PageSpec("review", "review.py", ":material/fact_check:"),
    PageSpec("map", "map.py", ":material/map:"),
    PageSpec("timeline", "timeline.py", ":material/timeline:"),
    PageSpec("sparql", "sparql.py", ":material/terminal:"),
    PageSpec("history", "history.py", ":material/history:"),
    PageSpec("about", "about.py", ":material/info:"),
    PageSpec("edit", "edit.py", ":material/edit:", for_editors=True),
    PageSpec("import", "importing.py", ":material/upload_file:", for_editors=True),
)
HOME = PAGES[0]


def navigation_pages(lang: str, editor: str | None) -> dict[str, StreamlitPage]:
    """The pages of this run by name. A visitor's editor pages are hidden stand-ins at the same address
    that never run the editor page: they say it is for editors and open the first page instead."""
    pages: dict[str, StreamlitPage] = {}
    for spec in PAGES:
        if spec.for_editors and not editor:
            pages[spec.name] = st.Page(_for_editors_only, title=t(f"page.{spec.name}", lang), url_path=spec.name,
                                       visibility="hidden")
        elif spec is HOME:  # served at the root; its own name, /network, leads there too (people type it)
            pages[spec.name] = st.Page(spec.path, title=t(f"page.{spec.name}", lang), icon=spec.icon,
                                       url_path="home", default=True)
            pages["to-home"] = st.Page(_to_home, title=t(f"page.{spec.name}", lang), url_path=spec.name,
                                       visibility="hidden")
        else:
            pages[spec.name] = st.Page(spec.path, title=t(f"page.{spec.name}", lang), icon=spec.icon,
                                       url_path=spec.name)
    return pages


def start_page(lang: str) -> StreamlitPage:
    """The first-run page (what `ikg init` does), the only page while the store holds no dataset."""
    return st.Page(PAGES_DIR / "start.py", title=t("page.start", lang), icon=":material/rocket_launch:",
                   url_path="start", default=True)


def _to_home() -> None:
    """/network: the first page, at the root, with the link's filters and language."""
    st.switch_page(HOME.path, query_params=st.query_params.to_dict())


def _for_editors_only() -> None:
    """A visitor at an editor page's address (a link, a bookmark, or just logged out)."""
    state.notify(t("login.required", state.lang()))
    st.switch_page(HOME.path)


def follow_old_link(pages: dict[str, StreamlitPage], editor: str | None, lang: str) -> None:
    """An old link to one page, `?page=gaps`, opens that page at its own address (people have bookmarks)."""
    asked = st.query_params.get("page")
    if asked is None:
        return
    spec = next((p for p in PAGES if p.name == asked), None)
    if spec is None:
        del st.query_params["page"]
        return
    if spec.for_editors and not editor:  # a visitor: the first page, saying why
        state.notify(t("login.required", lang))
        spec = HOME
    st.switch_page(pages[spec.name])


def main() -> None:
    st.set_page_config(page_title=t("app.title", "nb"), page_icon="🌐", layout="wide")
    state.lang_from_address()  # a reload, or a link someone copied, keeps its language
    lang = st.sidebar.radio("Språk / Language", languages(), format_func=language_name,
                            key=state.LANG_KEY, horizontal=True, persist_state="session") or state.lang()
    state.lang_to_address(lang)
    widget_texts.page_style(lang)  # Streamlit's own English under fields and in uploaders, in `lang`
    streamlit_words.write_over(lang)  # and its labels and tooltips, written over in the browser
    title = st.sidebar.empty()  # the dataset's own name, once the store is open
    title.title(t("app.title", lang))
    editor = login.sidebar_login(lang)
    try:
        with st.spinner(t("app.opening", lang)):
            opened = cache.opened()
    except IkgError as exc:
        st.title(t("app.error_title", lang))
        fault = explain_fault(exc, lang, config.store_setting())  # damaged, full disk, held by a process
        st.error(escape_md(fault or t("app.store_error", lang, detail=in_language(exc, lang) or str(exc))))
        if not fault:
            st.caption(t("app.store_error_help", lang))
        return
    named = dataset_title(opened.store, lang)  # the home city is wherever the dataset says (issue 14)
    title.title(named)
    st.set_page_config(page_title=named)
    pages = navigation_pages(lang, editor)
    first_run = start.needs_start(opened.store)  # no dataset yet: the first-run page alone (issue 14)
    if first_run:
        pages = {"start": start_page(lang)}
    page = st.navigation({t("app.pages", lang): list(pages.values())}, position="sidebar")
    if not first_run:
        follow_old_link(pages, editor, lang)
    state.show_notice()
    if not first_run:
        state.flash(start.DONE_KEY)  # "the graph is started", over the first page the new menu opens
    if shipped.is_stale(opened.store):
        st.sidebar.warning(t("app.stale", lang))
    state.entering(page.url_path)
    run(page, lang)


def run(page: StreamlitPage, lang: str) -> None:
    """Run the page; an error is a message for people, never a traceback (the log has it)."""
    try:
        page.run()
    except IkgError as exc:
        st.error(escape_md(explain_fault(exc, lang, config.store_setting()) or in_language(exc, lang) or str(exc)))
    except Exception as exc:
        fault = explain_fault(exc, lang, config.store_setting())
        if fault:  # the disk filled up while saving, and the like: what to do, not a bug report
            st.error(escape_md(fault))
            return
        if config.debug():
            raise
        log.exception("page %s failed", page.url_path)
        st.error(escape_md(t("app.unexpected", lang, detail=f"{type(exc).__name__}: {exc}")))
