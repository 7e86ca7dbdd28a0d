"""The view's own words (notes, panel headings, names of the kinds of tie), from the catalogues of graph.i18n."""

from __future__ import annotations

from typing import cast

from graph.analysis.ties import RELATIONS
from graph.i18n import t
from graph.render.view.kinds import FAMILIES

PLURAL = "plural"  # (one, other): the catalogue's view.<key>.one and view.<key>.other
# The view's words and their shape: a text, a (one, other) pair, or a table of texts (view.<key>.<name>).
SHAPE: dict[str, object] = {
    **dict.fromkeys(("overview", "all", "none", "empty", "focus", "focus_cut"), str), "steps": PLURAL,
    **dict.fromkeys(("not_found", "sampled", "degree", "betweenness", "since", "until", "status", "type", "kind",
                     "target_areas", "sdgs", "other_labels", "coordinates", "place", "country", "sources", "ties",
                     "facts", "more", "more_ties", "hint"), str),
    "rel_actor": RELATIONS, "rel_thing": RELATIONS, "rel_legend": RELATIONS, "family": (*FAMILIES, "other"),
    **dict.fromkeys(("cluster", "png", "fit", "labels_hidden", "collapsed", "collapsed_title"), str),
    "ties_between": PLURAL, "collapsed_note": PLURAL,
    **dict.fromkeys(("all_open", "clear_highlight"), str), "chain_note": PLURAL,
}


def text(lang: str) -> dict:
    """The view's words in `lang` from the catalogues (graph.i18n: view.*), English where `lang` has none.

    >>> text("nb")["steps"], text("en")["rel_actor"]["member"]
    (('{n} steg', '{n} steg'), 'member of')
    """
    out: dict[str, object] = {}
    for key, shape in SHAPE.items():
        if shape is str:
            out[key] = t(f"view.{key}", lang)
        elif shape == PLURAL:
            out[key] = (t(f"view.{key}.one", lang), t(f"view.{key}.other", lang))
        else:
            out[key] = {name: t(f"view.{key}.{name}", lang) for name in cast(tuple, shape)}
    return out


def period(since: int | None, until: int | None) -> str:
    """'2016–2019', '2015–', '' without dates.

    >>> period(2016, 2019), period(2015, None), period(None, None)
    ('2016–2019', '2015–', '')
    """
    if since is None and until is None:
        return ""
    return f"{since if since is not None else ''}–{until if until is not None else ''}"


def listing(items, t: dict, n: int = 5) -> str:
    """The first `n` items joined by '; ', then 'and N more'."""
    items = list(items)
    extra = f" {t['more'].format(n=len(items) - n)}" if len(items) > n else ""
    return "; ".join(items[:n]) + extra
