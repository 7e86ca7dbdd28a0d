"""What ran when: memberships, agreements, projects and activities as start–end rows for a timeline,
read from the network's data (graph.render.view.data), with open ends kept as such, and with every name
of each (labels in all languages, other names) for the page's name search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import URIRef

from graph.render.view.data import network_data
from graph.render.view.facts import notation
from graph.render.view.model import EdgeInfo, NetworkData, NodeInfo
from graph.render.view.text import text
from graph.store.base import Store
from graph.vocab.collate import name_key

GROUPS = ("agreements", "projects", "activities")  # node groups drawn; memberships come from the ties
# Every name of every thing, in every language: a name typed in another language than the page's finds it too.
NAMES_QUERY = "SELECT ?x ?name WHERE { VALUES ?x { %s } ?x rdfs:label|skos:altLabel ?name }"


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
    names: str = ""  # every name (the label, the names in all languages, other names), casefolded, one a line

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
    things = [n for n in _things(data) if _has_year(n)]
    members = [e for e in _memberships(data) if _has_year(e)]
    names = all_names(store, {n.iri for n in things} | {x for e in members for x in (e.actor, e.thing)})
    out = []
    for n in things:
        out.append(_span(data, n.label, n.group, n.since, n.until, n.target_areas, n.status, year_now,
                         _names(n.label, names.get(n.iri, ()))))
    t = text(lang)
    for e in members:
        label = f"{data.nodes[e.actor].label} {t['rel_actor']['member']} {data.nodes[e.thing].label}"
        thing = data.nodes[e.thing]
        out.append(_span(data, label, "membership", e.since, e.until, thing.target_areas, e.status, year_now,
                         _names(label, (*names.get(e.actor, ()), *names.get(e.thing, ())))))
    return sorted(out, key=lambda s: (s.start, name_key(s.label, lang), s.label))


def all_names(store: Store, iris: set[str]) -> dict[str, list[str]]:
    """The names of these things (rdfs:label and skos:altLabel, every language), for matching only: never shown.

    >>> from graph.history.shipped import open_store
    >>> forum = "https://w3id.org/ikg/trondheim/network-internasjonalt-forum"
    >>> sorted(all_names(open_store("memory"), {forum})[forum])
    ['Internasjonalt Forum', 'Internasjonalt forum', 'International Forum', 'det internasjonale forumet']
    """
    found: dict[str, list[str]] = {}
    if not iris:
        return found
    values = " ".join(URIRef(x).n3() for x in sorted(iris))  # IRIs of the store's own things, checked on entry
    for x, name in store.select_text(NAMES_QUERY % values):
        if name:
            found.setdefault(x, []).append(name)
    return found


def _names(label: str, names: tuple[str, ...] | list[str]) -> str:
    return "\n".join(dict.fromkeys(x.casefold() for x in (label, *names)))


def undated(store: Store, lang: str = "en") -> int:
    """How many memberships, agreements, projects and activities have no year at all (no bar to draw): the
    page says so, rather than leaving out a membership the user knows is there."""
    data = network_data(store, lang)
    items: list[NodeInfo | EdgeInfo] = [*_things(data), *_memberships(data)]
    return sum(1 for x in items if not _has_year(x))


def _things(data: NetworkData) -> list[NodeInfo]:
    """The agreements, projects and activities of the network."""
    return [n for n in data.nodes.values() if n.group in GROUPS]


def _memberships(data: NetworkData) -> list[EdgeInfo]:
    """The memberships: the network's "member" ties."""
    return [e for e in data.edges if e.relation == "member"]


def _has_year(x: NodeInfo | EdgeInfo) -> bool:
    """A bar can be drawn: a start or an end year."""
    return x.since is not None or x.until is not None


def _span(data: NetworkData, label: str, kind: str, since: int | None, until: int | None,
          areas: tuple[str, ...], status: str | None, year_now: int, names: str = "") -> Span:
    start = since if since is not None else until
    end = until if until is not None else max(year_now, start or year_now)
    return Span(label, kind, int(start or end), int(end), since is None, until is None,
                tuple(notation(data, "ta", a) for a in areas), data.labels.get(status, "") if status else "",
                names or label.casefold())
