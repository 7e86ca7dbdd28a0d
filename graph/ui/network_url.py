"""The Network page's address: focus, filters, year and collapsed clusters in the URL (st.query_params), so
a view can be shared as a link. Values are readable: local names for IRIs, group names, numbers."""

from __future__ import annotations

from typing import Any

import streamlit as st

from graph.ui import state
from graph.vocab.labels import local_name

WRITTEN = "net_url_written"  # the addresses the page wrote lately, newest last
KEEP_WRITTEN = 20
LISTS = {"kinds": "net_kinds", "ta": "net_areas", "sdg": "net_sdgs", "types": "net_types",
         "statuses": "net_statuses"}
IRI_LISTS = {"types", "statuses"}


def _split(value: str) -> list[str]:
    return [v for v in value.split(",") if v]


def restore(lang: str, choices: dict[str, Any], actor_iris: list[str], kinds: list[str]) -> None:
    """Set the widgets from the address when it is not one the page wrote itself: a link opened, or a
    link from another page (the gaps' "show in the network"). Unknown values are left out (a link from
    an older graph still opens).

    While a person works on this page, the browser sends back the address it holds with each rerun; after
    quick clicks or arrow keys that can be an address written one or two runs ago, not yet applied. Any
    address the page wrote lately counts as its own, so such a late one never pulls the widgets back."""
    params = state.page_params()
    if not state.same_page_as_before():
        st.session_state[WRITTEN] = []
    if params in st.session_state.get(WRITTEN, []):
        return
    known = {"kinds": {k: k for k in kinds}, "ta": {k: k for k in choices["ta"]}, "sdg": {k: k for k in choices["sdg"]},
             "types": {local_name(k): k for k in choices["types"]},
             "statuses": {local_name(k): k for k in choices["statuses"]}}
    for name, base in LISTS.items():
        if name in params:
            state.set_picker(base, lang, [known[name][v] for v in _split(params[name]) if v in known[name]])
    if "focus" in params:
        by_name = {local_name(i): i for i in actor_iris}
        if params["focus"] in by_name:
            state.set_picker("net_focus", lang, by_name[params["focus"]])
    if params.get("depth") in ("1", "2", "3"):
        st.session_state["net_depth"] = int(params["depth"])
    if params.get("year", "").isdigit():
        st.session_state["net_use_year"] = True
        st.session_state["net_year"] = int(params["year"])
    if params.get("size") in ("degree", "betweenness"):
        state.set_picker("net_size", lang, params["size"])
    if params.get("colour") in ("kind", "community"):
        state.set_picker("net_colour", lang, params["colour"])
    st.session_state["net_collapse"] = params.get("clusters") == "collapsed"


def keep(options: dict[str, Any], all_kinds: list[str]) -> None:
    """Write the view's choices into the address (only what differs from the defaults), beside the language."""
    wanted: dict[str, str] = {}
    if options.get("focus"):
        wanted["focus"] = local_name(options["focus"])
        if options.get("depth", 1) != 1:
            wanted["depth"] = str(options["depth"])
    kinds = options.get("kinds")
    if kinds is not None and set(kinds) != set(all_kinds):
        wanted["kinds"] = ",".join(k for k in all_kinds if k in kinds)
    for name, key in (("ta", "target_areas"), ("sdg", "sdgs"), ("types", "agreement_types"),
                      ("statuses", "statuses")):
        values = options.get(key)
        if values:
            shown = sorted(local_name(v) for v in values) if name in IRI_LISTS else sorted(values, key=_number)
            wanted[name] = ",".join(shown)
    if options.get("year") is not None:
        wanted["year"] = str(options["year"])
    if options.get("size_by", "degree") != "degree":
        wanted["size"] = options["size_by"]
    if options.get("colour_by", "kind") != "kind":
        wanted["colour"] = options["colour_by"]
    if options.get("collapse"):
        wanted["clusters"] = "collapsed"
    written = [w for w in st.session_state.get(WRITTEN, []) if w != wanted]
    st.session_state[WRITTEN] = [*written, wanted][-KEEP_WRITTEN:]
    state.set_page_params(wanted)


def _number(value: str) -> tuple[int, str]:
    return (int(value) if value.isdigit() else 0, value)
