"""The first-run page: what `ikg init` asks, as a form. It writes the new city's data folder and fills
the store from it; the app then shows the new graph. Shown first when the store holds no dataset."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph import config
from graph.edit.home_kinds import DEFAULT_KIND, HOME_KINDS, kind_label
from graph.edit.start_checks import countries
from graph.edit.starter import (
    Document,
    Start,
    check_replace,
    fill_from_folder,
    names_in,
    organisation_names,
    problems,
    write_starter,
)
from graph.errors import IkgError
from graph.i18n import escape_md, number, t
from graph.store.base import Store
from graph.ui import context, state

DEFAULT_FOLDER = "city-data"
DONE_KEY = "start_done"  # the confirmation the first explorer page shows after the start


def default_folder() -> str:
    """The configured data folder (IKG_DATA) while it holds no data, else `city-data`."""
    chosen = config.env("IKG_DATA")
    if chosen and not any(Path(chosen).glob("*.ttl")):
        return chosen
    return DEFAULT_FOLDER


def needs_start(store: Store) -> bool:
    """True when the store holds no dataset: the app opens on this page."""
    return not store.ask("ASK { ?d a ikg:Dataset ; ikg:homeActor ?h }")


def eg(example: str, lang: str) -> str:
    """A field's grey example, said to be one (a bare "Bergen kommune" looked already filled in)."""
    return t("start.eg", lang, value=example)


def _form(lang: str) -> tuple[Start, str] | None:
    codes = countries(lang)
    with st.form("start_form", clear_on_submit=False):
        kind = st.selectbox(t("start.kind", lang), list(HOME_KINDS), format_func=lambda k: kind_label(k, lang),
                            placeholder=t("common.choose", lang), key="start.kind")
        c1, c2 = st.columns(2)  # a row of two at a time: a phone, stacking columns, keeps each pair together
        name = c1.text_input(t("start.name", lang), key="start.name", placeholder=eg("Bergen kommune", lang))
        name_en = c2.text_input(t("start.name_en", lang), key="start.name_en",
                                placeholder=eg("Bergen Municipality", lang))
        c1, c2 = st.columns(2)
        city = c1.text_input(t("start.city", lang), key="start.city", placeholder=eg("Bergen", lang))
        names = [label for _, label in codes]
        picked = c2.selectbox(t("start.country", lang), names, index=None, key="start.country",
                              placeholder=t("common.choose", lang))
        c1, c2 = st.columns(2)
        lat = c1.text_input(t("start.lat", lang), key="start.lat", placeholder=eg("60.39", lang))
        long = c2.text_input(t("start.long", lang), key="start.long", placeholder=eg("5.32", lang))
        document = st.text_input(t("start.document", lang), key="start.document",
                                 placeholder=eg("Internasjonal strategi 2024–2028 | International strategy 2024–2028",
                                                lang))
        c3, c4 = st.columns(2)
        url = c3.text_input(t("start.document_url", lang), key="start.document_url")
        date = c4.text_input(t("start.document_date", lang), key="start.document_date",
                             placeholder=eg("2024-06-20", lang))
        areas = st.text_area(t("start.target_areas", lang), key="start.target_areas",
                             placeholder=eg("Klima og miljø | Climate and environment\nUtdanning | Education", lang))
        languages = st.text_input(t("start.languages", lang), value="nb,en", key="start.languages")
        folder = st.text_input(t("start.folder", lang), value=default_folder(), key="start.folder")
        if not st.form_submit_button(t("start.submit", lang), key="start.submit", type="primary"):
            return None
    code = next((c for c, label in codes if label == picked), "")
    langs = tuple(dict.fromkeys(x.strip().lower() for x in (languages or "").split(",") if x.strip()))
    docs = [Document(names_in(document, langs), url.strip(), date.strip())] if document.strip() else []
    start = Start(organisation=organisation_names(name, name_en or "", langs), city=city, country=code,
                  lat=lat, long=long, languages=langs, documents=docs,
                  target_areas=[names_in(line, langs) for line in areas.splitlines() if line.strip()], editor="app",
                  kind=kind or DEFAULT_KIND)
    return start, folder.strip() or DEFAULT_FOLDER


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("start.title", lang))
    st.markdown(t("start.intro", lang))
    answered = _form(lang)
    if answered is None:
        return
    start, folder = answered
    found = problems(start, lang, options=False)  # one message per answer to mend, naming no ikg option
    if found:
        for problem in found:
            st.error(escape_md(problem))
        return
    try:
        changed = check_replace(ctx.store, replace=bool(ctx.editor), lang=lang)
        written = write_starter(Path(folder), start, lang)
        n = fill_from_folder(ctx.store, Path(folder), editor=ctx.editor or "app", changed=changed, lang=ctx.lang)
    except IkgError as exc:
        st.error(escape_md(str(exc)))
        return
    # Shown once on the explorer's first page, which the rerun opens with its menu.
    state.done(DONE_KEY, t("start.done", lang, n=number(n, lang), folder=str(Path(folder).resolve()),
                           files=", ".join(p.name for p in written)))


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
