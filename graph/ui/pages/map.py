"""The Map page: the home city, its twin cities and partner cities on a map drawn without any online tiles."""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse

import pandas as pd
import pydeck as pdk
import streamlit as st

import graph.questions.catalogue as queries
from graph.i18n import t
from graph.ui import cache, context, tables

NAMED_COLOURS = {"grey": [150, 150, 150], "black": [0, 0, 0]}
TYPE_COLOURS = [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75],
                [227, 119, 194], [188, 189, 34], [23, 190, 207]]
# A map style with no tiles, as a data: URL: nothing is fetched from the internet (municipal networks are
# often closed), and Streamlit does not fall back to its online base map when a style is given.
BLANK_STYLE = "data:application/json," + urllib.parse.quote(json.dumps({
    "version": 8, "sources": {},
    "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#eef3f7"}}],
}))


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("map.title", lang))
    st.caption(t("map.intro", lang))
    places = cache.places(ctx.store, ctx.key, lang)
    if places.empty:
        st.info(t("map.no_places", lang))
        return
    home_type, partner_type = t("map.home", lang), t("map.partner", lang)
    df = places.copy()
    df["type"] = df["type"].where(df["type"] != "", partner_type)
    df.loc[df["home"], "type"] = home_type
    types = sorted(set(df["type"]) - {home_type, partner_type})
    colour_no: dict[str, int | str] = {tp: i % len(TYPE_COLOURS) for i, tp in enumerate(types)}
    colour_no[partner_type], colour_no[home_type] = "grey", "black"
    palette = {tp: TYPE_COLOURS[n] if isinstance(n, int) else NAMED_COLOURS[n] for tp, n in colour_no.items()}
    df["colour"] = df["type"].map(palette)
    this_year = dt.date.today().year
    df["radius"] = df["since"].map(lambda y: 30000 + 1000 * max(0, this_year - int(y)) if str(y).isdigit() else 25000)
    df["label"] = [f"{n} ({y})" if y else n for n, y in zip(df["name"], df["since"], strict=True)]
    partner = df["type"] == partner_type
    df["shown_label"] = df["label"].where(~partner, "")  # partner cities: tooltip only, the map stays readable
    df["tip"] = [" · ".join(x for x in parts if x) for parts in zip(df["label"], df["type"], df["status"], strict=True)]
    st.pydeck_chart(deck(df), height=560)
    st.caption(t("map.legend", lang))
    st.text("\n".join(f"● {t(f'colour.{colour_no[tp]}', lang)}: {tp}" for tp in [*types, partner_type, home_type]))
    table = queries.Table(["city", "agreement", "since", "status"],
                          df.sort_values("name")[["name", "type", "since", "status"]].values.tolist())
    tables.show_table(table, lang, key="map_table")


def deck(df: pd.DataFrame) -> pdk.Deck:
    """Lines from the home city, a dot per city, and the labels of the home and twin cities."""
    home = df[df["home"]]
    lines = pd.DataFrame()
    if not home.empty:
        hlon, hlat = float(home.iloc[0]["lon"]), float(home.iloc[0]["lat"])
        lines = df[~df["home"]].assign(hlon=hlon, hlat=hlat)
    layers = [
        pdk.Layer("LineLayer", lines, get_source_position=["hlon", "hlat"], get_target_position=["lon", "lat"],
                  get_color="colour", get_width=1.5, opacity=0.5) if not lines.empty else None,
        pdk.Layer("ScatterplotLayer", df, get_position=["lon", "lat"], get_fill_color="colour",
                  get_radius="radius", radius_min_pixels=4, radius_max_pixels=30, pickable=True, opacity=0.8),
        pdk.Layer("TextLayer", df, get_position=["lon", "lat"], get_text="shown_label", get_size=12,
                  get_color=[30, 30, 30], get_alignment_baseline="'bottom'", get_pixel_offset=[0, -10]),
    ]
    text = layers[-1]
    # set after construction: pydeck would turn a list given to the constructor into an expression
    text.character_set = sorted(set("".join(df["shown_label"])))
    text.font_family = "Helvetica, Arial, sans-serif"
    return pdk.Deck(
        layers=[layer for layer in layers if layer is not None],
        initial_view_state=pdk.data_utils.compute_view(df[["lon", "lat"]], view_proportion=0.9),
        tooltip={"text": "{tip}"}, map_provider=None, map_style=BLANK_STYLE,
    )


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
