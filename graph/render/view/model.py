"""What the view is asked for (ViewOptions) and what it works on and returns (NetworkData, View).

>>> ViewOptions(kinds={"networks"}).max_nodes
2000
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_MAX_NODES = 400  # what the Network page draws; the rest is reachable by filter, search and focus


@dataclass
class ViewOptions:
    """What to show. Every filter is None for 'no filter'; `kinds` takes KIND_GROUPS names or class names."""

    lang: str = "en"
    kinds: set[str] | None = None
    target_areas: set[str] | None = None  # skos:notation "1".."5"
    sdgs: set[str] | None = None  # "1".."17"
    agreement_types: set[str] | None = None  # concept IRIs; restricts agreements only
    statuses: set[str] | None = None  # status concept IRIs
    year: int | None = None  # the network as it stood in that year
    focus: str | None = None  # IRI
    depth: int = 1  # actor steps around the focus (1-3)
    size_by: str = "degree"  # or "betweenness"
    max_nodes: int = 2000
    colour_by: str = "kind"  # or "community"
    collapse: bool = False  # each cluster (Louvain) drawn as one node
    expanded: tuple[str, ...] = ()  # clusters left open while collapsed, by their lead member's IRI

    def key(self) -> tuple:
        def f(s: set[str] | None) -> tuple[str, ...] | None:
            return None if s is None else tuple(sorted(s))

        return (self.lang, f(self.kinds), f(self.target_areas), f(self.sdgs), f(self.agreement_types),
                f(self.statuses), self.year, self.focus, self.depth, self.size_by, self.max_nodes,
                self.colour_by, self.collapse, tuple(sorted(self.expanded)) if self.collapse else ())


@dataclass(frozen=True)
class NodeInfo:
    iri: str
    label: str
    cls: str  # ikg class local name ('' when the node has none)
    kind: str  # the class's label in the language
    group: str  # KIND_GROUPS name, or 'other'
    since: int | None
    until: int | None
    status: str | None  # status concept IRI
    agreement_type: str | None
    target_areas: tuple[str, ...]  # notations
    sdgs: tuple[str, ...]  # notations
    sources: tuple[str, ...]  # section labels

    @property
    def is_actor(self) -> bool:
        return self.group == "actors"


@dataclass(frozen=True)
class EdgeInfo:
    actor: str
    thing: str
    relation: str  # member | partner | party | participant
    role: str  # role label ('' when none)
    since: int | None  # the tie's own dates, else the thing's
    until: int | None
    status: str | None  # the tie's own status IRI, else the thing's
    sources: tuple[str, ...]


@dataclass
class NetworkData:
    """Every node and tie of the collaboration network, with labels in one language."""

    lang: str
    nodes: dict[str, NodeInfo]
    edges: list[EdgeInfo]
    labels: dict[str, str]  # concept IRI (status, type, role, class) -> label
    notation_labels: dict[tuple[str, str], str]  # ("ta"|"sdg", notation) -> label
    home: str | None
    order: list[str] = field(default_factory=list)  # node IRIs, sorted: the stable order for everything
    incident: dict[str, list[int]] = field(default_factory=dict)  # IRI -> indices into edges
    degree: dict[str, int] = field(default_factory=dict)  # distinct neighbours
    edge_extra: list[str] = field(default_factory=list, repr=False)  # per edge: "role · period · status"
    edge_sources: list[str] = field(default_factory=list, repr=False)  # per edge: its first sources
    filtered: dict[tuple, tuple] = field(default_factory=dict, repr=False)  # filters -> visible() and adjacency

    def neighbours(self, iri: str) -> set[str]:
        out = set()
        for i in self.incident.get(iri, ()):
            e = self.edges[i]
            out.add(e.thing if e.actor == iri else e.actor)
        return out


@dataclass
class View:
    nodes: list[dict]
    edges: list[dict]
    legend: list[tuple[str, str, str]]  # (label, colour, shape); edge entries have shape line/dashed/dotted/thick
    shown: int
    total: int  # nodes matching the filters (and focus), before trimming to max_nodes
    aggregated: bool  # True when fewer nodes are shown than match
    note: str
    html: str  # a self-contained page (vis-network inline)
    data: dict = field(default_factory=dict)  # what the app's network component draws (graph/render/assets/index.html)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # every tie among the view's nodes (actor, thing)
    owner: dict[str, str] = field(default_factory=dict)  # every node of the view -> the drawn node holding it
    names: dict[str, str] = field(default_factory=dict)  # every node of the view -> its full name
    actors: list[str] = field(default_factory=list)  # the view's actors, by name
    whole: int = 0  # nodes the view shows with no filter and no focus: the whole network
