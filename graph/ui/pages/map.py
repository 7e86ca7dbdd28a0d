"""The Map page: the home city, its twin cities and partner cities on a map drawn offline (Natural Earth
countries shipped with the app, no tiles), with a table of the same cities."""

from __future__ import annotations

import base64
import hashlib

import streamlit as st

import graph.questions.catalogue as queries
import graph.render.view as view
from graph.i18n import t
from graph.render.view import worldmap
from graph.render.view.worldmap import City
from graph.ui import cache, context, tables
from graph.vocab.collate import name_key
from graph.vocab.namespaces import IKG

# On a screen under 700 pixels (a phone) the map keeps a width at which its names can be read, 900 pixels
# (squeezed to the screen they were under 4 pixels high), and scrolls sideways in its frame, which opens on
# the home city: the one script, fixed text run by its hash. Its legend, at the map's left edge, would then
# be out of view: an HTML copy stays at the frame's lower left instead (sticky in a box of no size), and a
# tap on its title folds it away from the cities it covers.
PHONE_WIDTH = 900
SCROLL_HOME = ("var h=document.querySelector('[data-home]'),s=document.scrollingElement;"
               "if(h&&s.scrollWidth>s.clientWidth){var r=h.getBoundingClientRect();"
               "s.scrollLeft=r.left+r.width/2-s.clientWidth/2;}")
SCROLL_HASH = base64.b64encode(hashlib.sha256(SCROLL_HOME.encode()).digest()).decode()

# The picture's own page: every name in it is escaped text, and the page may load nothing and run only
# SCROLL_HOME.
HEAD = ('<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src 'sha256-{SCROLL_HASH}'\"><style>html,body{{margin:0}}"
        "body>svg{display:block;max-height:538px}.stay,.key{display:none}"
        f"@media (max-width:699px){{body{{width:{PHONE_WIDTH}px}}body>svg{{width:{PHONE_WIDTH}px;max-height:none}}"
        "svg .legend{display:none}.stay{display:block;position:sticky;left:4px;width:0;height:0}"
        ".key{display:block;position:absolute;left:0;bottom:6px;white-space:nowrap;font:11px sans-serif;color:#222;"
        "background:rgba(255,255,255,.85);border:1px solid #ccc;padding:3px 8px 3px 0}"
        ".key summary{padding-left:8px;font-weight:600;cursor:pointer}"
        ".key .row{display:flex;align-items:center;gap:6px;height:18px}}"
        "</style></head>")


def page(lang: str, svg: str, legend: str) -> str:
    """The map's page in its frame; `legend` is worldmap.legend_html's, shown on a phone."""
    return (f'<!DOCTYPE html><html lang="{lang}">{HEAD}<body>{svg}<div class="stay">{legend}</div>'
            f"<script>{SCROLL_HOME}</script></body></html>")


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
    st.iframe(page(lang, svg, worldmap.legend_html(cities, names, t("map.legend", lang))), height=540)
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
