"""The kinds of node the view groups by, and how each kind and each kind of tie is drawn.

>>> sorted(KIND_GROUPS)
['activities', 'actors', 'agreements', 'networks', 'projects', 'working groups']
>>> "TwinCityAgreement" in KIND_GROUPS["agreements"] and "City" in ACTOR_CLASSES
True
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.analysis.ties import RELATIONS
from graph.i18n import t
from graph.vocab.classes import actor_classes, subclasses
from graph.vocab.labels import local_name
from graph.vocab.namespaces import IKG


def _names(classes: Iterable[object]) -> set[str]:
    return {local_name(c) for c in classes if str(c).startswith(str(IKG))}


ACTOR_CLASSES = _names(actor_classes())  # from the ontology: ikg:Actor and below
KIND_GROUPS: dict[str, set[str]] = {
    "actors": ACTOR_CLASSES,
    "networks": {"Network"},
    "projects": {"Project"},
    "agreements": _names(subclasses(IKG.Agreement)),
    "activities": _names(subclasses(IKG.Activity)),
    "working groups": {"WorkingGroup"},
}
GROUP_OF = {cls: group for group, classes in KIND_GROUPS.items() for cls in classes}
GROUP_SHAPES = {"actors": "dot", "networks": "diamond", "projects": "square", "agreements": "triangle",
                "activities": "star", "working groups": "hexagon"}
CLASS_COLOURS = {
    "City": "#1f77b4", "MunicipalUnit": "#6baed6", "University": "#9467bd", "ResearchInstitute": "#c5b0d5",
    "Company": "#8c564b", "BusinessAssociation": "#c49c94", "StateAgency": "#7f7f7f", "CountyAuthority": "#bcbd22",
    "RegionalBody": "#dbdb8d", "VoluntaryOrganisation": "#e377c2", "CulturalInstitution": "#f7b6d2",
    "YouthCouncil": "#17becf", "InternationalOrganisation": "#9edae5", "UNOrganisation": "#3182bd",
    "ConsularCorps": "#393b79", "Person": "#637939", "Network": "#2ca02c", "WorkingGroup": "#98df8a",
    "Project": "#ff7f0e", "Agreement": "#d62728", "TwinCityAgreement": "#d62728", "CityRelation": "#ff9896",
    "Activity": "#fdae6b", "Delegation": "#e6550d", "Visit": "#fd8d3c", "Seminar": "#fdae6b",
    "YouthExchange": "#fdd0a2", "CulturalEvent": "#f16913",
}
OTHER_COLOUR = "#bdbdbd"
FOCUS_BORDER = "#111111"
HOME_BORDER = "#444444"

EDGE_STYLES = {  # relation kind -> vis edge style, and the legend's name for the line
    "member": ({"color": "#2ca02c", "width": 1.5, "dashes": False}, "line"),
    "partner": ({"color": "#ff7f0e", "width": 1.0, "dashes": [6, 4]}, "dashed"),
    "party": ({"color": "#d62728", "width": 3.0, "dashes": False}, "thick"),
    "participant": ({"color": "#7f7f7f", "width": 1.0, "dashes": [2, 4]}, "dotted"),
}
assert set(EDGE_STYLES) == set(RELATIONS)

# The legend's families: actor kinds grouped, each family one colour and shape that no other shares
# (an agreement and a twin-city agreement differ in both). Order = legend order.
FAMILIES: dict[str, tuple[frozenset[str], str, str]] = {
    "cities": (frozenset({"City", "MunicipalUnit"}), "#1f77b4", "dot"),
    "knowledge": (frozenset({"University", "ResearchInstitute"}), "#9467bd", "dot"),
    "business": (frozenset({"Company", "BusinessAssociation"}), "#8c564b", "dot"),
    "public": (frozenset({"StateAgency", "CountyAuthority", "RegionalBody", "InternationalOrganisation",
                          "UNOrganisation", "ConsularCorps"}), "#7f7f7f", "dot"),
    "society": (frozenset({"VoluntaryOrganisation", "CulturalInstitution", "YouthCouncil", "Person"}),
                "#e377c2", "dot"),
    "networks": (frozenset({"Network", "WorkingGroup"}), "#2ca02c", "diamond"),
    "projects": (frozenset({"Project"}), "#ff7f0e", "square"),
    "agreements": (frozenset({"Agreement", "CityRelation"}), "#d62728", "triangle"),
    "twins": (frozenset({"TwinCityAgreement"}), "#17becf", "triangleDown"),
    "activities": (frozenset({"Activity", "Delegation", "Visit", "Seminar", "YouthExchange", "CulturalEvent"}),
                   "#bcbd22", "star"),
}
FAMILY_OF = {cls: fam for fam, (classes, _c, _s) in FAMILIES.items() for cls in classes}
OTHER_FAMILY = ("#bdbdbd", "dot")
# Community colours (colour by cluster): distinct from each other; the rest of the clusters grey.
COMMUNITY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def family(cls: str) -> tuple[str, str, str]:
    """(family, colour, shape) of a class; actors of kinds the map does not know are 'public' grey dots.

    >>> family("TwinCityAgreement")[2] != family("Agreement")[2]
    True
    """
    fam = FAMILY_OF.get(cls)
    if fam is None:
        fam = "public" if cls in ACTOR_CLASSES else "other"
    colour, shape = (FAMILIES[fam][1], FAMILIES[fam][2]) if fam in FAMILIES else OTHER_FAMILY
    return fam, colour, shape


def group_label(group: str, lang: str = "en") -> str:
    """The name of a KIND_GROUPS entry in a language ('networks' -> 'Nettverk')."""
    return t(f"view.group.{group}", lang) if group in GROUP_SHAPES else group


def expand_kinds(kinds: Iterable[str] | None) -> set[str] | None:
    """Group names and class names -> class names; None stays None (all kinds).

    >>> sorted(expand_kinds({"networks", "City"}))
    ['City', 'Network']
    """
    if kinds is None:
        return None
    out: set[str] = set()
    for k in kinds:
        out |= KIND_GROUPS.get(k, {k})
    return out
