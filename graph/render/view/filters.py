"""Choosing what to show: the nodes and ties that pass the filters, and the neighbourhood of a focus."""

from __future__ import annotations

from collections import deque

from graph.render.view.kinds import ACTOR_CLASSES, expand_kinds
from graph.render.view.model import NetworkData, NodeInfo, ViewOptions


def in_year(since: int | None, until: int | None, year: int | None) -> bool:
    """Whether something with these dates stood in `year` (no dates: always).

    >>> in_year(2016, 2019, 2020), in_year(None, None, 2000), in_year(2018, None, None)
    (False, True, True)
    """
    return year is None or not ((since is not None and since > year) or (until is not None and until < year))


def visible(data: NetworkData, options: ViewOptions) -> tuple[set[str], list[int]]:
    """The nodes and edge indices that pass the filters (before focus and trimming).

    Things pass on kind, year, status, target area, SDG and (agreements only) agreement type; a thing
    or tie without dates or status is never hidden by the year or status filter. Actors pass on kind
    and show when they keep at least one tie; when only actor kinds are chosen they show on their own.
    When only thing kinds are chosen, the actors tied to them come along.
    """
    kinds = expand_kinds(options.kinds)
    actor_kinds_chosen = kinds is None or bool(kinds & ACTOR_CLASSES)
    thing_kinds_chosen = kinds is None or bool(kinds - ACTOR_CLASSES)
    ta, sdg, types, statuses, year = (options.target_areas, options.sdgs, options.agreement_types,
                                      options.statuses, options.year)

    def thing_ok(n: NodeInfo) -> bool:
        if kinds is not None and n.cls not in kinds:
            return False
        if not in_year(n.since, n.until, year):
            return False
        if statuses and n.status and n.status not in statuses:
            return False
        if ta and not ta.intersection(n.target_areas):
            return False
        if sdg and not sdg.intersection(n.sdgs):
            return False
        return not (types and n.group == "agreements" and n.agreement_type not in types)

    def actor_ok(n: NodeInfo) -> bool:
        return not actor_kinds_chosen or kinds is None or n.cls in kinds

    candidates = {n.iri for n in data.nodes.values()
                  if (actor_ok(n) if n.is_actor else thing_kinds_chosen and thing_ok(n))}
    if not thing_kinds_chosen:
        return candidates, []
    edges = [i for i, e in enumerate(data.edges)
             if e.thing in candidates and e.actor in candidates and in_year(e.since, e.until, year)
             and not (statuses and e.status and e.status not in statuses)]
    tied = {data.edges[i].actor for i in edges}
    return {n for n in candidates if not data.nodes[n].is_actor or n in tied}, edges


def neighbourhood(adjacent: dict[str, list[str]], start: str, hops: int) -> dict[str, int]:
    """Node -> distance (in hops) for everything within `hops` of `start` along the visible ties.

    >>> neighbourhood({"a": ["x"], "x": ["a", "b"], "b": ["x"]}, "a", 1)
    {'a': 0, 'x': 1}
    """
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        d = dist[n] + 1
        if d > hops:
            continue
        for m in adjacent.get(n, ()):
            if m not in dist:
                dist[m] = d
                queue.append(m)
    return dist
