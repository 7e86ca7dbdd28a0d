"""What ran when: memberships, agreements, projects and activities as start–end rows for a timeline,
read from the network's data (graph.render.view.data), with open ends kept as such."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.render.view.data import network_data
from graph.render.view.facts import notation
from graph.render.view.model import NetworkData
from graph.render.view.text import text
from graph.store.base import Store

GROUPS = ("agreements", "projects", "activities")  # node groups drawn; memberships come from the ties


@dataclass(frozen=True)
class Span:
    label: str
    kind: str  # 'membership' or a KIND_GROUPS name
    start: int
    end: int  # the last year (inclusive); this year when the end is open
    open_start: bool  # no start year known: drawn from its end year
    open_end: bool  # no end year: still running, or not known
    areas: tuple[str, ...]  # target areas, as "3 Research"
    status: str

    def running(self, year: int) -> bool:
        return self.start <= year <= self.end


def spans(store: Store, lang: str = "en", today: int | None = None) -> list[Span]:
    """Every membership, agreement, project and activity with at least one year, by start then name.

    >>> from graph.history.shipped import open_store
    >>> rows = spans(open_store("memory"), "en", today=2026)
    >>> any(r.kind == "agreements" and r.label.startswith("Trondheim–Dunfermline") and r.start == 1945 for r in rows)
    True
    """
    data = network_data(store, lang)
    year_now = today or dt.date.today().year
    out = []
    for n in data.nodes.values():
        if n.group in GROUPS and (n.since is not None or n.until is not None):
            out.append(_span(data, n.label, n.group, n.since, n.until, n.target_areas, n.status, year_now))
    t = text(lang)
    for e in data.edges:
        if e.relation == "member" and (e.since is not None or e.until is not None):
            label = f"{data.nodes[e.actor].label} {t['rel_actor']['member']} {data.nodes[e.thing].label}"
            thing = data.nodes[e.thing]
            out.append(_span(data, label, "membership", e.since, e.until, thing.target_areas, e.status, year_now))
    return sorted(out, key=lambda s: (s.start, s.label.casefold()))


def undated(store: Store, lang: str = "en") -> int:
    """How many memberships, agreements, projects and activities have no year at all (no bar to draw): the
    page says so, rather than leaving out a membership the user knows is there."""
    data = network_data(store, lang)
    nodes = sum(1 for n in data.nodes.values() if n.group in GROUPS and n.since is None and n.until is None)
    return nodes + sum(1 for e in data.edges if e.relation == "member" and e.since is None and e.until is None)


def _span(data: NetworkData, label: str, kind: str, since: int | None, until: int | None,
          areas: tuple[str, ...], status: str | None, year_now: int) -> Span:
    start = since if since is not None else until
    end = until if until is not None else max(year_now, start or year_now)
    return Span(label, kind, int(start or end), int(end), since is None, until is None,
                tuple(notation(data, "ta", a) for a in areas), data.labels.get(status, "") if status else "")
