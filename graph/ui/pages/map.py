"""The Map page: the home city, its twin cities and partner cities on a map drawn offline (Natural Earth
countries shipped with the app, no tiles), with a table of the same cities."""

from __future__ import annotations

import streamlit as st

import graph.questions.catalogue as queries
import graph.render.view as view
from graph.i18n import t
from graph.render.view import worldmap
from graph.render.view.worldmap import City
from graph.ui import cache, context, tables
from graph.vocab.collate import name_key
from graph.vocab.namespaces import IKG

# The picture's own page: every name in it is escaped text, and the page may load and run nothing.
PAGE = ('<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        'content="default-src \'none\'; style-src \'unsafe-inline\'"><style>html,body{{margin:0}}'
        'svg{{display:block;max-height:538px}}</style></head><body>{svg}</body></html>')


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("map.title", lang))
    st.caption(t("map.intro", lang))
    places = cache.places(ctx.store, ctx.key, lang)
    if places.empty:
        st.info(t("map.no_places", lang))
        return
    active = view.network_data(ctx.store, lang).labels.get(str(IKG.Active), "")
    records = places.to_dict("records")
    cities = [City(str(r["name"]), float(r["lat"]), float(r["lon"]),
                   "home" if r["home"] else (str(r["type"]) or "partner"), str(r["since"]), str(r["status"]),
                   not r["status"] or r["status"] == active) for r in records]
    names = {"home": t("map.home", lang), "partner": t("map.partner", lang), "dashed": t("explorer.map.dashed", lang)}
    near = worldmap.near_home(cities)
    if near:  # a city on another continent would leave the map mostly ocean, the others crowded
        area = st.radio(t("map.area", lang), ["near", "all"], key="map_area", horizontal=True,
                        format_func=lambda a: t(f"map.area.{a}", lang))
    svg = cache.map_picture(ctx.store, ctx.key, lang, tuple(cities), tuple(sorted(names.items())),
                            bool(near) and area == "near")
    st.iframe(PAGE.format(lang=lang, svg=svg), height=540)
    if near and area == "near":
        st.caption(t("map.far", lang, n=len(cities) - len(near)) + " " + t("explorer.map.hover", lang))
    else:
        st.caption(t("explorer.map.hover", lang))
    table = queries.Table(["city", "agreement", "since", "status"],
                          [[c.name, names.get(c.kind, c.kind), c.since, c.status]
                           for c in sorted(cities, key=lambda c: (name_key(c.name, lang), c.name))])
    tables.show_table(table, lang, key="map_table")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
