"""The open store (one for all sessions) and the cached answers of graph/ functions, keyed by its generation.

Every cached function takes the store as `_store` (not hashed) and `key` = (token, generation): a write
bumps the generation, so the next run computes fresh answers; the token tells stores apart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

import graph.analysis.assessments as review_reads
import graph.analysis.gaps as gaps
import graph.analysis.review_items as review_items
import graph.edit.editing as editing
import graph.history.changes as history
import graph.history.shipped as shipped
import graph.questions.catalogue as queries
import graph.render.ready as ready
import graph.render.view as view
import graph.render.view.changes_text as changes_text
import graph.render.view.timeline as timeline_spans
import graph.render.view.worldmap as worldmap
import graph.store.base as gstore
import graph.store.keeper as keeping
from graph import config
from graph.i18n import languages, t
from graph.vocab.collate import name_key

Key = tuple[str, int]


@dataclass(frozen=True)
class Opened:
    """The store the app opened, and the token that, with its generation, keys every cached answer."""

    store: gstore.Store
    token: str

    @property
    def key(self) -> Key:
        return (self.token, self.store.generation)


def _closed(opened: Opened) -> None:
    """The store let go of (the cache cleared): its keeper stops holding it, so the folder can be opened
    again in this process once the store is collected."""
    keeping.stop_keeping(opened.store, timeout=60)


@st.cache_resource(show_spinner=False, on_release=_closed)
def open_graph(setting: str, data_dir: str) -> Opened:
    """One store for all sessions (data_dir is part of the key so tests can point at other data), its
    answers kept current in the background (graph.render.ready)."""
    store = shipped.open_store(setting or None)
    ready.keep_current(store, languages())
    return Opened(store, uuid.uuid4().hex)


def opened() -> Opened:
    """The store of the configured setting (IKG_STORE, IKG_DATA), opened on first use."""
    return open_graph(config.env("IKG_STORE"), str(config.data_dir()))


@st.cache_data(show_spinner=False, max_entries=512)
def ask(_store: gstore.Store, key: Key, name: str, params: tuple[tuple[str, str], ...] = (),
        lang: str = "en") -> queries.Table:
    """A named question's answer."""
    return queries.run(_store, name, dict(params), lang)


@st.cache_data(show_spinner=False, max_entries=64)
def actors(_store: gstore.Store, key: Key, lang: str) -> list[tuple[str, str]]:
    """(IRI, label) of every actor, by label."""
    return queries.actor_choices(_store, lang)


FOCUS_GROUPS = ("networks", "working groups")  # besides the actors, what the Network page's search offers


@st.cache_data(show_spinner=False, max_entries=64)
def focus_choices(_store: gstore.Store, key: Key, lang: str) -> list[tuple[str, str]]:
    """(IRI, label) of what the Network page can be focused on, by name: every actor, and every network and
    working group, named with its kind ("EUniverCities Network (network)"), whose members are who
    collaborates through it."""
    data = view.network_data(_store, lang)
    things = [(iri, f"{n.label} ({n.kind[:1].lower() + n.kind[1:]})") for iri, n in data.nodes.items()
              if n.group in FOCUS_GROUPS]
    return sorted([*actors(_store, key, lang), *things], key=lambda p: (name_key(p[1], lang), p[0]))


@st.cache_data(show_spinner=False, max_entries=64)
def home(_store: gstore.Store, key: Key) -> str:
    """The home actor's IRI ('' when the data names none): one look-up, not the network's data (0.4 s at 1M)."""
    return queries.home_actor(_store) or ""


def _by_dimension(labels: dict[tuple[str, str], str]) -> dict[str, dict[str, str]]:
    """{"ta": {notation: "notation name"}, "sdg": {…}}, each by number."""
    return {what: dict(sorted(((n, f"{n} {label}") for (p, n), label in labels.items() if p == what),
                              key=lambda kv: (len(kv[0]), kv[0]))) for what in ("ta", "sdg")}


@st.cache_data(show_spinner=False, max_entries=64)
def dimensions(_store: gstore.Store, key: Key, lang: str) -> dict[str, dict[str, str]]:
    """The target areas and SDGs by number, as the network's filters name them: one small query, not the
    network's data (0.4 s at 1M triples), for the Gaps page."""
    return _by_dimension(view.dimension_labels(_store, lang))


@st.cache_data(show_spinner=False, max_entries=64)
def network_choices(_store: gstore.Store, key: Key, lang: str) -> dict[str, Any]:
    """The network page's filter choices: value -> label for each filter, the years, the home city."""
    data = view.network_data(_store, lang)
    types = {n.agreement_type for n in data.nodes.values() if n.agreement_type}
    statuses = {n.status for n in data.nodes.values() if n.status} | {e.status for e in data.edges if e.status}
    years = {y for n in data.nodes.values() for y in (n.since, n.until) if y is not None}
    years |= {y for e in data.edges for y in (e.since, e.until) if y is not None}

    def by_label(iris: set[str]) -> dict[str, str]:
        return dict(sorted(((i, data.labels.get(i, i)) for i in iris), key=lambda kv: (name_key(kv[1], lang), kv[1])))

    return {**_by_dimension(data.notation_labels), "types": by_label(types), "statuses": by_label(statuses),
            "years": {"min": str(min(years)), "max": str(max(years))} if years else {}, "home": data.home or ""}


@st.cache_data(show_spinner=False, max_entries=64)
def node_details(_store: gstore.Store, key: Key, lang: str, iri: str) -> dict[str, Any]:
    """The focused actor's facts, ties, collaborators and sources."""
    return view.node_details(_store, iri, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def gap_tables(_store: gstore.Store, key: Key, lang: str, since: int,
               thin_max: int | None = None) -> list[tuple[gaps.Gap, queries.Table]]:
    """Every gap list with its answer."""
    return list(gaps.gap_tables(_store, lang, since, thin_max))


@st.cache_data(show_spinner=False, max_entries=64)
def thinnest(_store: gstore.Store, key: Key, lang: str) -> int:
    """How many networks and projects serve the thinnest target area."""
    return gaps.thinnest(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def network_gaps(_store: gstore.Store, key: Key, lang: str) -> tuple[list[str], list[str]]:
    """The brokers and the isolated actors."""
    return gaps.network_gaps(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def review_table(_store: gstore.Store, key: Key, lang: str, round_label: str | None) -> queries.Table:
    return review_items.review_table(_store, lang, round_label)


@st.cache_data(show_spinner=False, max_entries=64)
def rounds(_store: gstore.Store, key: Key, lang: str) -> list[tuple[str, str]]:
    return review_reads.rounds(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def side_by_side(_store: gstore.Store, key: Key, lang: str) -> queries.Table:
    return review_items.rounds_side_by_side(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def assessments(_store: gstore.Store, key: Key, lang: str) -> list[review_reads.Assessment]:
    """Every assessment of every round."""
    return review_reads.assessments(_store, lang, None)


@st.cache_data(show_spinner=False, max_entries=64)
def target_areas(_store: gstore.Store, key: Key, lang: str) -> list[tuple[str, str]]:
    return review_reads.target_areas(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def coverage(_store: gstore.Store, key: Key, lang: str, dimension: str) -> pd.DataFrame:
    """One row per (network or project, target area or SDG) link, from the `coverage-matrix` question (asked
    once for both dimensions: 1.4 s at 1M triples)."""
    wanted = "target area" if dimension == "target_areas" else "SDG"
    rows = [r for r in ask(_store, key, "coverage-matrix", (), lang).dicts() if r["dimension"] == wanted]
    return pd.DataFrame(
        [{"thing": r["thing"], "kind": t(f"kind.{r['kind']}", lang), "dimension": f"{r['dim_no']} {r['dim_label']}",
          "order": int(r["dim_no"]) if r["dim_no"].isdigit() else 0} for r in rows],
        columns=["thing", "kind", "dimension", "order"],
    )


@st.cache_data(show_spinner=False, max_entries=64)
def places(_store: gstore.Store, key: Key, lang: str) -> pd.DataFrame:
    """The home city, twin cities and partner cities, from the `places` question."""
    rows = queries.run(_store, "places", {}, lang).dicts()
    return pd.DataFrame(
        [{"name": r["city"], "lat": float(r["lat"]), "lon": float(r["long"]), "home": r["role"] == "home",
          "type": r["agreement"], "since": r["since"], "status": r["status"]} for r in rows],
        columns=["name", "lat", "lon", "home", "type", "since", "status"],
    )


@st.cache_data(show_spinner=False, max_entries=16)
def timeline(_store: gstore.Store, key: Key, lang: str) -> list[dict[str, Any]]:
    """Memberships, agreements, projects and activities with their years (graph/render/view/timeline.py)."""
    return [{**span.__dict__, "areas": list(span.areas)} for span in timeline_spans.spans(_store, lang)]


@st.cache_data(show_spinner=False, max_entries=16)
def map_picture(_store: gstore.Store, key: Key, lang: str, cities: tuple, names: tuple, near: bool = False) -> str:
    """The map of these cities as SVG (graph/render/view/worldmap.py), all of them or those around home."""
    return worldmap.map_svg(list(cities), dict(names), near)


@st.cache_data(show_spinner=False, max_entries=16)
def undated(_store: gstore.Store, key: Key, lang: str) -> int:
    """How many memberships, agreements, projects and activities have no year (the timeline leaves them out)."""
    return timeline_spans.undated(_store, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def documents(_store: gstore.Store, key: Key, lang: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The source documents, and the dataset's own label and description."""
    docs = queries.run(_store, "documents", {}, lang).dicts()
    dataset = queries.run(_store, "dataset", {}, lang).dicts()
    return docs, (dataset[0] if dataset else {})


@st.cache_data(show_spinner=False, max_entries=64)
def triples(_store: gstore.Store, key: Key) -> int:
    return _store.count()


@st.cache_data(show_spinner=False, max_entries=256)
def choices(_store: gstore.Store, key: Key, name: str, lang: str) -> list[tuple[str, str]]:
    """The options of an edit form's picker (things of a kind, or a field's concepts)."""
    return editing.choices(_store, name, lang)


CHANGE_ITEMS_SHOWN = 3  # names in the history's "what" column; the rest counted
SMALL_CHANGE = 400  # triples: a bigger change (an import, a reset) is told by its reason instead


@st.cache_data(show_spinner=False, max_entries=8)
def change_items(_store: gstore.Store, key: Key, lang: str) -> dict[str, str]:
    """Change id -> the names of the things it touched ("Harbour Cities; Trondheim in Harbour Cities"),
    for every change of at most SMALL_CHANGE triples."""
    out = {}
    for change_id, (added, removed) in history.small_diffs(_store, SMALL_CHANGE).items():
        names = changes_text.items(_store, added, removed, lang)
        more = len(names) - CHANGE_ITEMS_SHOWN
        out[change_id] = "; ".join(names[:CHANGE_ITEMS_SHOWN]) + (t("history.and_more", lang, n=more) if more > 0
                                                                   else "")
    return out
