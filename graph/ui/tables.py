"""Small display helpers shared by the pages: tables, CSV downloads and lists, always as text, and charts at
their own width."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

import graph.questions.catalogue as queries
import graph.render.exports as exports
from graph.i18n import column, t


def frame(table: queries.Table, lang: str, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """A question's answer as a data frame with column headings in the language."""
    df = pd.DataFrame(table.rows, columns=table.columns).drop(columns=list(drop), errors="ignore")
    return df.rename(columns={c: column(c, lang) for c in df.columns})


def show_table(table: queries.Table, lang: str, drop: tuple[str, ...] = (), key: str | None = None) -> None:
    if not table.rows:
        st.info(t("common.no_rows", lang))
        return
    st.dataframe(frame(table, lang, drop), hide_index=True, key=key)


def rows_table(rows: list[list[str]], columns: list[str], lang: str, key: str | None = None) -> None:
    """Rows of text under column headings in the language, or a note that there are none."""
    if rows:
        st.dataframe(pd.DataFrame(rows, columns=[column(c, lang) for c in columns]), hide_index=True, key=key)
    else:
        st.caption(t("common.none", lang))


def csv_button(table: queries.Table, lang: str, file_name: str, key: str) -> None:
    cols = [column(c, lang) for c in table.columns]
    data = exports.spreadsheet_csv(cols, table.rows, lang)  # opens in a spreadsheet in the language as it is
    st.download_button(t("common.download_csv", lang), data, file_name=file_name, mime="text/csv", key=key,
                       on_click="ignore")


def items_text(items: list[str], lang: str) -> None:
    if items:
        st.text("\n".join(f"• {item}" for item in items))
    else:
        st.caption(t("common.none", lang))


def own_width_chart(chart: Any, key: str) -> None:
    """An Altair chart at its own width, in a box that scrolls sideways when the screen is narrower (a phone):
    squeezed to the screen, a matrix's names took the whole width, and a wider chart made the page scroll."""
    st.html(f"<style>.st-key-{key} {{ overflow-x: auto; }}</style>")
    with st.container(key=key):
        st.altair_chart(chart, width="content")


PHONE_SCREEN = 700  # pixels: a screen narrower than this has no room for a chart's names and its marks side by side


def by_screen(narrow: int, wide: int, plus: int = 0) -> alt.ExprRef:
    """A chart's size in pixels, `narrow` (+ plus) on a phone and `wide` (+ plus) on a wider screen: the screen's
    width, not the chart's box, which is 0 wide in a tab not yet shown. Vega works it out in the browser.

    >>> by_screen(140, 330).to_dict()
    {'expr': 'screen().width < 700 ? 140 : 330'}
    >>> by_screen(140, 380, plus=-8).to_dict()["expr"]
    'screen().width < 700 ? 132 : 372'
    """
    return alt.ExprRef(f"screen().width < {PHONE_SCREEN} ? {narrow + plus} : {wide + plus}")
